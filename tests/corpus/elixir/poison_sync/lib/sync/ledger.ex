defmodule Sync.Ledger do
  alias Sync.Http

  @series "A"

  def vouchers(year), do: Http.get("/vouchers?financialyear=#{year}")  # fortnox: cross-file GET /3/vouchers bookkeeping

  def series, do: Http.get("/voucherseries/" <> @series)  # fortnox: cross-file GET /3/voucherseries/A bookkeeping

  def post_voucher(voucher) do
    Http.post("/vouchers", %{"Voucher" => voucher})  # fortnox: cross-file POST /3/vouchers bookkeeping
  end

  def accounts do
    "/accounts"  # fortnox: cross-file GET /3/accounts bookkeeping
    |> Http.get()
    |> Map.get("Accounts", [])
  end

  def shop_orders do
    HTTPoison.get!("https://shop.example.com/api/orders")  # fortnox: none other-api
  end
end
