import Config

config :books, fortnox_url: "https://api.fortnox.se/3"
config :books, Books.Mailer, adapter: Swoosh.Adapters.Local
