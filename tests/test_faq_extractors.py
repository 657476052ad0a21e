"""The FAQ rules' fact extractors: what they read, and that no input breaks or stalls them."""

from __future__ import annotations

import random
import time

import pytest

from linter.catalog import load_catalog
from linter.scanner.extract import scan_text
from linter.scanner.facts.credentials import credential_kind, looks_secret
from linter.scanner.facts.exprs import Reader
from linter.scanner.lexer import LANGUAGES, tokenize

CATALOG = load_catalog()


def facts(text: str, language: str | None, kind: str) -> list:
    return [f for f in scan_text(text, "f", language, CATALOG).facts if f.kind == kind]


def reader(text: str, language: str) -> Reader:
    return Reader(tokenize(text, LANGUAGES[language]), text, language)


@pytest.mark.parametrize("language,source,expected", [
    ("python", 'S = ["invoice", "customer"]\nq = {"scope": " ".join(S)}\n', "invoice customer"),
    ("javascript", 'const S = ["invoice", "order"];\nq.set("scope", S.join("%20"));\n', "invoice%20order"),
    ("php", "<?php $s = ['invoice', 'offer'];\n$q = ['scope' => implode(' ', $s)];\n", "invoice offer"),
    ("go", 'var s = []string{"invoice", "price"}\nq.Set("scope", strings.Join(s, " "))\n', "invoice price"),
    ("csharp", 'd["scope"] = string.Join(" ", new[] { "invoice", "project" });\n', "invoice project"),
    ("java", 'b.queryParam("scope", String.join(" ", List.of("invoice", "currency")));\n', "invoice currency"),
    ("kotlin", 'val s = listOf("invoice", "article")\nval p = mapOf("scope" to s.joinToString(" "))\n', "invoice article"),
    ("ruby", 'p = { scope: ["invoice", "costcenter"].join(" ") }\n', "invoice costcenter"),
    ("elixir", 'q = %{scope: Enum.join(["invoice", "inbox"], " ")}\n', "invoice inbox"),
    ("python", 'A = "invoice"\nq = dict(scope=A + " " + "print")\n', "invoice print"),
])
def test_scope_values_are_read_in_every_language(language, source, expected):
    [pair] = reader(source, language).pairs(lambda key: key == "scope")
    assert pair.value is not None and pair.value.text == expected


def test_interpolated_constants_are_resolved():
    source = 'S = ("invoice", "customer")\nA = "https://apps.fortnox.se/oauth-v1/auth"\nu = f"{A}?scope={\'%20\'.join(S)}&state={s}"\n'
    [request] = facts(source, "python", "auth-request")
    assert [(p["name"], p["value"]) for p in request.data["params"]] == [
        ("scope", "invoice customer"), ("state", "{}")]


def test_a_constant_assigned_twice_is_not_trusted():
    source = 'SCOPE = "invoice"\nif x:\n    SCOPE = "order"\nq = {"scope": SCOPE}\n'
    [pair] = reader(source, "python").pairs(lambda key: key == "scope")
    assert pair.value.text == "{}"


def test_oauth_url_facts():
    source = ('AUTH = "https://apps.fortnox.se/oauth-v1/auth"\n'
              'TOKEN = "https://apps.fortnox.se/oauth-v1/token/"\n'
              'DOCS = "https://apps.fortnox.se/apidocs"\n'
              'OTHER = "https://accounts.example.com/oauth-v1/auth"\n')
    found = [(f.line, f.column, f.data["role"], f.data["path"]) for f in facts(source, "python", "oauth-url")]
    assert found == [(1, 8, "auth", "/oauth-v1/auth"), (2, 9, "token", "/oauth-v1/token/")]


@pytest.mark.parametrize("key,kind", [
    ("FORTNOX_CLIENT_SECRET", "client secret"), ("clientSecret", "client secret"),
    ("Client-Secret", "client secret"), ("refresh_token", "refresh token"),
    ("fortnoxApiToken", "access token"), ("FORTNOX_PASSWORD", "password"),
    ("STRIPE_SECRET_KEY", None), ("client_id", None), ("token_type", None),
])
def test_credential_names(key, kind):
    assert credential_kind(key) == kind


@pytest.mark.parametrize("value,secret", [
    ("Zr4TqP8vNc", True), ("d41d8cd98f00b204e9800998ecf8427e", True), ("Bearer Ab3dEf6hIj", True),
    ("your-client-secret", False), ("xxxxxxxxxx", False), ("${CLIENT_SECRET}", False),
    ("FORTNOX_CLIENT_SECRET", False), ("<client secret>", False), ("changeme123", False),
    ("refresh_token", False), ("short1", False), ("https://example.com/x1", False),
])
def test_what_looks_like_a_secret(value, secret):
    assert looks_secret(value) is secret


ADVERSARIAL = [
    "eyJ" * 70_000,
    "eyJ" + "a" * 100_000 + "." + "b" * 100_000,
    "https://" + "a." * 100_000,
    "https://apps.fortnox.se/oauth-v1/auth?" + "scope=a&" * 30_000,
    "scope=" + "%20" * 70_000,
    "client_secret=" + "x" * 200_000,
    "FORTNOX_CLIENT_SECRET" + " " * 100_000 + "=",
    "Access-Token" * 20_000,
    "&" * 200_000,
]


@pytest.mark.parametrize("language", [None, "python", "javascript", "php", "ruby"])
@pytest.mark.parametrize("index", range(len(ADVERSARIAL)))
def test_adversarial_strings_are_read_in_linear_time(language, index):
    payload = ADVERSARIAL[index]
    text = f'x = "{payload}"\n' if language else payload
    started = time.process_time()  # CPU time: other load on the machine does not count
    scan_text("fortnox\n" + text, "f", language, CATALOG)
    assert time.process_time() - started < 3.0


def test_deeply_nested_and_long_token_streams_stay_fast():
    source = "fortnox\nq = " + "[" * 50_000 + "\n" + ('{"scope": "a", "state": s, ' * 5_000) + "\n"
    started = time.process_time()
    scan_text(source, "f", "javascript", CATALOG)
    assert time.process_time() - started < 3.0


@pytest.mark.parametrize("language", [None, *sorted(LANGUAGES)])
def test_random_input_never_raises(language):
    rng = random.Random(language or "plain")
    alphabet = "fortnox scope=&?\"'`{}[]()$#:;,.+<>=\\/\n\t eyJ https://apps.fortnox.se/oauth-v1/auth client_secret"
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        scan_text("fortnox " + text, "f", language, CATALOG)
