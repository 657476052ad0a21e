# frozen_string_literal: true

require "httparty"
require "faraday"
require "json"

class BooksClient
  include HTTParty
  base_uri "https://api.fortnox.se/3"
  format :json

  def initialize(token)
    @options = { headers: { "Authorization" => "Bearer #{token}", "Content-Type" => "application/json" } }
  end

  def invoices(page: 1)
    self.class.get("/invoices", @options.merge(query: { page: page }))  # fortnox: v3-base GET /3/invoices invoice
  end

  def invoice(number)
    self.class.get("/invoices/#{number}", @options)  # fortnox: v3-base GET /3/invoices/{} invoice
  end

  def create_customer(attrs)
    body = { Customer: attrs }.to_json
    self.class.post "/customers", @options.merge(body: body)  # fortnox: v3-base POST /3/customers customer
  end

  def cancel_offer(number)
    self.class.put("/offers/#{number}/cancel", @options)  # fortnox: v3-base PUT /3/offers/{}/cancel offer
  end
end

class PaymentsFeed
  FORTNOX = "https://api.fortnox.se"

  def initialize(token)
    @conn = Faraday.new(url: FORTNOX) do |f|
      f.request :json
      f.headers["Authorization"] = "Bearer #{token}"
    end
    @bank = Faraday.new(url: "https://bank.example.com/api")
  end

  def payments
    @conn.get("/3/invoicepayments").body  # fortnox: path GET /3/invoicepayments payment
  end

  def register(payment)
    @conn.post("/3/invoicepayments", { InvoicePayment: payment })  # fortnox: path POST /3/invoicepayments payment
  end

  def bank_payments
    @bank.get("invoicepayments").body  # fortnox: none other-api
  end

  def terms
    url = "%s/3/termsofpayments" % FORTNOX  # fortnox: format GET /3/termsofpayments settings
    JSON.parse(Faraday.get(url).body)
  end

  def delivery_terms
    uri = URI("#{FORTNOX}/3/termsofdeliveries")  # fortnox: format GET /3/termsofdeliveries settings
    Net::HTTP.get(uri)
  end
end
