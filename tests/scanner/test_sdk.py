"""Fortnox client libraries: the name -> endpoint data and its use in code."""

from linter.scanner.sdk import load_sdks


def test_every_sdk_name_maps_to_an_endpoint_the_catalog_knows(catalog):
    unknown = [(sdk.id, name, path) for sdk in load_sdks() for name, path in sdk.names.items()
               if catalog.match(path) is None]
    assert unknown == []
    assert [sdk.id for sdk in load_sdks()] == [
        "fortnox-dotnet-sdk", "zenta-fortnox-net", "fortnox-api-ruby", "fortnox-php-api-client"]


def test_every_action_suffix_exists_for_at_least_one_resource(catalog):
    for sdk in load_sdks():
        for action, (_verb, suffix) in sdk.actions.items():
            if suffix:
                assert any(catalog.match(path + suffix) for path in sdk.names.values()), (sdk.id, action)


def test_dotnet_connectors_with_their_actions(uses):
    files = {"Sync.cs": '''\
        using Fortnox.SDK;
        class Sync {
          async Task Go(FortnoxClient c) {
            await c.InvoiceConnector.BookkeepAsync(1);
            await c.CustomerConnector.FindAsync(null);
            var a = new ArticleConnector();
            await c.CompanyInformationConnector.GetAsync();
          }
        }
        '''}
    assert uses(files) == [
        ("Sync.cs", 4, 13, "PUT", "/3/invoices/{}/bookkeep", "sdk", "high"),
        ("Sync.cs", 5, 13, "GET", "/3/customers", "sdk", "high"),
        ("Sync.cs", 6, 17, None, "/3/articles", "sdk", "high"),
        ("Sync.cs", 7, 13, "GET", "/3/companyinformation", "sdk", "high"),
    ]


def test_sdk_names_need_the_library_in_the_file(uses):
    files = {"Mail.cs": "class Mailer { void Go() { new InvoiceConnector().Send(); } }\n"}
    assert uses(files) == []


def test_ruby_gem_repositories_and_php_generated_client(uses):
    files = {
        "import.rb": "require 'fortnox/api'\nFortnox::API::Repository::Order.new.all\nFortnox::API::Model::Order.new\n",
        "sync.php": "<?php\nuse FortnoxApi\\Api\\CustomersResourceApi;\n$api = new CustomersResourceApi($c);\n",
    }
    assert uses(files) == [
        ("import.rb", 2, 27, "GET", "/3/orders", "sdk", "high"),
        ("sync.php", 3, 12, None, "/3/customers", "sdk", "high"),
    ]


def test_the_sdk_table_reads_the_same_with_libyaml_or_without():
    import yaml

    from linter.resources import data_dir

    text = (data_dir() / "sdk.yaml").read_text(encoding="utf-8")
    assert yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) == yaml.safe_load(text)
