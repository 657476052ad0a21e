"""Kotlin forms missed by the blind-written Kotlin project (tests/corpus/kotlin/heldout_snickartid): an enum
whose primary constructor is long, an extension function of an HTTP client whose bare get() is a
call on that client, and an OkHttp URL built in one statement and sent with its method in a later
one. And the Ktor server routes around them, which must never count."""

from __future__ import annotations

# A Ktor client configured with the Fortnox base, in a file of its own
CLIENT = {"api/Client.kt": """\
    package shop.api

    import io.ktor.client.HttpClient

    fun apiClient(token: String): HttpClient = HttpClient(CIO) {
        defaultRequest { url("https://api.fortnox.se/3/") }
    }
    """}

REGISTERS = """\
    package shop.api

    import io.ktor.client.HttpClient

    enum class Register(val path: String, val key: String) {
        UNITS("units", "Units"),
        PRICE_LISTS("pricelists", "PriceLists"),
    }

    {declaration}: String = get(which.path).body()
    """


def test_an_enum_entry_after_a_long_primary_constructor_is_a_table_entry(uses):
    files = {"Paths.kt": """\
        const val BASE = "https://api.fortnox.se/3/"

        enum class Resource(val path: String, val key: String, val pageSize: Int) {
            INVOICES("invoices", "Invoices", 500),
        }

        fun urlOf(which: Resource): String = BASE + which.path
        """}
    assert uses(files) == [("Paths.kt", 4, 14, None, "/3/invoices", "route-table", "medium")]


def test_a_bare_get_in_an_extension_of_a_client_type_is_a_call_on_that_client(uses):
    # the enum is the extension's parameter type: which.path is one of its entries; the client
    # type is configured with the Fortnox base in another file of the folder
    files = dict(CLIENT)
    files["api/Lists.kt"] = REGISTERS.replace("{declaration}", "suspend fun HttpClient.list(which: Register)")
    assert uses(files) == [
        ("api/Lists.kt", 6, 11, None, "/3/units", "route-table", "medium"),
        ("api/Lists.kt", 7, 17, None, "/3/pricelists", "route-table", "medium"),
    ]


def test_a_bare_get_in_an_extension_of_a_client_of_this_file_uses_its_base(uses):
    files = {"Fortnox.kt": """\
        fun fortnoxClient(token: String): HttpClient = HttpClient(CIO) {
            defaultRequest { url("https://api.fortnox.se/3/") }
        }

        suspend fun HttpClient.invoices(): String = get("invoices").body()
        suspend fun HttpClient.customers(): String = this.get("customers").body()
        """}
    assert uses(files) == [
        ("Fortnox.kt", 5, 49, "GET", "/3/invoices", "client-base", "high"),
        ("Fortnox.kt", 6, 55, "GET", "/3/customers", "client-base", "high"),
    ]


def test_a_bare_get_outside_an_extension_of_a_client_type_is_no_client_call(uses):
    # the same function, not an extension, or an extension of a type that is no client: get() is
    # some function of the file's own, and Application's is Ktor's server route
    for declaration in ("suspend fun list(which: Register)", "fun Application.list(which: Register)"):
        files = dict(CLIENT)
        files["api/Lists.kt"] = REGISTERS.replace("{declaration}", declaration)
        assert uses(files) == [], declaration


def test_ktor_server_routes_are_not_calls_of_the_files_client(uses):
    # routing { get("/x") { ... } }, route("/api") { post { } }, fun Route.x() { get("/y") { } }:
    # the integration's own routes, even in a file that builds a Fortnox client
    files = {"App.kt": """\
        val fortnox = HttpClient(CIO) { defaultRequest { url("https://api.fortnox.se/3/") } }

        fun Application.module() {
            routing {
                get("/invoices") { call.respond(fortnox.get("invoices").body<String>()) }
                route("/api") {
                    post("/orders") { call.respond("ok") }
                }
            }
        }

        fun Route.customerRoutes() {
            get("/customers/{id}") { call.respond("ok") }
        }
        """}
    assert uses(files) == [("App.kt", 5, 53, "GET", "/3/invoices", "client-base", "high")]


def test_the_method_of_a_url_variable_is_where_the_request_is_built(uses):
    # OkHttp: the URL built in one statement, the request (and its method) in a later one
    files = {"Payroll.kt": """\
        class Payroll(private val http: OkHttpClient) {
            fun push(body: RequestBody) {
                val url: HttpUrl = HttpUrl.Builder().scheme("https").host("api.fortnox.se")
                    .addPathSegments("3/attendancetransactions")
                    .build()
                log.info("sending to {}", url)
                http.newCall(Request.Builder().url(url).post(body).build()).execute()
            }

            fun absences(): Response {
                val url = "https://api.fortnox.se".toHttpUrl().resolve("/3/absencetransactions")!!.newBuilder()
                    .addQueryParameter("limit", "500")
                    .build()
                return http.newCall(Request.Builder().url(url).get().build()).execute()
            }

            fun employees(next: HttpUrl?): Response {
                var url = "https://api.fortnox.se".toHttpUrl().resolve("/3/employees")!!.newBuilder().build()
                if (next != null) url = next  // bound anew: the request below may go elsewhere
                return http.newCall(Request.Builder().url(url).delete().build()).execute()
            }
        }
        """}
    assert uses(files) == [
        ("Payroll.kt", 4, 30, "POST", "/3/attendancetransactions", "path", "high"),
        ("Payroll.kt", 11, 64, "GET", "/3/absencetransactions", "path", "high"),
        ("Payroll.kt", 18, 64, None, "/3/employees", "path", "high"),
    ]
