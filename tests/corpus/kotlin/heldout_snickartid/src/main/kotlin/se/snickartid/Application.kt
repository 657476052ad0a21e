package se.snickartid

import io.ktor.client.HttpClient
import io.ktor.client.engine.cio.CIO
import io.ktor.client.plugins.contentnegotiation.ContentNegotiation as ClientContentNegotiation
import io.ktor.http.HttpStatusCode
import io.ktor.serialization.kotlinx.json.json
import io.ktor.server.application.Application
import io.ktor.server.application.install
import io.ktor.server.engine.embeddedServer
import io.ktor.server.netty.Netty
import io.ktor.server.plugins.contentnegotiation.ContentNegotiation
import io.ktor.server.response.respond
import io.ktor.server.routing.get
import io.ktor.server.routing.post
import io.ktor.server.routing.routing
import kotlinx.coroutines.launch
import okhttp3.OkHttpClient
import org.slf4j.LoggerFactory
import se.snickartid.fortnox.ArticleRegister
import se.snickartid.fortnox.EmployeeRegister
import se.snickartid.fortnox.Lookup
import se.snickartid.fortnox.companyInformation
import se.snickartid.fortnox.fortnoxHttpClient
import se.snickartid.fortnox.lookup
import se.snickartid.db.JdbcJobRepository
import se.snickartid.sync.Job
import se.snickartid.sync.JobRepository
import se.snickartid.sync.MaterialTransfers
import se.snickartid.sync.PayrollExport
import se.snickartid.sync.ProjectSync
import java.time.Instant
import java.util.concurrent.ConcurrentHashMap

private val log = LoggerFactory.getLogger("se.snickartid.Application")

fun main() {
    val jobs = JdbcJobRepository.fromEnvironment()
    embeddedServer(Netty, port = System.getenv("PORT")?.toInt() ?: 8080) { module(jobs) }.start(wait = true)
}

fun Application.module(jobs: JobRepository) {
    val token = { System.getenv("FORTNOX_ACCESS_TOKEN") ?: error("FORTNOX_ACCESS_TOKEN not set") }
    val fortnox = fortnoxHttpClient(token)
    val wholesaler = HttpClient(CIO) { install(ClientContentNegotiation) { json() } }
    val projects = ProjectSync(fortnox)
    val materials = MaterialTransfers(fortnox, wholesaler, System.getenv("WHOLESALER_API_KEY") ?: "")
    val payroll = PayrollExport(OkHttpClient(), token)
    val articles = ArticleRegister(fortnox)
    val employees = EmployeeRegister(fortnox)
    val lastSync = ConcurrentHashMap<String, Instant>()

    install(ContentNegotiation) { json() }

    launch {
        val company = fortnox.companyInformation()
        log.info("Connected to {} ({})", company.companyName, company.organizationNumber)
    }

    routing {
        get("/projects/{projectNumber}") { // fortnox: none own-route
            val number = call.parameters["projectNumber"]!!
            val job: Job = jobs.byFortnoxProject(number) ?: return@get call.respond(HttpStatusCode.NotFound)
            call.respond(mapOf("job" to job.id.toString(), "title" to job.title))
        }

        post("/sync/projects") {
            jobs.changedSince(lastSync["projects"] ?: Instant.EPOCH).forEach { job -> // fortnox: none label
                val projectNumber = projects.pushJob(job)
                jobs.linkProject(job.id, projectNumber)
            }
            lastSync["projects"] = Instant.now()
            call.respond(HttpStatusCode.Accepted)
        }

        get("/registers") {
            call.respond(
                mapOf(
                    "articles" to articles.all().size,
                    "employees" to employees.all().size,
                    "costCenters" to fortnox.lookup(Lookup.COST_CENTERS).size,
                    "waysOfDelivery" to fortnox.lookup(Lookup.WAYS_OF_DELIVERY).size,
                    "stockPoints" to projects.stockPoints().size,
                )
            )
        }

        post("/jobs/{id}/materials") {
            val job = jobs.byId(call.parameters["id"]!!.toLong()) ?: return@post call.respond(HttpStatusCode.NotFound)
            val rows = jobs.materialRows(job.id)
            val order = projects.invoiceMaterials(job, rows.map { it.toOrderRow(materials.wholesalerNetPrice(it.sku)) })
            call.respond(mapOf("order" to order))
        }
    }
}
