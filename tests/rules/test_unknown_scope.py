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
        "'Customer' is not a Fortnox scope but the display name of scope 'customer'; did you mean "
        "'customer'? Requesting it fails with \"An unsupported scope was requested\"",
        "'blah' is not a Fortnox scope Requesting it fails with \"An unsupported scope was requested\"",
    ]


def test_every_catalog_scope_is_known(project):
    from linter.catalog import load_catalog

    scopes = sorted(load_catalog().scopes)
    files = {"fortnox.yaml": "scopes: [" + ", ".join(scopes) + "]\n"}
    assert project(files, "unknown-scope") == []


def test_display_names_point_to_the_enumeration(tmp_path, project):
    files = {"fortnox.yaml": "scopes: [Payments, Fortnox Finance Invoice]\n"}
    assert project(files, "unknown-scope") == [("unknown-scope", "fortnox.yaml", 1, 10),
                                               ("unknown-scope", "fortnox.yaml", 1, 20)]
    messages = [f.message for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == "unknown-scope"]
    assert messages == [
        "'Payments' is not a Fortnox scope but the display name of scope 'payment'; did you mean "
        "'payment'? Requesting it fails with \"An unsupported scope was requested\"",
        "'Fortnox Finance Invoice' is not a Fortnox scope but the display name of scope "
        "'noxfinansinvoice'; did you mean 'noxfinansinvoice'? Requesting it fails with "
        "\"An unsupported scope was requested\"",
    ]
