# frozen_string_literal: true

require "faraday"
require "faraday/retry"

module Fortnox
  class Error < StandardError
    attr_reader :status, :body

    def initialize(status, body)
      @status = status
      @body = body
      message = body.is_a?(Hash) ? body.dig("ErrorInformation", "message") : body
      super("Fortnox API error #{status}: #{message}")
    end
  end

  # Thin wrapper around the v3 REST API. Paths are relative to FORTNOX_API_URL
  # (no leading slash, otherwise Faraday drops the /3 prefix).
  module Api
    RESOURCE_PATHS = {
      invoices: "invoices", # fortnox: route-table /3/invoices invoice
      orders: "orders", # fortnox: route-table /3/orders order
      customers: "customers", # fortnox: route-table /3/customers customer
    }.freeze

    module_function

    def connection
      @connection ||= Faraday.new(url: FORTNOX_API_URL) do |f|
        f.request :json
        f.request :retry, max: 3, interval: 1, retry_statuses: [429, 503], methods: %i[get put post]
        f.response :json
        f.headers["Accept"] = "application/json"
      end
    end

    def request(method, path, params: nil, body: nil)
      response = connection.run_request(method, path, body, { "Authorization" => "Bearer #{access_token}" }) do |req|
        req.params.update(params) if params
      end
      raise Error.new(response.status, response.body) unless response.success?

      response.body
    end

    def get(path, params = {})
      request(:get, path, params: params)
    end

    def post(path, body)
      request(:post, path, body: body)
    end

    def put(path, body = nil)
      request(:put, path, body: body)
    end

    def list(resource, params = {})
      get(RESOURCE_PATHS.fetch(resource), params).fetch(resource.to_s.classify.pluralize)
    end

    def create(resource, attributes)
      key = resource.to_s.classify
      post(RESOURCE_PATHS.fetch(resource), key => attributes).fetch(key)
    end

    def access_token
      Rails.cache.fetch("fortnox/access_token") { ENV.fetch("FORTNOX_ACCESS_TOKEN") }
    end
  end
end
