from linter.engine import LintRequest, lint

RULE = "service-account-not-allowed"
LINK_RB = """\
    link = "https://apps.fortnox.se/oauth-v1/auth?client_id=#{ID}&response_type=code" \\
           "&scope=companyinformation&state=#{state}&account_type=service"
    """


def test_ruby_link_with_service_accounts_off(project):
    files = {"fortnox.yaml": "scopes: [companyinformation]\nservice_account: false\n", "c.rb": LINK_RB}
    assert project(files, RULE) == [(RULE, "c.rb", 2, 8)]


def test_javascript_params_when_the_manifest_does_not_say(project, tmp_path):
    files = {"fortnox.yaml": "scopes: [companyinformation]\n", "c.js": """\
        const AUTH = "https://apps.fortnox.se/oauth-v1/auth";
        const q = new URLSearchParams({ client_id: ID, response_type: "code", state: s,
          scope: "companyinformation", account_type: "Service" });
        """}
    assert project(files, RULE) == [(RULE, "c.js", 3, 46)]
    finding = [f for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == RULE][0]
    assert finding.message == (
        "the authorization URL asks for a service account (account_type=Service), but fortnox.yaml "
        "does not set service_account (the Developer Portal's default is off); Fortnox answers "
        "\"Client does not allow service account\"")


def test_silent_when_service_accounts_are_allowed(project):
    files = {"fortnox.yaml": "scopes: [companyinformation]\nservice_account: true\n", "c.rb": LINK_RB}
    assert project(files, RULE) == []


def test_silent_for_ordinary_links(project):
    files = {"fortnox.yaml": "scopes: [companyinformation]\nservice_account: false\n",
             "c.py": 'u = "https://apps.fortnox.se/oauth-v1/auth?client_id=x&scope=companyinformation&state=s&response_type=code"\n'}
    assert project(files, RULE) == []
