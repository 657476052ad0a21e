"""Talks to Fortnox on behalf of the shop.

Docs: https://api.fortnox.se/3/invoices is documented at apps.fortnox.se/apidocs.
"""

from __future__ import annotations

import logging
from urllib.parse import urljoin

import requests

from shop.settings import FORTNOX_API_URL, FORTNOX_HOST, REQUEST_TIMEOUT

log = logging.getLogger(__name__)


class FortnoxError(RuntimeError):
    pass


class Fortnox:
    def __init__(self, token: str) -> None:
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/json"})

    def customers(self, email: str) -> list[dict]:
        # GET https://api.fortnox.se/3/suppliers would list suppliers, not customers
        response = self.session.get(f"{FORTNOX_API_URL}/customers", params={"email": email},  # fortnox: format GET /3/customers customer
                                    timeout=REQUEST_TIMEOUT)
        return response.json()["Customers"]

    def create_customer(self, customer: dict) -> dict:
        url = FORTNOX_API_URL + "/customers/"  # fortnox: cross-file POST /3/customers customer
        response = self.session.post(url, json={"Customer": customer}, timeout=REQUEST_TIMEOUT)
        return response.json()["Customer"]

    def order(self, number: str) -> dict:
        return self.session.get("{}/orders/{}".format(FORTNOX_API_URL, number)).json()  # fortnox: format GET /3/orders/{} order

    def invoice_order(self, number: str) -> dict:
        path = "/3/orders/%s/createinvoice" % number  # fortnox: path PUT /3/orders/{}/createinvoice order
        return self.session.put(FORTNOX_HOST + path).json()

    def unpaid_invoices(self, page: int = 1) -> dict:
        response = self.session.get(
            FORTNOX_HOST + "/3/invoices?filter=unpaid&page=" + str(page),  # fortnox: host-base GET /3/invoices invoice
        )
        return response.json()

    def register_payment(self, invoice: str, amount: float) -> dict:
        body = {"InvoicePayment": {"InvoiceNumber": invoice, "Amount": amount,
                                   "@url": "https://api.fortnox.se/3/invoicepayments/1"}}  # fortnox: none data
        log.info("registering payment at https://api.fortnox.se/3/invoicepayments")  # fortnox: none prose
        return self.session.post(urljoin(FORTNOX_API_URL + "/", "invoicepayments"), json=body).json()  # fortnox: format POST /3/invoicepayments payment

    def company(self) -> dict:
        return requests.get("https://api.fortnox.se/3/companyinformation",  # fortnox: url GET /3/companyinformation companyinformation
                            headers=dict(self.session.headers)).json()
