"""The catalog engine: loading, path matching, licence options, user catalogs."""

from pathlib import Path

import pytest
import yaml

from linter.catalog import load_catalog, normalise_path
from linter.errors import LintError

CATALOG = load_catalog()


@pytest.mark.parametrize("raw,expected", [
    ("https://api.fortnox.se/3/invoices/", "/3/invoices"),
    ("https://api.fortnox.se/3/invoices?filter=unpaid&page=2", "/3/invoices"),
    ("/3/customers/{CustomerNumber}", "/3/customers/{}"),
    ("/3//orders//{}/createinvoice#x", "/3/orders/{}/createinvoice"),
])
def test_normalise_path(raw, expected):
    assert normalise_path(raw) == expected


@pytest.mark.parametrize("path,template,scope", [
    ("/3/invoices", "/3/invoices", "invoice"),
    ("/3/invoices/{}", "/3/invoices/{DocumentNumber}", "invoice"),
    ("/3/invoices/123/bookkeep", "/3/invoices/{DocumentNumber}/bookkeep", "invoice"),
    ("/3/INVOICES", "/3/invoices", "invoice"),
    ("/3/assets/types", "/3/assets/types", "assets"),  # literal beats {GivenNumber}
    ("/3/assets/{}", "/3/assets/{GivenNumber}", "assets"),  # a run-time id is not "types"
    ("/3/me", "/3/me", "profile"),
    ("/3/settings/company", "/3/settings/company", "settings"),
    ("/api/warehouse/documentdeliveries/custom/outbound-v1/{}/{}/release",
     "/api/warehouse/documentdeliveries/custom/outbound-v1/{type}/{id}/release", "warehousecustomdocument"),
    ("/api/time/registrations-v2", "/api/time/registrations-v2", "timereporting"),
])
def test_match(path, template, scope):
    endpoint = CATALOG.match(path)
    assert (endpoint.path, endpoint.scope) == (template, scope)


@pytest.mark.parametrize("path", ["/3/companysettings", "/3", "/3/invoices/1/2/3/4", "/api/unknown/x"])
def test_no_match(path):
    assert CATALOG.match(path) is None


def test_licence_options_are_minimal_any_of_combinations():
    assert CATALOG.licence_options(["supplierinvoice", "order"]) == [["Bokföring", "Order"]]
    assert CATALOG.licence_options(["invoice", "supplier"]) == [
        ["Bokföring", "Kundfaktura"], ["Bokföring", "Order"]]
    assert CATALOG.licence_options(["settings", "profile"]) == [[]]
    assert CATALOG.licence_options(["customer", "invoice", "order"]) == [["Order"]]


def test_licence_lookup_is_exact():
    assert CATALOG.licence_id("Bokföring") == "Bokföring"
    assert CATALOG.licence_id("Anläggning") == "Anläggningsregister"
    assert CATALOG.licence_id("bokföring") is None


def _user_catalog(tmp_path: Path, mutate) -> Path:
    raw = yaml.safe_load((Path(__file__).parent.parent / "data" / "scopes.yaml").read_text(encoding="utf-8"))
    mutate(raw)
    target = tmp_path / "catalog.yaml"
    target.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return target


def test_user_catalog_failing_its_schema_names_file_line_and_problem(tmp_path):
    target = _user_catalog(tmp_path, lambda raw: raw["endpoints"][0].update(confidence="certain"))
    with pytest.raises(LintError) as info:
        load_catalog(target)
    assert info.value.path == str(target)
    assert info.value.line is not None
    assert "catalog does not match its schema at endpoints/0/confidence: 'certain' is not one of" in str(info.value)


def test_user_catalog_with_dangling_scope(tmp_path):
    target = _user_catalog(tmp_path, lambda raw: raw["endpoints"][0].update(scope="nosuchscope"))
    with pytest.raises(LintError, match="catalog is inconsistent: endpoint /3/absencetransactions has unknown scope 'nosuchscope'"):
        load_catalog(target)


def test_user_catalog_that_is_valid_is_used(tmp_path):
    def add(raw):
        raw["endpoints"].append(dict(raw["endpoints"][-1], path="/3/brandnew"))
    catalog = load_catalog(_user_catalog(tmp_path, add))
    assert catalog.match("/3/brandnew").path == "/3/brandnew"


def _installed_data(tmp_path: Path, monkeypatch, parsed: dict | None) -> bytes:
    """A data folder like a wheel's: the shipped files, and the build's parsed catalog if given."""
    import json
    import shutil

    from linter import cache
    from linter.resources import data_dir

    # (an installed data folder already holds one: left out, so that ``parsed`` decides)
    shutil.copytree(data_dir(), tmp_path / "_data", ignore=shutil.ignore_patterns(cache.PARSED_CATALOG))
    if parsed is not None:
        (tmp_path / "_data" / cache.PARSED_CATALOG).write_text(json.dumps(parsed), encoding="utf-8")
    monkeypatch.setattr(cache, "data_dir", lambda: tmp_path / "_data")
    return (tmp_path / "_data" / "scopes.yaml").read_bytes()


def test_a_wheels_parsed_catalog_is_read_instead_of_the_yaml(tmp_path: Path, monkeypatch):
    from hashlib import blake2b

    from linter import cache

    raw = (Path(__file__).resolve().parent.parent / "data" / "scopes.yaml").read_bytes()
    data = yaml.safe_load(raw)
    marked = dict(data, catalog_version="from-the-parsed-file")  # tells which one was read
    digest = blake2b(raw, digest_size=16).hexdigest()
    _installed_data(tmp_path, monkeypatch, {"yaml_blake2b": digest, "data": marked})
    catalog, _key = cache.load_catalog(None, None)
    assert catalog.version == "from-the-parsed-file"


@pytest.mark.parametrize("parsed", [None, {"yaml_blake2b": "0" * 32, "data": {"version": "stale"}},
                                    {"yaml_blake2b": "x"}, ["not", "a", "dict"]])
def test_the_yaml_is_parsed_when_the_parsed_catalog_is_missing_stale_or_damaged(tmp_path: Path, monkeypatch, parsed):
    from linter import cache

    raw = _installed_data(tmp_path, monkeypatch, parsed)
    assert cache.parsed_catalog_data(raw) is None
    catalog, _key = cache.load_catalog(None, None)
    assert catalog.version == str(yaml.safe_load(raw)["catalog_version"])
