"""Resource classes: a parent class in one file holds the client, a subclass in another sets the
resource field or calls the client itself. PHP in the Laravel style first: an abstract Resource holds the Fortnox client and
requests "/{$this->resource}" and "/{$this->resource}/{$id}"; each subclass only sets the field,
or calls $this->client itself. The client, the parent and the subclass are three files, and the
subclass imports neither the client nor anything beside it. Missed by the blind-written project
tests/corpus/php/heldout_byggtid_laravel (EmployeeResource.php)."""

from __future__ import annotations

import pytest

CLIENT = ('<?php\n\n'
          'namespace App\\Services\\Fortnox;\n\n'
          'use Illuminate\\Support\\Facades\\Http;\n\n'
          'class FortnoxClient\n'
          '{\n'
          "    public const BASE_URL = 'https://api.fortnox.se/3';\n\n"
          '    public function get(string $path, array $query = []): array\n'
          '    {\n'
          '        return Http::baseUrl(self::BASE_URL)->get($path, $query)->json();\n'
          '    }\n'
          '}\n')

SHOP = ('<?php\n\n'
        'namespace App\\Services\\Shop;\n\n'
        'use Illuminate\\Support\\Facades\\Http;\n\n'
        'class ShopClient\n'
        '{\n'
        "    public const BASE_URL = 'https://shop.example.se/api';\n\n"
        '    public function get(string $path): array\n'
        '    {\n'
        '        return Http::baseUrl(self::BASE_URL)->get($path)->json();\n'
        '    }\n'
        '}\n')


def parent(client: str = "App\\Services\\Fortnox\\FortnoxClient", item: str = '"/{$this->resource}/{$id}"') -> str:
    short = client.rsplit("\\", 1)[1]
    return ('<?php\n\n'
            'namespace App\\Services\\Fortnox\\Resources;\n\n'
            f'use {client};\n\n'
            'abstract class Resource\n'
            '{\n'
            '    protected string $resource;\n\n'
            f'    public function __construct(protected {short} $client)\n'
            '    {\n'
            '    }\n\n'
            '    public function all(): array\n'
            '    {\n'
            "        return $this->client->get('/' . $this->resource);\n"
            '    }\n\n'
            '    public function find(string $id): array\n'
            '    {\n'
            f'        return $this->client->get({item});\n'
            '    }\n'
            '}\n')


EMPLOYEES = ('<?php\n\n'
             'namespace App\\Services\\Fortnox\\Resources;\n\n'
             'class EmployeeResource extends Resource\n'
             '{\n'
             "    protected string $resource = 'employees';\n\n"
             '    public function scheduleTime(string $id, string $date): array\n'
             '    {\n'
             '        return $this->client->get("/scheduletimes/{$id}/{$date}");\n'
             '    }\n'
             '}\n')

SUBCLASS = "app/Services/Fortnox/Resources/EmployeeResource.php"


@pytest.fixture
def scoped(tmp_path, catalog):
    """(line, column, endpoint, scope, method, how) of every use in the file ``path``."""
    from linter.scanner import scan

    from tests.conftest import write_project

    def run(parent_text: str, extra: dict[str, str] | None = None, path: str = SUBCLASS) -> list[tuple]:
        write_project(tmp_path, {
            "app/Services/Fortnox/FortnoxClient.php": CLIENT,
            "app/Services/Fortnox/Resources/Resource.php": parent_text,
            SUBCLASS: EMPLOYEES,
            **(extra or {}),
        })
        result = scan([tmp_path], catalog, tmp_path)
        return [(u.line, u.column, u.endpoint, u.scope, u.method, u.how) for u in result.uses if u.path == path]

    return run


def test_a_subclass_sets_the_field_its_parent_requests_as_a_list_and_as_an_item_and_calls_the_parents_client(scoped):
    assert scoped(parent()) == [
        (7, 34, "/3/employees", "salary", None, "resource-property"),
        (7, 34, "/3/employees/{}", "salary", None, "resource-property"),
        (11, 35, "/3/scheduletimes/{}/{}", "salary", "GET", "cross-file-helper"),
    ]


def test_what_the_parent_writes_after_the_field_counts_only_as_path_segments_the_catalog_knows(scoped):
    # a query string is not a path segment; /3/employees/{}/avatar is no Fortnox endpoint
    for item in ('"/{$this->resource}?page={$id}"', '"/{$this->resource}/{$id}/avatar"'):
        assert scoped(parent(item=item))[:2] == [
            (7, 34, "/3/employees", "salary", None, "resource-property"),
            (11, 35, "/3/scheduletimes/{}/{}", "salary", "GET", "cross-file-helper"),
        ], item


def test_a_subclass_of_a_parent_holding_another_services_client_is_not_fortnox(scoped):
    shop_parent = parent(client="App\\Services\\Shop\\ShopClient").replace(
        "namespace App\\Services\\Fortnox\\Resources;", "namespace App\\Services\\Shop\\Resources;")
    files = {"app/Services/Shop/ShopClient.php": SHOP}
    assert scoped(shop_parent, files) == []


def test_classes_that_extend_each_other_in_a_cycle_end_the_search(scoped):
    # invalid PHP, but a linter reads what it is given: A extends B, B extends A, neither linked
    # to the client, whose get() A calls
    files = {
        "lib/a/A.php": '<?php\nclass A extends B { function f() { return $this->client->get("/vouchers"); } }\n',
        "lib/b/B.php": '<?php\nclass B extends A { }\n',
    }
    assert scoped(parent(), files, path="lib/a/A.php") == []
    # B imports the client and uses it (a file that names nothing Fortnox leaves no facts to link)
    files["lib/b/B.php"] = ('<?php\nuse App\\Services\\Fortnox\\FortnoxClient;\n'
                            'class B extends A { function g() { return $this->client->get($this->path); } }\n')
    assert scoped(parent(), files, path="lib/a/A.php") == [
        (2, 62, "/3/vouchers", "bookkeeping", "GET", "cross-file-helper")]


def test_the_same_in_python(tmp_path, catalog):
    from linter.scanner import scan

    from tests.conftest import write_project

    write_project(tmp_path, {
        "app/fortnox.py": 'import requests\n\n'
                          'BASE_URL = "https://api.fortnox.se/3"\n\n\n'
                          'class FortnoxClient:\n'
                          '    def get(self, path):\n'
                          '        return requests.get(BASE_URL + path).json()\n',
        "app/resources/base.py": 'from app.fortnox import FortnoxClient\n\n\n'
                                 'class Resource:\n'
                                 '    resource = ""\n\n'
                                 '    def __init__(self, client: FortnoxClient):\n'
                                 '        self.client = client\n\n'
                                 '    def all(self):\n'
                                 '        return self.client.get(f"/{self.resource}")\n\n'
                                 '    def find(self, id):\n'
                                 '        return self.client.get(f"/{self.resource}/{id}")\n',
        "app/resources/employees.py": 'from .base import Resource\n\n\n'
                                      'class Employees(Resource):\n'
                                      '    resource = "employees"\n\n'
                                      '    def schedule(self, id, date):\n'
                                      '        return self.client.get(f"/scheduletimes/{id}/{date}")\n',
    })
    uses = scan([tmp_path], catalog, tmp_path).uses
    assert [(u.path, u.line, u.column, u.endpoint, u.method, u.how) for u in uses if "employees" in u.path] == [
        ("app/resources/employees.py", 5, 16, "/3/employees", None, "resource-property"),
        ("app/resources/employees.py", 5, 16, "/3/employees/{}", None, "resource-property"),
        ("app/resources/employees.py", 8, 32, "/3/scheduletimes/{}/{}", "GET", "cross-file-helper"),
    ]
