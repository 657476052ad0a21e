"""Calls whose base URL, helper or table lives in another file of the project."""

import json

import pytest

from linter.catalog import load_catalog
from linter.scanner.extract import scan_text
from linter.scanner.project import resolve


def test_base_constant_imported_from_a_config_module(uses):
    files = {
        "app/config.py": 'BASE_URL = "https://api.fortnox.se/3"\n',
        "app/sync.py": "from .config import BASE_URL\nrequests.post(BASE_URL + '/invoices', json={})\n",
    }
    assert uses(files) == [("app/sync.py", 2, 26, "POST", "/3/invoices", "cross-file-base", "high")]


def test_a_common_name_without_an_import_is_a_low_confidence_guess(uses):
    files = {
        "a/settings.py": 'BASE_URL = "https://api.fortnox.se/3"\n',
        "b/job.py": "requests.get(BASE_URL + '/orders')\n",
    }
    assert uses(files) == [("b/job.py", 1, 25, "GET", "/3/orders", "cross-file-base", "low")]


def test_a_name_bound_to_two_services_is_ambiguous(tmp_path, catalog):
    from linter.scanner import scan

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "fortnox.py").write_text('BASE_URL = "https://api.fortnox.se/3"\n')
    (tmp_path / "b" / "pay.py").write_text('BASE_URL = "https://api.stripe.com/v1"\n')
    (tmp_path / "b" / "job.py").write_text("requests.get(BASE_URL + '/invoices')\n")
    [use] = scan([tmp_path], catalog, tmp_path).uses
    assert (use.path, use.line, use.endpoint, use.how, use.confidence) == (
        "b/job.py", 1, "/3/invoices", "cross-file-base", "low")
    assert use.why == ("BASE_URL is the Fortnox base https://api.fortnox.se/3 in a/fortnox.py:1, "
                       "but the same name is another service's URL in b/pay.py:1")


def test_axios_instance_exported_from_another_module(uses):
    files = {
        "src/http.js": "export const api = axios.create({ baseURL: 'https://api.fortnox.se/3' });\n"
                       "export function get(path) { return api.get(path); }\n",
        "src/orders.js": "import { api } from './http';\nexport const list = () => api.get('/orders');\n",
    }
    assert uses(files) == [("src/orders.js", 2, 35, "GET", "/3/orders", "cross-file-helper", "medium")]


def test_base_url_read_from_appsettings_json(uses):
    files = {
        "appsettings.json": '{"Fortnox": {"BaseUrl": "https://api.fortnox.se/3/"}, "Mail": {"BaseUrl": "https://m.io"}}',
        "Program.cs": 'services.AddHttpClient<Books>(c => c.BaseAddress = new Uri(cfg["Fortnox:BaseUrl"]));\n',
        "Books.cs": 'class Books { HttpClient _h; Task X() => _h.GetAsync("suppliers"); }\n',
    }
    assert uses(files) == [("Books.cs", 1, 54, "GET", "/3/suppliers", "cross-file-base", "medium")]


def test_resource_fields_of_subclasses_in_other_files(uses):
    files = {
        "lib/base.rb": 'ROOT = "https://api.fortnox.se/3"\nclass Base\n  def self.all\n'
                       '    Net::HTTP.get(URI("#{ROOT}/#{self::PATH}"))\n  end\nend\n',
        "lib/unit.rb": 'class Unit < Base\n  PATH = "units"\nend\n',
        "lib/thing.rb": 'class Thing\n  PATH = "/srv/things"\nend\n',
    }
    assert uses(files) == [("lib/unit.rb", 2, 10, None, "/3/units", "resource-property", "medium")]


def test_route_table_in_one_file_used_with_the_base_in_another(uses):
    files = {
        "paths.ts": "export const PATHS = { offers: 'offers', prices: 'prices/' };\n",
        "client.ts": "import { PATHS } from './paths';\nconst BASE = 'https://api.fortnox.se/3/';\n"
                     "export const offers = () => fetch(BASE + PATHS.offers);\n",
    }
    assert uses(files) == [
        ("paths.ts", 1, 32, None, "/3/offers", "route-table", "medium"),
        ("paths.ts", 1, 50, None, "/3/prices", "route-table", "medium"),
    ]


def test_resolution_is_a_pure_function_of_the_cached_scans(catalog):
    first = scan_text('API = "https://api.fortnox.se/3"\n', "cfg.py", "python", catalog)
    second = scan_text("from cfg import API\nhttpx.get(API + '/projects')\n", "job.py", "python", catalog)
    assert second.uses == []
    cached = [type(first).from_json(json.loads(json.dumps(s.to_json()))) for s in (first, second)]
    resolved = resolve(cached, load_catalog())
    assert [(u.path, u.line, u.endpoint, u.how, u.confidence) for u in resolved] == [
        ("job.py", 2, "/3/projects", "cross-file-base", "high")]


def test_a_warehouse_resource_passed_to_a_helper_in_another_file(tmp_path, catalog):
    # stock.py never says Fortnox; "stockpoints-v1" alone must get it past the prefilter
    from linter.scanner import scan

    (tmp_path / "client.py").write_text(
        'WAREHOUSE = "https://api.fortnox.se/api/warehouse"\n\n\n'
        "class Warehouse:\n"
        "    def get(self, path):\n"
        '        return self.session.get(f"{WAREHOUSE}/{path}")\n')
    (tmp_path / "stock.py").write_text(
        "from client import Warehouse\n\n\n"
        "def points(wh: Warehouse):\n"
        '    return wh.get("stockpoints-v1")\n')
    found = [(u.path, u.line, u.column, u.endpoint, u.how) for u in scan([tmp_path], catalog, tmp_path).uses]
    assert ("stock.py", 5, 19, "/api/warehouse/stockpoints-v1", "cross-file-helper") in found


# A table member passed to a Fortnox client defined in another file, positionally and as a named
# argument: the value of path=Paths.OFFERS is the table member, not the argument's name.
_TABLE_PASSED_TO_A_CLIENT = {
    "python": ({
        "paths.py": "class Paths:\n    OFFERS = 'offers'\n",
        "client.py": "FORTNOX = 'https://api.fortnox.se/3'\n\n\nclass Fortnox:\n"
                     "    def get(self, path):\n        return self.s.get(f'{FORTNOX}/{path}')\n",
        "app.py": "from paths import Paths\n\n\ndef offers(fortnox):\n    return fortnox.get({})\n",
    }, "path=Paths.OFFERS", ("paths.py", 2, 14)),
    "kotlin": ({
        "Paths.kt": "object Paths {\n    const val OFFERS = \"offers\"\n}\n",
        "Client.kt": "const val FORTNOX = \"https://api.fortnox.se/3\"\n"
                     "class Fortnox {\n    fun get(path: String) = http.get(\"$FORTNOX/$path\")\n}\n",
        "App.kt": "fun offers(fortnox: Fortnox) {\n    fortnox.get({})\n}\n",
    }, "path = Paths.OFFERS", ("Paths.kt", 2, 24)),
    "csharp": ({
        "Paths.cs": "static class Paths { public const string Offers = \"offers\"; }\n",
        "Client.cs": "class FortnoxClient { const string Base = \"https://api.fortnox.se/3\";\n"
                     "  public Task GetAsync(string path) => http.GetAsync($\"{Base}/{path}\"); }\n",
        "App.cs": "class App { async Task A(FortnoxClient fortnox) { await fortnox.GetAsync({}); } }\n",
    }, "path: Paths.Offers", ("Paths.cs", 1, 51)),
    "ruby": ({
        "paths.rb": "module Paths\n  OFFERS = 'offers'\nend\n",
        "client.rb": "FORTNOX = 'https://api.fortnox.se/3'\nclass Fortnox\n  def get(path:)\n"
                     "    Net::HTTP.get(URI(\"#{FORTNOX}/#{path}\"))\n  end\nend\n",
        "app.rb": "def offers(fortnox)\n  fortnox.get({})\nend\n",
    }, "path: Paths::OFFERS", ("paths.rb", 2, 12)),
    "php": ({
        "Paths.php": "<?php\nclass Paths { const OFFERS = 'offers'; }\n",
        "Client.php": "<?php\nclass FortnoxClient { const BASE = 'https://api.fortnox.se/3';\n"
                      "  public function get($path) { return $this->http->get(self::BASE . '/' . $path); } }\n",
        "App.php": "<?php\nfunction offers(FortnoxClient $fortnox) { return $fortnox->get({}); }\n",
    }, "path: Paths::OFFERS", ("Paths.php", 2, 30)),
}


@pytest.mark.parametrize("language", sorted(_TABLE_PASSED_TO_A_CLIENT))
@pytest.mark.parametrize("named", [False, True], ids=["positional", "named"])
def test_a_table_member_passed_to_a_client_in_another_file_by_position_or_by_name(uses, language, named):
    files, argument, (path, line, column) = _TABLE_PASSED_TO_A_CLIENT[language]
    value = argument.split("=")[-1].split(": ")[-1].strip()
    calling = {name: text.replace("{}", argument if named else value) for name, text in files.items()}
    assert uses(calling) == [(path, line, column, None, "/3/offers", "resource-property", "medium")]
