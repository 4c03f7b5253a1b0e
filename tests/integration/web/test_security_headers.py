"""Every response — pages, API, static files, errors, the unexpected 500 — carries the Content-Security-Policy,
X-Frame-Options, X-Content-Type-Options and Referrer-Policy; no page holds an inline script, inline style
or javascript: address the policy would block (the browser side: tests/e2e/test_csp.py)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from stabforce.app import create_app
from tests.integration.web.test_pages import login

PAGES = ("/", "/contributors", "/contributors/IDN", "/map", "/forecast", "/gates", "/registry", "/police", "/sites",
         "/incidents", "/facts", "/sources", "/conflicts", "/news", "/review", "/record/pledge", "/record/fact",
         "/facts/pak-pledge-2025-11-30-three-brigades", "/docs")


def assert_secured(response) -> None:
    h = response.headers
    csp = h.get("content-security-policy", "")
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp, (response.url, csp)
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert h.get("x-frame-options") == "DENY"
    assert h.get("x-content-type-options") == "nosniff"
    assert h.get("referrer-policy") == "strict-origin-when-cross-origin"


@pytest.mark.parametrize("path", ["/login", "/api/v1/health", "/static/app.css", "/static/vendor/htmx-2.0.11.min.js",
                                  "/api/v1/facts", "/no-such-page", "/api/v1/no-such-thing", "/api/v1/openapi.json",
                                  "/", "/docs"])
def test_every_response_carries_the_security_headers(site, path):
    assert_secured(site.get(path, follow_redirects=False))


def test_error_pages_and_refusals_carry_them(site):
    login(site, "vic")
    assert_secured(site.get("/?as_of=2025-99-01"))  # 422 page
    assert_secured(site.post("/api/v1/facts", json={}))  # 403 / 422 JSON
    assert_secured(site.get("/facts/no-such-fact"))  # 404 page


def test_an_unexpected_error_carries_them_too(services):
    app = create_app(services.settings, services=services)

    @app.get("/api/v1/boom-for-test")
    def boom() -> None:
        raise RuntimeError("a bug")

    @app.get("/boom-page-for-test")
    def boom_page() -> None:
        raise RuntimeError("a bug")

    with TestClient(app, raise_server_exceptions=False) as client:
        for path in ("/api/v1/boom-for-test", "/boom-page-for-test"):
            response = client.get(path)
            assert response.status_code == 500
            assert_secured(response)


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE)


def test_no_page_needs_inline_script_or_style(site):
    login(site, "adm")
    for path in PAGES:
        page = site.get(path)
        assert page.status_code == 200, path
        assert_secured(page)
        html = page.text
        assert not INLINE_SCRIPT.search(html), (path, INLINE_SCRIPT.search(html).group(0))
        assert "<style" not in html.lower() and " style=" not in html.lower(), path
        assert "javascript:" not in html.lower() and not re.search(r"\son[a-z]+=", html), path
