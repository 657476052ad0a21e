defmodule Surdeg.Payroll do
  @moduledoc """
  Pushes the bakers' clocked hours from the punch clock into payroll as
  attendance transactions, once per month.
  """

  require Logger

  defp req do
    cfg = Application.fetch_env!(:surdeg, :fortnox)
    Req.new(auth: {:bearer, cfg[:access_token]}, retry: :transient, headers: [accept: "application/json"])
  end

  defp base, do: Application.fetch_env!(:surdeg, :fortnox)[:base_url]

  def employees do
    Req.get!(req(), url: "https://api.fortnox.se/3/employees").body["EmployeeListItems"] # fortnox: url GET /3/employees salary
  end

  def employee(employee_id) do
    Req.get!(req(), url: "#{base()}/employees/#{employee_id}").body["Employee"] # fortnox: format GET /3/employees/{} salary
  end

  @doc "`entries` is a list of %{employee_id, date, hours, cause, project} maps from the punch clock."
  def export_month(entries) do
    active = employees() |> Enum.reject(& &1["Inactive"]) |> MapSet.new(& &1["EmployeeId"])

    entries
    |> Enum.filter(&MapSet.member?(active, &1.employee_id))
    |> Enum.map(fn entry ->
      Req.post!(req(),
        url: base() <> "/attendancetransactions", # fortnox: v3-base POST /3/attendancetransactions salary
        json: %{
          "AttendanceTransaction" => %{
            "EmployeeId" => entry.employee_id,
            "Date" => Date.to_iso8601(entry.date),
            "CauseCode" => entry.cause || "TID",
            "Hours" => entry.hours,
            "Project" => entry.project
          }
        }
      )
    end)
    |> Enum.map(& &1.body["AttendanceTransaction"]["Id"])
  end

  @doc "Undo an export run, e.g. when the punch clock data was corrected afterwards."
  def revert(transaction_ids) do
    Enum.each(transaction_ids, fn id ->
      %Req.Response{status: status} = Req.delete!(req(), url: "#{base()}/attendancetransactions/#{id}") # fortnox: format DELETE /3/attendancetransactions/{} salary
      Logger.info("removed attendance transaction #{id} (#{status})")
    end)
  end

  def employee_name(employee_id) do
    e = employee(employee_id)
    "#{e["FirstName"]} #{e["LastName"]}"
  end
end
