Rails.application.routes.draw do
  resources :invoices
  get "/customers", to: "customers#index"  # fortnox: none own-route
  post "/orders/:id/sync", to: "orders#sync"  # fortnox: none own-route
end
