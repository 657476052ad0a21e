import responses

from shop.fortnox import Fortnox


@responses.activate
def test_customers():
    responses.add(responses.GET, "https://api.fortnox.se/3/customers", json={"Customers": []})  # fortnox: none test
    assert Fortnox("t").customers("a@b.se") == []
