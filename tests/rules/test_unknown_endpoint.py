from linter.engine import LintRequest, lint


def test_unknown_paths_are_reported_with_a_suggestion(tmp_path, project):
    files = {"fortnox.yaml": "scopes: [settings]\n",
             "a.php": "<?php\n$a = $http->get('https://api.fortnox.se/3/companysettings');\n"
                      "$b = $http->get(\"/3/invoice/\" . $n);\n"}
    assert project(files, "unknown-endpoint") == [
        ("unknown-endpoint", "a.php", 2, 17),
        ("unknown-endpoint", "a.php", 3, 17),
    ]
    messages = [f.message for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == "unknown-endpoint"]
    assert "did you mean /3/settings/company?" in messages[0]
    assert "did you mean /3/invoices?" in messages[1]


def test_known_paths_with_ids_queries_and_slashes_are_not_reported(project):
    files = {"fortnox.yaml": "scopes: [invoice, customer]\n",
             "a.rb": 'get("/3/invoices/?page=2")\nget("https://api.fortnox.se/3/customers/42/")\n'
                     'get("/3/invoices/12/bookkeep")\n'}
    assert project(files, "unknown-endpoint") == []


def test_other_apis_are_not_fortnox(project):
    files = {"fortnox.yaml": "scopes: [invoice]\n",
             "a.js": 'fetch("https://api.stripe.com/v1/invoices");\nfetch("/api/users/3");\n'
                     'fetch("https://api.fortnox.se/3/invoices");\n'}
    assert project(files, "unknown-endpoint") == []


def test_urls_on_the_api_host_outside_3_are_reported(tmp_path, project):
    files = {"fortnox.yaml": "scopes: [invoice, order]\n",
             "a.py": 'requests.get("https://api.fortnox.se/invoices")\n'
                     'requests.get("https://api.fortnox.se/v3/orders")\n'
                     'requests.get("https://api.fortnox.se/3/orders")\n'
                     'DOCS = "https://api.fortnox.se/apidocs"\n'
                     'TOKEN = "https://api.fortnox.se/oauth-v1/token"\n'}
    assert project(files, "unknown-endpoint") == [
        ("unknown-endpoint", "a.py", 1, 14),
        ("unknown-endpoint", "a.py", 2, 14),
    ]
    found = [f for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == "unknown-endpoint"]
    assert found[0].message == (
        "/invoices is not a Fortnox API endpoint (catalog " + found[0].message.split("catalog ")[1].split(")")[0]
        + "); its paths start with /3/; did you mean /3/invoices? The call will fail with 404, and no scope "
          "can be checked for it")
    assert found[0].fix == "Use /3/invoices."
    assert "did you mean /3/orders?" in found[1].message


def test_a_path_resolved_against_a_base_without_its_trailing_slash(tmp_path, project):
    files = {"fortnox.yaml": "scopes: [invoice]\n",
             "a.js": 'const BASE = "https://api.fortnox.se/3";\nfetch(new URL("invoices", BASE));\n'}
    assert project(files, "unknown-endpoint") == [("unknown-endpoint", "a.js", 2, 15)]
    [finding] = [f for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == "unknown-endpoint"]
    assert "loses the base's last segment when the base does not end in \"/\"" in finding.message
    assert finding.message.endswith("did you mean /3/invoices? The call will fail with 404, and no scope can be "
                                    "checked for it")
    assert finding.fix == ('End the base URL with "/" (https://api.fortnox.se/3/) and join paths without a '
                           'leading "/".')


def test_a_client_whose_base_address_lacks_its_trailing_slash(tmp_path, project):
    # HttpClient resolves "invoices" against BaseAddress https://api.fortnox.se/3 to
    # https://api.fortnox.se/invoices: reported with why, and the scope is not taken as used.
    files = {"fortnox.yaml": "scopes: [invoice]\n",
             "Ledger.cs": 'class Ledger {\n'
                          '  HttpClient http = new HttpClient { BaseAddress = new Uri("https://api.fortnox.se/3") };\n'
                          '  Task<string> All() => http.GetStringAsync("invoices");\n}\n'}
    assert project(files) == [("unknown-endpoint", "Ledger.cs", 3, 45), ("unused-scope", "fortnox.yaml", 1, 10)]
    [finding] = [f for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == "unknown-endpoint"]
    assert finding.message.startswith("/invoices is not a Fortnox API endpoint (catalog ")
    assert ("new URL, urljoin and new Uri all do this, as do HttpClient.BaseAddress, the base_uri of Guzzle "
            "and Symfony, Ktor's defaultRequest url, and Faraday (which adds the base's trailing slash itself); "
            "did you mean /3/invoices?") in finding.message
    assert finding.fix == ('End the base URL with "/" (https://api.fortnox.se/3/) and join paths without a '
                           'leading "/".')
