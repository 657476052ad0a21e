"""Card payments go through Stripe; only the bookkeeping side goes to Fortnox."""

import requests

from shop.settings import STRIPE_API


def stripe_invoices(key: str) -> list:
    response = requests.get(STRIPE_API + "/v1/invoices", auth=(key, ""))  # fortnox: none other-api
    return response.json()["data"]


def shopify_orders(shop: str, token: str) -> list:
    url = f"https://{shop}.myshopify.com/admin/api/2024-01/orders.json"  # fortnox: none other-api
    return requests.get(url, headers={"X-Shopify-Access-Token": token}).json()["orders"]
