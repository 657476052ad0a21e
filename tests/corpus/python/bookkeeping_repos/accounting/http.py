"""One place that knows how to reach the API; every resource goes through it."""

from __future__ import annotations

import httpx

from .config import BASE_URL, PAGE_SIZE


class Repository:
    """A collection of one kind of record. Subclasses set ``path``."""

    path: str = ""
    wrapper: str = ""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    def _url(self, *parts: object) -> str:
        return BASE_URL + "/".join([self.path, *map(str, parts)])

    def all(self) -> list[dict]:
        response = self.client.get(self._url(), params={"limit": PAGE_SIZE})
        return response.json()[self.wrapper]

    def get(self, key: object) -> dict:
        return self.client.get(self._url(key)).json()

    def create(self, record: dict) -> dict:
        return self.client.post(self._url(), json=record).json()
