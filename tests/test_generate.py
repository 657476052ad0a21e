"""`fortnox-lint init` and `fortnox-lint auth-url`."""

from __future__ import annotations

from conftest import write_project
from test_cli import invoke

CODE = ("import requests\n"
        "def sync(s):\n"
        "    s.get('https://api.fortnox.se/3/customers')\n"
        "    s.get('https://api.fortnox.se/3/customers/1')\n"
        "    s.post('https://api.fortnox.se/3/invoices')\n")

INIT_TEXT = """\
# fortnox.yaml: this integration's Fortnox app, as registered in the Fortnox Developer Portal.
# Written by `fortnox-lint init` from the code (1 file scanned).
# These are the least-privilege scopes the code calls: tick exactly these for the app,
# then keep code and manifest in step with `fortnox-lint check`.
scopes:
  - customer  # Customer: 2 call sites, first src/sync.py:3
  - invoice   # Invoice: 1 call site, first src/sync.py:5
# Licences your customers must hold; any one of these combinations covers the scopes:
#   Kundfaktura
#   Order
# licenses: [Kundfaktura]
# Redirect URIs registered for the app; `fortnox-lint auth-url` uses the first:
# redirect_uris:
#   - https://example.com/fortnox/callback
# Whether the app lets customers connect a service account (account_type=service):
# service_account: false
# Paths not to scan, relative to this file:
# exclude:
#   - "tests/**"
"""


def test_init_writes_a_commented_least_privilege_manifest_that_lints_clean(tmp_path):
    write_project(tmp_path, {"src/sync.py": CODE})
    result = invoke(tmp_path, "init")
    assert (result.exit_code, result.stdout) == (
        0, "Wrote fortnox.yaml requesting 2 scopes: customer, invoice. Tick exactly these for the app "
           "in the Fortnox Developer Portal.\n")
    assert (tmp_path / "fortnox.yaml").read_text() == INIT_TEXT
    check = invoke(tmp_path, "check")
    assert (check.exit_code, check.stdout) == (0, "All checks passed (2 files scanned).\n")


def test_init_refuses_to_overwrite_without_force(tmp_path):
    write_project(tmp_path, {"src/sync.py": CODE, "fortnox.yml": "scopes: [broken\n"})
    result = invoke(tmp_path, "init")
    assert (result.exit_code, result.output) == (
        2, "fortnox-lint: error: fortnox.yml already exists; pass --force to overwrite it\n")
    assert (tmp_path / "fortnox.yml").read_text() == "scopes: [broken\n"
    forced = invoke(tmp_path, "init", "--force")  # the broken manifest is not consulted
    assert (forced.exit_code, forced.stdout.split(" requesting")[0]) == (0, "Wrote fortnox.yml")
    assert (tmp_path / "fortnox.yml").read_text() == INIT_TEXT.replace("(1 file scanned)", "(2 files scanned)")
    assert not (tmp_path / "fortnox.yaml").exists()


def test_init_in_a_folder_without_calls(tmp_path):
    write_project(tmp_path, {"app/readme.md": "nothing here\n"})
    result = invoke(tmp_path, "init", "app")
    assert result.stdout == "Wrote app/fortnox.yaml requesting no scopes: no Fortnox API calls were found.\n"
    assert (tmp_path / "app/fortnox.yaml").read_text().splitlines()[4] == (
        "scopes: []  # no Fortnox API calls found in the code yet")


MANIFEST = """\
scopes: [customer, invoice]
redirect_uris:
  - https://shop.example.com/fortnox/callback?from=app
  - http://localhost:8000/cb
service_account: true
"""


def test_auth_url_with_placeholders(tmp_path):
    write_project(tmp_path, {"fortnox.yaml": MANIFEST})
    result = invoke(tmp_path, "auth-url")
    assert (result.exit_code, result.output) == (0, (
        "https://apps.fortnox.se/oauth-v1/auth?client_id={client_id}"
        "&redirect_uri=https%3A%2F%2Fshop.example.com%2Ffortnox%2Fcallback%3Ffrom%3Dapp"
        "&scope=customer%20invoice&state={state}&access_type=offline&response_type=code"
        "&account_type=service\n"))


def test_auth_url_with_values_and_a_chosen_redirect(tmp_path):
    write_project(tmp_path, {"fortnox.yaml": MANIFEST.replace("service_account: true", "service_account: false")})
    result = invoke(tmp_path, "auth-url", "--client-id", "8Xk2 q", "--state", "a/b+c",
                    "--redirect-uri", "http://localhost:8000/cb")
    assert (result.exit_code, result.output) == (0, (
        "https://apps.fortnox.se/oauth-v1/auth?client_id=8Xk2%20q"
        "&redirect_uri=http%3A%2F%2Flocalhost%3A8000%2Fcb"
        "&scope=customer%20invoice&state=a%2Fb%2Bc&access_type=offline&response_type=code\n"))


def test_auth_url_without_redirect_uris_notes_the_portal_default(tmp_path):
    write_project(tmp_path, {"fortnox.yaml": "scopes: [invoice]\n"})
    result = invoke(tmp_path, "auth-url", "--state", "s1")
    assert (result.exit_code, result.stdout) == (0, (
        "https://apps.fortnox.se/oauth-v1/auth?client_id={client_id}&scope=invoice&state=s1"
        "&access_type=offline&response_type=code\n"))
    assert result.stderr == ("fortnox-lint: note: fortnox.yaml lists no redirect_uris, so the URL has none "
                             "and Fortnox uses the one registered in the Developer Portal\n")


def test_auth_url_refuses_what_fortnox_would_refuse(tmp_path):
    write_project(tmp_path, {"fortnox.yaml": "scopes:\n  - customer\n  - invoce\n",
                             "b/fortnox.yaml": MANIFEST, "c/fortnox.yaml": "scopes: []\n",
                             "d/fortnox.yaml": "scopes: [invoice]\nredirect_uri: x\n"})
    assert invoke(tmp_path, "auth-url").output == (
        "fortnox-lint: error: fortnox.yaml:3:5: 'invoce' is not a Fortnox scope; did you mean 'invoice'? "
        "Fortnox would answer \"An unsupported scope was requested\"\n")
    assert invoke(tmp_path, "auth-url", "b", "--redirect-uri", "https://evil.example").output == (
        "fortnox-lint: error: b/fortnox.yaml:2:1: redirect URI https://evil.example is not in "
        "redirect_uris; Fortnox would answer \"RedirectURI is missing or mismatch\"\n")
    assert invoke(tmp_path, "auth-url", "nowhere").output == "fortnox-lint: error: nowhere: no such file or folder\n"
    assert invoke(tmp_path, "auth-url", "c").output == (
        "fortnox-lint: error: c/fortnox.yaml:1:1: the manifest requests no scopes; Fortnox needs at least one\n")
    result = invoke(tmp_path, "auth-url", "d")
    assert (result.exit_code, result.output) == (2, (
        "fortnox-lint: error: d/fortnox.yaml:2:1: the manifest is invalid (unknown key 'redirect_uri'; "
        "did you mean 'redirect_uris'? (known keys: scopes, licenses, redirect_uris, service_account, oauth2, "
        "distribution, published, exclude, include_tests, lint)); fix it first\n"))
