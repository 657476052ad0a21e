import asyncio

import aiohttp


class Exporter:
    def __init__(self, token: str, base: str = "https://api.fortnox.se/3") -> None:
        self.base = base
        self.headers = {"Authorization": f"Bearer {token}"}

    async def export(self, rows: list[dict]) -> None:
        async with aiohttp.ClientSession(headers=self.headers) as session:
            for row in rows:
                async with session.post(f"{self.base}/attendancetransactions", json={"AttendanceTransaction": row}) as r:  # fortnox: format POST /3/attendancetransactions salary
                    r.raise_for_status()

    async def absence(self, session: aiohttp.ClientSession, employee: str) -> dict:
        async with session.get(self.base + "/absencetransactions", params={"employeeid": employee}) as r:  # fortnox: v3-base GET /3/absencetransactions salary
            return await r.json()


if __name__ == "__main__":
    asyncio.run(Exporter("t").export([]))
