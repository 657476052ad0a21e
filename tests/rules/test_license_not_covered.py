from linter.engine import LintRequest, lint


def test_scope_without_a_matching_licence(tmp_path, project):
    files = {"fortnox.yaml": "scopes: [invoice, salary, companyinformation]\nlicenses: [Order]\n",
             "a.py": 'a = "/3/invoices"\nb = "/3/employees"\nc = "/3/companyinformation"\n'}
    assert project(files, "license-not-covered") == [("license-not-covered", "fortnox.yaml", 1, 19)]
    (finding,) = [f for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == "license-not-covered"]
    assert finding.message == (
        "scope 'salary' needs the Lön licence, but licenses lists Order; Fortnox answers "
        "\"Not licensed for requested scope\" or \"Missing license\"")


def test_licence_aliases_count(project):
    # The licence table spells the fixed-asset register both ways.
    files = {"fortnox.yaml": "scopes: [connectfile]\nlicenses: [Anläggning]\n",
             "a.py": 'a = "/3/articlefileconnections"\n'}
    assert project(files, "license-not-covered") == []


def test_silent_without_licenses_key(project):
    files = {"fortnox.yaml": "scopes: [salary]\n", "a.py": 'b = "/3/employees"\n'}
    assert project(files, "license-not-covered") == []
