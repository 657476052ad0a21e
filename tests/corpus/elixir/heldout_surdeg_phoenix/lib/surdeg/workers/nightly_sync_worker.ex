defmodule Surdeg.Workers.NightlySyncWorker do
  @moduledoc """
  Mirrors master data from accounting into our own tables so the admin UI and
  the bakery planning screens never have to wait on the API.
  """

  use Oban.Worker, queue: :fortnox, max_attempts: 3

  require Logger
  alias Surdeg.Fortnox.Client
  alias Surdeg.Mirror

  # resource => {path, collection key in the list response}
  @resources [
    articles: {"/articles", "Articles"}, # fortnox: route-table /3/articles article
    customers: {"/customers", "Customers"}, # fortnox: route-table /3/customers customer
    projects: {"/projects", "Projects"}, # fortnox: route-table /3/projects project
    supplier_invoices: {"/supplierinvoices", "SupplierInvoices"} # fortnox: route-table /3/supplierinvoices supplierinvoice
  ]

  @impl Oban.Worker
  def perform(%Oban.Job{args: args}) do
    only = Map.get(args, "only")

    for {name, {path, key}} <- @resources, only in [nil, Atom.to_string(name)] do
      count =
        path
        |> stream_pages(key)
        |> Stream.each(&Mirror.upsert(name, &1))
        |> Enum.count()

      Logger.info("mirrored #{count} #{name}")
    end

    if only in [nil, "stock_locations"], do: sync_stock_locations()
    :ok
  end

  defp stream_pages(path, key) do
    Stream.resource(
      fn -> 1 end,
      fn
        :done ->
          {:halt, :done}

        page ->
          {:ok, body} = Client.get(path, page: page, limit: 500)
          meta = body["MetaInformation"]
          next = if meta["@CurrentPage"] < meta["@TotalPages"], do: page + 1, else: :done
          {body[key], next}
      end,
      fn _ -> :ok end
    )
  end

  defp sync_stock_locations do
    host = Application.fetch_env!(:surdeg, :fortnox)[:host]
    req = Client.new()

    %Req.Response{body: stock_points} = Req.get!(req, url: "#{host}/api/warehouse/stockpoints-v1", params: [state: "ACTIVE"]) # fortnox: host-base GET /api/warehouse/stockpoints-v1 warehouse

    for %{"id" => id, "code" => code} <- stock_points do
      req
      |> Req.get!(url: "#{host}/api/warehouse/stockpoints-v1/#{id}/stocklocations") # fortnox: format GET /api/warehouse/stockpoints-v1/{}/stocklocations warehouse
      |> Map.fetch!(:body)
      |> Enum.each(&Mirror.upsert(:stock_locations, Map.put(&1, "stockPointCode", code)))
    end
  end
end
