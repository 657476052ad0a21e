from linter.engine import LintRequest, lint

RULE = "purchasable-not-published"


def test_purchasable_and_unpublished(project, tmp_path):
    files = {"fortnox.yaml": "scopes: [invoice]\ndistribution: purchasable\npublished: false\n"}
    assert project(files, RULE) == [(RULE, "fortnox.yaml", 2, 15), (RULE, "fortnox.yaml", 3, 12)]
    severities = [(f.severity, f.fortnox_error) for f in lint(LintRequest(cwd=tmp_path)).findings
                  if f.rule == RULE]
    assert [s for s, _ in severities] == ["info", "error"]
    messages = [f.message for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == RULE]
    assert "\"Missing license\"" in messages[0]
    assert "\"Resource owner does not have enough licenses\"" in messages[1]


def test_published_purchasable_app_gets_only_the_reminder(project, tmp_path):
    files = {"fortnox.yaml": "scopes: [invoice]\npublished: true\ndistribution: purchasable\n"}
    assert project(files, RULE) == [(RULE, "fortnox.yaml", 3, 15)]
    assert [f.severity for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == RULE] == ["info"]


def test_free_apps_are_silent(project):
    assert project({"fortnox.yaml": "scopes: [invoice]\ndistribution: free\npublished: false\n"}, RULE) == []
    assert project({"fortnox.yaml": "scopes: [invoice]\n"}, RULE) == []
