"""Thin wrapper around the Fortnox REST API used by the sync tasks."""
import functools
import logging
import random
import time

import requests

import settings

log = logging.getLogger(__name__)

TOKEN_URL = "https://apps.fortnox.se/oauth-v1/token"  # fortnox: none oauth

RETRY_STATUSES = {429, 500, 502, 503, 504}


class FortnoxError(Exception):
    def __init__(self, status, body):
        super().__init__(f"{status}: {body}")
        self.status = status
        self.body = body


class RetryableError(FortnoxError):
    pass


def with_retry(func):
    """Retry on rate limiting (25 req / 5 s per tenant) and transient 5xx."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        for attempt in range(settings.MAX_RETRIES):
            try:
                return func(*args, **kwargs)
            except RetryableError as exc:
                delay = min(2 ** attempt + random.random(), 30)
                log.warning("retryable error %s, attempt %d, sleeping %.1fs", exc.status, attempt + 1, delay)
                time.sleep(delay)
        return func(*args, **kwargs)

    return wrapper


def refresh_access_token(refresh_token):
    resp = requests.post(
        TOKEN_URL,
        data={"grant_type": "refresh_token", "refresh_token": refresh_token},
        auth=(settings.FORTNOX_CLIENT_ID, settings.FORTNOX_CLIENT_SECRET),
        timeout=settings.HTTP_TIMEOUT,
    )
    resp.raise_for_status()
    return resp.json()


class FortnoxClient:
    def __init__(self, access_token, base_url=None, timeout=None):
        self.base_url = (base_url or settings.FORTNOX_API_URL).rstrip("/")
        self.timeout = timeout or settings.HTTP_TIMEOUT
        self.session = requests.Session()
        self.session.headers.update(
            {
                "Authorization": f"Bearer {access_token}",
                "Accept": "application/json",
                "Content-Type": "application/json",
            }
        )

    @with_retry
    def _request(self, method, path, **kwargs):
        url = f"{self.base_url}{path}"
        resp = self.session.request(method, url, timeout=self.timeout, **kwargs)
        if resp.status_code in RETRY_STATUSES:
            raise RetryableError(resp.status_code, resp.text)
        if resp.status_code >= 400:
            raise FortnoxError(resp.status_code, resp.text)
        if not resp.content:
            return {}
        return resp.json()

    def get(self, path, **params):
        return self._request("GET", path, params=params or None)

    def post(self, path, payload):
        return self._request("POST", path, json=payload)

    def put(self, path, payload=None):
        return self._request("PUT", path, json=payload)

    def paginate(self, path, key, **params):
        """Yield every row of a list resource, following MetaInformation paging."""
        page = 1
        while True:
            data = self.get(path, page=page, limit=settings.PAGE_SIZE, **params)
            yield from data.get(key, [])
            meta = data.get("MetaInformation", {})
            if page >= int(meta.get("@TotalPages", 1)):
                break
            page += 1

    # --- customers -------------------------------------------------------

    def get_customer(self, customer_number):
        return self.get(f"/customers/{customer_number}")["Customer"]  # fortnox: helper GET /3/customers/{} customer

    def create_customer(self, customer):
        return self.post("/customers", {"Customer": customer})["Customer"]  # fortnox: helper POST /3/customers customer

    # --- invoices --------------------------------------------------------

    def bookkeep_invoice(self, document_number):
        return self.put(f"/invoices/{document_number}/bookkeep")["Invoice"]  # fortnox: helper PUT /3/invoices/{}/bookkeep invoice

    def invoice_pdf(self, document_number):
        # Docs: GET https://api.fortnox.se/3/invoices/{DocumentNumber}/print returns application/pdf  # fortnox: none comment
        resp = self.session.get(
            f"{self.base_url}/invoices/{document_number}/print",  # fortnox: format GET /3/invoices/{}/print invoice
            headers={"Accept": "application/pdf"},
            timeout=self.timeout,
        )
        resp.raise_for_status()
        return resp.content

    # --- misc --------------------------------------------------------------

    def company_information(self):
        resp = self.session.get("https://api.fortnox.se/3/companyinformation", timeout=self.timeout)  # fortnox: url GET /3/companyinformation companyinformation
        resp.raise_for_status()
        return resp.json()["CompanyInformation"]


def make_client():
    token = refresh_access_token(settings.FORTNOX_REFRESH_TOKEN)
    return FortnoxClient(token["access_token"])
