RULE = "auth-url-scope-not-declared"
MANIFEST = {"fortnox.yaml": "scopes: [customer]\n"}


def test_python_params_dict(project):
    files = dict(MANIFEST, **{"connect.py": """\
        from urllib.parse import urlencode
        AUTH_URL = "https://apps.fortnox.se/oauth-v1/auth"
        query = urlencode({"client_id": CLIENT_ID, "response_type": "code", "state": state,
                           "scope": "customer invoice"})
        """})
    assert project(files, RULE) == [(RULE, "connect.py", 4, 29)]


def test_javascript_url_builder(project):
    files = dict(MANIFEST, **{"connect.js": """\
        const url = new URL("https://apps.fortnox.se/oauth-v1/auth");
        url.searchParams.set("scope", "customer order");
        """})
    assert project(files, RULE) == [(RULE, "connect.js", 2, 31)]


def test_go_scopes_joined_from_a_constant_list(project):
    files = dict(MANIFEST, **{"connect.go": """\
        var scopes = []string{"customer", "invoice"}
        const authURL = "https://apps.fortnox.se/oauth-v1/auth"
        q := url.Values{}
        q.Set("scope", strings.Join(scopes, " "))
        """})
    assert project(files, RULE) == [(RULE, "connect.go", 4, 16)]


def test_link_in_html(project):
    files = dict(MANIFEST, **{"connect.html": (
        '<a href="https://apps.fortnox.se/oauth-v1/auth?client_id=abc&amp;scope=customer%20offer'
        '&amp;state=s&amp;response_type=code">Connect</a>\n')})
    assert project(files, RULE) == [(RULE, "connect.html", 1, 66)]


def test_message_names_the_scope_and_the_fortnox_error(project, tmp_path):
    from linter.engine import LintRequest, lint
    project(dict(MANIFEST, **{"c.py": 'u = "https://apps.fortnox.se/oauth-v1/auth?scope=customer%20invoice%20order"\n'}))
    finding = [f for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == RULE][0]
    assert finding.message == (
        "the authorization URL asks for scopes 'invoice', 'order', which fortnox.yaml does not "
        "declare; if the Developer Portal does not tick them either, Fortnox refuses the activation "
        "with \"An unsupported scope was requested\"")
    assert finding.fortnox_error == "An unsupported scope was requested"


def test_silent_when_every_scope_is_declared(project):
    files = {"fortnox.yaml": "scopes: [customer, invoice]\n",
             "connect.py": 'u = "https://apps.fortnox.se/oauth-v1/auth?scope=customer+invoice"\n',
             "connect.ts": 'p.set("scope", "invoice");\nconst A = "https://apps.fortnox.se/oauth-v1/auth";\n'}
    assert project(files, RULE) == []


def test_unknown_names_and_run_time_parts_are_not_this_rules_business(project):
    files = dict(MANIFEST, **{"connect.py": """\
        u = f"https://apps.fortnox.se/oauth-v1/auth?scope=customer%20{extra}%20invoices"
        """})
    assert project(files, RULE) == []
    # 'invoices' is unknown; and the query, written out whole, lacks client_id, response_type, state
    assert project(files, "invalid-auth-url") == [("invalid-auth-url", "connect.py", 1, 5)] * 2


def test_scope_keys_without_an_authorization_request_are_ignored(project):
    files = dict(MANIFEST, **{"sentry.js": 'Sentry.configureScope({ scope: "invoice" });\n'})
    assert project(files, RULE) == []


def test_scopes_joined_with_spaces_into_a_concatenated_query(project):
    files = dict(MANIFEST, **{"login.py": """\
        SCOPES = ["customer", "invoice"]
        def login(state):
            return ("https://apps.fortnox.se/oauth-v1/auth?client_id=" + ID + "&scope=" + " ".join(SCOPES)
                    + "&state=" + state + "&response_type=code")
        """})
    assert project(files, RULE) == [(RULE, "login.py", 3, 73)]
