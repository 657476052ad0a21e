from linter.engine import LintRequest, lint

RULE = "warehouse-scopes"


def test_javascript_stock_points_without_article(project, tmp_path):
    files = {"fortnox.yaml": "scopes: [warehouse]\n", "stock.js": """\
        const a = await fetch("https://api.fortnox.se/api/warehouse/stockpoints-v1", { headers });
        const b = await fetch("https://api.fortnox.se/api/warehouse/stockpoints-v1/" + id, { headers });
        """}
    assert project(files, RULE) == [(RULE, "stock.js", 1, 23)]
    finding = [f for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == RULE][0]
    assert finding.message == (
        "GET /api/warehouse/stockpoints-v1 belongs to Fortnox's warehouse module, which also needs scope "
        "'article' (the FAQ lists article, warehouse, warehousecustomdocument for it); fortnox.yaml "
        "does not request it, so Fortnox answers \"Missing rights (Warehouse)\"")


def test_python_custom_documents_need_warehouse_and_article_too(project):
    files = {"fortnox.yaml": "scopes: [warehousecustomdocument]\n", "wms.py": """\
        session.get(f"https://api.fortnox.se/api/warehouse/documentdeliveries/custom/outbound-v1/{kind}/{id}")
        """}
    assert project(files, RULE) == [(RULE, "wms.py", 1, 13)]


def test_one_finding_per_file_and_no_overlap_with_missing_scope(project):
    files = {"fortnox.yaml": "scopes: [customer]\n",
             "a.py": 'get("https://api.fortnox.se/api/warehouse/stockpoints-v1")\n',
             "b.py": 'get("/api/warehouse/stocktransfer-v1")\nget("/api/warehouse/stockpoints-v1")\n'}
    findings = project(files)
    assert [f for f in findings if f[0] == RULE] == [(RULE, "a.py", 1, 5), (RULE, "b.py", 1, 5)]
    # warehouse itself is each call's own scope: missing-scope reports it, at every call
    assert [f for f in findings if f[0] == "missing-scope"] == [
        ("missing-scope", "a.py", 1, 5), ("missing-scope", "b.py", 1, 5), ("missing-scope", "b.py", 2, 5)]


def test_silent_when_the_module_scopes_are_requested_and_article_is_not_unused(project):
    files = {"fortnox.yaml": "scopes: [warehouse, article]\n",
             "stock.ts": 'await fetch("https://api.fortnox.se/api/warehouse/stockpoints-v1");\n'}
    assert project(files, RULE) == []
    assert project(files, "unused-scope") == []


def test_module_scopes_count_as_needed(tmp_path, project):
    from linter.runner import needed_scopes_document
    project({"fortnox.yaml": "scopes: [warehouse]\n",
             "s.py": 'get("https://api.fortnox.se/api/warehouse/stockpoints-v1")\n'})
    assert needed_scopes_document(lint(LintRequest(cwd=tmp_path)))["scopes"] == ["article", "warehouse"]


def test_silent_for_code_outside_the_module(project):
    files = {"fortnox.yaml": "scopes: [invoice]\n",
             "a.py": 'get("https://api.fortnox.se/3/invoices/1/warehouseready")\n'}
    assert project(files, RULE) == []


def test_scopes_command_says_which_module_needs_a_scope(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from conftest import write_project
    from linter.cli import cli
    write_project(tmp_path, {"s.py": 'get("https://api.fortnox.se/api/warehouse/stockpoints-v1")\n'})
    monkeypatch.chdir(tmp_path)
    lines = CliRunner().invoke(cli, ["scopes"]).output.splitlines()
    assert lines[1].split()[0] == "article"
    assert lines[1].endswith("1 call site (the warehouse module needs it)")
    assert lines[2].split()[0] == "warehouse" and lines[2].endswith("1 call site")


def test_init_explains_a_scope_only_the_module_needs(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from conftest import write_project
    from linter.cli import cli
    write_project(tmp_path, {"s.py": 'get("https://api.fortnox.se/api/warehouse/stockpoints-v1")\n'})
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(cli, ["init"]).exit_code == 0
    lines = (tmp_path / "fortnox.yaml").read_text(encoding="utf-8").splitlines()
    assert "  - article    # Article: 1 call site for the warehouse module, first s.py:1" in lines
    assert "  - warehouse  # Warehouse: 1 call site, first s.py:1" in lines
