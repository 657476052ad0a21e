from ..http import Repository


class Vouchers(Repository):
    path = "vouchers"  # fortnox: resource-property /3/vouchers bookkeeping
    wrapper = "Vouchers"


class Accounts(Repository):
    path = "accounts"  # fortnox: resource-property /3/accounts bookkeeping
    wrapper = "Accounts"


class ChartOfAccounts:
    """A local cache, not an API resource; the word "accounts" here names a dict key."""

    def __init__(self) -> None:
        self.data = {"accounts": []}  # fortnox: none name-only

    def names(self) -> list[str]:
        return [a["Description"] for a in self.data["accounts"]]  # fortnox: none name-only
