package se.snickartid.sync

import io.ktor.client.HttpClient
import io.ktor.client.call.body
import io.ktor.client.request.get
import io.ktor.client.request.parameter
import io.ktor.client.request.post
import io.ktor.client.request.put
import io.ktor.client.request.setBody
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import org.slf4j.LoggerFactory
import se.snickartid.fortnox.Fortnox
import java.time.Instant

@Serializable
data class FxProject(
    @SerialName("ProjectNumber") val projectNumber: String? = null,
    @SerialName("Description") val description: String,
    @SerialName("Status") val status: String = "ONGOING",
    @SerialName("StartDate") val startDate: String? = null,
    @SerialName("EndDate") val endDate: String? = null,
    @SerialName("ProjectLeader") val projectLeader: String? = null,
)

@Serializable private data class ProjectEnvelope(@SerialName("Project") val project: FxProject)
@Serializable private data class ProjectList(@SerialName("Projects") val projects: List<FxProject>)

@Serializable
data class FxOrderRow(
    @SerialName("ArticleNumber") val articleNumber: String,
    @SerialName("OrderedQuantity") val quantity: String,
    @SerialName("Price") val price: Double? = null,
)

@Serializable
data class FxOrder(
    @SerialName("DocumentNumber") val documentNumber: String? = null,
    @SerialName("CustomerNumber") val customerNumber: String,
    @SerialName("Project") val project: String,
    @SerialName("OrderRows") val rows: List<FxOrderRow>,
)

@Serializable private data class OrderEnvelope(@SerialName("Order") val order: FxOrder)

/** A job ("jobb") as it exists in our own app. */
data class Job(
    val id: Long,
    val title: String,
    val customerNumber: String,
    val fortnoxProject: String?,
    val foreman: String,
    val startedOn: String,
    val finishedOn: String?,
)

data class MaterialRow(val sku: String, val quantity: Double) {
    fun toOrderRow(netPrice: Double) = FxOrderRow(articleNumber = sku, quantity = quantity.toString(), price = netPrice)
}

/** Our own job database (Postgres); the JDBC implementation lives in the app module. */
interface JobRepository {
    fun byId(id: Long): Job?
    fun byFortnoxProject(projectNumber: String): Job?
    fun changedSince(since: Instant): List<Job>
    fun linkProject(jobId: Long, projectNumber: String)
    fun materialRows(jobId: Long): List<MaterialRow>
}

class ProjectSync(private val fortnox: HttpClient) {

    private val log = LoggerFactory.getLogger(ProjectSync::class.java)

    // Default page size is 100; ongoing projects never get near that for us.
    suspend fun ongoingProjects(): List<FxProject> =
        fortnox.get("projects") { // fortnox: cross-file GET /3/projects project
            parameter("status", "ONGOING")
        }.body<ProjectList>().projects

    suspend fun pushJob(job: Job): String {
        val project = FxProject(
            projectNumber = job.fortnoxProject,
            description = "${job.title} (#${job.id})",
            startDate = job.startedOn,
            endDate = job.finishedOn,
            status = if (job.finishedOn == null) "ONGOING" else "COMPLETED",
            projectLeader = job.foreman,
        )
        val saved = if (job.fortnoxProject == null) {
            fortnox.post("projects") { setBody(ProjectEnvelope(project)) } // fortnox: cross-file POST /3/projects project
        } else {
            fortnox.put("projects/${job.fortnoxProject}") { setBody(ProjectEnvelope(project)) } // fortnox: format PUT /3/projects/{} project
        }
        return saved.body<ProjectEnvelope>().project.projectNumber!!
    }

    suspend fun customerName(customerNumber: String): String {
        val body = fortnox.get("customers/$customerNumber").body<kotlinx.serialization.json.JsonObject>() // fortnox: format GET /3/customers/{} customer
        return body["Customer"].toString()
    }

    /** Materials used on a finished job are ordered and invoiced to the customer in one go. */
    suspend fun invoiceMaterials(job: Job, rows: List<FxOrderRow>): String {
        val projectNumber = requireNotNull(job.fortnoxProject) { "job ${job.id} has no Fortnox project yet" }
        val order = fortnox.post("orders") { // fortnox: cross-file POST /3/orders order
            setBody(OrderEnvelope(FxOrder(customerNumber = job.customerNumber, project = projectNumber, rows = rows)))
        }.body<OrderEnvelope>().order
        val documentNumber = order.documentNumber!!
        fortnox.put("orders/$documentNumber/createinvoice") // fortnox: format PUT /3/orders/{}/createinvoice order
        log.info("Job {} -> order {} invoiced", job.id, documentNumber)
        return documentNumber
    }

    suspend fun stockPoints(): List<kotlinx.serialization.json.JsonObject> =
        fortnox.get("${Fortnox.WAREHOUSE}/stockpoints-v1").body() // fortnox: cross-file GET /api/warehouse/stockpoints-v1 warehouse
}
