require "net/http"
require "json"

module Ledger
  API_ROOT = ENV.fetch("LEDGER_API_ROOT", "https://api.fortnox.se/3")

  class Base
    def self.all(token)
      uri = URI("#{API_ROOT}/#{self::PATH}")
      request = Net::HTTP::Get.new(uri)
      request["Authorization"] = "Bearer #{token}"
      response = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(request) }
      JSON.parse(response.body)
    end
  end
end
