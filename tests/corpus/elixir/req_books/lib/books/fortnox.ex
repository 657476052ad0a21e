defmodule Books.Fortnox do
  @moduledoc """
  Client for the Fortnox API. Invoices live at https://api.fortnox.se/3/invoices.
  """

  @base_url "https://api.fortnox.se/3"

  def client(token) do
    Req.new(base_url: @base_url, auth: {:bearer, token})
  end

  def invoices(token) do
    Req.get!(client(token), url: "/invoices").body  # fortnox: v3-base GET /3/invoices invoice
  end

  def customer(token, number) do
    Req.get!(@base_url <> "/customers/" <> number, auth: {:bearer, token}).body  # fortnox: v3-base GET /3/customers/{} customer
  end

  def create_order(token, order) do
    Req.post!(client(token), url: "/orders", json: %{"Order" => order}).body  # fortnox: v3-base POST /3/orders order
  end

  @doc """
  Books an invoice: PUT /3/invoices/{id}/bookkeep.
  """
  def bookkeep(token, id) do
    Req.put!(url: "#{@base_url}/invoices/#{id}/bookkeep", auth: {:bearer, token})  # fortnox: format PUT /3/invoices/{}/bookkeep invoice
  end
end
