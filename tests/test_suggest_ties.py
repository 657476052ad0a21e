from linter.suggest import did_you_mean


def test_ties_go_to_the_smaller_name():
    # FNX02 is as close to FNX002 as to FNX302; the core rule is the likelier meaning.
    assert did_you_mean("FNX02", ["FNX302", "FNX002", "FNX102"]) == "FNX002"
    assert did_you_mean("FNX02", ["FNX002", "FNX302"]) == "FNX002"


def test_the_closest_name_still_wins_and_far_names_do_not_match():
    assert did_you_mean("custumer", ["customer", "costcenter", "currency"]) == "customer"
    assert did_you_mean("Invoice", ["invoice"]) == "invoice"
    assert did_you_mean("zzz", ["invoice", "order"]) is None
