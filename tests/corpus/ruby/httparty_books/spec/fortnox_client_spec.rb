require "webmock/rspec"

RSpec.describe BooksClient do
  it "lists invoices" do
    stub_request(:get, "https://api.fortnox.se/3/invoices").to_return(body: "{}")  # fortnox: none test
  end
end
