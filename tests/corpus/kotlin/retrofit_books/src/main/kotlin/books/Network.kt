package books

import okhttp3.OkHttpClient
import retrofit2.Retrofit
import retrofit2.converter.moshi.MoshiConverterFactory

object Network {
    private const val LEDGER_BASE = "https://api.fortnox.se/3/"

    val ledger: LedgerApi = Retrofit.Builder()
        .baseUrl(LEDGER_BASE)
        .client(OkHttpClient())
        .addConverterFactory(MoshiConverterFactory.create())
        .build()
        .create(LedgerApi::class.java)
}
