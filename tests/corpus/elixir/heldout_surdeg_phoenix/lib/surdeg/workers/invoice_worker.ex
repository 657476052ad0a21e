defmodule Surdeg.Workers.InvoiceWorker do
  @moduledoc """
  Turns a paid webshop order into a booked customer invoice with its payment.
  Enqueued by `SurdegWeb.OrderWebhookController`.
  """

  use Oban.Worker, queue: :fortnox, max_attempts: 10, unique: [period: 300, keys: [:order_id]]

  require Logger
  alias Surdeg.Fortnox.Client

  @impl Oban.Worker
  def perform(%Oban.Job{args: %{"order_id" => order_id}}) do
    with {:ok, order} <- fetch_shop_order(order_id),
         :ok <- check_stock(order["lines"]),
         {:ok, customer} <- ensure_customer(order["customer"]),
         {:ok, rows} <- invoice_rows(order["lines"]),
         {:ok, %{"Invoice" => invoice}} <- Client.create_invoice(build_invoice(order, customer, rows)),
         number = invoice["DocumentNumber"],
         {:ok, _} <- Client.bookkeep_invoice(number),
         {:ok, _} <- register_payment(number, order["payment"]) do
      Logger.info("order #{order_id} booked: PUT https://api.fortnox.se/3/invoices/#{number}/bookkeep ok") # fortnox: none log

      :telemetry.execute([:surdeg, :export], %{count: 1}, %{document: "invoices"}) # fortnox: none label
      :ok
    end
  end

  defp fetch_shop_order(order_id) do
    shop = Application.fetch_env!(:surdeg, :webshop)

    case Req.get("#{shop[:base_url]}/api/orders/#{order_id}", headers: [{"x-api-key", shop[:api_key]}]) do # fortnox: none other-api
      {:ok, %Req.Response{status: 200, body: order}} -> {:ok, order}
      {:ok, %Req.Response{status: status}} -> {:error, "webshop answered #{status}"}
      {:error, exception} -> {:error, exception}
    end
  end

  defp check_stock(lines) do
    with {:ok, balances} <- Client.stock_balance(Enum.map(lines, & &1["sku"])) do
      available = Map.new(balances, &{&1["itemId"], &1["availableStock"]})

      case Enum.reject(lines, &(Map.get(available, &1["sku"], 0) >= &1["qty"])) do
        [] -> :ok
        short ->
          Logger.warning("waiting for stock: #{inspect(Enum.map(short, & &1["sku"]))}")
          {:snooze, 3600}
      end
    end
  end

  defp ensure_customer(%{"email" => email} = c) do
    case Client.find_customer_by_email(email) do
      {:ok, nil} ->
        Client.create_customer(%{
          "Name" => c["name"],
          "Email" => email,
          "Address1" => c["street"],
          "ZipCode" => c["zip"],
          "City" => c["city"],
          "Type" => if(c["org_number"], do: "COMPANY", else: "PRIVATE"),
          "OrganisationNumber" => c["org_number"]
        })

      other ->
        other
    end
  end

  defp invoice_rows(lines) do
    lines
    |> Enum.reduce_while({:ok, []}, fn line, {:ok, acc} ->
      case Client.get("/articles/#{URI.encode(line["sku"])}") do # fortnox: cross-file GET /3/articles/{} article
        {:ok, %{"Article" => article}} ->
          row = %{
            "ArticleNumber" => article["ArticleNumber"],
            "DeliveredQuantity" => line["qty"],
            "Price" => line["unit_price"]
          }

          {:cont, {:ok, [row | acc]}}

        {:error, _} = error ->
          {:halt, error}
      end
    end)
    |> case do
      {:ok, rows} -> {:ok, Enum.reverse(rows)}
      error -> error
    end
  end

  defp build_invoice(order, customer, rows) do
    %{
      "CustomerNumber" => customer["CustomerNumber"],
      "YourOrderNumber" => to_string(order["id"]),
      "InvoiceDate" => Date.to_iso8601(Date.utc_today()),
      "InvoiceRows" => rows
    }
  end

  defp register_payment(number, %{"method" => "card", "amount" => amount, "paid_at" => paid_at}) do
    mode = Application.fetch_env!(:surdeg, :fortnox)[:card_payment_mode]

    Client.post("/invoicepayments", %{ # fortnox: cross-file POST /3/invoicepayments payment
      "InvoicePayment" => %{
        "InvoiceNumber" => String.to_integer(to_string(number)),
        "Amount" => amount,
        "PaymentDate" => String.slice(paid_at, 0, 10),
        "ModeOfPayment" => mode
      }
    })
  end

  defp register_payment(_number, _payment), do: {:ok, :invoice_left_open}
end
