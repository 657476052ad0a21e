require "net/http"
require "json"
require "uri"

module LedgerExport
  FORTNOX_API = "https://api.fortnox.se/3".freeze

  def self.get(path, token)
    uri = URI.join(FORTNOX_API + "/", path)
    req = Net::HTTP::Get.new(uri)
    req["Authorization"] = "Bearer #{token}"
    Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| JSON.parse(http.request(req).body) }
  end

  def self.accounts(token)
    get("accounts", token)["Accounts"]  # fortnox: v3-base /3/accounts bookkeeping
  end

  def self.financial_year(token, date)
    get("financialyears?date=#{date}", token)  # fortnox: v3-base /3/financialyears bookkeeping
  end

  def self.post_voucher(token, voucher)
    uri = URI("#{FORTNOX_API}/vouchers")  # fortnox: format POST /3/vouchers bookkeeping
    req = Net::HTTP::Post.new(uri, "Content-Type" => "application/json")
    req["Authorization"] = "Bearer #{token}"
    req.body = { Voucher: voucher }.to_json
    Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
  end
end
