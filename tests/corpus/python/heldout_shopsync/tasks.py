"""Celery tasks: pull paid orders from the shop and push them into accounting."""
import logging
from datetime import datetime, timedelta

import requests
from celery import Celery

import settings
from fortnox_client import FortnoxError, make_client
from resources import export_all

log = logging.getLogger(__name__)

celery = Celery("shopsync", broker=settings.CELERY_BROKER_URL)
celery.conf.beat_schedule = {
    "sync-articles": {"task": "tasks.sync_articles", "schedule": 900.0},
    "push-orders": {"task": "tasks.push_paid_orders", "schedule": 300.0},
    "nightly-export": {"task": "tasks.nightly_export", "schedule": 86400.0},
}


def _shop_headers():
    return {"Authorization": f"Token {settings.SHOP_API_KEY}"}


@celery.task
def sync_articles(hours=1):
    client = make_client()
    since = (datetime.now() - timedelta(hours=hours)).strftime("%Y-%m-%d %H:%M")
    count = 0
    for article in client.paginate("/articles", "Articles", lastmodified=since):  # fortnox: cross-file /3/articles article
        requests.put(
            f"{settings.SHOP_API_URL}/api/products/{article['ArticleNumber']}/price",
            json={"price": article.get("SalesPrice")},
            headers=_shop_headers(),
            timeout=settings.HTTP_TIMEOUT,
        )
        count += 1
    log.info("synced %d articles from /3/articles", count)  # fortnox: none log


@celery.task(bind=True, max_retries=3)
def push_paid_orders(self):
    client = make_client()
    resp = requests.get(
        f"{settings.SHOP_API_URL}/api/orders",  # fortnox: none other-api
        params={"status": "paid", "exported": "false"},
        headers=_shop_headers(),
        timeout=settings.HTTP_TIMEOUT,
    )
    resp.raise_for_status()

    pending = client.get("/orders?filter=invoicenotcreated")["Orders"]  # fortnox: cross-file GET /3/orders order
    already = {o["YourOrderNumber"] for o in pending}

    for shop_order in resp.json()["results"]:
        if str(shop_order["id"]) in already:
            continue
        order = {
            "CustomerNumber": shop_order["customer"]["erp_number"],
            "YourOrderNumber": str(shop_order["id"]),
            "OrderRows": [
                {"ArticleNumber": line["sku"], "OrderedQuantity": line["qty"], "DeliveredQuantity": line["qty"]}
                for line in shop_order["lines"]
            ],
        }
        try:
            created = client.post("/orders", {"Order": order})["Order"]  # fortnox: cross-file POST /3/orders order
            client.put(f"/orders/{created['DocumentNumber']}/createinvoice")  # fortnox: cross-file PUT /3/orders/{}/createinvoice order
        except FortnoxError as exc:
            log.error("order %s rejected: %s", shop_order["id"], exc)
            continue

        if shop_order.get("stripe_payment_intent"):
            # Attach the accounting order number to the Stripe customer for support lookups.
            requests.post(
                f"https://api.stripe.com/v1/customers/{shop_order['stripe_customer']}",  # fortnox: none other-api
                data={"metadata[erp_order]": created["DocumentNumber"]},
                auth=(settings.STRIPE_SECRET_KEY, ""),
                timeout=settings.HTTP_TIMEOUT,
            )


@celery.task
def refresh_stock_points():
    client = make_client()
    resp = client.session.get(f"{settings.FORTNOX_WAREHOUSE_URL}/stockpoints-v1", timeout=client.timeout)  # fortnox: cross-file GET /api/warehouse/stockpoints-v1 warehouse
    resp.raise_for_status()
    return [sp["code"] for sp in resp.json()]


@celery.task
def nightly_export():
    client = make_client()
    return {name: len(data) for name, data in export_all(client).items()}
