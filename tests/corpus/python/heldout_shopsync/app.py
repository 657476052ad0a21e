"""Small internal web app: shop webhooks in, invoice PDFs out for customer service."""
from flask import Flask, Response, abort, jsonify, request

import settings
import tasks
from fortnox_client import FortnoxError, make_client

app = Flask(__name__)


@app.get("/healthz")
def healthz():
    return {"ok": True}


@app.post("/webhooks/shop")
def shop_webhook():
    if request.headers.get("X-Shop-Key") != settings.SHOP_API_KEY:
        abort(401)
    event = request.get_json(force=True)
    if event.get("type") == "order.paid":
        tasks.push_paid_orders.delay()
    return {"queued": True}, 202


@app.get("/invoices/<int:number>")  # fortnox: none own-route
def invoice_summary(number):
    client = make_client()
    if request.args.get("format") == "pdf":
        return Response(client.invoice_pdf(number), mimetype="application/pdf")
    try:
        invoice = client.get(f"/invoices/{number}")["Invoice"]  # fortnox: cross-file GET /3/invoices/{} invoice
    except FortnoxError as exc:
        abort(exc.status if exc.status < 500 else 502)
    return jsonify(
        number=invoice["DocumentNumber"],
        customer=invoice["CustomerName"],
        total=invoice["Total"],
        balance=invoice["Balance"],
        booked=invoice["Booked"],
    )


if __name__ == "__main__":
    app.run(port=8080)
