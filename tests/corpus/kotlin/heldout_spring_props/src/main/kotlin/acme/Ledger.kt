package acme

import org.springframework.beans.factory.annotation.Value
import org.springframework.stereotype.Component
import org.springframework.web.reactive.function.client.WebClient
import org.springframework.web.reactive.function.client.bodyToMono

@Component
class Ledger(@Value("\${fortnox.base-url}") baseUrl: String) {
    private val client = WebClient.builder().baseUrl(baseUrl).build()

    fun article(number: String): String? =
        client.get().uri("/articles/{n}", number).retrieve().bodyToMono<String>().block()  // fortnox: cross-file GET /3/articles/{} article

    fun units(): String? = client.get().uri("/units").retrieve().bodyToMono<String>().block()  // fortnox: cross-file GET /3/units settings
}
