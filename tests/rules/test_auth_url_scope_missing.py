from linter.engine import LintRequest, lint

RULE = "auth-url-scope-missing"


def test_typescript_link_lacks_a_scope_the_code_uses(project):
    files = {"fortnox.yaml": "scopes: [invoice, payment]\n", "connect.ts": """\
        const params = new URLSearchParams({ client_id: ID, response_type: "code", scope: "invoice", state });
        export const link = `https://apps.fortnox.se/oauth-v1/auth?${params}`;
        """, "pay.ts": """\
        await fetch("https://api.fortnox.se/3/invoices", { headers });
        await axios.post("https://api.fortnox.se/3/invoicepayments", body);
        """}
    assert project(files, RULE) == [(RULE, "connect.ts", 1, 83)]


def test_python_scopes_from_a_constant_list(project, tmp_path):
    files = {"fortnox.yaml": "scopes: [customer, order, payment]\n", "auth.py": """\
        SCOPES = ["customer", "order"]
        AUTH_URL = "https://apps.fortnox.se/oauth-v1/auth"
        def link(state):
            return AUTH_URL + "?" + urlencode({"client_id": CLIENT_ID, "response_type": "code",
                                               "state": state, "scope": " ".join(SCOPES)})
        """, "sync.py": """\
        session.get("https://api.fortnox.se/3/customers")
        session.post("https://api.fortnox.se/3/orders", json=order)
        session.post("https://api.fortnox.se/3/invoicepayments", json=payment)
        """}
    assert project(files, RULE) == [(RULE, "auth.py", 5, 65)]
    finding = [f for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == RULE][0]
    assert finding.message == (
        "the authorization URL never asks for scope 'payment', but the code needs it "
        "(e.g. POST /3/invoicepayments at sync.py:3:14); tokens from this URL lack it, so those calls "
        "fail with \"Missing rights\" or \"Not licensed for requested scope\"")


def test_silent_when_the_link_asks_for_everything(project):
    files = {"fortnox.yaml": "scopes: [customer]\n", "auth.py": """\
        u = "https://apps.fortnox.se/oauth-v1/auth?client_id=x&response_type=code&state=s&scope=customer"
        requests.get("https://api.fortnox.se/3/customers")
        """}
    assert project(files, RULE) == []


def test_silent_when_part_of_the_scope_list_is_only_known_at_run_time(project):
    files = {"fortnox.yaml": "scopes: [customer, invoice]\n", "auth.js": """\
        const u = `https://apps.fortnox.se/oauth-v1/auth?scope=customer%20${extraScopes}&state=${s}`;
        fetch("https://api.fortnox.se/3/invoices");
        """}
    assert project(files, RULE) == []


def test_a_documented_alternative_scope_counts(project):
    # /3/articleurlconnections accepts connectfile or article.
    files = {"fortnox.yaml": "scopes: [article]\n", "a.rb": """\
        URL = "https://apps.fortnox.se/oauth-v1/auth?scope=article&state=#{s}"
        conn.get("/3/articleurlconnections")
        """}
    assert project(files, RULE) == []


def test_warehouse_calls_need_the_module_scopes_in_the_link(project, tmp_path):
    files = {"fortnox.yaml": "scopes: [warehouse, article]\n", "wms.py": """\
        u = "https://apps.fortnox.se/oauth-v1/auth?client_id=x&response_type=code&state=s&scope=warehouse"
        requests.get("https://api.fortnox.se/api/warehouse/stockpoints-v1")
        """}
    assert project(files, RULE) == [(RULE, "wms.py", 1, 83)]
    finding = [f for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == RULE][0]
    assert "scope 'article'" in finding.message


def test_silent_without_an_authorization_url(project):
    files = {"fortnox.yaml": "scopes: [customer]\n",
             "a.py": 'requests.get("https://api.fortnox.se/3/invoices")\n'}
    assert project(files, RULE) == []
