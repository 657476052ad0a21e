"""The shop's own HTTP API (Flask). These are our routes, not calls to Fortnox."""

from flask import Flask, jsonify

from shop.fortnox import Fortnox

app = Flask(__name__)


@app.route("/customers")  # fortnox: none own-route
def list_customers():
    return jsonify([])


@app.get("/orders/<number>")  # fortnox: none own-route
def show_order(number: str):
    client = Fortnox(token="...")
    return jsonify(client.order(number))


@app.post("/invoices")  # fortnox: none own-route
def create_invoice():
    return jsonify({}), 201
