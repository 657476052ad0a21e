"""Monthly export of staff, attendance and expense codes for the payroll bureau.

Runs as a one-off: python payroll.py 2024-05
"""
import asyncio
import csv
import os
import sys

import httpx

FORTNOX_HOST = os.environ.get("FORTNOX_HOST", "https://api.fortnox.se")
API_V3 = f"{FORTNOX_HOST}/3"


async def fetch_all(http: httpx.AsyncClient, path, key, **params):
    rows, page = [], 1
    while True:
        r = await http.get(path, params={**params, "page": page})
        r.raise_for_status()
        body = r.json()
        rows.extend(body[key])
        if page >= int(body["MetaInformation"]["@TotalPages"]):
            return rows
        page += 1


async def main(month):
    token = os.environ["FORTNOX_ACCESS_TOKEN"]
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    async with httpx.AsyncClient(base_url=FORTNOX_HOST, headers=headers, timeout=30) as http:
        me = await http.get(FORTNOX_HOST + "/3/me")  # fortnox: host-base GET /3/me profile
        me.raise_for_status()
        print("exporting as", me.json()["Me"]["Email"], file=sys.stderr)

        employees = await fetch_all(http, "/3/employees", "EmployeeListItems")  # fortnox: path /3/employees salary
        first, last = f"{month}-01", f"{month}-31"
        attendance = await fetch_all(
            http,
            "/3/attendancetransactions",  # fortnox: path /3/attendancetransactions salary
            "AttendanceTransactions",
            fromdate=first,
            todate=last,
        )
        expenses = (await http.get(API_V3 + "/expenses")).json()["Expenses"]  # fortnox: v3-base GET /3/expenses salary

    by_emp = {}
    for row in attendance:
        by_emp.setdefault(row["EmployeeId"], 0.0)
        by_emp[row["EmployeeId"]] += float(row["Hours"])

    writer = csv.writer(sys.stdout)
    writer.writerow(["EmployeeId", "Name", "Hours"])
    for emp in employees:
        writer.writerow([emp["EmployeeId"], emp["FullName"], by_emp.get(emp["EmployeeId"], 0.0)])
    print(f"{len(expenses)} expense codes", file=sys.stderr)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
