"""Literal Fortnox paths in eight languages: found at their exact place, comments ignored."""

from __future__ import annotations

import pytest

from linter.catalog import load_catalog
from linter.scanner.extract import scan_text

CATALOG = load_catalog()

CASES = {
    "python": (
        '# requests.get("https://api.fortnox.se/3/vouchers")\n'
        'r = requests.get("https://api.fortnox.se/3/invoices")\n'
        '"""Docstring that mentions /3/vouchers is not a comment but has no leading path"""\n'
        "r = session.post(r'/3/orders/', json=o)\n"
    ),
    "javascript": (
        "// fetch('https://api.fortnox.se/3/vouchers')\n"
        "/* axios.get('/3/vouchers') */\n"
        "const r = await axios.get('https://api.fortnox.se/3/invoices');\n"
        "const re = /3\\/vouchers/; await axios.post(`/3/orders/${id}`);\n"
    ),
    "typescript": (
        "// const x: string = '/3/vouchers';\n"
        "const r: Response = await fetch(\"https://api.fortnox.se/3/invoices\");\n"
        "/**\n * '/3/vouchers'\n */\n"
        "const p = http.post<Order>(`/3/orders`, body);\n"
    ),
    "php": (
        "<?php\n"
        "# $c->get('/3/vouchers');\n"
        "$r = $client->get('https://api.fortnox.se/3/invoices');\n"
        "// $c->get('/3/vouchers');\n"
        "$o = $client->post(\"/3/orders/{$id}\");\n"
    ),
    "csharp": (
        "// await http.GetAsync(\"/3/vouchers\");\n"
        "var r = await http.GetAsync(\"https://api.fortnox.se/3/invoices\");\n"
        "/* \"/3/vouchers\" */\n"
        "var o = await http.PostAsync($\"/3/orders/{id}\", body);\n"
    ),
    "java": (
        "// client.get(\"/3/vouchers\");\n"
        "HttpRequest r = HttpRequest.newBuilder(URI.create(\"https://api.fortnox.se/3/invoices\")).GET().build();\n"
        "/* \"/3/vouchers\" */\n"
        "Response o = client.post(\"/3/orders/\" + id, body);\n"
    ),
    "go": (
        "// http.Get(\"/3/vouchers\")\n"
        "resp, err := http.Get(\"https://api.fortnox.se/3/invoices\")\n"
        "/* `/3/vouchers` */\n"
        "req, _ := http.NewRequest(\"POST\", `/3/orders`, body)\n"
    ),
    "ruby": (
        "# conn.get('/3/vouchers')\n"
        "r = conn.get('https://api.fortnox.se/3/invoices')\n"
        "=begin\nconn.get('/3/vouchers')\n=end\n"
        "o = conn.post(\"/3/orders/#{id}\")\n"
    ),
}

# (line, column, endpoint, scope, method) for each language, in order.
EXPECTED = {
    "python": [(2, 18, "/3/invoices", "invoice", "GET"), (4, 18, "/3/orders", "order", "POST")],
    "javascript": [(3, 27, "/3/invoices", "invoice", "GET"), (4, 44, "/3/orders/{}", "order", "POST")],
    "typescript": [(2, 33, "/3/invoices", "invoice", "GET"), (6, 28, "/3/orders", "order", "POST")],
    "php": [(3, 19, "/3/invoices", "invoice", "GET"), (5, 20, "/3/orders/{}", "order", "POST")],
    "csharp": [(2, 29, "/3/invoices", "invoice", "GET"), (4, 30, "/3/orders/{}", "order", "POST")],
    "java": [(2, 51, "/3/invoices", "invoice", "GET"), (4, 26, "/3/orders/{}", "order", "POST")],
    "go": [(2, 23, "/3/invoices", "invoice", "GET"), (4, 35, "/3/orders", "order", "POST")],
    "ruby": [(2, 14, "/3/invoices", "invoice", "GET"), (6, 15, "/3/orders/{}", "order", "POST")],
}


@pytest.mark.parametrize("language", sorted(CASES))
def test_literal_paths(language: str):
    uses = scan_text(CASES[language], "f", language, CATALOG).uses
    assert [(u.line, u.column, u.endpoint, u.scope, u.method) for u in uses] == EXPECTED[language]


def test_unknown_language_only_full_urls():
    text = "url = https://api.fortnox.se/3/invoices\npath = /3/orders\n"
    uses = scan_text(text, "settings.ini", None, CATALOG).uses
    assert [(u.line, u.column, u.endpoint) for u in uses] == [(1, 7, "/3/invoices")]
