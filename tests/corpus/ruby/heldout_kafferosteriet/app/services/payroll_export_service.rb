# frozen_string_literal: true

require "httparty"

# Monthly: copies hours from the roastery's time clock into Fortnox payroll
# as attendance transactions (per project) and overtime salary rows.
class PayrollExportService
  include HTTParty

  base_uri "https://api.fortnox.se/3"
  format :json
  headers "Accept" => "application/json", "Content-Type" => "application/json"

  TIMECLOCK_URL = ENV.fetch("TIMECLOCK_URL", "https://tid.kafferosteriet.se")
  OVERTIME_SALARY_CODE = "310"

  def initialize(month)
    @month = month
  end

  def call
    employees = get_json("/employees").fetch("EmployeeListItems") # fortnox: helper GET /3/employees salary
    projects = get_json("/projects", limit: 500).fetch("Projects").index_by { |p| p["Description"] } # fortnox: helper GET /3/projects project

    clocked = HTTParty.get("#{TIMECLOCK_URL}/api/employees/hours", query: { month: @month.strftime("%Y-%m") }) # fortnox: none other-api
    clocked.parsed_response.each do |row|
      employee = employees.find { |e| e["PersonalIdentityNumber"] == row["personnummer"] }
      next if employee.nil? || inactive?(employee.fetch("EmployeeId"))

      row["entries"].each do |entry|
        post_attendance(employee.fetch("EmployeeId"), entry, projects[entry["project"]])
      end
      post_overtime(employee.fetch("EmployeeId"), row["overtime_hours"]) if row["overtime_hours"].to_f.positive?
    end
  end

  private

  def auth_headers
    { "Authorization" => "Bearer #{Fortnox::Api.access_token}" }
  end

  def get_json(path, query = {})
    response = self.class.get(path, headers: auth_headers, query: query)
    raise Fortnox::Error.new(response.code, response.parsed_response) unless response.success?

    response.parsed_response
  end

  def inactive?(employee_id)
    employee = get_json("/employees/#{employee_id}").fetch("Employee") # fortnox: format GET /3/employees/{} salary
    employee["Inactive"] || employee["EmploymentForm"] == "AVA"
  end

  def post_attendance(employee_id, entry, project)
    self.class.post("/attendancetransactions", headers: auth_headers, body: { # fortnox: v3-base POST /3/attendancetransactions salary
      AttendanceTransaction: {
        EmployeeId: employee_id,
        CauseCode: "TID",
        Date: entry["date"],
        Hours: entry["hours"],
        Project: project&.fetch("ProjectNumber"),
      },
    }.to_json)
  end

  def post_overtime(employee_id, hours)
    self.class.post("/salarytransactions", headers: auth_headers, body: { # fortnox: v3-base POST /3/salarytransactions salary
      SalaryTransaction: {
        EmployeeId: employee_id,
        SalaryCode: OVERTIME_SALARY_CODE,
        Date: @month.end_of_month.iso8601,
        Number: hours,
      },
    }.to_json)
  end
end
