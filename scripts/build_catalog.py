#!/usr/bin/env python3
"""Maintainer tool: regenerate data/scopes.yaml from the research material.

Usage:
    python scripts/build_catalog.py ENDPOINTS_CSV OPENAPI_JSON SCOPES_PAGE_TXT [-o data/scopes.yaml]

Inputs (none of them ships with the project):
  * ENDPOINTS_CSV   - path templates with an inferred scope per row
                      (columns resource,path,methods,scope,sources,notes)
  * OPENAPI_JSON    - a copy of Fortnox's official OpenAPI document
  * SCOPES_PAGE_TXT - a plain-text capture of Fortnox's "Scopes" page (resource table and
                      licence table, cells concatenated without separators)

The hand-curated parts (licences, scope display names, notes) live in this file; everything
else is derived from the inputs and cross-checked. The tool is never imported by the linter or
its tests. Review the generated file by hand before committing it.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

import yaml

CATALOG_VERSION = "2026.11.21"

SOURCES = [
    "Fortnox developer site, Scopes page: the resource-to-scope table and the scope-to-licence table",
    "Fortnox developer FAQ (missing-rights answers for the warehouse module)",
    "Fortnox's official OpenAPI document for the REST API (paths, methods, deprecation flags)",
    "Open-source Fortnox SDKs and docs (softwerk .NET SDK scope enum and endpoint list, "
    "Tharga.Fortnox scope docs, zenta fortnox.NET endpoint list)",
    "One third-party WordPress plugin scope list (the only mention of developerapi)",
]

# licence id (Swedish product name as Fortnox writes it) -> (English gloss, other spellings)
LICENCES = {
    "Kundfaktura": ("Customer invoicing", []),
    "Order": ("Order", []),
    "Bokföring": ("Bookkeeping", []),
    "Lön": ("Payroll", []),
    "Anläggningsregister": ("Fixed asset register", ["Anläggning"]),
    "Arkivplats": ("Archive storage", []),
    "Lager": ("Warehouse", []),
    "Lager Plus": ("Warehouse Plus", []),
    "Tidredovisning": ("Time reporting", []),
}

RES = "scopes-page-resources"
LIC = "scopes-page-licences"

# Scopes, in alphabetical order. Keys per scope:
#   name, aliases, licence_basis, source, verified, note, and for scopes missing from the
#   Scopes-page licence table an explicit licence. Scopes that are in the licence table take
#   licence_table_name and licence from the parsed page (looked up by name or alias).
SCOPES: dict[str, dict] = {
    "archive": dict(name="Archive", source=[RES, LIC]),
    "article": dict(
        name="Article", aliases=["articles"], source=[RES, LIC, "faq"],
        note="The warehouse FAQ lists it (spelt 'articles') among the scopes the warehouse "
             "module needs. Some sources also accept it for /3/articleurlconnections."),
    "assets": dict(
        name="Assets", source=[LIC, "sdk"],
        note="Only in the licence table and SDK enums, not in the resource table; its paths "
             "are matched by name."),
    "bookkeeping": dict(name="Bookkeeping", source=[RES, LIC]),
    "companyinformation": dict(name="Company Information", source=[RES, LIC]),
    "companylogo": dict(
        name="Company Logo", source=[LIC, "sdk"],
        note="Listed in the licence table, but no API path for it was found."),
    "connectfile": dict(
        name="File Connection", source=[RES, LIC],
        note="The licence table spells the fixed-asset licence 'Anläggning' in this row."),
    "costcenter": dict(name="Cost Center", source=[RES, LIC]),
    "currency": dict(name="Currency", source=[RES, LIC]),
    "customer": dict(name="Customer", source=[RES, LIC]),
    "deletevoucher": dict(
        name="Delete Voucher", source=[LIC, "sdk"],
        note="Listed in the licence table, but the OpenAPI document has no DELETE on vouchers, "
             "so no path uses it."),
    "inbox": dict(name="Inbox", source=[RES, LIC]),
    "invoice": dict(name="Invoice", source=[RES, LIC]),
    "noxfinansinvoice": dict(
        name="Noxfinance Invoice", aliases=["Fortnox Finance Invoice", "Invoice Noxfinans"],
        source=[RES, LIC],
        note="Display names differ per source. The spelling 'noxfinanceinvoice' (sent by one "
             "SDK until early 2025) is not a valid scope."),
    "offer": dict(name="Offer", source=[RES, LIC]),
    "order": dict(name="Order", source=[RES, LIC]),
    "payment": dict(
        name="Payments", aliases=["Payment"], source=[RES, LIC],
        note="Resource table says 'Payments', licence table 'Payment'; the enumeration is "
             "payment."),
    "price": dict(name="Price", source=[RES, LIC]),
    "print": dict(
        name="Print", source=[RES, LIC],
        note="Covers print templates; printing a document stays under that document's scope."),
    "profile": dict(name="Profile", source=[RES, LIC], note="The Profile resource is /3/me."),
    "project": dict(name="Project", source=[RES, LIC]),
    "salary": dict(name="Salary", source=[RES, LIC]),
    "settings": dict(name="Settings", source=[RES, LIC]),
    "supplier": dict(name="Supplier", source=[RES, LIC]),
    "supplierinvoice": dict(name="Supplier Invoice", source=[RES, LIC]),
    "timereporting": dict(
        name="Time Reporting", licence={"any_of": ["Tidredovisning"]},
        licence_basis="other-docs", source=["sdk"],
        note="Absent from both Scopes-page tables; added to an SDK in 2025. The licence comes "
             "from third-party docs."),
    "warehouse": dict(
        name="Warehouse", licence={"any_of": ["Lager", "Lager Plus"]},
        licence_basis="assumed", source=["faq", "sdk"],
        note="Not on the Scopes page; named by the FAQ and SDK enums. Licence assumed to be "
             "the same as for warehousecustomdocument."),
    "warehousecustomdocument": dict(
        name="Warehouse Custom document", aliases=["Warehousecustomdocument"],
        source=[LIC, "faq", "sdk"]),
    "developerapi": dict(
        name="Developer API", licence="any", licence_basis="assumed", source=["unverified"],
        verified=False,
        note="Only one third-party plugin's scope list names it; unverified. Guessed for the "
             "integration developer/partner APIs."),
}

BASIS = {
    "inferred-from-scopes-page": "scopes-page",
    "inferred-from-license-table": "licence-table",
    "inferred-sdk": "sdk",
    "guess": "guess",
}

CONFIDENCE = {"high": "high", "medium-high": "high", "medium": "medium",
              "medium-low": "low", "low": "low"}

# Scopes that Fortnox's own sources name as alternatives for a path (accept either).
ALTERNATIVE_SCOPES = {
    "/3/articleurlconnections": ["article"],
}

DEPRECATED_PATHS = {  # LEGACY rows of the CSV (deprecation in the spec is read from the spec)
    "/3/invoicefileconnections",
    "/3/supplierinvoiceurlconnections",
}

# Endpoint notes, keyed by path prefix (first match in order wins); own wording.
NOTES = [
    ("/3/articleurlconnections",
     "Sources disagree: a Scopes-page capture says connectfile, another capture and "
     "third-party docs say article. Accept either."),
    ("/3/assetfileconnections",
     "Not in the resource table; connectfile assumed because its licence list includes the "
     "asset register. The assets scope is also plausible."),
    ("/3/assets/types",
     "Asset types are not in the resource table; scope taken from the assets family."),
    ("/3/assets",
     "Scope known from the licence table and SDK enums only; matched by name."),
    ("/3/customerreferences",
     "Not on the Scopes page; customer assumed from the resource family."),
    ("/3/emailsenders",
     "Guess: trusted senders feed the inbox. settings or supplierinvoice are also "
     "plausible."),
    ("/3/emailtrusteddomains",
     "Only in SDKs, absent from the current OpenAPI document (possibly retired); scope "
     "guessed like Trusted Email Senders; methods from an SDK."),
    ("/3/euvatlimitregulation",
     "Guess: the EU threshold matters when invoicing. bookkeeping or settings are also "
     "plausible."),
    ("/3/invoicefileconnections",
     "Legacy path from the old developer docs, replaced by /api/fileattachments/attachments-v1; "
     "scope guessed."),
    ("/3/invoices/{DocumentNumber}/bookkeep",
     "Scope stays invoice, but booking also needs the company to have bookkeeping."),
    ("/3/invoices/{DocumentNumber}/print",
     "The Print scope covers print templates only; invoice PDFs stay under invoice."),
    ("/3/invoices/{DocumentNumber}/warehouseready",
     "Only meaningful when the warehouse module is active."),
    ("/3/offers/{DocumentNumber}/createinvoice",
     "May also need the invoice scope (unverified)."),
    ("/3/offers/{DocumentNumber}/createorder",
     "May also need the order scope (unverified)."),
    ("/3/orders/{DocumentNumber}/createinvoice",
     "May also need the invoice scope (unverified)."),
    ("/3/predefinedvoucherseries",
     "Not on the Scopes page; treated like PredefinedAccounts (settings). bookkeeping is also "
     "plausible."),
    ("/3/settings/lockedperiod",
     "Not on the Scopes page; settings assumed from the /3/settings prefix. bookkeeping is "
     "also plausible."),
    ("/3/supplierinvoiceurlconnections",
     "Legacy name of /3/supplierinvoiceexternalurlconnections; gone from SDKs since 2020 and "
     "absent from the current OpenAPI document."),
    ("/api/fileattachments",
     "Guess; probably also needs the scope of the document the file is attached to "
     "(offer, order, invoice, warehouse)."),
    ("/api/integration-developer",
     "Account-level API for integration developers; its scope is only a guess "
     "(developerapi, unverified)."),
    ("/api/integration-partner",
     "Deprecated with a sunset date in the OpenAPI document; use "
     "/api/integration-developer/sales-v1. Scope guessed (developerapi, unverified)."),
    ("/api/time",
     "timereporting is known from SDK changes and third-party docs only, not the Scopes page."),
    ("/api/warehouse/documentdeliveries/custom",
     "Matched to warehousecustomdocument by name only; may really need warehouse."),
    ("/api/warehouse",
     "Module-level scope from the FAQ and SDK enums; no per-path source."),
]

HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


# -- parsing the Scopes page -----------------------------------------------------------------
def parse_scopes_page(text: str) -> tuple[list[tuple[str, str, str]], list[tuple[str, object]]]:
    """Return (resource rows, licence rows) from the concatenated-cell text capture."""
    lines = [ln.rstrip() for ln in text.splitlines()]
    start = lines.index("ResourceScope NameScope Enumeration") + 1
    lic_start = next(i for i, ln in enumerate(lines) if ln.startswith("ScopeRequired Licence"))
    resource_lines = [ln for ln in lines[start:lic_start] if ln.strip()]
    licence_lines = []
    for ln in lines[lic_start + 1:]:
        if not ln.strip() or ln.strip() == "Documentation":
            break
        licence_lines.append(ln)

    display_names = set()
    for sid, spec in SCOPES.items():
        display_names.add(spec["name"])
        display_names.update(spec.get("aliases", []))
    resources = []
    for ln in resource_lines:
        found = None
        for sid in sorted(SCOPES, key=len, reverse=True):
            if not ln.endswith(sid):
                continue
            head = ln[: -len(sid)]
            for name in sorted(display_names, key=len, reverse=True):
                if head.endswith(name) and len(head) > len(name):
                    found = (head[: -len(name)], name, sid)
                    break
            if found:
                break
        if not found:
            sys.exit(f"cannot parse resource-table row: {ln!r}")
        resources.append(found)

    licence_words = set(LICENCES) | {a for _, al in LICENCES.values() for a in al}
    licences = []
    for ln in licence_lines:
        found = None
        for name in sorted(display_names, key=len, reverse=True):
            if not ln.startswith(name):
                continue
            rest = ln[len(name):]
            if rest == "Any":
                found = (name, "Any")
                break
            parts = rest.split(" or ")
            if all(p in licence_words for p in parts):
                found = (name, parts)
                break
        if not found:
            sys.exit(f"cannot parse licence-table row: {ln!r}")
        licences.append(found)
    return resources, licences


# -- building ----------------------------------------------------------------------------------
def scope_for_display_name(name: str) -> str:
    hits = [sid for sid, s in SCOPES.items() if name == s["name"] or name in s.get("aliases", [])]
    if len(hits) != 1:
        sys.exit(f"display name {name!r} matches {hits}")
    return hits[0]


def endpoint_note(path: str) -> str | None:
    for prefix, note in NOTES:
        if path == prefix or path.startswith(prefix + "/"):
            return note
    return None


def build(csv_path: Path, openapi_path: Path, page_path: Path) -> dict:
    resource_rows, licence_rows = parse_scopes_page(page_path.read_text(encoding="utf-8"))
    spec = json.loads(openapi_path.read_text(encoding="utf-8"))
    spec_paths = spec["paths"]
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8", newline="")))

    # scopes
    by_licence_row = {scope_for_display_name(name): (name, req) for name, req in licence_rows}
    if len(by_licence_row) != len(licence_rows):
        sys.exit("two licence-table rows map to the same scope")
    scopes = {}
    for sid in sorted(SCOPES):
        s = SCOPES[sid]
        if sid in by_licence_row:
            table_name, req = by_licence_row[sid]
            licence = "any" if req == "Any" else {"any_of": list(req)}
            basis = "scopes-page"
            if "licence" in s and s["licence"] != licence:
                sys.exit(f"{sid}: curated licence disagrees with the licence table")
        else:
            table_name, licence, basis = None, s["licence"], s["licence_basis"]
        scopes[sid] = {
            "name": s["name"],
            "aliases": list(s.get("aliases", [])),
            "licence_table_name": table_name,
            "licence": licence,
            "licence_basis": s.get("licence_basis", basis) if table_name is None else basis,
            "source": list(s["source"]),
            "verified": s.get("verified", True),
            "note": s.get("note"),
        }

    # resources: page rows first (page order), then the extra ones from the CSV
    resources = [{"name": r, "scope": sid, "scope_name": sn, "on_scopes_page": True}
                 for r, sn, sid in resource_rows]
    page_names = {r["name"]: r for r in resources}
    extra: dict[str, str] = {}
    for row in rows:
        name, scope = row["resource"], row["scope"]
        if name in page_names:
            if page_names[name]["scope"] != scope:
                sys.exit(f"CSV scope for {name} differs from the Scopes page")
            continue
        if extra.setdefault(name, scope) != scope:
            sys.exit(f"CSV gives two scopes for {name}")
    for name in sorted(extra):
        resources.append({"name": name, "scope": extra[name], "scope_name": None,
                          "on_scopes_page": False})

    # endpoints
    endpoints = []
    for row in sorted(rows, key=lambda r: r["path"]):
        path = row["path"]
        notes = row["notes"]
        basis_m = re.search(r"scope-basis=([\w-]+)", row["sources"])
        basis = BASIS[basis_m.group(1)]
        conf_m = re.search(r"confidence=([\w-]+)", notes + " " + row["sources"])
        if conf_m:
            confidence = CONFIDENCE[conf_m.group(1)]
        else:
            confidence = "low" if basis == "guess" else "high"
        methods = row["methods"].split("|")
        in_openapi = path in spec_paths
        deprecated = path.split("/{")[0] in DEPRECATED_PATHS
        if in_openapi:
            ops = {m.upper(): op for m, op in spec_paths[path].items()
                   if m.upper() in HTTP_METHODS}
            if set(ops) != set(methods):
                sys.exit(f"{path}: CSV methods {methods} differ from the spec {sorted(ops)}")
            if any(op.get("deprecated") or "x-sunset" in op for op in ops.values()):
                deprecated = True
        if "LEGACY" in notes and not deprecated:
            sys.exit(f"{path}: LEGACY note but not marked deprecated")
        if row["scope"] not in scopes:
            sys.exit(f"{path}: unknown scope {row['scope']}")
        endpoints.append({
            "path": path,
            "methods": [m for m in HTTP_METHODS if m in methods],
            "resource": row["resource"],
            "scope": row["scope"],
            "alternative_scopes": list(ALTERNATIVE_SCOPES.get(path.split("/{")[0], [])),
            "confidence": confidence,
            "basis": basis,
            "deprecated": deprecated,
            "in_openapi": in_openapi,
            "note": endpoint_note(path),
        })
    missing = set(spec_paths) - {e["path"] for e in endpoints}
    if missing:
        sys.exit(f"spec paths missing from the CSV: {sorted(missing)}")

    return {
        "catalog_version": CATALOG_VERSION,
        "sources": SOURCES,
        "licences": {k: {"english": e, "aliases": a} for k, (e, a) in LICENCES.items()},
        "scopes": scopes,
        "resources": resources,
        "endpoints": endpoints,
        "modules": MODULES,
    }


# Module requirements from the FAQ answer to "Error: Missing rights (Warehouse)": the warehouse
# module needs Warehouse, Warehousecustomdocument and articles. Custom documents are the only
# warehouse paths tied to warehousecustomdocument (its licence-table row); every warehouse call
# gets warehouse and article.
MODULES = {
    "warehouse": {
        "name": "Warehouse",
        "faq": "Error: Missing rights (Warehouse)",
        "requirements": [
            {"path_prefix": "/api/warehouse/", "scopes": ["warehouse", "article"]},
            {"path_prefix": "/api/warehouse/documentdeliveries/custom/",
             "scopes": ["warehousecustomdocument"]},
        ],
        "note": ("The FAQ lists the scopes the warehouse module needs (Warehouse, "
                 "Warehousecustomdocument, articles) without saying which call needs which; custom "
                 "documents are matched to warehousecustomdocument by name."),
    },
}


# -- writing -----------------------------------------------------------------------------------
_PLAIN = re.compile(r"^[A-Za-zÅÄÖåäö/][A-Za-zÅÄÖåäö0-9 _.()/\-]*$")
_RESERVED = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}


def scalar(value) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _RESERVED and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)


def flow(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value)


HEADER = """\
# Fortnox scope catalog for fortnox-scope-lint.
#
# Fortnox does not publish which OAuth scope each API call needs. This file collects what the
# public material does say, so the linter can work offline:
#
#   licences   Fortnox products (Swedish names, as Fortnox writes them) a company must own
#              before a scope works for it.
#   scopes     every scope enumeration we know of, its display names, and the licences that
#              unlock it ("any" = no licence needed; any_of = one of these is enough).
#   resources  the resource names used on Fortnox's Scopes page (on_scopes_page: true) plus
#              resources that only appear in the OpenAPI document or SDKs (false).
#   endpoints  one entry per path template, with the scope we believe it needs. The scope is
#              always inferred, never stated by Fortnox per path; `basis` says how and
#              `confidence` how sure we are. alternative_scopes lists scopes other Fortnox
#              sources name for the same path; the linter should accept any of them.
#
# Scopes grant read and write alike, so the HTTP method never changes the scope.
# Validated by catalog.schema.json and tests/test_catalog_data.py.
# Regenerate with scripts/build_catalog.py (a maintainer tool), then review the diff by hand.
"""


def render(cat: dict) -> str:
    out = [HEADER]
    out.append(f"catalog_version: {json.dumps(cat['catalog_version'])}")
    out.append("\nsources:")
    out += [f"  - {scalar(s)}" for s in cat["sources"]]
    out.append("\n# licence id -> English gloss and other spellings seen in Fortnox material")
    out.append("licences:")
    for lid, body in cat["licences"].items():
        out.append(f"  {scalar(lid)}: {flow(body)}")
    out.append("\n# scope enumeration (the exact string sent in the OAuth scope parameter)")
    out.append("scopes:")
    for sid, body in cat["scopes"].items():
        out.append(f"  {sid}:")
        for key, value in body.items():
            out.append(f"    {key}: {flow(value)}")
    out.append("\n# resources from the Scopes page resource table first, then the extra ones")
    out.append("resources:")
    for res in cat["resources"]:
        out.append(f"  - {flow(res)}")
    out.append("\n# one entry per path template, sorted by path")
    out.append("endpoints:")
    for ep in cat["endpoints"]:
        out.append(f"  - {flow(ep)}")
    out.append("\n# add-on modules whose calls need scopes beyond each endpoint's own")
    out.append("modules:")
    for mid, body in cat["modules"].items():
        out.append(f"  {mid}:")
        for key, value in body.items():
            if key == "requirements":
                out.append("    requirements:")
                out += [f"      - {flow(r)}" for r in value]
            else:
                out.append(f"    {key}: {flow(value)}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("endpoints_csv", type=Path)
    ap.add_argument("openapi_json", type=Path)
    ap.add_argument("scopes_page", type=Path)
    ap.add_argument("-o", "--output", type=Path,
                    default=Path(__file__).resolve().parent.parent / "data" / "scopes.yaml")
    args = ap.parse_args(argv)
    catalog = build(args.endpoints_csv, args.openapi_json, args.scopes_page)
    text = render(catalog)
    if yaml.safe_load(text) != catalog:  # the hand-rolled emitter must round-trip exactly
        sys.exit("rendered YAML does not round-trip")
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}: {len(catalog['scopes'])} scopes, "
          f"{len(catalog['resources'])} resources, {len(catalog['endpoints'])} endpoints")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
