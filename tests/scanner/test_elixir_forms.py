"""Elixir forms a Phoenix app writes its Fortnox calls in: the base read from a config section
(Application.fetch_env!, Keyword.fetch!), a Req client returned by a function, one-line helpers
around it, and route tables of tuples looped over. Each form here was missed by the blind-written
Phoenix project tests/corpus/elixir/heldout_surdeg_phoenix."""

from __future__ import annotations

RUNTIME = ('import Config\n\nconfig :surdeg, :fortnox,\n'
           '  base_url: System.get_env("FORTNOX_BASE_URL", "https://api.fortnox.se/3"),\n'
           '  access_token: System.get_env("FORTNOX_ACCESS_TOKEN")\n\n'
           'config :surdeg, :webshop,\n'
           '  base_url: System.get_env("WEBSHOP_URL", "https://shop.example.se"),\n'
           '  api_key: System.get_env("WEBSHOP_API_KEY")\n')

CLIENT = ('defmodule Surdeg.Fortnox.Client do\n'
          '  def new(opts \\\\ []) do\n'
          '    cfg = Application.fetch_env!(:surdeg, :fortnox)\n'
          '    Req.new(base_url: Keyword.fetch!(cfg, :base_url), auth: {:bearer, Keyword.fetch!(cfg, :access_token)})\n'
          '    |> Req.merge(opts)\n'
          '  end\n\n'
          '  def get(path, params \\\\ []), do: request(:get, path, params: params)\n'
          '  def post(path, body), do: request(:post, path, json: body)\n\n'
          '  defp request(method, path, opts) do\n'
          '    Req.request(new(), [method: method, url: path] ++ opts)\n'
          '  end\n\n'
          '  def create_invoice(invoice), do: post("/invoices", %{"Invoice" => invoice})\n'
          'end\n')


def test_a_function_returning_a_config_key_read_with_a_bang_call(uses):
    files = {
        "config/runtime.exs": RUNTIME,
        "lib/payroll.ex": 'defmodule Payroll do\n'
                          '  defp base, do: Application.fetch_env!(:surdeg, :fortnox)[:base_url]\n\n'
                          '  def employee(id), do: Req.get!(url: "#{base()}/employees/#{id}")\n'
                          '  def add(t), do: Req.post!(url: base() <> "/attendancetransactions", json: t)\n'
                          'end\n',
    }
    assert uses(files) == [
        ("lib/payroll.ex", 4, 39, "GET", "/3/employees/{}", "fortnox-base", "medium"),
        ("lib/payroll.ex", 5, 44, "POST", "/3/attendancetransactions", "fortnox-base", "medium"),
    ]


def test_keyword_fetch_and_index_of_a_local_bound_to_the_config_section(uses):
    files = {
        "config/runtime.exs": RUNTIME,
        "lib/sync.ex": 'defmodule Sync do\n'
                       '  def run do\n'
                       '    cfg = Application.fetch_env!(:surdeg, :fortnox)\n'
                       '    HTTPoison.get!(Keyword.fetch!(cfg, :base_url) <> "/orders")\n'
                       '    HTTPoison.get!(cfg[:base_url] <> "/offers")\n'
                       '    HTTPoison.get!(Keyword.get(cfg, :base_url, "https://api.fortnox.se/3") <> "/accounts")\n'
                       '  end\n'
                       'end\n',
    }
    assert uses(files) == [
        ("lib/sync.ex", 4, 54, "GET", "/3/orders", "fortnox-base", "medium"),
        ("lib/sync.ex", 5, 38, "GET", "/3/offers", "fortnox-base", "medium"),
        ("lib/sync.ex", 6, 79, "GET", "/3/accounts", "concatenation", "high"),
    ]


def test_another_sections_base_url_read_the_same_way_is_not_fortnox(uses):
    files = {
        "config/runtime.exs": RUNTIME,
        "lib/shop.ex": 'defmodule Shop do\n'
                       '  def orders do\n'
                       '    shop = Application.fetch_env!(:surdeg, :webshop)\n'
                       '    Req.get!(Keyword.fetch!(shop, :base_url) <> "/orders")\n'
                       '    Req.get!("#{shop[:base_url]}/invoices")\n'
                       '    Req.get!(Application.fetch_env!(:surdeg, :webshop)[:base_url] <> "/customers")\n'
                       '  end\n'
                       'end\n',
    }
    assert uses(files) == []


def test_helpers_around_a_req_client_returned_by_a_function(uses):
    files = {"config/runtime.exs": RUNTIME, "lib/surdeg/fortnox/client.ex": CLIENT}
    assert uses(files) == [
        ("lib/surdeg/fortnox/client.ex", 15, 41, "POST", "/3/invoices", "cross-file-helper", "medium"),
    ]


def test_those_helpers_called_from_another_module(uses):
    files = {
        "config/runtime.exs": RUNTIME,
        "lib/surdeg/fortnox/client.ex": CLIENT,
        "lib/surdeg/workers/invoice_worker.ex": 'defmodule Surdeg.Workers.InvoiceWorker do\n'
                                                '  alias Surdeg.Fortnox.Client\n\n'
                                                '  def article(sku), do: Client.get("/articles/#{sku}")\n'
                                                'end\n',
    }
    assert uses(files) == [
        ("lib/surdeg/fortnox/client.ex", 15, 41, "POST", "/3/invoices", "cross-file-helper", "medium"),
        ("lib/surdeg/workers/invoice_worker.ex", 4, 36, "GET", "/3/articles/{}", "cross-file-helper", "medium"),
    ]


def test_a_route_table_of_tuples_looped_over_and_piped_to_a_helper(uses):
    files = {
        "config/runtime.exs": RUNTIME,
        "lib/surdeg/fortnox/client.ex": CLIENT,
        "lib/surdeg/workers/sync_worker.ex": 'defmodule Surdeg.Workers.SyncWorker do\n'
                                             '  alias Surdeg.Fortnox.Client\n\n'
                                             '  @resources [\n'
                                             '    articles: {"/articles", "Articles"},\n'
                                             '    projects: {"/projects", "Projects"}\n'
                                             '  ]\n\n'
                                             '  def perform(_job) do\n'
                                             '    for {_name, {path, key}} <- @resources do\n'
                                             '      path |> fetch_all(key)\n'
                                             '    end\n'
                                             '  end\n\n'
                                             '  defp fetch_all(path, key) do\n'
                                             '    {:ok, body} = Client.get(path, limit: 500)\n'
                                             '    body[key]\n'
                                             '  end\n'
                                             'end\n',
    }
    assert uses(files) == [
        ("lib/surdeg/fortnox/client.ex", 15, 41, "POST", "/3/invoices", "cross-file-helper", "medium"),
        ("lib/surdeg/workers/sync_worker.ex", 5, 16, None, "/3/articles", "route-table", "medium"),
        ("lib/surdeg/workers/sync_worker.ex", 6, 16, None, "/3/projects", "route-table", "medium"),
    ]


def test_a_route_table_passed_to_another_services_client_is_not_fortnox(uses):
    files = {
        "config/runtime.exs": RUNTIME,
        "lib/surdeg/fortnox/client.ex": CLIENT,
        "lib/surdeg/shop_sync.ex": 'defmodule Surdeg.ShopSync do\n'
                                   '  @resources [\n'
                                   '    orders: {"/orders", "Orders"},\n'
                                   '    invoices: {"/invoices", "Invoices"}\n'
                                   '  ]\n\n'
                                   '  def perform do\n'
                                   '    for {_name, {path, _key}} <- @resources do\n'
                                   '      path |> fetch_all()\n'
                                   '    end\n'
                                   '  end\n\n'
                                   '  defp fetch_all(path) do\n'
                                   '    shop = Application.fetch_env!(:surdeg, :webshop)\n'
                                   '    Req.get!(Keyword.fetch!(shop, :base_url) <> path)\n'
                                   '  end\n'
                                   'end\n',
    }
    assert uses(files) == [
        ("lib/surdeg/fortnox/client.ex", 15, 41, "POST", "/3/invoices", "cross-file-helper", "medium"),
    ]


def test_a_module_attribute_is_not_the_function_of_the_same_name(uses):
    files = {
        "config/runtime.exs": RUNTIME,
        "lib/ledger.ex": 'defmodule Ledger do\n'
                         '  @series "A"\n\n'
                         '  def series, do: HTTPoison.get!(Application.fetch_env!(:surdeg, :fortnox)[:base_url] '
                         '<> "/voucherseries/" <> @series)\n'
                         'end\n',
    }
    assert uses(files) == [("lib/ledger.ex", 4, 90, "GET", "/3/voucherseries/A", "fortnox-base", "medium")]


def test_helpers_around_a_req_client_of_another_section_are_not_fortnox(uses):
    files = {"config/runtime.exs": RUNTIME,
             "lib/surdeg/shop/client.ex": CLIENT.replace("Fortnox", "Shop").replace(":fortnox", ":webshop")}
    assert uses(files) == []

