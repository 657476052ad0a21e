# frozen_string_literal: true

require "httparty"

# Turns a paid subscription renewal (coffee box) into a booked invoice in Fortnox
# and registers the card payment against it.
class InvoiceSyncService
  CARD_PAYMENT_MODE = "KK"
  SUBSCRIPTION_ARTICLE = "PREN-BOX"

  def self.call(renewal)
    new(renewal).call
  end

  # Wholesale orders are entered by hand in Fortnox and shipped by the roastery;
  # once shipped they only need invoicing.
  def self.invoice_pending_orders!(api: Fortnox::Api)
    api.list(:orders, filter: "invoicenotcreated").each do |order|
      api.put("orders/#{order.fetch('DocumentNumber')}/createinvoice") # fortnox: format PUT /3/orders/{}/createinvoice order
    end
  end

  def initialize(renewal, api: Fortnox::Api)
    @renewal = renewal
    @api = api
  end

  def call
    customer = ensure_customer!
    invoice = @api.create(:invoices, invoice_attributes(customer))
    number = invoice.fetch("DocumentNumber")

    @api.put("invoices/#{number}/bookkeep") # fortnox: format PUT /3/invoices/{}/bookkeep invoice
    Rails.logger.info("[billing] renewal #{@renewal.id}: booked via PUT https://api.fortnox.se/3/invoices/#{number}/bookkeep") # fortnox: none log

    register_payment(number, invoice.fetch("Total"))
    @renewal.update!(fortnox_invoice_number: number, synced_at: Time.current)
    invoice
  end

  private

  def ensure_customer!
    account = @renewal.account
    if account.fortnox_customer_number.present?
      return @api.get("customers/#{account.fortnox_customer_number}").fetch("Customer") # fortnox: format GET /3/customers/{} customer
    end

    customer = @api.create(:customers, {
      Name: account.company_name.presence || account.contact_name,
      OrganisationNumber: account.org_number,
      Email: account.billing_email,
      Address1: account.street,
      ZipCode: account.zip,
      City: account.city,
    })
    account.update!(fortnox_customer_number: customer.fetch("CustomerNumber"))
    customer
  end

  def invoice_attributes(customer)
    {
      CustomerNumber: customer.fetch("CustomerNumber"),
      InvoiceDate: @renewal.paid_at.to_date.iso8601,
      YourOrderNumber: @renewal.stripe_invoice_id,
      InvoiceRows: [
        { ArticleNumber: SUBSCRIPTION_ARTICLE, DeliveredQuantity: @renewal.boxes, Price: @renewal.unit_price },
      ],
    }
  end

  def register_payment(invoice_number, amount)
    payment = @api.post("invoicepayments", { # fortnox: helper POST /3/invoicepayments payment
      InvoicePayment: {
        InvoiceNumber: invoice_number,
        Amount: amount,
        PaymentDate: stripe_paid_date.iso8601,
        ModeOfPayment: CARD_PAYMENT_MODE,
      },
    }).fetch("InvoicePayment")

    @api.put("invoicepayments/#{payment.fetch('Number')}/bookkeep") # fortnox: format PUT /3/invoicepayments/{}/bookkeep payment
  end

  def stripe_paid_date
    response = HTTParty.get(
      "https://api.stripe.com/v1/invoices/#{@renewal.stripe_invoice_id}", # fortnox: none other-api
      basic_auth: { username: ENV.fetch("STRIPE_SECRET_KEY"), password: "" },
    )
    Time.zone.at(response.parsed_response.dig("status_transitions", "paid_at")).to_date
  end
end
