from ..http import Repository


class Customers(Repository):
    path = "customers"  # fortnox: resource-property /3/customers customer
    wrapper = "Customers"


class Invoices(Repository):
    path = "invoices"  # fortnox: resource-property /3/invoices invoice
    wrapper = "Invoices"

    def unpaid(self) -> list[dict]:
        return [i for i in self.all() if i.get("Balance")]
