package se.snickartid.fortnox

import io.ktor.client.HttpClient
import io.ktor.client.call.body
import io.ktor.client.engine.cio.CIO
import io.ktor.client.plugins.HttpRequestRetry
import io.ktor.client.plugins.contentnegotiation.ContentNegotiation
import io.ktor.client.plugins.defaultRequest
import io.ktor.client.plugins.logging.LogLevel
import io.ktor.client.plugins.logging.Logging
import io.ktor.client.request.bearerAuth
import io.ktor.client.request.get
import io.ktor.http.ContentType
import io.ktor.http.HttpStatusCode
import io.ktor.http.contentType
import io.ktor.serialization.kotlinx.json.json
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.Json

object Fortnox {
    const val HOST = "https://api.fortnox.se"
    // trailing slash matters: relative paths ("projects/12") are resolved against it // fortnox: none comment
    const val API_V3 = "$HOST/3/"
    const val WAREHOUSE = "$HOST/api/warehouse"
}

val fortnoxJson = Json {
    ignoreUnknownKeys = true
    explicitNulls = false
}

fun fortnoxHttpClient(accessToken: () -> String): HttpClient = HttpClient(CIO) {
    install(ContentNegotiation) { json(fortnoxJson) }
    install(Logging) { level = LogLevel.INFO }
    install(HttpRequestRetry) {
        // Fortnox answers 429 when we go over 25 requests / 5 s
        retryIf(maxRetries = 4) { _, response -> response.status == HttpStatusCode.TooManyRequests }
        exponentialDelay()
    }
    expectSuccess = true
    defaultRequest {
        url(Fortnox.API_V3)
        bearerAuth(accessToken())
        contentType(ContentType.Application.Json)
    }
}

@Serializable
data class CompanyInformation(
    @SerialName("CompanyName") val companyName: String,
    @SerialName("OrganizationNumber") val organizationNumber: String,
)

@Serializable
private data class CompanyInformationEnvelope(@SerialName("CompanyInformation") val info: CompanyInformation)

/** Used at startup to show which company the token belongs to. */
suspend fun HttpClient.companyInformation(): CompanyInformation =
    get("https://api.fortnox.se/3/companyinformation").body<CompanyInformationEnvelope>().info // fortnox: url GET /3/companyinformation companyinformation
