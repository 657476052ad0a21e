defmodule SurdegWeb.Router do
  use SurdegWeb, :router

  import SurdegWeb.UserAuth

  pipeline :browser do
    plug :accepts, ["html"]
    plug :fetch_session
    plug :fetch_live_flash
    plug :put_root_layout, html: {SurdegWeb.Layouts, :root}
    plug :protect_from_forgery
    plug :put_secure_browser_headers
    plug :fetch_current_user
  end

  pipeline :api do
    plug :accepts, ["json"]
    plug SurdegWeb.Plugs.VerifyShopSignature
  end

  scope "/", SurdegWeb do
    pipe_through [:browser, :require_authenticated_user]

    get "/", DashboardController, :index
    get "/customers", CustomerController, :index # fortnox: none own-route
    resources "/invoices", InvoiceController, only: [:index, :show] # fortnox: none own-route
    live "/planning", PlanningLive, :index
  end

  scope "/webhooks", SurdegWeb do
    pipe_through :api

    post "/order-paid", OrderWebhookController, :create
  end

  if Application.compile_env(:surdeg, :dev_routes) do
    import Phoenix.LiveDashboard.Router

    scope "/dev" do
      pipe_through :browser
      live_dashboard "/dashboard", metrics: SurdegWeb.Telemetry
    end
  end
end
