defmodule FortnoxSync do
  @api "https://api.fortnox.se"

  def invoice(token, id) do
    HTTPoison.get(@api <> "/3/invoices/" <> id, auth(token))  # fortnox: host-base GET /3/invoices/{} invoice
  end

  def customers(token) do
    {:ok, resp} = HTTPoison.get("#{@api}/3/customers?limit=500", auth(token))  # fortnox: format GET /3/customers customer
    Jason.decode!(resp.body)
  end

  def create_order(token, order) do
    body = Jason.encode!(%{"Order" => order})
    HTTPoison.post(@api <> "/3/orders", body, auth(token))  # fortnox: host-base POST /3/orders order
  end

  defp auth(token), do: [{"Authorization", "Bearer " <> token}]
end
