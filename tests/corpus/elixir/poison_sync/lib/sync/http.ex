defmodule Sync.Http do
  @moduledoc "Thin wrapper around HTTPoison for the ledger."

  defp api_url, do: Application.fetch_env!(:sync, :fortnox)[:api_url]

  defp headers do
    token = Application.fetch_env!(:sync, :fortnox)[:token]
    [{"Authorization", "Bearer #{token}"}, {"Content-Type", "application/json"}]
  end

  def get(path) do
    HTTPoison.get!(api_url() <> path, headers()) |> decode()
  end

  def post(path, body) do
    HTTPoison.post!(api_url() <> path, Jason.encode!(body), headers()) |> decode()
  end

  defp decode(%HTTPoison.Response{body: body}), do: Jason.decode!(body)
end
