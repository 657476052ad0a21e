"""A path read from a table into a variable, then passed to the client another file sets up with
the Fortnox base (path = EXPORTS[name]; client.get(path)). The entries reach the call only through
the variable, so the call's name is what links them to that file's helpers."""

from __future__ import annotations

import pytest


@pytest.fixture
def scoped(tmp_path, catalog):
    """(path, line, column, endpoint, scope, method, how) of every use in the file ``exports.*``."""
    from linter.scanner import scan

    from tests.conftest import write_project

    def run(files: dict[str, str]) -> list[tuple]:
        write_project(tmp_path, files)
        result = scan([tmp_path], catalog, tmp_path)
        return [(u.path, u.line, u.column, u.endpoint, u.scope, u.method, u.how) for u in result.uses
                if u.path.startswith("exports.")]

    return run


PY_CLIENT = ('import requests\n\n'
             'BASE_URL = "https://api.fortnox.se/3"\n\n\n'
             'class FortnoxClient:\n'
             '    def get(self, path, **params):\n'
             '        return requests.get(BASE_URL + path, params=params).json()\n\n'
             '    def paginate(self, path, key):\n'
             '        yield from self.get(path).get(key, [])\n')

PY_TABLE = ('EXPORTS = {\n'
            '    "supplier_invoices": "/supplierinvoices",\n'
            '    "vouchers": "/vouchers",\n'
            '}\n\n\n')

PROJECTS = {
    "python-get": {
        "fortnox_client.py": PY_CLIENT,
        "exports.py": 'from fortnox_client import FortnoxClient\n\n' + PY_TABLE +
                      'def export(client: FortnoxClient, name):\n'
                      '    path = EXPORTS[name]\n'
                      '    return client.get(path)\n',
    },
    "python-helper": {
        "fortnox_client.py": PY_CLIENT,
        "exports.py": 'from fortnox_client import FortnoxClient\n\n' + PY_TABLE +
                      'def export(client: FortnoxClient, name):\n'
                      '    path = EXPORTS.get(name)\n'
                      '    return list(client.paginate(path, "Items"))\n',
    },
    "javascript": {
        "fortnoxClient.js": 'const axios = require("axios");\n\n'
                            'const BASE_URL = "https://api.fortnox.se/3";\n\n'
                            'class FortnoxClient {\n'
                            '  async get(path) {\n'
                            '    return axios.get(BASE_URL + path);\n'
                            '  }\n'
                            '}\n\n'
                            'module.exports = { FortnoxClient };\n',
        "exports.js": 'const { FortnoxClient } = require("./fortnoxClient");\n\n'
                      'const EXPORTS = {\n'
                      '  supplier_invoices: "/supplierinvoices",\n'
                      '  vouchers: "/vouchers",\n'
                      '};\n\n'
                      'async function exportOne(client, name) {\n'
                      '  const path = EXPORTS[name];\n'
                      '  return client.get(path);\n'
                      '}\n',
    },
    "ruby": {
        "fortnox_client.rb": 'require "faraday"\n\n'
                             'class FortnoxClient\n'
                             '  BASE_URL = "https://api.fortnox.se/3"\n\n'
                             '  def get(path)\n'
                             '    Faraday.get(BASE_URL + path)\n'
                             '  end\n'
                             'end\n',
        "exports.rb": 'require_relative "fortnox_client"\n\n'
                      'EXPORTS = {\n'
                      '  supplier_invoices: "/supplierinvoices",\n'
                      '  vouchers: "/vouchers",\n'
                      '}.freeze\n\n'
                      'def export_one(client, name)\n'
                      '  path = EXPORTS[name]\n'
                      '  client.get(path)\n'
                      'end\n',
    },
    "go": {
        "client.go": 'package fortnox\n\n'
                     'import "net/http"\n\n'
                     'const BaseURL = "https://api.fortnox.se/3"\n\n'
                     'type Client struct{ http *http.Client }\n\n'
                     'func (c *Client) Get(path string) (*http.Response, error) {\n'
                     '\treturn c.http.Get(BaseURL + path)\n'
                     '}\n',
        "exports.go": 'package fortnox\n\n'
                      'var exports = map[string]string{\n'
                      '\t"supplier_invoices": "/supplierinvoices",\n'
                      '\t"vouchers":          "/vouchers",\n'
                      '}\n\n'
                      'func ExportOne(c *Client, name string) {\n'
                      '\tpath := exports[name]\n'
                      '\tc.Get(path)\n'
                      '}\n',
    },
}

# file, line, column of the two entries; method, when the call shows one; how they are linked
# (.get(name) is not followed as a read: the table is, as it is for a tuple table,
# tests/scanner/test_python_tuple_tables.py)
EXPECTED = {
    "python-get": ("exports.py", (4, 26), (5, 17), "GET", "cross-file-helper"),
    "python-helper": ("exports.py", (4, 26), (5, 17), None, "route-table"),
    "javascript": ("exports.js", (4, 22), (5, 13), "GET", "cross-file-helper"),
    "ruby": ("exports.rb", (4, 22), (5, 13), "GET", "cross-file-helper"),
    "go": ("exports.go", (4, 23), (5, 23), "GET", "cross-file-helper"),
}


@pytest.mark.parametrize("project", sorted(PROJECTS))
def test_a_path_read_from_a_table_and_passed_to_the_fortnox_client_of_another_file(scoped, project):
    path, first, second, method, how = EXPECTED[project]
    assert scoped(PROJECTS[project]) == [
        (path, *first, "/3/supplierinvoices", "supplierinvoice", method, how),
        (path, *second, "/3/vouchers", "bookkeeping", method, how),
    ]


def test_a_path_read_from_a_table_and_passed_to_another_services_client_is_not_fortnox(scoped):
    files = {
        "fortnox_client.py": PY_CLIENT,
        "shop_client.py": 'import requests\n\n'
                          'SHOP_URL = "https://shop.example.se/api"\n\n\n'
                          'class ShopClient:\n'
                          '    def fetch(self, path):\n'
                          '        return requests.get(SHOP_URL + path).json()\n',
        "exports.py": 'from fortnox_client import FortnoxClient\n'
                      'from shop_client import ShopClient\n\n' + PY_TABLE +
                      'def mirror(shop: ShopClient, name):\n'
                      '    path = EXPORTS[name]\n'
                      '    return shop.fetch(path)\n',
    }
    assert scoped(files) == []


def test_a_path_read_from_a_table_of_folders_and_opened_is_not_fortnox(scoped):
    files = {
        "fortnox_client.py": PY_CLIENT,
        "exports.py": 'from fortnox_client import FortnoxClient\n\n'
                      'FOLDERS = {\n'
                      '    "invoices": "/invoices",\n'
                      '    "orders": "/orders",\n'
                      '}\n\n\n'
                      'def keep(name):\n'
                      '    folder = FOLDERS[name]\n'
                      '    with open(folder + "/latest.csv") as f:\n'
                      '        return f.read()\n',
    }
    assert scoped(files) == []
