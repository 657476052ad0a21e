from linter.engine import LintRequest, lint

RULE = "hardcoded-credential"
MANIFEST = {"fortnox.yaml": "scopes: [invoice]\n"}
JWT = ("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0ZW5hbnRJZCI6MTIzNDU2LCJzY29wZSI6Imludm9pY2UifQ."
       "c2lnbmF0dXJlLXRoYXQtaXMtbm90LXJlYWxseS1hLXNpZ25hdHVyZQ")


def test_python_client_secret_constant(project, tmp_path):
    files = dict(MANIFEST, **{"settings.py": """\
        FORTNOX_CLIENT_ID = "8kQ2mW9xLp"
        FORTNOX_CLIENT_SECRET = "Zr4TqP8vNc"
        """})
    assert project(files, RULE) == [(RULE, "settings.py", 2, 25)]
    finding = [f for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == RULE][0]
    assert finding.message == (
        "a Fortnox client secret is written in the source assigned to FORTNOX_CLIENT_SECRET "
        "(Zr…(redacted, 10 chars)); anyone who can read the repository can act as the app")
    assert "Zr4TqP8vNc" not in finding.message + finding.fix


def test_javascript_tokens_in_an_object_and_a_jwt(project):
    files = dict(MANIFEST, **{"client.js": f"""\
        const creds = {{ refresh_token: "d41d8cd98f00b204e9800998ecf8427e", clientSecret: process.env.SECRET }};
        const api = axios.create({{ baseURL: "https://api.fortnox.se/3",
          headers: {{ Authorization: "Bearer {JWT}" }} }});
        """})
    assert project(files, RULE) == [(RULE, "client.js", 1, 32), (RULE, "client.js", 3, 29)]


def test_config_files(project):
    files = dict(MANIFEST, **{
        ".env": "FORTNOX_CLIENT_ID=8kQ2mW9xLp\nFORTNOX_CLIENT_SECRET=Zr4TqP8vNc\n",
        "config.json": '{\n  "fortnox": {\n    "access_token": "' + JWT + '"\n  }\n}\n'})
    assert project(files, RULE) == [(RULE, ".env", 2, 23), (RULE, "config.json", 3, 21)]


def test_generic_names_count_in_a_fortnox_project_but_other_vendors_do_not(project):
    files = dict(MANIFEST, **{"keys.rb": """\
        STRIPE_SECRET_KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
        SHOPIFY_ACCESS_TOKEN = "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"
        CLIENT_SECRET = "Zr4TqP8vNc"
        """})
    assert project(files, RULE) == [(RULE, "keys.rb", 3, 17)]


def test_placeholders_env_lookups_and_interpolations_are_not_secrets(project):
    files = dict(MANIFEST, **{
        "a.py": """\
            import os
            FORTNOX_CLIENT_SECRET = os.environ["FORTNOX_CLIENT_SECRET"]
            CLIENT_SECRET = "your-client-secret"
            ACCESS_TOKEN = "xxxxxxxxxxxxxxxx"
            REFRESH_TOKEN = f"{prefix}-{suffix}"
            client_secret = "FORTNOX_CLIENT_SECRET"
            data = {"grant_type": "refresh_token", "refresh_token": refresh_token}
            """,
        ".env.example": "FORTNOX_CLIENT_SECRET=${CLIENT_SECRET}\nFORTNOX_ACCESS_TOKEN=<paste token>\n",
        "doc.ts": 'const example = "eyJ...";\n'})
    assert project(files, RULE) == []


def test_the_fact_holds_only_the_redacted_prefix(tmp_path, project):
    project(dict(MANIFEST, **{"t.py": f'FORTNOX_ACCESS_TOKEN = "{JWT}"\n'}))
    result = lint(LintRequest(cwd=tmp_path))
    facts = [f for f in result.scan.facts if f.kind == "credential"]
    assert [f.data["redacted"] for f in facts] == [f"eyJhbG…(redacted, {len(JWT)} chars)"]
    assert JWT not in repr(result.scan.facts)


def test_credentials_in_a_form_body_string(project):
    files = dict(MANIFEST, **{
        "refresh.py": 'body = "grant_type=refresh_token&refresh_token=8d7c6b5a4f3e2d1c"\n',
        "refresh.go": 'body := "grant_type=refresh_token&refresh_token=" + token\n'})
    assert project(files, RULE) == [(RULE, "refresh.py", 1, 8)]


def test_a_generic_name_outside_fortnox_code_is_not_called_a_fortnox_secret(project, tmp_path):
    project(dict(MANIFEST, **{"google_login.py": 'client_secret = "Gx7pQ2rT9vLm"\n'}))
    [finding] = [f for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == RULE]
    assert (finding.path, finding.line, finding.column) == ("google_login.py", 1, 17)
    assert finding.message.startswith("a client secret is written in the source assigned to client_secret (")
