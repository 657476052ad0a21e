def test_legacy_paths_are_reported(project):
    files = {"fortnox.yaml": "scopes: [connectfile, supplierinvoice]\n",
             "a.cs": 'var a = await client.GetAsync("https://api.fortnox.se/3/invoicefileconnections/" + id);\n'
                     'var b = await client.GetAsync("/3/supplierinvoiceurlconnections");\n'}
    assert project(files, "deprecated-endpoint") == [
        ("deprecated-endpoint", "a.cs", 1, 31),
        ("deprecated-endpoint", "a.cs", 2, 31),
    ]


def test_current_paths_are_not(project):
    files = {"fortnox.yaml": "scopes: [connectfile]\n",
             "a.cs": 'var a = await client.GetAsync("/3/articlefileconnections");\n'}
    assert project(files, "deprecated-endpoint") == []
