defmodule Books.Suppliers do
  use Tesla

  plug Tesla.Middleware.BaseUrl, Application.compile_env(:books, :fortnox_url, "https://api.fortnox.se/3")
  plug Tesla.Middleware.JSON

  def list, do: get("/suppliers")  # fortnox: v3-base GET /3/suppliers supplier

  def create(supplier), do: post("/suppliers", %{"Supplier" => supplier})  # fortnox: v3-base POST /3/suppliers supplier

  def invoices(number) do
    get(~s(/supplierinvoices?filter=unpaid&suppliernumber=#{number}))  # fortnox: v3-base GET /3/supplierinvoices supplierinvoice
  end
end
