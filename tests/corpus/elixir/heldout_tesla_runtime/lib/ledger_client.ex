defmodule LedgerClient do
  def new(token) do
    middleware = [
      {Tesla.Middleware.BaseUrl, "https://api.fortnox.se/3"},
      {Tesla.Middleware.BearerAuth, token: token},
      Tesla.Middleware.JSON
    ]

    Tesla.client(middleware)
  end

  def projects(client), do: Tesla.get(client, "/projects")  # fortnox: v3-base GET /3/projects project

  def create_cost_center(client, cc) do
    Tesla.post(client, "/costcenters", %{"CostCenter" => cc})  # fortnox: v3-base POST /3/costcenters costcenter
  end
end
