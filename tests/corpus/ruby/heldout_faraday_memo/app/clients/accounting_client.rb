class AccountingClient
  def initialize(token)
    @token = token
  end

  def customers(page = 1)
    connection.get("customers", page: page).body  # fortnox: v3-base GET /3/customers customer
  end

  def create_invoice(invoice)
    connection.post("invoices") do |req|  # fortnox: v3-base POST /3/invoices invoice
      req.body = { Invoice: invoice }.to_json
    end
  end

  private

  def connection
    @connection ||= Faraday.new(url: ENV.fetch("FORTNOX_URL", "https://api.fortnox.se/3")) do |f|
      f.request :authorization, "Bearer", @token
      f.response :json
    end
  end
end
