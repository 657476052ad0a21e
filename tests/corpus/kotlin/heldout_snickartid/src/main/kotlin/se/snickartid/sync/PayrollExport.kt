package se.snickartid.sync

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.encodeToString
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject
import okhttp3.HttpUrl
import okhttp3.HttpUrl.Companion.toHttpUrl
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody
import org.slf4j.LoggerFactory
import se.snickartid.fortnox.Fortnox
import se.snickartid.fortnox.fortnoxJson
import java.time.LocalDate

/**
 * Hours and absence from the foremen's app go to Fortnox Lön every other Friday.
 * Written against OkHttp because it runs inside the old batch runner, not the Ktor service.
 */
class PayrollExport(
    private val http: OkHttpClient,
    private val accessToken: () -> String,
) {
    private val log = LoggerFactory.getLogger(PayrollExport::class.java)
    private val jsonType = "application/json".toMediaType()

    @Serializable
    data class AttendanceTransaction(
        @SerialName("EmployeeId") val employeeId: String,
        @SerialName("CauseCode") val causeCode: String = "TID",
        @SerialName("Date") val date: String,
        @SerialName("Hours") val hours: String,
        @SerialName("Project") val project: String? = null,
    )

    @Serializable
    private data class AttendanceEnvelope(@SerialName("AttendanceTransaction") val tx: AttendanceTransaction)

    private fun fortnoxUrl(path: String): HttpUrl = Fortnox.HOST.toHttpUrl().resolve(path)!!

    private fun Request.Builder.auth(): Request.Builder =
        header("Authorization", "Bearer ${accessToken()}").header("Accept", "application/json")

    private suspend fun execute(request: Request): JsonObject = withContext(Dispatchers.IO) {
        http.newCall(request).execute().use { response ->
            val text = response.body!!.string()
            if (!response.isSuccessful) {
                log.warn("{} {} failed with {}: {}", request.method, request.url, response.code, text)
                error("Fortnox returned ${response.code}")
            }
            fortnoxJson.parseToJsonElement(text).jsonObject
        }
    }

    suspend fun employee(employeeId: String): JsonObject {
        val request = Request.Builder()
            .url(fortnoxUrl("/3/employees/$employeeId")) // fortnox: helper GET /3/employees/{} salary
            .auth()
            .get()
            .build()
        return execute(request)
    }

    suspend fun pushHours(tx: AttendanceTransaction) {
        val url = HttpUrl.Builder()
            .scheme("https")
            .host("api.fortnox.se")
            .addPathSegments("3/attendancetransactions") // fortnox: host-base POST /3/attendancetransactions salary
            .build()
        val body = fortnoxJson.encodeToString(AttendanceEnvelope(tx)).toRequestBody(jsonType)
        try {
            execute(Request.Builder().url(url).auth().post(body).build())
        } catch (e: IllegalStateException) {
            log.error("POST https://api.fortnox.se/3/attendancetransactions rejected hours for {} on {}", tx.employeeId, tx.date) // fortnox: none log
            throw e
        }
    }

    suspend fun absenceSince(from: LocalDate): JsonObject {
        val url = fortnoxUrl("/3/absencetransactions").newBuilder() // fortnox: helper GET /3/absencetransactions salary
            .addQueryParameter("fromdate", from.toString())
            .build()
        return execute(Request.Builder().url(url).auth().get().build())
    }

    /** Hours the office staff register in Fortnox Tid, so we don't double-book them. */
    suspend fun timeRegistrations(from: LocalDate, to: LocalDate): JsonObject {
        val url = Fortnox.HOST.toHttpUrl().newBuilder()
            .addPathSegments("api/time/registrations-v2") // fortnox: host-base GET /api/time/registrations-v2 timereporting
            .addQueryParameter("fromDate", from.toString())
            .addQueryParameter("toDate", to.toString())
            .build()
        return execute(Request.Builder().url(url).auth().get().build())
    }
}
