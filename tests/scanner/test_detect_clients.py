"""Paths relative to a base held by an HTTP client, a helper, a table or a field - in one file."""

import pytest

from conftest import write_project
from linter.scanner import scan


def test_axios_instance_with_base_url(uses):
    files = {"api.js": '''\
        const api = axios.create({ baseURL: "https://api.fortnox.se/3" });
        api.get("/invoices");
        api.post(`/orders/${n}/createinvoice`);
        other.get("/customers");
        '''}
    assert uses(files) == [
        ("api.js", 2, 9, "GET", "/3/invoices", "client-base", "high"),
        ("api.js", 3, 10, "POST", "/3/orders/{}/createinvoice", "client-base", "high"),
    ]


@pytest.mark.parametrize("default", ['"https://api.fortnox.se/3/"', 'default="https://api.fortnox.se/3/"'])
def test_python_client_with_base_url_from_an_env_default(uses, default):
    files = {"c.py": f'''\
        ROOT = os.getenv("FORTNOX_URL", {default})
        class C:
            def __init__(self):
                self._http = httpx.Client(base_url=ROOT)
            def units(self):
                return self._http.get("units").json()
        '''}
    assert uses(files) == [("c.py", 6, 31, "GET", "/3/units", "client-base", "high")]


def test_guzzle_base_uri_and_csharp_base_address(uses):
    files = {
        "a.php": "<?php\n$c = new Client(['base_uri' => 'https://api.fortnox.se/3/']);\n$c->get('articles');\n",
        "B.cs": 'class B { B(HttpClient h) { h.BaseAddress = new Uri("https://api.fortnox.se/3/");\n'
                '  h.DeleteAsync($"labels/{id}"); } }\n',
    }
    assert uses(files) == [
        ("B.cs", 2, 17, "DELETE", "/3/labels/{}", "client-base", "high"),
        ("a.php", 3, 9, "GET", "/3/articles", "client-base", "high"),
    ]


def test_base_address_and_base_uri_resolve_paths_as_urls_do(uses):
    # HttpClient.BaseAddress, Guzzle's and Symfony's base_uri resolve a request's path against the
    # base (RFC 3986): without its trailing slash the base loses /3, and a leading slash replaces
    # the base's path. Each call is reported where it really goes.
    files = {
        "Ledger.cs": """\
            class Ledger {
                HttpClient bare = new HttpClient { BaseAddress = new Uri("https://api.fortnox.se/3") };
                HttpClient slashed = new() { BaseAddress = new Uri("https://api.fortnox.se/3/") };
                Ledger(HttpClient h) { h.BaseAddress = new Uri("https://api.fortnox.se/3"); h.GetAsync("labels"); }
                Task<string> A() => bare.GetStringAsync("invoices");
                Task<string> B() => slashed.GetStringAsync("/customers");
                Task<string> C() => slashed.GetStringAsync("orders");
                Task<string> D() => slashed.GetStringAsync("/3/offers");
            }
            """,
        "guzzle.php": """\
            <?php
            $bare = new GuzzleHttp\\Client(['base_uri' => 'https://api.fortnox.se/3']);
            $bare->request('GET', 'invoices');
            $slashed = new GuzzleHttp\\Client(['base_uri' => 'https://api.fortnox.se/3/']);
            $slashed->get('customers');
            $slashed->get('/orders');
            $sym = HttpClient::createForBaseUri('https://api.fortnox.se/3');
            $sym->request('GET', 'articles');
            """,
        "laravel.php": "<?php\n$r = Http::baseUrl('https://api.fortnox.se/3')->get('units');\n",  # appends
    }
    assert uses(files) == [
        ("Ledger.cs", 4, 92, "GET", "/labels", "client-base", "high"),
        ("Ledger.cs", 5, 45, "GET", "/invoices", "client-base", "high"),
        ("Ledger.cs", 6, 48, "GET", "/customers", "client-base", "high"),
        ("Ledger.cs", 7, 48, "GET", "/3/orders", "client-base", "high"),
        ("Ledger.cs", 8, 48, "GET", "/3/offers", "path", "high"),
        ("guzzle.php", 3, 23, "GET", "/invoices", "client-base", "high"),
        ("guzzle.php", 5, 15, "GET", "/3/customers", "client-base", "high"),
        ("guzzle.php", 6, 15, "GET", "/orders", "client-base", "high"),
        ("guzzle.php", 8, 22, "GET", "/articles", "client-base", "high"),
        ("laravel.php", 2, 53, "GET", "/3/units", "client-base", "high"),
    ]


def test_faraday_ends_its_base_with_a_slash_but_a_leading_slash_replaces_its_path(uses):
    files = {"books.rb": """\
        class Books
          def initialize
            @conn = Faraday.new(url: "https://api.fortnox.se/3") do |f|
              f.request :json
            end
          end

          def invoices = @conn.get("/invoices")
          def customers = @conn.get("customers")
        end

        def connection
          @connection ||= Faraday.new("https://api.fortnox.se/3/")
        end
        connection.get("/orders")
        connection.get("articles")
        """}
    assert uses(files) == [
        ("books.rb", 8, 28, "GET", "/invoices", "client-base", "high"),
        ("books.rb", 9, 29, "GET", "/3/customers", "client-base", "high"),
        ("books.rb", 15, 16, "GET", "/orders", "client-base", "high"),
        ("books.rb", 16, 16, "GET", "/3/articles", "client-base", "high"),
    ]


def test_ktor_default_request_url_resolves_paths_against_the_client_it_configures(uses):
    files = {
        "Bare.kt": """\
            val bare = HttpClient(CIO) {
                defaultRequest {
                    url("https://api.fortnox.se/3")
                }
            }
            suspend fun invoices() = bare.get("invoices")
            """,
        "Slashed.kt": """\
            class Ledger(token: String) {
                private val http = HttpClient(CIO) {
                    defaultRequest { url("https://api.fortnox.se/3/") }
                }
                suspend fun customers() = http.get("customers")
                suspend fun orders() = http.get("/orders")
            }
            """,
    }
    assert uses(files) == [
        ("Bare.kt", 6, 35, "GET", "/invoices", "client-base", "high"),
        ("Slashed.kt", 5, 40, "GET", "/3/customers", "client-base", "high"),
        ("Slashed.kt", 6, 37, "GET", "/orders", "client-base", "high"),
    ]


def test_ktor_client_built_by_a_function_or_inside_one(uses):
    """The client is what the HttpClient { } call is assigned to, or the function that returns it
    (its trailing lambda is not a function of its own)."""
    files = {
        "Made.kt": """\
            fun api() = HttpClient(CIO) {
                defaultRequest { url("https://api.fortnox.se/3/") }
            }
            suspend fun customers() = api().get("customers")
            """,
        "Local.kt": """\
            suspend fun sync() {
                val client = HttpClient(CIO) {
                    defaultRequest { url("https://api.fortnox.se/3/") }
                }
                client.get("invoices")
            }
            """,
    }
    assert uses(files) == [
        ("Local.kt", 5, 16, "GET", "/3/invoices", "client-base", "high"),
        ("Made.kt", 4, 37, "GET", "/3/customers", "client-base", "high"),
    ]


def test_a_resolved_call_says_which_base_it_was_resolved_against(tmp_path, catalog):
    write_project(tmp_path, {"a.php": "<?php\n$c = new Client(['base_uri' => 'https://api.fortnox.se/3/']);\n"
                                      "$c->get('/orders');\n$c->get('orders');\n"})
    assert [(u.endpoint, u.why) for u in scan([tmp_path], catalog, tmp_path).uses] == [
        ("/orders", "requested through $c.get, whose base URL is https://api.fortnox.se/3/, which resolves "
                    "the path against it as a URL (RFC 3986)"),
        ("/3/orders", "requested through $c.get, whose base URL is https://api.fortnox.se/3"),
    ]


def test_class_level_bases_httparty_and_tesla(uses):
    files = {
        "a.rb": 'class A\n  include HTTParty\n  base_uri "https://api.fortnox.se/3"\n'
                '  def x\n    self.class.get "/projects"\n  end\nend\n',
        "b.ex": 'defmodule B do\n  use Tesla\n  plug Tesla.Middleware.BaseUrl, "https://api.fortnox.se/3"\n'
                '  def x, do: post("/offers", %{})\nend\n',
    }
    assert uses(files) == [
        ("a.rb", 5, 20, "GET", "/3/projects", "client-base", "high"),
        ("b.ex", 4, 19, "POST", "/3/offers", "client-base", "high"),
    ]


def test_helper_named_for_fortnox_and_helper_that_adds_the_base(uses):
    files = {"h.ts": '''\
        const BASE = "https://api.fortnox.se/3";
        async function call(path: string, init: RequestInit = {}) { return fetch(`${BASE}${path}`, init); }
        call("/currencies");
        fortnoxRequest("POST", "/vouchers");
        somethingElse("/accounts");
        '''}
    assert uses(files) == [
        ("h.ts", 3, 6, None, "/3/currencies", "fortnox-helper", "medium"),
        ("h.ts", 4, 24, "POST", "/3/vouchers", "fortnox-helper", "medium"),
    ]


def test_strings_equal_to_a_resource_need_evidence(uses):
    files = {"x.py": '''\
        BASE = "https://api.fortnox.se/3"
        kinds = ["orders", "invoices"]
        if kind == "customers":
            cache.get("articles")
        '''}
    assert uses(files) == []


def test_route_table_dict_used_with_the_base(uses):
    files = {"t.py": '''\
        BASE = "https://api.fortnox.se/3/"
        PATHS = {"invoices": "invoices", "people": "employees/"}
        def get(name):
            return requests.get(BASE + PATHS[name])
        '''}
    assert uses(files) == [
        ("t.py", 2, 22, "GET", "/3/invoices", "concatenation", "high"),
        ("t.py", 2, 44, "GET", "/3/employees", "concatenation", "high"),
    ]


def test_enum_and_const_class_used_as_paths(uses):
    files = {
        "R.java": '''\
            enum R { INVOICES("invoices"), ORDERS("orders"); final String p; R(String p) { this.p = p; } }
            class C { static final String B = "https://api.fortnox.se/3/";
              String u(R r) { return B + r.p; } }
            ''',
        "E.cs": '''\
            static class Endpoints { public const string Units = "units"; }
            class D { const string Base = "https://api.fortnox.se/3/"; string U() => Base + Endpoints.Units; }
            ''',
    }
    assert uses(files) == [
        ("E.cs", 1, 54, None, "/3/units", "concatenation", "high"),
        ("R.java", 1, 19, None, "/3/invoices", "route-table", "medium"),
        ("R.java", 1, 39, None, "/3/orders", "route-table", "medium"),
    ]


def test_resource_field_joined_in_a_base_class(uses):
    files = {"r.ts": '''\
        const BASE = "https://api.fortnox.se/3";
        abstract class Resource {
          protected path = "";
          list() { return fetch(`${BASE}/${this.path}`); }
        }
        class Suppliers extends Resource { protected path = "suppliers"; }
        '''}
    assert uses(files) == [("r.ts", 6, 53, "GET", "/3/suppliers", "interpolation", "high")]


def test_list_of_resources_iterated_into_a_helper(uses):
    files = {"sync.js": '''\
        const RESOURCES = ["suppliers", "articles"];
        const labels = ["orders", "invoices"];
        for (const r of RESOURCES) { await fortnox.get(`/${r}`); }
        for (const l of labels) { console.log(l); }
        '''}
    assert uses(files) == [
        ("sync.js", 1, 20, None, "/3/suppliers", "route-table", "medium"),
        ("sync.js", 1, 33, None, "/3/articles", "route-table", "medium"),
    ]


def test_kotlin_helper_with_an_expression_body(uses):
    # fun call(path) = ... has no braces: its body is the expression after "=", to the line's end
    files = {"Api.kt": '''\
        val BASE = "https://api.fortnox.se/3"
        fun call(path: String) = client.get(BASE + path)
        fun total(a: Int, b: Int): Int = a + b
        fun sync() {
            call("/invoices")
            call(path = "/orders")
            total(1, 2)
        }
        '''}
    assert uses(files) == [
        ("Api.kt", 5, 10, None, "/3/invoices", "fortnox-helper", "medium"),
        ("Api.kt", 6, 17, None, "/3/orders", "fortnox-helper", "medium"),
    ]


def test_python_clients_made_by_an_async_client_or_bound_by_with(uses):
    files = {"c.py": '''\
        import httpx
        async def units():
            client = httpx.AsyncClient(base_url="https://api.fortnox.se/3")
            return await client.get("/units")
        def labels():
            with httpx.Client(base_url="https://api.fortnox.se/3/") as http:
                return http.get("labels")
        async def offers():
            async with httpx.AsyncClient(base_url="https://api.fortnox.se/3") as http2:
                return await http2.delete("/offers/1")
        '''}
    assert uses(files) == [
        ("c.py", 4, 29, "GET", "/3/units", "client-base", "high"),
        ("c.py", 7, 25, "GET", "/3/labels", "client-base", "high"),
        ("c.py", 10, 35, "DELETE", "/3/offers/1", "client-base", "high"),
    ]


def test_csharp_base_address_set_in_an_object_initializer(uses):
    files = {"Books.cs": '''\
        class Books {
          static readonly HttpClient Http = new HttpClient { BaseAddress = new Uri("https://api.fortnox.se/3/") };
          readonly HttpClient _other = new() { BaseAddress = new Uri("https://api.fortnox.se/3/"), Timeout = t };
          Task<Unit[]> Units() => Http.GetFromJsonAsync<Unit[]>("units");
          Task Labels() => _other.DeleteAsync("labels/1");
        }
        '''}
    assert uses(files) == [
        ("Books.cs", 4, 57, "GET", "/3/units", "client-base", "high"),
        ("Books.cs", 5, 39, "DELETE", "/3/labels/1", "client-base", "high"),
    ]


def test_a_base_set_earlier_in_the_request_chain_and_a_got_client(uses):
    files = {
        "a.php": "<?php\n$a = Http::withToken($t)->baseUrl('https://api.fortnox.se/3')->get('invoices');\n"
                 "$b = Http::baseUrl('https://shop.example.com/api')->get('orders');\n",
        "b.js": "const fortnox = got.extend({ prefixUrl: 'https://api.fortnox.se/3' });\n"
                "export const units = () => fortnox.get('units').json();\n",
    }
    assert uses(files) == [
        ("a.php", 2, 68, "GET", "/3/invoices", "client-base", "high"),
        ("b.js", 2, 40, "GET", "/3/units", "client-base", "high"),
    ]


def test_symfony_http_client_for_a_base_uri(uses):
    files = {
        "a.php": "<?php\n$fortnox = HttpClient::createForBaseUri('https://api.fortnox.se/3/');\n"
                 "$fortnox->request('GET', 'invoices');\n",
        "b.php": "<?php\n$client = HttpClient::createForBaseUri($_ENV['FORTNOX_URL']);\n$client->request('POST', 'orders');\n",
        ".env": "FORTNOX_URL=https://api.fortnox.se/3/\n",
    }
    assert uses(files) == [
        ("a.php", 3, 26, "GET", "/3/invoices", "client-base", "high"),
        ("b.php", 3, 26, "POST", "/3/orders", "cross-file-base", "high"),
    ]
