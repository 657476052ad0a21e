"""What is never scanned for calls: tests (unless opted in), docs, specs, recorded traffic."""

from linter.engine import LintRequest, lint
from linter.scanner.exclusions import is_test_dir, is_test_file

URL = '"https://api.fortnox.se/3/invoices"\n'


def test_test_files_are_skipped_unless_included(uses):
    files = {
        "src/app.py": f"requests.get({URL.strip()})\n",
        "tests/test_app.py": f"u = {URL}",
        "src/app_test.go": f"var u = {URL}",
        "web/api.spec.ts": f"const u = {URL}",
        "App.Tests/ClientTests.cs": f"var u = {URL}",
        "spec/client_spec.rb": f"u = {URL}",
    }
    assert [u[0] for u in uses(files)] == ["src/app.py"]
    assert [u[0] for u in uses(files, include_tests=True)] == [
        "App.Tests/ClientTests.cs", "spec/client_spec.rb", "src/app.py", "src/app_test.go",
        "tests/test_app.py", "web/api.spec.ts"]


def test_test_name_conventions():
    assert [n for n in ("tests", "__tests__", "spec", "UnitTests", "Shop.Tests", "e2e", "contests", "src")
            if is_test_dir(n)] == ["tests", "__tests__", "spec", "UnitTests", "Shop.Tests", "e2e"]
    names = ("test_a.py", "a_test.py", "conftest.py", "x_test.go", "a.test.js", "a.spec.tsx", "ClientTest.java",
             "ClientTests.cs", "a_spec.rb", "a_test.exs", "ApiTest.php", "latest.py", "testing.go", "spec.ts")
    assert [n for n in names if is_test_file(n)] == list(names[:11])


def test_manifest_key_includes_tests(tmp_path, project):
    files = {"fortnox.yaml": "scopes: [customer]\ninclude_tests: true\n",
             "tests/test_x.py": 'requests.get("https://api.fortnox.se/3/invoices")\n'}
    assert project(files, "missing-scope") == [("missing-scope", "tests/test_x.py", 1, 14)]


def test_cli_flag_includes_tests(tmp_path, project):
    files = {"fortnox.yaml": "scopes: [customer]\n",
             "tests/test_x.py": 'requests.get("https://api.fortnox.se/3/invoices")\n'}
    assert project(files, "missing-scope") == []
    result = lint(LintRequest(cwd=tmp_path, include_tests=True))
    assert [(f.rule, f.path, f.line) for f in result.findings if f.rule == "missing-scope"] == [
        ("missing-scope", "tests/test_x.py", 1)]


def test_docs_specs_and_recorded_traffic_do_not_count(uses):
    files = {
        "README.md": "GET https://api.fortnox.se/3/invoices\n",
        "docs/api.html": '<a href="https://api.fortnox.se/3/orders">orders</a>\n',
        "manual.http": "GET https://api.fortnox.se/3/customers\n",
        "openapi.json": '{"openapi": "3.0.3", "servers": [{"url": "https://api.fortnox.se/3/invoices"}]}',
        "api.yaml": "swagger: '2.0'\nhost: https://api.fortnox.se/3/orders\n",
        "cassettes/orders.yml": "uri: https://api.fortnox.se/3/orders\n",
        "session.har": '{"log": {"version": "1.2", "entries": [{"url": "https://api.fortnox.se/3/orders"}]}}',
        "src/fixtures/order.json": '{"@url": "https://api.fortnox.se/3/orders/1"}',
        "n8n-workflow.json": '{"nodes": [{"url": "https://api.fortnox.se/3/articles"}]}',
    }
    assert uses(files) == [("n8n-workflow.json", 1, 21, None, "/3/articles", "url", "high")]
