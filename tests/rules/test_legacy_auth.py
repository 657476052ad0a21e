from linter.engine import LintRequest, lint

RULE = "legacy-auth"
MANIFEST = {"fortnox.yaml": "scopes: [invoice]\n"}


def test_csharp_static_headers(project):
    files = dict(MANIFEST, **{"Client.cs": """\
        client.DefaultRequestHeaders.Add("Access-Token", accessToken);
        client.DefaultRequestHeaders.Add("Client-Secret", clientSecret);
        var invoices = await client.GetAsync("https://api.fortnox.se/3/invoices");
        """})
    assert project(files, RULE) == [(RULE, "Client.cs", 1, 34), (RULE, "Client.cs", 2, 34)]


def test_python_headers_dict_and_legacy_activation(project, tmp_path):
    files = dict(MANIFEST, **{"legacy.py": """\
        headers = {"Authorization-Code": code, "Client-Secret": secret}
        requests.get("https://api.fortnox.se/3/", headers=headers)
        """})
    assert project(files, RULE) == [(RULE, "legacy.py", 1, 12), (RULE, "legacy.py", 1, 40)]
    first = [f for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == RULE][0]
    assert first.message.startswith("the Authorization-Code header is Fortnox's legacy activation")
    assert "https://apps.fortnox.se/oauth-v1/auth" in first.fix


def test_curl_in_a_shell_script(project, tmp_path):
    files = dict(MANIFEST, **{"sync.sh": """\
        #!/bin/sh
        curl -H "Access-Token: $FORTNOX_TOKEN" https://api.fortnox.se/3/invoices
        """})
    assert project(files, RULE) == [(RULE, "sync.sh", 2, 10)]
    finding = [f for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == RULE][0]
    assert "https://apps.fortnox.se/oauth-v1/migrate" in finding.fix
    assert "30 April 2025" in finding.message


def test_silent_for_bearer_tokens_oauth_fields_and_documentation(project):
    files = dict(MANIFEST, **{
        "client.ts": """\
            const res = await fetch("https://api.fortnox.se/3/invoices", {
              headers: { Authorization: `Bearer ${token}` },
            });
            const { access_token, refresh_token } = await tokenResponse.json();
            log("Access-Token header removed in 2023");
            """,
        "MIGRATION.md": "We used to send the `Access-Token:` header to Fortnox.\n"})
    assert project(files, RULE) == []


def test_files_that_do_not_mention_fortnox_are_not_read(project):
    files = dict(MANIFEST, **{"other_vendor.py": 'requests.get(URL, headers={"Access-Token": token})\n'})
    assert project(files, RULE) == []
