"""Hypothesis strategies shared by the property tests: source text, manifests, findings."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from linter.finding import SEVERITIES, Finding

# Small and quick: the whole suite must stay fast. No deadline: CI machines vary.
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=12, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Pieces that exercise the lexer's and scanner's edge cases: quotes, escapes, comments,
# interpolation, regex literals, Fortnox URLs and paths, exotic case-folding letters, BOMs, NULs.
SOURCE_PIECES = [
    '"', "'", "`", '"""', "'''", "\\", "\n", "\r\n", "\t", " ", "{", "}", "${", "#{", "{$", "$x", "$a[", "$o->p",
    "/*", "*/", "//", "#", "=begin\n", "\n=end", '@"', '$"', 'f"', 'r"', 'b"', "rb'", "/", "=/", "(/", "[", "]",
    "/3/", "/api/", "https://api.fortnox.se", "https://api.fortnox.se/3/invoices", "http://API.FORTNOX.SE:443/3/orders/",
    "/3/customers/{id}", "/api/warehouse/stockpoints-v1", "/api/time/registrations-v2", "fortnox", "FORTNOX",
    "requests.get(", "axios.post(", "fetch(", "http.NewRequest(", ")", "(", ";", ",", "GET", "DELETE", "'POST'",
    "#[", "?filter=x", "#frag", "{{", "}}", "é", "ü", "\u202e", "\x00", "\ufeff", "\u212a", "\u017f", "\u0130",
    "fortnoﬀ", "ſ", "0x1F", "1.5e3", "_name", "@attr",
]
source_text = st.lists(st.one_of(st.sampled_from(SOURCE_PIECES), st.text(max_size=4)), max_size=40).map("".join)

MANIFEST_KEYS = ["scopes", "licenses", "redirect_uris", "service_account", "oauth2", "distribution", "published",
                 "exclude", "lint", "scope", "Scopes", ""]
SCOPE_NAMES = ["invoice", "customer", "order", "article", "payment", "Payments", "noxfinansinvoice", "warehouse",
               "", "x" * 40, "inv\x1boice", "bokföring", "settings"]
LICENCES = ["Kundfaktura", "Order", "Bokföring", "Lager", "Lön", "nonsense", ""]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=True),
                    st.sampled_from(SCOPE_NAMES + LICENCES), st.text(max_size=8))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.one_of(st.sampled_from(MANIFEST_KEYS), st.text(max_size=5)),
                                                 inner, max_size=4)), max_leaves=12)
structured = st.dictionaries(st.sampled_from(MANIFEST_KEYS), st.one_of(
    st.lists(st.sampled_from(SCOPE_NAMES + LICENCES), max_size=6), values), max_size=6)
YAML_PIECES = ["scopes:", "licenses:", "exclude:", "lint:", "- ", "[", "]", "{", "}", ": ", ",", "&a ", "*a",
               "!!str ", "!!python/name:os.system", "<<: *a", "\n", "  ", '"', "'", "# c", "---\n", "...\n",
               "%YAML 1.2\n", "? ", "|\n", ">\n", "ü", "\t", "invoice", "customer", "~", "null", "yes", "0x1",
               "2024-01-01", "\ufeff"]
yaml_text = st.lists(st.one_of(st.sampled_from(YAML_PIECES), st.text(max_size=3)), max_size=30).map("".join)
manifest_text = st.one_of(
    structured.map(lambda d: yaml.safe_dump(d, allow_unicode=True)),
    values.map(lambda v: yaml.safe_dump(v, allow_unicode=True)),
    yaml_text,
)

# Text as repositories may contain it: control characters, bidi overrides, percent signs,
# colons and commas (workflow-command syntax), XML and Markdown specials.
NASTY = ["\x1b[31m", "\n", "\r", "\x00", "\u202e", "%", "%0A", "::", ",", ":", "<", "&", "]]>", "|", "`", "*",
         "\x7f", "\x85", "é", "\t", '"', "\\"]
nasty_text = st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=6)), max_size=12).map("".join)

findings = st.builds(
    Finding,
    path=nasty_text.filter(bool), line=st.integers(1, 10**6), column=st.integers(1, 10**4),
    code=st.sampled_from(["FNX001", "FNX002", "FNX003", "FNX008"]),
    rule=st.sampled_from(["missing-scope", "unused-scope", "unknown-scope", "deprecated-endpoint"]),
    severity=st.sampled_from(SEVERITIES), message=nasty_text, fix=nasty_text, fortnox_error=nasty_text,
    end_line=st.none() | st.integers(1, 10**6), end_column=st.none() | st.integers(1, 10**4),
)
