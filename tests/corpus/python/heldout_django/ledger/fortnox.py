import logging

import requests
from django.conf import settings

logger = logging.getLogger(__name__)


class FortnoxService:
    def __init__(self, access_token):
        self.base_url = settings.FORTNOX_API_URL
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {access_token}"

    def _request(self, method, path, **kwargs):
        url = f"{self.base_url}/{path}"
        response = self.session.request(method, url, timeout=30, **kwargs)
        response.raise_for_status()
        return response.json()

    def invoices(self, **filters):
        return self._request("GET", "invoices", params=filters)["Invoices"]  # fortnox: cross-file GET /3/invoices invoice

    def create_voucher(self, voucher):
        return self._request("POST", "vouchers", json={"Voucher": voucher})  # fortnox: cross-file POST /3/vouchers bookkeeping

    def supplier(self, number):
        return self._request("GET", f"suppliers/{number}")["Supplier"]  # fortnox: cross-file GET /3/suppliers/{} supplier
