"""Month-end reports read several collections through one table of paths."""

from __future__ import annotations

import httpx

from .config import BASE_URL, WAREHOUSE_URL

REPORT_SOURCES = {
    "financial_years": "financialyears",  # fortnox: route-table /3/financialyears bookkeeping
    "cost_centers": "costcenters/",  # fortnox: route-table /3/costcenters costcenter
    "projects": "projects",  # fortnox: route-table /3/projects project
}

LOCAL_FOLDERS = {"projects": "/srv/reports/projects", "orders": "orders"}  # fortnox: none name-only


def collect(client: httpx.Client) -> dict[str, dict]:
    return {name: client.get(BASE_URL + path).json() for name, path in REPORT_SOURCES.items()}


def stock(client: httpx.Client, item: str) -> dict:
    url = f"{WAREHOUSE_URL}/status-v1/stockbalance?itemIds={item}"  # fortnox: format GET /api/warehouse/status-v1/stockbalance warehouse
    return client.get(url).json()
