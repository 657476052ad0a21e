"""The prefilter: which files are lexed at all."""

import time

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
