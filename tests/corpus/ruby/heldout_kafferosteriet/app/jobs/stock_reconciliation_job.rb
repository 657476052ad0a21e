# frozen_string_literal: true

require "net/http"
require "json"

# Nightly: counts roasted-bean stock in the web shop against Fortnox Lager and
# books the difference as a stocktaking in the roastery stock point.
class StockReconciliationJob < ApplicationJob
  queue_as :low

  def perform(stock_point_code = Rails.configuration.x.fortnox.default_stock_point)
    stock_point = get_json(URI.join(FORTNOX_HOST, "/api/warehouse/stockpoints-v1")) # fortnox: host-base GET /api/warehouse/stockpoints-v1 warehouse
                  .find { |sp| sp["code"] == stock_point_code }
    raise ArgumentError, "unknown stock point #{stock_point_code}" unless stock_point

    shop_levels = shopify_levels
    rows = active_stock_articles.filter_map do |article|
      counted = shop_levels[article["ArticleNumber"]]
      next if counted.nil? || counted.to_d == article["QuantityInStock"].to_d

      { itemId: article["ArticleNumber"], stockLocationId: nil, quantity: counted }
    end
    return if rows.empty?

    stocktaking = post_json(URI("#{FORTNOX_HOST}/api/warehouse/stocktaking-v1"), { # fortnox: cross-file POST /api/warehouse/stocktaking-v1 warehouse
      stockPointId: stock_point["id"],
      description: "Webshop reconciliation #{Date.current.iso8601}",
    })
    id = stocktaking.fetch("id")

    post_json(URI("#{FORTNOX_HOST}/api/warehouse/stocktaking-v1/#{id}/rows"), rows) # fortnox: format POST /api/warehouse/stocktaking-v1/{}/rows warehouse
    put_json(URI("#{FORTNOX_HOST}/api/warehouse/stocktaking-v1/#{id}/release")) # fortnox: format PUT /api/warehouse/stocktaking-v1/{}/release warehouse
  end

  private

  def active_stock_articles
    page = 1
    articles = []
    loop do
      body = get_json(URI("https://api.fortnox.se/3/articles?filter=active&limit=500&page=#{page}")) # fortnox: url GET /3/articles article
      articles.concat(body.fetch("Articles").select { |a| a["StockGoods"] })
      break if page >= body.dig("MetaInformation", "@TotalPages").to_i

      page += 1
    end
    articles
  end

  def shopify_levels
    uri = URI("https://#{ENV.fetch('SHOPIFY_SHOP')}.myshopify.com/admin/api/2024-07/inventory_levels.json?location_ids=#{ENV.fetch('SHOPIFY_LOCATION_ID')}") # fortnox: none other-api
    req = Net::HTTP::Get.new(uri, "X-Shopify-Access-Token" => ENV.fetch("SHOPIFY_TOKEN"))
    body = JSON.parse(http_call(uri, req))
    body.fetch("inventory_levels").to_h { |level| [sku_for(level["inventory_item_id"]), level["available"]] }
  end

  def sku_for(inventory_item_id)
    ShopVariant.find_by!(inventory_item_id: inventory_item_id).sku
  end

  def get_json(uri)
    JSON.parse(http_call(uri, Net::HTTP::Get.new(uri, fortnox_headers)))
  end

  def post_json(uri, payload)
    req = Net::HTTP::Post.new(uri, fortnox_headers)
    req.body = payload.to_json
    JSON.parse(http_call(uri, req))
  end

  def put_json(uri, payload = nil)
    req = Net::HTTP::Put.new(uri, fortnox_headers)
    req.body = payload.to_json if payload
    body = http_call(uri, req)
    body.present? ? JSON.parse(body) : {}
  end

  def fortnox_headers
    {
      "Authorization" => "Bearer #{Fortnox::Api.access_token}",
      "Content-Type" => "application/json",
      "Accept" => "application/json",
    }
  end

  def http_call(uri, request)
    response = Net::HTTP.start(uri.host, uri.port, use_ssl: true, read_timeout: 30) { |http| http.request(request) }
    raise "HTTP #{response.code} from #{uri.host}: #{response.body}" unless response.is_a?(Net::HTTPSuccess)

    response.body
  end
end
