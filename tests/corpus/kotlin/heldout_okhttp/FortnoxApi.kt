package se.acme.sync

import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody

class FortnoxApi(
    private val token: String,
    private val baseUrl: String = "https://api.fortnox.se/3",
) {
    private val http = OkHttpClient()
    private val json = "application/json".toMediaType()

    fun article(id: String): String {
        val request = Request.Builder()
            .url("$baseUrl/articles/$id")  // fortnox: format GET /3/articles/{} article
            .header("Authorization", "Bearer $token")
            .get()
            .build()
        return http.newCall(request).execute().use { it.body!!.string() }
    }

    fun createArticle(body: String): String {
        val request = Request.Builder()
            .url("$baseUrl/articles")  // fortnox: format POST /3/articles article
            .post(body.toRequestBody(json))
            .build()
        return http.newCall(request).execute().use { it.body!!.string() }
    }

    fun articleFiles(): String {
        val request = Request.Builder().url(baseUrl + "/articlefileconnections").build()  // fortnox: v3-base /3/articlefileconnections connectfile
        return http.newCall(request).execute().use { it.body!!.string() }
    }
}
