"""HTTP client for the payroll bridge; one httpx client carries the base URL and the token."""

from __future__ import annotations

import os
from dataclasses import dataclass

import httpx

API_ROOT = os.getenv("FORTNOX_BASE", "https://api.fortnox.se/3/")


@dataclass
class Employee:
    id: str
    name: str


class PayrollClient:
    def __init__(self, token: str) -> None:
        self._http = httpx.Client(base_url=API_ROOT, headers={"Authorization": f"Bearer {token}"})
        self._hr = httpx.Client(base_url="https://hr.example.com/api/v2")

    def employees(self) -> list[Employee]:
        data = self._http.get("employees").json()  # fortnox: v3-base GET /3/employees salary
        return [Employee(e["EmployeeId"], e["FullName"]) for e in data["Employees"]]

    def employee(self, employee_id: str) -> dict:
        return self._http.get(f"employees/{employee_id}").json()["Employee"]  # fortnox: v3-base GET /3/employees/{} salary

    def add_attendance(self, row: dict) -> dict:
        response = self._http.post("attendancetransactions", json={"AttendanceTransaction": row})  # fortnox: v3-base POST /3/attendancetransactions salary
        response.raise_for_status()
        return response.json()

    def schedule(self, employee_id: str, day: str) -> dict:
        path = "scheduletimes/{}/{}".format(employee_id, day)  # fortnox: format GET /3/scheduletimes/{}/{} salary
        return self._http.get(path).json()

    def hr_people(self) -> list[dict]:
        return self._hr.get("employees").json()  # fortnox: none other-api

    def expenses(self) -> list[dict]:
        return self._http.request("GET", "/expenses?lastmodified=2024-01-01").json()["Expenses"]  # fortnox: v3-base GET /3/expenses salary

    def me(self) -> dict:
        return self._http.get("me").json()["Me"]  # fortnox: v3-base GET /3/me profile
