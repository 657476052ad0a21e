from linter.engine import LintRequest, lint

MANIFEST = {"fortnox.yaml": "scopes: [customer]\n"}


def test_reports_each_call_site_without_its_scope(project):
    files = dict(MANIFEST, **{"app.py": """\
        import requests
        requests.get("https://api.fortnox.se/3/customers")
        requests.get("https://api.fortnox.se/3/invoices")
        requests.post('/3/orders/', json={})
        """})
    assert project(files, "missing-scope") == [
        ("missing-scope", "app.py", 3, 14),
        ("missing-scope", "app.py", 4, 15),
    ]


def test_message_names_method_endpoint_scope_and_runtime_error(tmp_path, project):
    project(dict(MANIFEST, **{"a.js": 'axios.post("https://api.fortnox.se/3/invoices/12/bookkeep");\n'}))
    finding = lint(LintRequest(cwd=tmp_path)).findings[0]
    assert finding.message == (
        "POST /3/invoices/12/bookkeep needs scope 'invoice', which fortnox.yaml does not request; "
        "Fortnox will answer \"Missing rights\" at run time"
    )
    assert finding.severity == "error"
    assert "Add invoice to scopes" in finding.fix


def test_silent_when_scope_declared(project):
    files = {"fortnox.yaml": "scopes: [invoice]\n",
             "a.go": 'req, _ := http.NewRequest("GET", "https://api.fortnox.se/3/invoices/1", nil)\n'}
    assert project(files, "missing-scope") == []


def test_comments_do_not_count(project):
    files = dict(MANIFEST, **{"a.java": """\
        // client.get("https://api.fortnox.se/3/invoices");
        /* "https://api.fortnox.se/3/orders" */
        String url = "https://api.fortnox.se/3/customers";
        """})
    assert project(files, "missing-scope") == []


def test_documented_alternative_scope_is_accepted(project):
    # Fortnox sources disagree on article URL connections: connectfile or article both pass.
    files = {"fortnox.yaml": "scopes: [article]\n",
             "a.rb": 'conn.get("/3/articleurlconnections")\nconn.get("/3/articles")\n'}
    assert project(files, "missing-scope") == []


def test_low_confidence_mapping_is_a_warning(tmp_path, project):
    files = {"fortnox.yaml": "scopes: [customer]\n",
             "a.py": 'url = "https://api.fortnox.se/3/euvatlimitregulation"\n'}
    project(files)
    findings = [f for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == "missing-scope"]
    assert [(f.severity, f.line) for f in findings] == [("warning", 1)]
    assert findings[0].message.endswith(
        "(low confidence: the catalog's mapping is a guess: Guess: the EU threshold matters when "
        "invoicing. bookkeeping or settings are also plausible.)")
