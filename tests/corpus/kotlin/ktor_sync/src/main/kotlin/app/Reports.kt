package app

import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

object Reports {
    private const val API = "https://api.fortnox.se/3"
    private const val SLACK = "https://slack.com/api/chat.postMessage"
    private val http = HttpClient.newHttpClient()

    fun accounts(year: Int): String {
        val uri = URI.create("$API/accounts?financialyear=$year")  // fortnox: format GET /3/accounts bookkeeping
        val request = HttpRequest.newBuilder(uri).GET().build()
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body()
    }

    fun sie(type: Int): String {
        val request = HttpRequest.newBuilder(URI.create(API + "/sie/" + type)).build()  // fortnox: v3-base /3/sie/{} bookkeeping
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body()
    }

    fun notify(text: String) {
        val request = HttpRequest.newBuilder(URI.create(SLACK))
            .POST(HttpRequest.BodyPublishers.ofString("""{"text": "$text"}"""))
            .build()
        http.send(request, HttpResponse.BodyHandlers.discarding())
    }
}
