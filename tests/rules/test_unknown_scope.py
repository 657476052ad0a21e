from linter.engine import LintRequest, lint


def test_reports_unknown_scope_with_did_you_mean(tmp_path, project):
    files = {"fortnox.yaml": "scopes:\n  - invoice\n  - noxfinanceinvoice\n  - Customer\n  - blah\n",
             "a.py": 'u = "https://api.fortnox.se/3/invoices"\n'}
    assert project(files, "unknown-scope") == [
        ("unknown-scope", "fortnox.yaml", 3, 5),
        ("unknown-scope", "fortnox.yaml", 4, 5),
        ("unknown-scope", "fortnox.yaml", 5, 5),
    ]
    messages = [f.message for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == "unknown-scope"]
    assert messages == [
        "'noxfinanceinvoice' is not a Fortnox scope; did you mean 'noxfinansinvoice'? Requesting it "
        "fails with \"An unsupported scope was requested\"",
        "'Customer' is not a Fortnox scope; did you mean 'customer'? Requesting it fails with "
        "\"An unsupported scope was requested\"",
        "'blah' is not a Fortnox scope Requesting it fails with \"An unsupported scope was requested\"",
    ]


def test_every_catalog_scope_is_known(project):
    from linter.catalog import load_catalog

    scopes = sorted(load_catalog().scopes)
    files = {"fortnox.yaml": "scopes: [" + ", ".join(scopes) + "]\n"}
    assert project(files, "unknown-scope") == []
