import Config

if System.get_env("PHX_SERVER") do
  config :surdeg, SurdegWeb.Endpoint, server: true
end

if config_env() == :prod do
  config :surdeg, Surdeg.Repo,
    url: System.fetch_env!("DATABASE_URL"),
    pool_size: String.to_integer(System.get_env("POOL_SIZE", "10"))

  config :surdeg, SurdegWeb.Endpoint,
    url: [host: System.get_env("PHX_HOST", "admin.surdegsbageriet.se"), port: 443, scheme: "https"],
    secret_key_base: System.fetch_env!("SECRET_KEY_BASE")
end

config :surdeg, :fortnox,
  base_url: System.get_env("FORTNOX_BASE_URL", "https://api.fortnox.se/3"),
  host: System.get_env("FORTNOX_HOST", "https://api.fortnox.se"),
  access_token: System.get_env("FORTNOX_ACCESS_TOKEN"),
  stock_point: System.get_env("FORTNOX_STOCK_POINT", "BAGERI"),
  card_payment_mode: System.get_env("FORTNOX_CARD_PAYMENT_MODE", "KORT")

config :surdeg, :webshop,
  base_url: System.get_env("WEBSHOP_URL", "https://shop.surdegsbageriet.se"),
  api_key: System.get_env("WEBSHOP_API_KEY")

config :surdeg, Oban,
  repo: Surdeg.Repo,
  queues: [default: 10, fortnox: 2],
  plugins: [
    {Oban.Plugins.Cron,
     crontab: [
       {"15 2 * * *", Surdeg.Workers.NightlySyncWorker}
     ]}
  ]
