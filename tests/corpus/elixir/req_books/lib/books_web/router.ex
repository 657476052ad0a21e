defmodule BooksWeb.Router do
  use BooksWeb, :router

  scope "/", BooksWeb do
    pipe_through :browser
    get "/invoices", InvoiceController, :index  # fortnox: none own-route
    post "/orders", OrderController, :create  # fortnox: none own-route
  end
end
