from linter.engine import LintRequest, lint

RULE = "redirect-uri-mismatch"
MANIFEST = {"fortnox.yaml": "scopes: [invoice]\nredirect_uris:\n  - https://shop.example.com/fortnox/callback\n"}


def test_php_query_array(project):
    files = dict(MANIFEST, **{"connect.php": """\
        <?php
        $query = http_build_query(['client_id' => $id, 'response_type' => 'code', 'state' => $state,
            'scope' => 'invoice', 'redirect_uri' => 'https://shop.example.com/oauth/callback']);
        header('Location: https://apps.fortnox.se/oauth-v1/auth?' . $query);
        """})
    assert project(files, RULE) == [(RULE, "connect.php", 3, 45)]


def test_kotlin_encoded_in_the_url(project):
    files = dict(MANIFEST, **{"Connect.kt": """\
        val link = "https://apps.fortnox.se/oauth-v1/auth?client_id=$id&response_type=code" +
            "&redirect_uri=https%3A%2F%2Fshop.example.com%2Ffortnox%2Fcallback%2F&scope=invoice&state=$s"
        """})
    assert project(files, RULE) == [(RULE, "Connect.kt", 2, 5)]


def test_message_explains_a_near_miss(project, tmp_path):
    project(dict(MANIFEST, **{"c.py": 'u = "https://apps.fortnox.se/oauth-v1/auth?redirect_uri=https://shop.example.com/fortnox/callback/"\n'}))
    finding = [f for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == RULE][0]
    assert finding.message == (
        "redirect_uri 'https://shop.example.com/fortnox/callback/' is not one of the redirect URIs "
        "registered in fortnox.yaml (https://shop.example.com/fortnox/callback) (they differ only by "
        "a trailing slash); Fortnox refuses the activation with \"RedirectURI is missing or mismatch\"")
    assert finding.fix.startswith("Use 'https://shop.example.com/fortnox/callback' here")


def test_silent_when_registered(project):
    files = dict(MANIFEST, **{
        "a.py": 'u = "https://apps.fortnox.se/oauth-v1/auth?redirect_uri=https%3A%2F%2Fshop.example.com%2Ffortnox%2Fcallback"\n',
        "b.js": 'const A = "https://apps.fortnox.se/oauth-v1/auth";\nq.set("redirect_uri", "https://shop.example.com/fortnox/callback");\n'})
    assert project(files, RULE) == []


def test_silent_when_the_value_is_built_at_run_time(project):
    files = dict(MANIFEST, **{"a.py": 'u = f"https://apps.fortnox.se/oauth-v1/auth?redirect_uri={BASE}/cb&scope=invoice"\n'})
    assert project(files, RULE) == []


def test_silent_when_the_manifest_lists_no_redirect_uris(project):
    files = {"fortnox.yaml": "scopes: [invoice]\n",
             "a.py": 'u = "https://apps.fortnox.se/oauth-v1/auth?redirect_uri=https://x.example/cb"\n'}
    assert project(files, RULE) == []
