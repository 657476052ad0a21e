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
