"""Python route tables of ``(path, key)`` tuples, unpacked before the call and passed to a helper
that another file declares on the Fortnox base (client.paginate(path, key)). Missed by the
blind-written project tests/corpus/python/heldout_shopsync (resources.py, EXPORTS)."""

from __future__ import annotations

import pytest

CLIENT = ('import requests\n\n'
          'BASE_URL = "https://api.fortnox.se/3"\n\n\n'
          'class FortnoxClient:\n'
          '    def __init__(self, token):\n'
          '        self.base_url = BASE_URL\n'
          '        self.token = token\n\n'
          '    def get(self, path, **params):\n'
          '        return requests.get(self.base_url + path, params=params).json()\n\n'
          '    def paginate(self, path, key, **params):\n'
          '        data = self.get(path, **params)\n'
          '        yield from data.get(key, [])\n')

# a client of another service, with a helper of the same shape
SHOP = ('import requests\n\n'
        'SHOP_URL = "https://shop.example.se/api"\n\n\n'
        'class ShopClient:\n'
        '    def fetch_all(self, path, key):\n'
        '        return requests.get(SHOP_URL + path).json()[key]\n')

TABLE = ('EXPORTS = {\n'
         '    "supplier_invoices": ("/supplierinvoices", "SupplierInvoices"),\n'
         '    "vouchers": ("/vouchers", "Vouchers"),\n'
         '}\n\n\n')


@pytest.fixture
def scoped(tmp_path, catalog):
    """(path, line, column, endpoint, scope, method, how) of every use."""
    from linter.scanner import scan

    from tests.conftest import write_project

    def run(files: dict[str, str]) -> list[tuple]:
        write_project(tmp_path, files)
        result = scan([tmp_path], catalog, tmp_path)
        return [(u.path, u.line, u.column, u.endpoint, u.scope, u.method, u.how) for u in result.uses]

    return run


EXPECTED = [
    ("exports.py", 4, 27, "/3/supplierinvoices", "supplierinvoice", None, "route-table"),
    ("exports.py", 5, 18, "/3/vouchers", "bookkeeping", None, "route-table"),
]


@pytest.mark.parametrize("body", [
    'def export(client: FortnoxClient, name):\n'
    '    path, key = EXPORTS[name]\n'
    '    return list(client.paginate(path, key))\n',
    'def export(client: FortnoxClient, name):\n'
    '    (path, key) = EXPORTS[name]\n'
    '    return list(client.paginate(path, key))\n',
    'def export(client: FortnoxClient, name):\n'
    '    path, key = EXPORTS.get(name)\n'
    '    return list(client.paginate(path, key))\n',
    'def export_all(client: FortnoxClient):\n'
    '    for name, (path, key) in EXPORTS.items():\n'
    '        yield name, list(client.paginate(path, key))\n',
    'def export_all(client: FortnoxClient):\n'
    '    for path, key in EXPORTS.values():\n'
    '        yield list(client.paginate(path, key))\n',
], ids=["unpacked", "parenthesised", "get", "items-loop", "values-loop"])
def test_a_tuple_table_unpacked_and_passed_to_a_helper_of_the_fortnox_client(scoped, body):
    files = {
        "fortnox_client.py": CLIENT,
        "exports.py": 'from fortnox_client import FortnoxClient\n\n' + TABLE + body,
    }
    assert [u for u in scoped(files) if u[0] == "exports.py"] == EXPECTED


def test_a_tuple_table_passed_to_another_services_helper_is_not_fortnox(scoped):
    files = {
        "fortnox_client.py": CLIENT,
        "shop_client.py": SHOP,
        "exports.py": 'from fortnox_client import FortnoxClient\n'
                      'from shop_client import ShopClient\n\n' + TABLE +
                      'def mirror(shop: ShopClient, name):\n'
                      '    path, key = EXPORTS[name]\n'
                      '    return shop.fetch_all(path, key)\n',
    }
    assert [u for u in scoped(files) if u[0] == "exports.py"] == []


def test_a_local_function_of_the_same_name_is_not_the_helper(scoped):
    files = {
        "fortnox_client.py": CLIENT,
        "exports.py": 'from fortnox_client import FortnoxClient\n\n' + TABLE +
                      'def paginate(path, key):\n'
                      '    return open("/srv/archive" + path).read()\n\n\n'
                      'def archive(name):\n'
                      '    path, key = EXPORTS[name]\n'
                      '    return paginate(path, key)\n',
    }
    assert [u for u in scoped(files) if u[0] == "exports.py"] == []


def test_a_tuple_table_of_local_folders_passed_to_an_imported_function_is_not_fortnox(scoped):
    files = {
        "fortnox_client.py": CLIENT,
        "archive.py": 'def store(folder, key):\n'
                      '    with open(folder + "/" + key + ".csv", "w") as f:\n'
                      '        f.write("")\n',
        "exports.py": 'from archive import store\n'
                      'from fortnox_client import FortnoxClient\n\n'
                      'FOLDERS = {\n'
                      '    "invoices": ("/invoices", "Invoices"),\n'
                      '    "orders": ("/orders", "Orders"),\n'
                      '}\n\n\n'
                      'def keep(name):\n'
                      '    folder, key = FOLDERS[name]\n'
                      '    store(folder, key)\n',
    }
    assert [u for u in scoped(files) if u[0] == "exports.py"] == []
