from .sales import Customers, Invoices
from .ledger import Vouchers, Accounts

__all__ = ["Customers", "Invoices", "Vouchers", "Accounts"]
