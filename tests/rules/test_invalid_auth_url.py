import pytest

from linter.engine import LintRequest, lint

RULE = "invalid-auth-url"
MANIFEST = {"fortnox.yaml": "scopes: [invoice, customer]\n"}
GOOD_QUERY = "client_id=x&response_type=code&state=s&scope=invoice%20customer"


def messages(tmp_path) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.message) for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == RULE]


def test_authorize_path_and_comma_joined_scopes_in_go(project):
    files = dict(MANIFEST, **{"connect.go": """\
        u := "https://apps.fortnox.se/oauth-v1/authorize?client_id=" + clientID +
            "&response_type=code&scope=invoice,customer&state=" + state
        """})
    assert project(files, RULE) == [(RULE, "connect.go", 1, 6), (RULE, "connect.go", 2, 26)]


def test_token_url_on_the_api_host_in_python(project, tmp_path):
    files = dict(MANIFEST, **{"token.py": """\
        TOKEN_URL = "https://api.fortnox.se/oauth-v1/token"
        r = requests.post(TOKEN_URL, data={"grant_type": "authorization_code", "code": code})
        """})
    assert project(files, RULE) == [(RULE, "token.py", 1, 13)]
    assert messages(tmp_path)[0][2] == (
        "https://api.fortnox.se/oauth-v1/token is not a Fortnox OAuth endpoint: Fortnox serves OAuth "
        "on apps.fortnox.se, not api.fortnox.se. The request fails before Fortnox can authorize anything")
    finding = [f for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == RULE][0]
    assert finding.fix == "Use https://apps.fortnox.se/oauth-v1/token."


def test_missing_parameters_in_a_javascript_params_object(project, tmp_path):
    files = dict(MANIFEST, **{"connect.js": """\
        const AUTH = "https://apps.fortnox.se/oauth-v1/auth";
        const q = new URLSearchParams({ client_id: ID, scope: "invoice" });
        """})
    assert project(files, RULE) == [(RULE, "connect.js", 1, 14)]
    assert messages(tmp_path)[0][2].startswith(
        "the authorization request has no response_type, state parameters;")


def test_missing_parameters_are_not_guessed_when_the_query_is_built_elsewhere(project):
    files = dict(MANIFEST, **{
        "config.py": 'AUTH_URL = "https://apps.fortnox.se/oauth-v1/auth"\n',
        "connect.py": 'url = f"https://apps.fortnox.se/oauth-v1/auth?client_id={ID}&{rest}"\n',
        "token.py": ('AUTH = "https://apps.fortnox.se/oauth-v1/auth"\n'
                     'body = {"grant_type": "authorization_code", "code": c, "redirect_uri": R, "client_id": ID}\n')})
    assert project(files, RULE) == []


@pytest.mark.parametrize("value,expected", [
    ('"invoice+customer"', "scopes are joined with '+' in a value the URL builder encodes"),
    ('"invoice%20customer"', "the scope value is already URL-encoded (%20)"),
    ('"invoice, customer"', "scopes are joined with commas ('customer', 'invoice')"),
    ('"invoice custumer"', "the authorization URL asks for 'custumer' (did you mean 'customer'?)"),
    ('""', "the scope parameter is empty"),
])
def test_scope_values_a_builder_sends(project, tmp_path, value, expected):
    files = dict(MANIFEST, **{"c.py": f"""\
        AUTH = "https://apps.fortnox.se/oauth-v1/auth"
        q = urlencode({{"client_id": ID, "response_type": "code", "state": s, "scope": {value}}})
        """})
    assert project(files, RULE) == [(RULE, "c.py", 2, 79)]
    assert messages(tmp_path)[0][2].startswith(expected)


def test_plus_and_percent_20_are_spaces_inside_a_url(project):
    files = dict(MANIFEST, **{
        "a.py": f'u = "https://apps.fortnox.se/oauth-v1/auth?{GOOD_QUERY}"\n',
        "b.py": 'u = "https://apps.fortnox.se/oauth-v1/auth?client_id=x&response_type=code&state=s&scope=invoice+customer"\n'})
    assert project(files, RULE) == []


def test_response_type_and_account_type_values(project, tmp_path):
    files = dict(MANIFEST, **{"c.rb": """\
        AUTH = "https://apps.fortnox.se/oauth-v1/auth"
        q = URI.encode_www_form(client_id: ID, response_type: "token", state: s, scope: "invoice",
                                account_type: "user")
        """})
    assert project(files, RULE) == [(RULE, "c.rb", 2, 55), (RULE, "c.rb", 3, 39)]
    assert [m[2].split(";")[0] for m in messages(tmp_path)] == [
        "response_type is 'token'", "account_type is 'user'"]


def test_a_well_formed_request_in_csharp(project):
    files = dict(MANIFEST, **{"Connect.cs": """\
        var link = $"https://apps.fortnox.se/oauth-v1/auth?client_id={clientId}&response_type=code&state={state}&scope=invoice%20customer";
        var token = "https://apps.fortnox.se/oauth-v1/token";
        var migrate = "https://apps.fortnox.se/oauth-v1/migrate";
        """})
    assert project(files, RULE) == []


def test_other_providers_oauth_is_not_read(project):
    files = dict(MANIFEST, **{
        "google.py": ('u = "https://accounts.google.com/o/oauth2/v2/auth?client_id=x&scope=openid%20email"\n'
                      'q = urlencode({"response_type": "code", "scope": "openid email"})\n'),
        "both.js": ('const F = "https://apps.fortnox.se/oauth-v1/auth";\n'
                    'const G = "https://accounts.google.com/o/oauth2/v2/auth?scope=openid,email&client_id=x";\n')})
    assert project(files) == [("unused-scope", "fortnox.yaml", 1, 10), ("unused-scope", "fortnox.yaml", 1, 19)]


def test_prose_and_reports_are_not_read_as_requests(project):
    files = dict(MANIFEST, **{
        "NOTES.md": ("Exchange the code at https://apps.fortnox.se/oauth-v1/token.\n"
                     "The request needs client_id, response_type=code, state and scope.\n"),
        "results.sarif": '{"text": "https://apps.fortnox.se/oauth-v1/authorize?scope=a,b"}\n'})
    assert project(files, RULE) == []


def test_the_generated_authorization_url_passes_every_check(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from conftest import write_project
    from linter.cli import cli
    manifest = ("scopes: [customer, invoice]\nredirect_uris: [https://shop.example.com/cb]\n"
                "service_account: true\n")
    write_project(tmp_path, {"fortnox.yaml": manifest})
    monkeypatch.chdir(tmp_path)
    url = CliRunner().invoke(cli, ["auth-url", "--client-id", "abc", "--state", "s1"]).output.strip()
    assert url.startswith("https://apps.fortnox.se/oauth-v1/auth?")
    write_project(tmp_path, {"connect.py": f'LINK = "{url}"\n'})
    findings = [f for f in lint(LintRequest(cwd=tmp_path)).findings if f.path == "connect.py"]
    assert findings == []


@pytest.mark.parametrize("name,source", [
    ("login.py", """\
        from requests_oauthlib import OAuth2Session
        def login():
            s = OAuth2Session(CLIENT_ID, scope=["invoice", "customer"], redirect_uri=CALLBACK)
            return s.authorization_url("https://apps.fortnox.se/oauth-v1/auth", access_type="offline")
        """),
    ("login.py", """\
        AUTHORIZE = "https://apps.fortnox.se/oauth-v1/auth"
        def login(request):
            return oauth.fortnox.authorize_redirect(request, CALLBACK, scope="invoice customer")
        """),
    ("login.go", """\
        var conf = &oauth2.Config{ClientID: id, Scopes: []string{"invoice"},
            Endpoint: oauth2.Endpoint{AuthURL: "https://apps.fortnox.se/oauth-v1/auth"}}
        func login(state string) string { return conf.AuthCodeURL(state) }
        """),
    ("login.php", """\
        <?php
        $provider = new GenericProvider(['urlAuthorize' => 'https://apps.fortnox.se/oauth-v1/auth']);
        $url = $provider->getAuthorizationUrl(['scope' => 'invoice customer', 'redirect_uri' => $cb]);
        """),
])
def test_a_library_that_adds_client_id_response_type_and_state_is_trusted_to(project, name, source):
    # the library fills in what the file does not show: nothing is reported missing
    assert project(dict(MANIFEST, **{name: source}), RULE) == []


def test_a_function_of_the_file_named_like_a_library_call_does_not_hide_missing_parameters(project, tmp_path):
    files = dict(MANIFEST, **{"login.py": """\
        def authorization_url(state):
            return "https://apps.fortnox.se/oauth-v1/auth?client_id=x&scope=invoice&state=" + state
        url = authorization_url("s")
        """})
    assert project(files, RULE) == [(RULE, "login.py", 2, 12)]
    assert messages(tmp_path)[0][2].startswith("the authorization request has no response_type parameter;")


def test_scopes_joined_with_spaces_into_a_concatenated_query(project):
    # the spaces " ".join puts in the URL do not end the query: state and response_type follow
    files = dict(MANIFEST, **{"login.py": """\
        SCOPES = ["invoice", "customer"]
        def login(state):
            return ("https://apps.fortnox.se/oauth-v1/auth?client_id=" + ID + "&scope=" + " ".join(SCOPES)
                    + "&state=" + state + "&response_type=code")
        """})
    assert project(files, RULE) == []


def test_an_activation_link_built_in_a_vue_component(project):
    # the <script> block is code: its template literal's ${...} parts are run-time values
    files = dict(MANIFEST, **{"Connect.vue": """\
        <template><a :href="authUrl">Connect Fortnox</a></template>
        <script setup lang="ts">
        const scopes = ['invoice', 'customer']
        const authUrl = `https://apps.fortnox.se/oauth-v1/auth?client_id=${id}&scope=${scopes.join('%20')}&state=${s}&response_type=code`
        </script>
        """})
    assert project(files, RULE) == []
