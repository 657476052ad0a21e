package se.snickartid.fortnox

import io.ktor.client.HttpClient
import io.ktor.client.call.body
import io.ktor.client.request.get
import io.ktor.client.request.parameter
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive

/**
 * Read-only registers we cache locally (the foremen's app shows them offline).
 * [resource] is the v3 resource name, [collectionKey] the JSON key Fortnox wraps the list in.
 */
abstract class FortnoxRegister(
    protected val client: HttpClient,
    private val resource: String,
    private val collectionKey: String,
) {
    suspend fun all(): List<JsonObject> {
        val result = mutableListOf<JsonObject>()
        var page = 1
        do {
            val body: JsonObject = client.get(resource) {
                parameter("page", page)
                parameter("limit", 500)
            }.body()
            body[collectionKey]?.jsonArray?.mapTo(result) { it.jsonObject }
            val totalPages = body["MetaInformation"]!!.jsonObject["@TotalPages"]!!.jsonPrimitive.int
            page++
        } while (page <= totalPages)
        return result
    }
}

class ArticleRegister(client: HttpClient) : FortnoxRegister(client, "articles", "Articles") // fortnox: resource-property /3/articles article

class EmployeeRegister(client: HttpClient) : FortnoxRegister(client, "employees", "Employees") // fortnox: resource-property /3/employees salary

/** Small lookup lists, fetched in one go. */
enum class Lookup(val path: String, val key: String) {
    COST_CENTERS("costcenters", "CostCenters"), // fortnox: route-table /3/costcenters costcenter
    WAYS_OF_DELIVERY("wayofdeliveries", "WayOfDeliveries"), // fortnox: route-table /3/wayofdeliveries settings
}

suspend fun HttpClient.lookup(which: Lookup): JsonArray =
    get(which.path).body<JsonObject>()[which.key]?.jsonArray ?: JsonArray(emptyList())
