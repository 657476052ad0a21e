def test_unknown_licence_names(project):
    files = {"fortnox.yaml": "scopes: [invoice]\nlicenses: [Kundfaktura, bokföring, Accounting]\n",
             "a.py": 'a = "/3/invoices"\n'}
    assert project(files, "unknown-license") == [
        ("unknown-license", "fortnox.yaml", 2, 25),
        ("unknown-license", "fortnox.yaml", 2, 36),
    ]


def test_known_names_and_aliases(project):
    files = {"fortnox.yaml": "scopes: [invoice]\nlicenses: [Kundfaktura, Lager Plus, Anläggning]\n",
             "a.py": 'a = "/3/invoices"\n'}
    assert project(files, "unknown-license") == []
