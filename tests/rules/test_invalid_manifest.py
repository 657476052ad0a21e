from linter.engine import LintRequest, lint


def test_schema_problems_are_findings_at_their_place(tmp_path, project):
    files = {"fortnox.yaml": "scopes: invoice\nlicences: [Kundfaktura]\ndistribution: paid\n"
                             "service_account: yes please\n"}
    assert project(files, "invalid-manifest") == [
        ("invalid-manifest", "fortnox.yaml", 1, 9),
        ("invalid-manifest", "fortnox.yaml", 2, 1),
        ("invalid-manifest", "fortnox.yaml", 3, 15),
        ("invalid-manifest", "fortnox.yaml", 4, 18),
    ]
    messages = [f.message for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == "invalid-manifest"]
    assert messages == [
        "scopes: expected a list, got a string",
        "unknown key 'licences'; did you mean 'licenses'? (known keys: scopes, licenses, redirect_uris, "
        "service_account, oauth2, distribution, published, exclude, include_tests, lint)",
        "distribution: expected one of 'free', 'purchasable', got 'paid'",
        "service_account: expected true or false, got a string",
    ]


def test_empty_manifest(project):
    assert project({"fortnox.yaml": "# nothing yet\n"}, "invalid-manifest") == [
        ("invalid-manifest", "fortnox.yaml", 1, 1)]


def test_missing_scopes_key(project):
    assert project({"fortnox.yaml": "oauth2: true\n"}, "invalid-manifest") == [
        ("invalid-manifest", "fortnox.yaml", 1, 1)]


def test_valid_manifest(project):
    files = {"fortnox.yaml": "scopes: [invoice]\nlicenses: [Kundfaktura]\nredirect_uris: [https://x.se/cb]\n"
                             "service_account: false\noauth2: true\ndistribution: free\npublished: true\n"
                             "exclude: ['tests/**']\n",
             "a.py": 'a = "/3/invoices"\n'}
    assert project(files, "invalid-manifest") == []
