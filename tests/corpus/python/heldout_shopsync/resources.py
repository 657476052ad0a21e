"""Declarative wrappers for the list resources we export to the data warehouse."""
import csv
import io

from fortnox_client import FortnoxClient


class ListResource:
    resource = None
    list_key = None

    def __init__(self, client: FortnoxClient):
        self.client = client

    def all(self, **params):
        return list(self.client.paginate(f"/{self.resource}", self.list_key, **params))


class Projects(ListResource):
    resource = "projects"  # fortnox: resource-property /3/projects project
    list_key = "Projects"


class Suppliers(ListResource):
    resource = "suppliers"  # fortnox: resource-property /3/suppliers supplier
    list_key = "Suppliers"


# Nightly ledger export: name -> (path, list key in the response)
EXPORTS = {
    "supplier_invoices": ("/supplierinvoices", "SupplierInvoices"),  # fortnox: route-table /3/supplierinvoices supplierinvoice
    "vouchers": ("/vouchers", "Vouchers"),  # fortnox: route-table /3/vouchers bookkeeping
    "invoice_payments": ("/invoicepayments", "InvoicePayments"),  # fortnox: route-table /3/invoicepayments payment
}


def export_csv(client: FortnoxClient, name, **params):
    path, key = EXPORTS[name]
    rows = list(client.paginate(path, key, **params))
    buf = io.StringIO()
    if rows:
        fields = sorted({k for row in rows for k in row if not k.startswith("@")})
        writer = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return buf.getvalue()


def export_all(client: FortnoxClient, financial_year=None):
    out = {name: export_csv(client, name) for name in EXPORTS}
    out["projects"] = Projects(client).all()
    out["suppliers"] = Suppliers(client).all()
    return out
