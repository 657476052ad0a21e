package books

import retrofit2.http.Body
import retrofit2.http.GET
import retrofit2.http.POST
import retrofit2.http.PUT
import retrofit2.http.Path
import retrofit2.http.Query

interface LedgerApi {
    @GET("vouchers")  // fortnox: cross-file GET /3/vouchers bookkeeping
    suspend fun vouchers(@Query("financialyear") year: Int): VoucherList

    @POST("vouchers")  // fortnox: cross-file POST /3/vouchers bookkeeping
    suspend fun createVoucher(@Body voucher: VoucherWrap): VoucherWrap

    @GET("voucherseries/{code}")  // fortnox: cross-file GET /3/voucherseries/{} bookkeeping
    suspend fun series(@Path("code") code: String): SeriesWrap

    @PUT("financialyears/{id}")  // fortnox: cross-file PUT /3/financialyears/{} bookkeeping
    suspend fun updateYear(@Path("id") id: Int, @Body year: YearWrap): YearWrap
}

data class VoucherList(val Vouchers: List<Map<String, Any>>)
data class VoucherWrap(val Voucher: Map<String, Any>)
data class SeriesWrap(val VoucherSeries: Map<String, Any>)
data class YearWrap(val FinancialYear: Map<String, Any>)
