"""Push paid webshop orders to Fortnox."""

from shop.fortnox_client import FortnoxClient


def sync(orders: list[dict], client: FortnoxClient) -> None:
    for order in orders:
        customer = client.find_customer(order["email"]) or client.create_customer(
            {"Name": order["name"], "Email": order["email"]})
        created = client.create_order({"CustomerNumber": customer["CustomerNumber"],
                                       "OrderRows": order["rows"]})
        invoice = client.invoice_order(created["DocumentNumber"])
        client.register_payment(invoice["DocumentNumber"], order["total"])
