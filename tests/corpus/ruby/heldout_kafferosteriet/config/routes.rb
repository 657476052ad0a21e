# frozen_string_literal: true

Rails.application.routes.draw do
  devise_for :users

  root "dashboard#show"

  resources :subscriptions, only: %i[index show update]
  get "/customers", to: "customers#index", as: :customers # fortnox: none own-route
  get "/invoices/:id", to: "invoices#show", as: :invoice # fortnox: none own-route

  namespace :webhooks do
    post "stripe", to: "stripe#create"
    post "shopify", to: "shopify#create"
  end

  get "up" => "rails/health#show", as: :rails_health_check
end
