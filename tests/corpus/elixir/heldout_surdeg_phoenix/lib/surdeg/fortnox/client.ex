defmodule Surdeg.Fortnox.Client do
  @moduledoc """
  Small Req wrapper for the accounting API. All paths are relative to the
  configured `:base_url`; `get/2`, `post/2` and `put/2` return `{:ok, body}` or
  `{:error, reason}`.
  """

  require Logger

  @retry_statuses [429, 500, 502, 503, 504]

  def new(opts \\ []) do
    cfg = Application.fetch_env!(:surdeg, :fortnox)

    Req.new(
      base_url: Keyword.fetch!(cfg, :base_url),
      auth: {:bearer, Keyword.fetch!(cfg, :access_token)},
      headers: [accept: "application/json"],
      retry: &retry?/2,
      max_retries: 4,
      retry_delay: fn attempt -> Integer.pow(2, attempt) * 500 end
    )
    |> Req.merge(opts)
  end

  # The API answers 429 above 25 requests / 5 s per token, e.g. when the nightly
  # sync pages through GET https://api.fortnox.se/3/articles?page=N at full speed. # fortnox: none comment
  defp retry?(_request, %Req.Response{status: status}), do: status in @retry_statuses
  defp retry?(_request, _exception), do: true

  def get(path, params \\ []), do: request(:get, path, params: params)
  def post(path, body), do: request(:post, path, json: body)
  def put(path, body \\ nil), do: request(:put, path, if(body, do: [json: body], else: []))
  def delete(path), do: request(:delete, path, [])

  defp request(method, path, opts) do
    case Req.request(new(), [method: method, url: path] ++ opts) do
      {:ok, %Req.Response{status: status, body: body}} when status in 200..299 ->
        {:ok, body}

      {:ok, %Req.Response{status: status, body: body}} ->
        Logger.warning("accounting API #{method} #{path} -> #{status}: #{inspect(body)}")
        {:error, {status, body}}

      {:error, exception} ->
        {:error, exception}
    end
  end

  def find_customer_by_email(email) do
    with {:ok, %{"Customers" => customers}} <- get("/customers", email: email) do # fortnox: helper GET /3/customers customer
      {:ok, List.first(customers)}
    end
  end

  def create_customer(attrs) do
    with {:ok, %{"Customer" => customer}} <- post("/customers", %{"Customer" => attrs}) do # fortnox: helper POST /3/customers customer
      {:ok, customer}
    end
  end

  def create_invoice(invoice), do: post("/invoices", %{"Invoice" => invoice}) # fortnox: helper POST /3/invoices invoice

  def bookkeep_invoice(document_number), do: put("/invoices/#{document_number}/bookkeep") # fortnox: format PUT /3/invoices/{}/bookkeep invoice

  @doc "Available stock per item at our stock point (warehouse API lives outside /3)."
  def stock_balance(item_ids) do
    cfg = Application.fetch_env!(:surdeg, :fortnox)

    new()
    |> Req.get(
      url: Keyword.fetch!(cfg, :host) <> "/api/warehouse/status-v1/stockbalance", # fortnox: host-base GET /api/warehouse/status-v1/stockbalance warehouse
      params: [itemIds: Enum.join(item_ids, ","), stockPointCodes: cfg[:stock_point]]
    )
    |> case do
      {:ok, %Req.Response{status: 200, body: balances}} -> {:ok, balances}
      {:ok, %Req.Response{status: status, body: body}} -> {:error, {status, body}}
      {:error, exception} -> {:error, exception}
    end
  end
end
