package se.snickartid.sync

import io.ktor.client.HttpClient
import io.ktor.client.call.body
import io.ktor.client.request.get
import io.ktor.client.request.header
import io.ktor.client.request.post
import io.ktor.client.request.put
import io.ktor.client.request.setBody
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.long
import se.snickartid.fortnox.Fortnox.WAREHOUSE

/**
 * Moves material from the central store to a van's stock point when a foreman picks it up,
 * and looks up today's net price at the wholesaler for the job calculation.
 */
class MaterialTransfers(
    private val fortnox: HttpClient,
    private val wholesaler: HttpClient,
    private val wholesalerKey: String,
) {
    @Serializable
    data class TransferRow(val itemId: String, val quantity: Double)

    @Serializable
    data class StockTransfer(
        val fromStockPointCode: String,
        val toStockPointCode: String,
        val transferDate: String,
        val note: String,
        val rows: List<TransferRow>,
    )

    // Transfers are created as drafts and must be released before stock moves,
    // see https://api.fortnox.se/api/warehouse/stocktransfer-v1/{id}/release in the warehouse API docs. // fortnox: none comment
    suspend fun moveToVan(vanCode: String, date: String, jobTitle: String, rows: List<TransferRow>): Long {
        val created: JsonObject = fortnox.post("$WAREHOUSE/stocktransfer-v1") { // fortnox: cross-file POST /api/warehouse/stocktransfer-v1 warehouse
            setBody(StockTransfer("CENTRAL", vanCode, date, jobTitle, rows))
        }.body()
        val id = created["id"]!!.jsonPrimitive.long
        fortnox.put("$WAREHOUSE/stocktransfer-v1/$id/release") // fortnox: format PUT /api/warehouse/stocktransfer-v1/{}/release warehouse
        return id
    }

    suspend fun wholesalerNetPrice(sku: String): Double {
        val body: JsonObject = wholesaler.get("https://api.ahlsell-partner.se/v2/articles/$sku/prices") { // fortnox: none other-api
            header("X-Api-Key", wholesalerKey)
        }.body()
        return body["netPrice"]!!.jsonPrimitive.content.toDouble()
    }
}
