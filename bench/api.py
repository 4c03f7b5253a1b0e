"""API/page benchmark: the overview and the facts list under concurrent requests against a ledger of
100,000 facts, as ratios to a trivial endpoint (/api/v1/health) of the same app in the same run.

    .venv/bin/python bench/api.py [--facts 100000] [--requests 400] [--concurrency 8]

The server is a real uvicorn process on 127.0.0.1 (one worker); requests come from this process.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from rich.progress import Progress

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ledger import drafts

from stabforce.bootstrap import build
from stabforce.services import accounts, exchange
from stabforce.services.actors import Actor, Role
from stabforce.settings import Settings

PASSWORD = "bench-password"


def seed(url: str, n: int) -> None:
    """Migrate, load the scenario, append `n` generated facts and add a user."""
    services = build(Settings(database_url=url, _env_file=None), migrate_schema=True)
    exchange.load_scenario(services.ledger, Actor(id="bench", role=Role.ADMIN), "gaza-isf")
    batch = drafts(n)
    with Progress() as progress:
        task = progress.add_task(f"Appending {n:,} facts", total=n)
        for i in range(0, n, 5_000):
            services.ledger.append(batch[i:i + 5_000], recorded_by="bench")
            progress.update(task, advance=len(batch[i:i + 5_000]))
    accounts.add_user(services.accounts, name="bench", role="viewer", password=PASSWORD)
    services.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def hammer(client: httpx.AsyncClient, path: str, total: int, concurrency: int) -> tuple[float, float]:
    """Send `total` GETs with `concurrency` in flight; return (requests per second, p99 latency in s)."""
    latencies: list[float] = []
    queue = iter(range(total))

    async def worker() -> None:
        for _ in queue:
            started = time.perf_counter()
            response = await client.get(path)
            latencies.append(time.perf_counter() - started)
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}")

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return total / elapsed, latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))]


async def measure(base: str, paths: dict[str, str], total: int, concurrency: int) -> dict[str, tuple[float, float]]:
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        page = await client.get("/login")
        token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
        await client.post("/login", data={"name": "bench", "password": PASSWORD, "csrf_token": token, "next": "/"})
        for path in paths.values():  # warm up: fill the picture cache, as a running server has
            (await client.get(path)).raise_for_status()
        results = {}
        for name, path in paths.items():
            results[name] = await hammer(client, path, total, concurrency)
        return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        seed(url, args.facts)
        port = free_port()
        env = {**os.environ, "STABFORCE_DATABASE_URL": url}
        server = subprocess.Popen([sys.executable, "-m", "stabforce.cli.main", "serve", "--port", str(port)],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            paths = {"trivial": "/api/v1/health", "overview": "/", "facts list": "/facts",
                     "api facts": "/api/v1/facts?limit=50"}
            results = asyncio.run(measure(base, paths, args.requests, args.concurrency))
        finally:
            server.terminate()
            server.wait(10)
    base_rps, base_p99 = results["trivial"]
    print(f"ledger of {args.facts:,} facts (+ the scenario), {args.requests} requests per endpoint, "
          f"{args.concurrency} in flight, one uvicorn worker on 2 cores")
    for name, (rps, p99) in results.items():
        print(f"{name:11s} {rps:8.1f} req/s  p99 {p99 * 1000:7.1f} ms   throughput ratio to trivial {rps / base_rps:5.2f}"
              f"   p99 ratio {p99 / base_p99:6.1f}")


if __name__ == "__main__":
    main()
