"""URLs written whole or built in one file: literals, constants, concatenation, formats."""


def test_full_url_with_query_and_trailing_slash(uses):
    assert uses({"a.py": 'requests.get("https://api.fortnox.se/3/invoices/?filter=unpaid")\n'}) == [
        ("a.py", 1, 14, "GET", "/3/invoices", "url", "high")]


def test_host_only_base_plus_versioned_path(uses):
    files = {"a.js": "const HOST = 'https://api.fortnox.se';\nfetch(HOST + '/3/orders/' + id, { method: 'PUT' });\n"}
    assert uses(files) == [("a.js", 2, 14, "PUT", "/3/orders/{}", "concatenation", "high")]


def test_base_ending_in_3_plus_relative_path_in_each_format_style(uses):
    files = {"a.py": '''\
        BASE = "https://api.fortnox.se/3/"
        a = f"{BASE}customers/{number}"
        b = "{}/orders".format(BASE.rstrip("/"))
        c = "%s/articles/%s" % (BASE, code)
        d = urljoin(BASE, "suppliers")
        '''}
    assert uses(files) == [
        ("a.py", 2, 5, None, "/3/customers/{}", "interpolation", "high"),
        ("a.py", 3, 5, None, "/3/orders", "format", "high"),
        ("a.py", 4, 5, None, "/3/articles/{}", "format", "high"),
        ("a.py", 5, 19, None, "/3/suppliers", "url-join", "high"),
    ]


def test_urls_resolved_against_a_base_follow_the_url_rules(uses):
    # new URL, urljoin, new Uri and URI.join resolve: a base without a trailing slash loses its
    # last segment, and a path with a leading slash replaces the base's path (both leave /3/)
    files = {
        "a.js": '''\
            const BARE = "https://api.fortnox.se/3", SLASHED = "https://api.fortnox.se/3/";
            fetch(new URL("invoices", BARE));
            fetch(new URL("orders", SLASHED));
            fetch(new URL("/offers", SLASHED));
            ''',
        "b.py": '''\
            from urllib.parse import urljoin
            requests.get(urljoin("https://api.fortnox.se/3/", "units"))
            requests.get(urljoin("https://api.fortnox.se/3", "labels"))
            requests.get(urljoin("https://api.fortnox.se/3/x", path))
            requests.get(urljoin(base="https://api.fortnox.se/3/", url="vouchers"))
            requests.get(urljoin(url="offers", base="https://api.fortnox.se/3"))
            ''',
        "c.rb": 'Net::HTTP.get(URI.join("https://api.fortnox.se/3/", "projects"))\n',
        "D.cs": 'class D { Uri U() => new Uri(new Uri("https://api.fortnox.se/3"), "articles"); }\n',
        "F.cs": 'class F { Uri U() => new Uri(relativeUri: "customers", baseUri: new Uri("https://api.fortnox.se/3/")); }\n',
        "e.go": 'package e\nfunc f() { u, _ := url.JoinPath("https://api.fortnox.se/3", "vouchers"); http.Get(u) }\n',
    }
    assert uses(files) == [
        ("D.cs", 1, 67, None, "/articles", "url-join", "high"),  # not /3/: unknown-endpoint reports it
        ("F.cs", 1, 43, None, "/3/customers", "url-join", "high"),
        ("a.js", 2, 15, "GET", "/invoices", "url-join", "high"),
        ("a.js", 3, 15, "GET", "/3/orders", "url-join", "high"),
        ("a.js", 4, 15, "GET", "/offers", "url-join", "high"),
        ("b.py", 2, 51, "GET", "/3/units", "url-join", "high"),
        ("b.py", 3, 50, "GET", "/labels", "url-join", "high"),
        ("b.py", 5, 60, "GET", "/3/vouchers", "url-join", "high"),  # named arguments
        ("b.py", 6, 26, "GET", "/offers", "url-join", "high"),  # named, in another order
        ("c.rb", 1, 53, "GET", "/3/projects", "url-join", "high"),
        ("e.go", 2, 61, None, "/3/vouchers", "url-join", "high"),  # JoinPath appends
    ]


def test_python_format_with_named_and_numbered_fields(uses):
    files = {"a.py": '''\
        API = "https://api.fortnox.se/3"
        a = "{prefix}/vouchers/{series}".format(prefix=API, series=s)
        b = "{0}/{1}".format(API, "projects")
        c = "{root}/{kind}/{n}".format(n=7, kind="offers", root=API)
        d = "{api}/units".format(other=API)
        '''}
    assert uses(files) == [
        ("a.py", 2, 5, None, "/3/vouchers/{}", "format", "high"),
        ("a.py", 3, 27, None, "/3/projects", "format", "high"),  # at the literal that names the resource
        ("a.py", 4, 42, None, "/3/offers/7", "format", "high"),
    ]


def test_sprintf_string_format_and_go_sprintf(uses):
    files = {
        "a.php": "<?php\nconst API = 'https://api.fortnox.se/3';\n$u = sprintf('%s/invoices/%d', API, $n);\n",
        "B.java": 'class B { static final String API = "https://api.fortnox.se/3";\n'
                  '  String u(String n) { return String.format("%s/customers/%s", API, n); } }\n',
        "c.go": 'const base = "https://api.fortnox.se/3"\nvar u = fmt.Sprintf("%s/offers/%d", base, 1)\n',
    }
    assert uses(files) == [
        ("B.java", 2, 45, None, "/3/customers/{}", "format", "high"),
        ("a.php", 3, 14, None, "/3/invoices/{}", "format", "high"),
        ("c.go", 2, 21, None, "/3/offers/1", "format", "high"),
    ]


def test_interpolation_in_every_language(uses):
    files = {
        "a.rb": 'BASE = "https://api.fortnox.se/3"\nputs HTTP.get("#{BASE}/projects")\n',
        "b.kt": 'const val BASE = "https://api.fortnox.se/3"\nval u = "$BASE/units"\n',
        "c.cs": 'const string Version = "3";\nconst string Invoices = $"/{Version}/invoices";\n',
        "d.ex": '@base "https://api.fortnox.se/3"\ndef x, do: Req.get!(@base <> "/offers")\n',
        "e.php": '<?php $base = "https://api.fortnox.se/3"; $u = "{$base}/labels";\n',
    }
    assert uses(files) == [
        ("a.rb", 2, 15, "GET", "/3/projects", "interpolation", "high"),
        ("b.kt", 2, 9, None, "/3/units", "interpolation", "high"),
        ("c.cs", 2, 25, None, "/3/invoices", "interpolation", "high"),
        ("d.ex", 2, 30, "GET", "/3/offers", "concatenation", "high"),
        ("e.php", 1, 48, None, "/3/labels", "interpolation", "high"),
    ]


def test_method_after_the_url_and_through_a_variable(uses):
    files = {"a.ts": '''\
        const BASE = "https://api.fortnox.se/3";
        await fetch(`${BASE}/invoices`, { method: "POST", body });
        const url = `${BASE}/orders/${n}/cancel`;
        const res = await axios.put(url, {});
        '''}
    assert uses(files) == [
        ("a.ts", 2, 13, "POST", "/3/invoices", "interpolation", "high"),
        ("a.ts", 3, 13, "PUT", "/3/orders/{}/cancel", "interpolation", "high"),
    ]


def test_kotlin_method_set_in_the_trailing_lambda(uses):
    files = {"A.kt": '''\
        suspend fun drop(id: Int) = client.request("https://api.fortnox.se/3/invoices/$id") { method = HttpMethod.Delete }
        suspend fun list() = client.request("https://api.fortnox.se/3/orders") { header("X", "y") }
        '''}
    assert uses(files) == [
        ("A.kt", 1, 44, "DELETE", "/3/invoices/{}", "interpolation", "high"),
        ("A.kt", 2, 37, None, "/3/orders", "url", "high"),
    ]


def test_java_builder_verb_after_the_url(uses):
    files = {"A.java": '''\
        class A { static final String API = "https://api.fortnox.se";
          void go() { HttpRequest.newBuilder(URI.create(API + "/3/vouchers")).POST(body).build(); } }
        '''}
    assert uses(files) == [("A.java", 2, 55, "POST", "/3/vouchers", "concatenation", "high")]


def test_comments_docstrings_prose_and_response_data_do_not_count(uses):
    files = {"a.py": '''\
        """Calls https://api.fortnox.se/3/invoices."""
        # requests.get("https://api.fortnox.se/3/orders")
        def f():
            """GET /3/customers"""
            log.info("calling https://api.fortnox.se/3/articles now")
            return {"@url": "https://api.fortnox.se/3/invoicepayments/1"}
        '''}
    assert uses(files) == []


def test_other_apis_in_the_same_file_do_not_count(uses):
    files = {"a.js": '''\
        const STRIPE = "https://api.stripe.com";
        fetch(STRIPE + "/v1/invoices");
        fetch(`https://${shop}.myshopify.com/admin/api/2024-01/orders.json`);
        fetch("https://api.fortnox.se/3/invoices");
        '''}
    assert uses(files) == [("a.js", 4, 7, "GET", "/3/invoices", "url", "high")]


def test_own_web_routes_do_not_count(uses):
    files = {
        "a.js": "const F = 'https://api.fortnox.se/3';\napp.get('/customers', (req, res) => res.json([]));\n"
                "router.post('/orders', handler);\n",
        "b.py": 'BASE = "https://api.fortnox.se/3"\n@app.route("/invoices")\ndef x(): pass\n',
        "c.php": "<?php\nRoute::get('/invoices', [C::class, 'index']);\n",
        "D.java": '@RestController class D { @GetMapping("/orders") String o() { return ""; } }\n',
        "E.cs": '[ApiController] public class E { [HttpGet("customers")] public void G() {} }\n',
        "f.go": 'func main() { http.HandleFunc("/invoices", h); r.GET("/orders", func(c *gin.Context) {}) }\n',
        "g.rb": "get '/invoices' do\n  'x'\nend\n",
    }
    assert uses(files) == []


def test_api_area_paths_need_a_known_or_versioned_endpoint(uses):
    files = {"a.ts": 'fetch("/api/warehouse/stockpoints-v1");\nfetch("/api/time/entries");\n'}
    assert uses(files) == [("a.ts", 1, 7, "GET", "/api/warehouse/stockpoints-v1", "path", "medium")]
