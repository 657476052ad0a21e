def test_reports_unused_scopes_at_their_manifest_line(project):
    files = {
        "fortnox.yaml": "scopes:\n  - invoice\n  - article\n  - customer\n",
        "src/a.ts": 'fetch(`https://api.fortnox.se/3/invoices/${id}`);\n',
    }
    assert project(files, "unused-scope") == [
        ("unused-scope", "fortnox.yaml", 3, 5),
        ("unused-scope", "fortnox.yaml", 4, 5),
    ]


def test_flow_list_columns(project):
    files = {"fortnox.yaml": "scopes: [invoice, article]\n",
             "a.py": 'u = "https://api.fortnox.se/3/invoices"\n'}
    assert project(files, "unused-scope") == [("unused-scope", "fortnox.yaml", 1, 19)]


def test_scope_used_anywhere_in_project_counts_even_when_one_file_is_linted(tmp_path, project):
    # Linting one file still judges unused scopes against the whole project.
    from pathlib import Path

    from linter.engine import LintRequest, lint

    project({"fortnox.yaml": "scopes: [invoice, customer]\n",
             "a.py": 'u = "https://api.fortnox.se/3/invoices"\n',
             "b.py": 'u = "https://api.fortnox.se/3/customers"\n'})
    result = lint(LintRequest(paths=[Path("a.py")], cwd=tmp_path))
    assert [f.rule for f in result.findings] == []


def test_alternative_scope_in_use_is_not_unused(project):
    files = {"fortnox.yaml": "scopes: [article]\n", "a.py": 'u = "/3/articleurlconnections"\n'}
    assert project(files, "unused-scope") == []


def test_unknown_scopes_are_left_to_unknown_scope(project):
    files = {"fortnox.yaml": "scopes: [invoices]\n", "a.py": "print(1)\n"}
    assert project(files, "unused-scope") == []
