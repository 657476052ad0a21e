"""Bases the way working code writes them: trimmed of a trailing slash, memoised, returned by a
function, behind a fallback, or set up in another file and reached through the helpers around it.
Each form here was missed by the second blind round of the corpus (tests/heldout)."""

from __future__ import annotations


def test_a_fallback_after_or_is_one_of_the_values(uses):
    files = {"app.py": 'import requests\nFALLBACK = None\nBASE = FALLBACK or "https://api.fortnox.se/3"\n'
                       'requests.get(BASE + "/customers")\n'}
    assert uses(files) == [("app.py", 4, 21, "GET", "/3/customers", "concatenation", "high")]


def test_a_trim_function_returns_its_first_argument(uses):
    files = {
        "app.php": "<?php\n$base = rtrim(getenv('FORTNOX_URL') ?: 'https://api.fortnox.se/3/', '/');\n"
                   "$client->get($base . '/orders');\n",
        "main.go": 'package main\nvar host = strings.TrimRight(getenv("FORTNOX_HOST", "https://api.fortnox.se"), "/")\n'
                   'func list() { http.Get(host + "/3/articles") }\n',
    }
    assert uses(files) == [
        ("app.php", 3, 22, "GET", "/3/orders", "concatenation", "high"),
        ("main.go", 3, 31, "GET", "/3/articles", "concatenation", "high"),
    ]


def test_a_method_without_parentheses_after_a_call_is_its_receiver(uses):
    files = {"sync.rb": 'BASE = ENV.fetch("FORTNOX_URL", "https://api.fortnox.se/3").freeze\n'
                        'HTTParty.get("#{BASE}/invoices")\n'}
    assert uses(files) == [("sync.rb", 2, 14, "GET", "/3/invoices", "interpolation", "high")]


def test_a_memoised_client_is_the_client(uses):
    files = {"api.js": "let client;\nfunction api() {\n"
                       '  client ??= axios.create({ baseURL: "https://api.fortnox.se/3" });\n  return client;\n}\n'
                       'export const orders = () => client.get("/orders");\n'}
    assert uses(files) == [("api.js", 6, 40, "GET", "/3/orders", "client-base", "high")]


def test_a_function_returning_a_base_is_a_base_in_other_files(uses):
    files = {
        "config.go": 'package main\ntype Config struct{ APIHost string }\n'
                     'func Load() Config {\n\treturn Config{APIHost: getenv("FORTNOX_API_HOST", "https://api.fortnox.se")}\n}\n'
                     'func (c Config) APIBase() string {\n\treturn c.APIHost + "/3"\n}\n',
        "sync.go": 'package main\nfunc push(cfg Config) {\n\thttp.Post(cfg.APIBase()+"/vouchers", "application/json", nil)\n}\n',
    }
    assert uses(files) == [("sync.go", 3, 26, "POST", "/3/vouchers", "cross-file-base", "medium")]


def test_helpers_around_a_base_named_in_a_settings_module(uses):
    files = {
        "settings.py": 'import os\nFORTNOX_API_URL = os.environ.get("FORTNOX_API_URL", "https://api.fortnox.se/3")\n',
        "client.py": "import requests\nimport settings\n\n\nclass Client:\n"
                     "    def __init__(self, base_url=None):\n"
                     '        self.base_url = (base_url or settings.FORTNOX_API_URL).rstrip("/")\n\n'
                     "    def _request(self, method, path):\n"
                     '        return requests.request(method, f"{self.base_url}{path}")\n\n'
                     "    def get(self, path):\n        return self._request(\"GET\", path)\n\n"
                     "    def paginate(self, path):\n        return self.get(path)\n\n\n"
                     "def make_client():\n    return Client()\n",
        "tasks.py": 'from client import make_client\n\nclient = make_client()\nclient.paginate("/articles")\n',
    }
    assert uses(files) == [("tasks.py", 4, 17, None, "/3/articles", "cross-file-helper", "medium")]


def test_helpers_around_a_client_whose_base_is_set_elsewhere(uses):
    # Rails: the base in an initializer, the client in a module that services name as Fortnox::Api
    files = {
        "config/initializers/fortnox.rb": 'FORTNOX_HOST = ENV.fetch("FORTNOX_HOST", "https://api.fortnox.se").freeze\n'
                                          'FORTNOX_API_URL = "#{FORTNOX_HOST}/3".freeze\n',
        "app/lib/fortnox/api.rb": "module Fortnox\n  module Api\n    module_function\n\n"
                                  "    def connection\n      @connection ||= Faraday.new(url: FORTNOX_API_URL)\n    end\n\n"
                                  "    def request(method, path)\n      connection.run_request(method, path, nil, {})\n    end\n\n"
                                  "    def put(path)\n      request(:put, path)\n    end\n  end\nend\n",
        "app/services/sync.rb": "class Sync\n  def initialize(api: Fortnox::Api)\n    @api = api\n  end\n\n"
                                '  def call(number)\n    @api.put("invoices/#{number}/bookkeep")\n  end\nend\n',
    }
    assert uses(files) == [("app/services/sync.rb", 7, 14, "PUT", "/3/invoices/{}/bookkeep", "cross-file-helper",
                            "medium")]


def test_helpers_of_a_client_whose_base_a_function_of_another_file_returns(uses):
    files = {
        "config.go": 'package main\ntype Config struct{ APIHost string }\n'
                     'func Load() Config {\n'
                     '\treturn Config{APIHost: strings.TrimRight(getenv("FORTNOX_API_HOST", "https://api.fortnox.se"), "/")}\n'
                     '}\nfunc (c Config) APIBase() string {\n\treturn c.APIHost + "/3"\n}\n',
        "client.go": "package main\ntype Client struct{ baseURL string }\n"
                     "func NewClient(cfg Config) *Client {\n\treturn &Client{baseURL: cfg.APIBase()}\n}\n"
                     "func (c *Client) do(method, path string) error {\n"
                     "\treq, _ := http.NewRequest(method, c.baseURL+path, nil)\n\t_, err := http.DefaultClient.Do(req)\n"
                     "\treturn err\n}\n"
                     'func (c *Client) Customer(n string) error {\n\treturn c.do(http.MethodGet, "/customers/"+n)\n}\n',
    }
    assert uses(files) == [("client.go", 12, 30, "GET", "/3/customers/{}", "cross-file-helper", "medium")]


def test_a_client_made_by_new_with_its_base_as_the_only_argument(uses):
    files = {"books.rb": 'conn = Faraday.new("https://api.fortnox.se/3/")\nconn.get("articles")\n'}
    assert uses(files) == [("books.rb", 2, 10, "GET", "/3/articles", "client-base", "high")]


def test_a_base_name_shared_by_two_services_is_told_apart_by_its_section(uses):
    files = {
        "config.ts": "export const config = {\n"
                     "  fortnox: { apiUrl: process.env.FORTNOX_API_URL ?? 'https://api.fortnox.se/3' },\n"
                     "  shop: { apiUrl: process.env.SHOP_API_URL ?? 'https://shop.example.com/api' },\n};\n",
        "jobs.ts": "import { config } from './config';\n"
                   "const books = axios.create({ baseURL: config.fortnox.apiUrl });\n"
                   "const shop = axios.create({ baseURL: config.shop.apiUrl });\n"
                   "books.get('/orders');\nshop.patch(`/orders/${id}`);\n"
                   "axios.put(config.shop.apiUrl + `/orders/${id}`);\n",
    }
    assert uses(files) == [("jobs.ts", 4, 11, "GET", "/3/orders", "cross-file-base", "high")]
