"""Data tests for data/scopes.yaml: schema, Fortnox Scopes-page tables, cross-references.

The two Scopes-page tables are copied into this file on purpose: the catalog must keep
representing every published row exactly, whatever else is added to it.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

DATA = Path(__file__).resolve().parent.parent / "data"

# Fortnox Scopes page, resource table: (Resource, Scope Name, Scope Enumeration).
RESOURCE_TABLE = [
    ("Absence transactions", "Salary", "salary"),
    ("Account Charts", "Bookkeeping", "bookkeeping"),
    ("Accounts", "Bookkeeping", "bookkeeping"),
    ("Archive", "Archive", "archive"),
    ("Article File Connections", "File Connection", "connectfile"),
    ("Article URL Connections", "File Connection", "connectfile"),
    ("Articles", "Article", "article"),
    ("Attendance transactions", "Salary", "salary"),
    ("Company Information", "Company Information", "companyinformation"),
    ("Company Settings", "Settings", "settings"),
    ("Contract Accruals", "Invoice", "invoice"),
    ("Contract Templates", "Invoice", "invoice"),
    ("Contracts", "Invoice", "invoice"),
    ("Cost Centers", "Cost Center", "costcenter"),
    ("Currencies", "Currency", "currency"),
    ("Customers", "Customer", "customer"),
    ("Employees", "Salary", "salary"),
    ("Expenses", "Salary", "salary"),
    ("Financial Years", "Bookkeeping", "bookkeeping"),
    ("Inbox", "Inbox", "inbox"),
    ("Invoice Accruals", "Invoice", "invoice"),
    ("Invoice Payments", "Payments", "payment"),
    ("Invoices", "Invoice", "invoice"),
    ("Labels", "Settings", "settings"),
    ("Mode Of Payments", "Settings", "settings"),
    ("Nox Finans Invoice", "Noxfinance Invoice", "noxfinansinvoice"),
    ("Offers", "Offer", "offer"),
    ("Orders", "Order", "order"),
    ("PredefinedAccounts", "Settings", "settings"),
    ("Price Lists", "Price", "price"),
    ("Prices", "Price", "price"),
    ("Print Templates", "Print", "print"),
    ("Projects", "Project", "project"),
    ("Profile", "Profile", "profile"),
    ("Salary transactions", "Salary", "salary"),
    ("Schedule times", "Salary", "salary"),
    ("SIE", "Bookkeeping", "bookkeeping"),
    ("Supplier Invoice Accruals", "Supplier Invoice", "supplierinvoice"),
    ("Supplier Invoice External URL Connections", "Supplier Invoice", "supplierinvoice"),
    ("Supplier Invoice File Connections", "File Connection", "connectfile"),
    ("Supplier Invoice Payments", "Payments", "payment"),
    ("Supplier Invoices", "Supplier Invoice", "supplierinvoice"),
    ("Suppliers", "Supplier", "supplier"),
    ("Tax Reductions", "Invoice", "invoice"),
    ("Terms Of Deliveries", "Settings", "settings"),
    ("Terms Of Payments", "Settings", "settings"),
    ("Units", "Settings", "settings"),
    ("Vacation Debt Basis", "Salary", "salary"),
    ("Voucher External URL Connections", "Bookkeeping", "bookkeeping"),
    ("Voucher File Connections", "File Connection", "connectfile"),
    ("Voucher Series", "Bookkeeping", "bookkeeping"),
    ("Vouchers", "Bookkeeping", "bookkeeping"),
    ("Way Of Deliveries", "Settings", "settings"),
]

# Fortnox Scopes page, licence table: (Scope, Required Licence in Fortnox).
# "Any" means no licence is needed; a list means any one of the licences is enough.
LICENCE_TABLE = [
    ("Archive", "Any"),
    ("Article", ["Order", "Kundfaktura"]),
    ("Assets", ["Anläggningsregister"]),
    ("Bookkeeping", ["Bokföring", "Kundfaktura"]),
    ("Company Information", "Any"),
    ("Company Logo", "Any"),
    ("Cost Center", ["Bokföring", "Order", "Kundfaktura"]),
    ("Currency", ["Bokföring", "Order", "Kundfaktura"]),
    ("Customer", ["Kundfaktura", "Order"]),
    ("Delete Voucher", ["Bokföring"]),
    ("File Connection", ["Bokföring", "Anläggning", "Arkivplats"]),
    ("Fortnox Finance Invoice", ["Kundfaktura"]),
    ("Inbox", "Any"),
    ("Invoice", ["Order", "Kundfaktura"]),
    ("Offer", ["Order"]),
    ("Order", ["Order"]),
    ("Payment", ["Bokföring", "Order", "Kundfaktura"]),
    ("Price", ["Order", "Kundfaktura"]),
    ("Print", ["Order", "Kundfaktura"]),
    ("Profile", "Any"),
    ("Project", ["Bokföring", "Order", "Kundfaktura"]),
    ("Salary", ["Lön"]),
    ("Settings", "Any"),
    ("Supplier", ["Bokföring"]),
    ("Supplier Invoice", ["Bokföring"]),
    ("Warehouse Custom document", ["Lager", "Lager Plus"]),
]

EXPECTED_SCOPES = {
    "archive", "article", "assets", "bookkeeping", "companyinformation", "companylogo",
    "connectfile", "costcenter", "currency", "customer", "deletevoucher", "inbox", "invoice",
    "noxfinansinvoice", "offer", "order", "payment", "price", "print", "profile", "project",
    "salary", "settings", "supplier", "supplierinvoice", "warehouse", "warehousecustomdocument",
    "timereporting", "developerapi",
}

# Scopes with no known API path: both are only listed in the licence table, and the OpenAPI
# document has no matching operation (no logo endpoint, no DELETE on vouchers).
SCOPES_WITHOUT_ENDPOINTS = {"companylogo", "deletevoucher"}

# Paths kept from SDKs / older docs that the current OpenAPI document no longer has.
NOT_IN_OPENAPI = {
    "/3/emailtrusteddomains",
    "/3/emailtrusteddomains/{Id}",
    "/3/invoicefileconnections",
    "/3/invoicefileconnections/{FileId}",
    "/3/supplierinvoiceurlconnections",
}

DEPRECATED = {
    "/3/invoicefileconnections",
    "/3/invoicefileconnections/{FileId}",
    "/3/supplierinvoiceurlconnections",
    "/api/integration-partner/apps/sales-v1/{appId}",
    "/api/integration-partner/apps/sales-v1/{appId}/{tenantId}",
}


@pytest.fixture(scope="module")
def catalog() -> dict:
    return yaml.safe_load((DATA / "scopes.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads((DATA / "catalog.schema.json").read_text(encoding="utf-8"))


def licence_names(catalog: dict) -> set[str]:
    names = set(catalog["licences"])
    for body in catalog["licences"].values():
        names.update(body["aliases"])
    return names


# -- schema ---------------------------------------------------------------------------------
def test_schema_is_valid_draft_2020_12(schema):
    Draft202012Validator.check_schema(schema)


def test_catalog_matches_schema(catalog, schema):
    errors = sorted(Draft202012Validator(schema).iter_errors(catalog),
                    key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10])


def test_schema_rejects_unknown_keys_and_bad_values(catalog, schema):
    validator = Draft202012Validator(schema)
    bad_endpoint = dict(catalog["endpoints"][0], extra=1)
    assert not validator.is_valid(dict(catalog, endpoints=[bad_endpoint]))
    bad_method = dict(catalog["endpoints"][0], methods=["get"])
    assert not validator.is_valid(dict(catalog, endpoints=[bad_method]))
    bad_path = dict(catalog["endpoints"][0], path="/4/invoices")
    assert not validator.is_valid(dict(catalog, endpoints=[bad_path]))
    bad_licence = dict(catalog["scopes"]["invoice"], licence={"any_of": []})
    assert not validator.is_valid(dict(catalog, scopes={"invoice": bad_licence}))
    bad_any = dict(catalog["scopes"]["invoice"], licence="Any")
    assert not validator.is_valid(dict(catalog, scopes={"invoice": bad_any}))
    assert not validator.is_valid(dict(catalog, scopes={"Invoice": catalog["scopes"]["invoice"]}))
    assert not validator.is_valid(dict(catalog, surprise=True))


# -- the Scopes page ------------------------------------------------------------------------
def test_resource_table_literal_is_complete():
    assert len(RESOURCE_TABLE) == 53
    assert len({row[0] for row in RESOURCE_TABLE}) == 53


def test_resource_table_rows_are_in_catalog(catalog):
    on_page = [r for r in catalog["resources"] if r["on_scopes_page"]]
    assert len(on_page) == 53
    by_name = {r["name"]: r for r in on_page}
    assert len(by_name) == 53, "duplicate resource names on the page"
    assert set(by_name) == {row[0] for row in RESOURCE_TABLE}
    for resource, scope_name, enumeration in RESOURCE_TABLE:
        entry = by_name[resource]
        assert entry["scope"] == enumeration, resource
        assert entry["scope_name"] == scope_name, resource


def test_resource_scope_names_are_known_scope_spellings(catalog):
    for resource, scope_name, enumeration in RESOURCE_TABLE:
        scope = catalog["scopes"][enumeration]
        assert scope_name == scope["name"] or scope_name in scope["aliases"], resource


def test_licence_table_rows_are_in_catalog(catalog):
    assert len(LICENCE_TABLE) == 26
    scopes = catalog["scopes"]
    in_table = {sid: s for sid, s in scopes.items() if s["licence_table_name"] is not None}
    assert len(in_table) == 26
    table_names = Counter(s["licence_table_name"] for s in in_table.values())
    assert all(n == 1 for n in table_names.values()), table_names
    assert set(table_names) == {row[0] for row in LICENCE_TABLE}
    by_table_name = {s["licence_table_name"]: s for s in in_table.values()}
    for name, requirement in LICENCE_TABLE:
        scope = by_table_name[name]
        if requirement == "Any":
            assert scope["licence"] == "any", name
        else:
            assert scope["licence"] == {"any_of": requirement}, name
        assert scope["licence_basis"] == "scopes-page", name
        assert "scopes-page-licences" in scope["source"], name
        assert name == scope["name"] or name in scope["aliases"], name


@pytest.mark.parametrize("spelling, enumeration", [
    ("Payments", "payment"),
    ("Payment", "payment"),
    ("Noxfinance Invoice", "noxfinansinvoice"),
    ("Fortnox Finance Invoice", "noxfinansinvoice"),
    ("Invoice Noxfinans", "noxfinansinvoice"),
    ("Company Logo", "companylogo"),
    ("Delete Voucher", "deletevoucher"),
    ("Assets", "assets"),
    ("Warehouse Custom document", "warehousecustomdocument"),
    ("File Connection", "connectfile"),
])
def test_display_names_resolve_to_one_scope(catalog, spelling, enumeration):
    hits = [sid for sid, s in catalog["scopes"].items()
            if spelling == s["name"] or spelling in s["aliases"]]
    assert hits == [enumeration]


def test_display_names_are_unambiguous(catalog):
    spellings = Counter()
    for s in catalog["scopes"].values():
        spellings.update({s["name"], *s["aliases"]})
    assert [n for n, c in spellings.items() if c > 1] == []


# -- scopes and licences --------------------------------------------------------------------
def test_scope_set(catalog):
    assert set(catalog["scopes"]) == EXPECTED_SCOPES


def test_scopes_outside_the_licence_table(catalog):
    scopes = catalog["scopes"]
    assert scopes["warehouse"]["licence"] == {"any_of": ["Lager", "Lager Plus"]}
    assert scopes["warehouse"]["licence_basis"] == "assumed"
    assert scopes["warehouse"]["source"] == ["faq", "sdk"]
    assert scopes["timereporting"]["licence"] == {"any_of": ["Tidredovisning"]}
    assert scopes["timereporting"]["licence_basis"] == "other-docs"
    assert scopes["timereporting"]["source"] == ["sdk"]
    assert scopes["developerapi"]["licence"] == "any"
    assert scopes["developerapi"]["source"] == ["unverified"]
    for sid in ("warehouse", "timereporting", "developerapi"):
        assert scopes[sid]["licence_table_name"] is None


def test_only_developerapi_is_unverified(catalog):
    assert [sid for sid, s in catalog["scopes"].items() if not s["verified"]] == ["developerapi"]


def test_licence_table_scopes_have_page_basis(catalog):
    for sid, s in catalog["scopes"].items():
        on_table = s["licence_table_name"] is not None
        assert (s["licence_basis"] == "scopes-page") == on_table, sid


def test_licence_ids_and_aliases(catalog):
    licences = catalog["licences"]
    assert set(licences) == {"Kundfaktura", "Order", "Bokföring", "Lön", "Anläggningsregister",
                             "Arkivplats", "Lager", "Lager Plus", "Tidredovisning"}
    assert licences["Anläggningsregister"]["aliases"] == ["Anläggning"]
    all_names = [n for lid, body in licences.items() for n in (lid, *body["aliases"])]
    assert len(all_names) == len(set(all_names)), "a licence spelling is used twice"


def test_scope_licences_exist(catalog):
    known = licence_names(catalog)
    for sid, s in catalog["scopes"].items():
        if s["licence"] != "any":
            missing = set(s["licence"]["any_of"]) - known
            assert not missing, f"{sid}: unknown licences {missing}"


# -- resources ------------------------------------------------------------------------------
def test_resources(catalog):
    names = [r["name"] for r in catalog["resources"]]
    assert len(names) == len(set(names)), "duplicate resource names"
    for r in catalog["resources"]:
        assert r["scope"] in catalog["scopes"], r["name"]
        if not r["on_scopes_page"]:
            assert r["scope_name"] is None, r["name"]
    off_page = {r["name"] for r in catalog["resources"] if not r["on_scopes_page"]}
    assert {"Assets", "Asset Types", "Customer References", "Time Reporting - Articles",
            "Warehouse - Stock Point"} <= off_page


# -- endpoints ------------------------------------------------------------------------------
def test_endpoint_counts(catalog):
    endpoints = catalog["endpoints"]
    paths = [e["path"] for e in endpoints]
    assert len(endpoints) == 238
    assert len(set(paths)) == 238, "duplicate endpoint paths"
    assert paths == sorted(paths), "endpoints must be sorted by path"
    assert sum(e["in_openapi"] for e in endpoints) == 233
    assert {e["path"] for e in endpoints if not e["in_openapi"]} == NOT_IN_OPENAPI


def test_endpoint_cross_references(catalog):
    resources = {r["name"]: r for r in catalog["resources"]}
    scopes = catalog["scopes"]
    for e in catalog["endpoints"]:
        assert e["resource"] in resources, e["path"]
        assert e["scope"] in scopes, e["path"]
        for alt in e["alternative_scopes"]:
            assert alt in scopes, e["path"]
            assert alt != e["scope"], e["path"]
        assert resources[e["resource"]]["scope"] == e["scope"], e["path"]


def test_every_resource_with_a_path_is_used(catalog):
    used = {e["resource"] for e in catalog["endpoints"]}
    unused = {r["name"] for r in catalog["resources"]} - used
    # The Scopes page lists this resource, but no such path exists in the spec or any SDK.
    assert unused == {"Voucher External URL Connections"}


def test_guesses_are_not_high_confidence(catalog):
    for e in catalog["endpoints"]:
        if e["basis"] == "guess":
            assert e["confidence"] in ("low", "medium"), e["path"]
        if not e["in_openapi"]:
            assert e["confidence"] == "low", e["path"]
        if e["confidence"] != "high":
            assert e["note"], f"{e['path']}: uncertain rows should say why"


def test_article_url_connections_accept_article(catalog):
    rows = [e for e in catalog["endpoints"] if e["path"].startswith("/3/articleurlconnections")]
    assert len(rows) == 2
    for e in rows:
        assert e["scope"] == "connectfile"
        assert e["alternative_scopes"] == ["article"]


def test_deprecated_endpoints(catalog):
    assert {e["path"] for e in catalog["endpoints"] if e["deprecated"]} == DEPRECATED


def test_path_families(catalog):
    by_path = {e["path"]: e for e in catalog["endpoints"]}
    assert by_path["/3/me"]["scope"] == "profile"
    assert by_path["/3/noxfinansinvoices"]["scope"] == "noxfinansinvoice"
    assert by_path["/api/time/registrations-v2"]["scope"] == "timereporting"
    for path, e in by_path.items():
        if path.startswith("/api/warehouse/documentdeliveries/custom/"):
            assert e["scope"] == "warehousecustomdocument", path
        elif path.startswith("/api/warehouse/"):
            assert e["scope"] == "warehouse", path


def test_every_scope_is_used(catalog):
    used = set()
    for e in catalog["endpoints"]:
        used.add(e["scope"])
        used.update(e["alternative_scopes"])
    assert set(catalog["scopes"]) - used == SCOPES_WITHOUT_ENDPOINTS


# Fortnox FAQ, "Error: Missing rights (Warehouse)": the scopes the warehouse module needs.
WAREHOUSE_FAQ_SCOPES = {"warehouse", "warehousecustomdocument", "article"}


def test_warehouse_module_lists_the_faq_scopes(catalog):
    module = catalog["modules"]["warehouse"]
    assert module["faq"] == "Error: Missing rights (Warehouse)"
    assert {s for r in module["requirements"] for s in r["scopes"]} == WAREHOUSE_FAQ_SCOPES
    by_prefix = {r["path_prefix"]: set(r["scopes"]) for r in module["requirements"]}
    assert by_prefix == {"/api/warehouse/": {"warehouse", "article"},
                         "/api/warehouse/documentdeliveries/custom/": {"warehousecustomdocument"}}


def test_module_requirements_reference_known_scopes_and_real_paths(catalog):
    for mid, module in catalog.get("modules", {}).items():
        for requirement in module["requirements"]:
            assert set(requirement["scopes"]) <= set(catalog["scopes"]), mid
            assert any(e["path"].startswith(requirement["path_prefix"]) for e in catalog["endpoints"]), \
                requirement["path_prefix"]


def test_module_scopes_by_path():
    from linter.catalog import load_catalog

    loaded = load_catalog()
    assert [(m.id, s) for m, s in loaded.module_scopes("/api/warehouse/stockpoints-v1")] == [
        ("warehouse", ("warehouse", "article"))]
    assert [(m.id, s) for m, s in loaded.module_scopes(
        "/api/warehouse/documentdeliveries/custom/outbound-v1/{type}/{id}")] == [
        ("warehouse", ("warehouse", "article", "warehousecustomdocument"))]
    assert loaded.module_scopes("/3/articles") == ()  # a tuple: remembered per path, never to be changed by a caller
    assert loaded.module_scopes("/api/warehousex/a") == ()


def test_a_module_with_an_unknown_scope_is_rejected(tmp_path):
    from linter.catalog import load_catalog
    from linter.errors import LintError

    text = (DATA / "scopes.yaml").read_text(encoding="utf-8")
    broken = text.replace("scopes: [warehouse, article]}", "scopes: [warehouse, articles]}")
    assert broken != text
    target = tmp_path / "scopes.yaml"
    target.write_text(broken, encoding="utf-8")
    with pytest.raises(LintError, match="module warehouse needs unknown scope 'articles'"):
        load_catalog(target)
