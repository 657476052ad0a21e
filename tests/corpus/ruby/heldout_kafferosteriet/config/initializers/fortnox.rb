# frozen_string_literal: true

# Fortnox REST API. The access token is rotated by the OAuth refresh job and
# cached under "fortnox/access_token"; FORTNOX_ACCESS_TOKEN is the bootstrap value.
FORTNOX_HOST = ENV.fetch("FORTNOX_HOST", "https://api.fortnox.se").freeze
FORTNOX_API_URL = "#{FORTNOX_HOST}/3".freeze

Rails.application.config.x.fortnox.client_id = ENV["FORTNOX_CLIENT_ID"]
Rails.application.config.x.fortnox.default_stock_point = ENV.fetch("FORTNOX_STOCK_POINT", "ROST")
