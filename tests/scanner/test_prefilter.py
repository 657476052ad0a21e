"""The prefilter: which files are lexed at all."""

import re
import time

from linter.scanner.bytefilter import byte_prefilter
from linter.scanner.prefilter import PREFILTER


def test_what_the_prefilter_admits():
    admitted = [
        "// talks to Fortnox", "x = FORTNOX_TOKEN", 'get("/3/invoices")', 'u = "/api/warehouse"',
        'u = BASE_URL + p', "self.base_url", "c.BaseAddress = u", 'PATH = "units"', "get('/customers/' + id)",
        "fetch(`orders/${n}`)", 'r = "invoices?limit=5"', 'u = $"/{V}/invoices"',
        'get("/api/time/registrations-v2")', "post('/api/fileattachments/attachments-v1')",
    ]
    refused = [
        "import os", 'x = "invoice"', 'x = "invoicesX"', "apiUrl = u", "baseUrl + p", "# orders are shipped",
        'path = "/3"', 'h = "https://api.example.com/v3/orders.json"',
        # other services' /api/ paths: in most web code, never Fortnox's
        'get("/api/users")', 'fetch("/api/v2/search?q=1")', "url = '/api/timesheets'[:0]",
        'fetch("/api/orders/" + id)',
    ]
    assert [t for t in admitted if not PREFILTER.search(t)] == []
    assert [t for t in refused if PREFILTER.search(t)] == []


def test_prefilter_is_linear_on_adversarial_text():
    for text in ('"' * 200_000, "/" * 200_000, "'invoice" * 25_000, "BASE_UR" * 30_000, "fortno" * 30_000):
        started = time.process_time()  # CPU time: other load on the machine does not count
        PREFILTER.search(text)
        assert time.process_time() - started < 0.2


def test_the_byte_prefilter_compiles_its_expressions_only_when_a_file_needs_them(monkeypatch):
    # A single buffer that names Fortnox (an editor's on-save check) is settled by the literals:
    # compiling the eight expressions would be most of its prefilter's cost.
    compiled: list[bytes] = []
    real = re.compile

    def counting(pattern, flags=0):
        if isinstance(pattern, bytes):
            compiled.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(re, "compile", counting)
    test = byte_prefilter(PREFILTER)
    assert compiled == [b"base_url|baseaddress"]  # the case variants' one search, made at once
    assert test(b"client = FortnoxClient()") is True
    assert test(b'x = BASE_URL') is True
    assert len(compiled) == 1
    assert test(b'import os\nprint("hello")') is False
    # only the loosened expression led by '"': the others' first characters are not in the file
    assert [p[:1] for p in compiled[1:]] == [b'"']
    assert b"(?<!" not in compiled[1]
    assert test(b'get("/api/customers/")') is False  # the loosened '/' one matches, the exact one decides
    # now the loosened '/' one, and the exact ones of the characters in the file ('/' and '"')
    assert sorted((p[:1], b"(?<!" in p) for p in compiled[2:]) == [(b'"', True), (b"/", False), (b"/", True)]
    assert test(b'get("/customers/")') is True and test(b'x = "/customers/"') is True
    assert len(compiled) == 5  # each compiled once, when first needed
    monkeypatch.setattr(re, "compile", real)
    assert test(b"get('/3/invoices')") is True
