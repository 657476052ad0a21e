import Config

config :sync, :fortnox,
  api_url: System.get_env("FORTNOX_API_URL", "https://api.fortnox.se/3"),
  token: System.get_env("FORTNOX_TOKEN")

config :sync, :webshop, api_url: "https://shop.example.com/api"
