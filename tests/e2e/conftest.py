"""Browser tests (opt-in with --e2e): a real uvicorn server on a free port and Debian's Chromium
driven by Playwright. The database is seeded through the CLI, as a user would."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

CHROMIUM = os.environ.get("STABFORCE_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "e2e-password-1"
USERS = (("admin", "admin", None), ("lia", "liaison", "IDN"), ("mon", "monitor", None))
SCREENSHOTS = Path(os.environ.get("STABFORCE_SCREENSHOTS", "out/screenshots"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--e2e"):
        return
    skip = pytest.mark.skip(reason="browser test: run with --e2e")
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Launch Debian's Chromium (never a downloaded browser), headless, without network chatter."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "headless": True,
            "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync"]}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _sf(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    done = subprocess.run([sys.executable, "-m", "stabforce.cli.main", *args], env=env, input=stdin, check=False,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Seed a temp SQLite ledger with the scenario and users via the CLI, serve it, yield its URL."""
    db = tmp_path_factory.mktemp("e2e") / "ledger.db"
    port = _free_port()
    env = {**os.environ, "STABFORCE_DATABASE_URL": f"sqlite:///{db}", "COLUMNS": "200"}
    _sf(env, "init")
    _sf(env, "load", "--scenario", "gaza-isf")
    for name, role, contributor in USERS:
        _sf(env, "users", "add", name, "--role", role, *(["--contributor", contributor] if contributor else []),
            stdin=PASSWORD + "\n")
    token = _sf(env, "token", "create", "lia").strip().splitlines()[-1]
    with serving(env, port, db.parent / "server.log") as url:
        yield {"url": url, "liaison_token": token}


@contextmanager
def serving(env: dict[str, str], port: int, log_path: Path) -> Iterator[str]:
    """Run `stabforce serve` on the port with this environment until the block ends; yield its URL."""
    log = log_path.open("w")
    server = subprocess.Popen([sys.executable, "-m", "stabforce.cli.main", "serve", "--port", str(port)], env=env,
                              stdout=log, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(f"{url}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise RuntimeError(f"the server did not start: {log_path.read_text()}")
        yield url
    finally:
        server.terminate()
        server.wait(10)
        log.close()


def login(page, base: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """Log in through the login form."""
    page.goto(f"{base}/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """Save a full-page screenshot for people to look at (not asserted on)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


#: What Chromium logs when the Content-Security-Policy blocks something (inline script or style, eval, a source).
CSP_WORDS = ("Content Security Policy", "Content-Security-Policy")


@pytest.fixture(autouse=True)
def no_csp_violations(request: pytest.FixtureRequest) -> Iterator[list[str]]:
    """Fail any browser test whose pages broke the Content-Security-Policy (every e2e test runs under it)."""
    seen: list[str] = []
    if "page" in request.fixturenames:
        page = request.getfixturevalue("page")
        page.on("console", lambda message: seen.append(f"{page.url}: {message.text}")
                if any(w in message.text for w in CSP_WORDS) else None)
    yield seen
    assert not seen, "the Content-Security-Policy blocked something:\n" + "\n".join(seen)
