require "fortnox/api"

class CustomerImport
  def call
    repository = Fortnox::API::Repository::Customer.new  # fortnox: sdk /3/customers customer
    repository.all.each { |customer| Customer.upsert(number: customer.customer_number) }
    Fortnox::API::Repository::Article.new.find(42)  # fortnox: sdk GET /3/articles/{} article
  end
end
