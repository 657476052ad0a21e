package app

import io.ktor.client.HttpClient
import io.ktor.client.call.body
import io.ktor.client.engine.cio.CIO
import io.ktor.client.plugins.defaultRequest
import io.ktor.client.request.get
import io.ktor.client.request.post
import io.ktor.client.request.put
import io.ktor.client.request.setBody
import io.ktor.http.ContentType
import io.ktor.http.contentType

class FortnoxHttp(private val token: String) {
    private val client = HttpClient(CIO) {
        defaultRequest {
            url("https://api.fortnox.se/3/")
            headers.append("Authorization", "Bearer $token")
        }
    }

    suspend fun projects(): String = client.get("projects").body()  // fortnox: v3-base GET /3/projects project

    suspend fun project(number: String): String = client.get("projects/$number").body()  // fortnox: v3-base GET /3/projects/{} project

    suspend fun createOffer(json: String): String = client.post("offers") {  // fortnox: v3-base POST /3/offers offer
        contentType(ContentType.Application.Json)
        setBody(json)
    }.body()

    suspend fun offerToOrder(number: Long): String = client.put("offers/${number}/createorder").body()  // fortnox: v3-base PUT /3/offers/{}/createorder offer
}
