"""create_app(settings): the web pages and the REST API in one ASGI app."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from stabforce import __version__
from stabforce.api import errors as api_errors
from stabforce.api.routes import exports as api_exports
from stabforce.api.routes import facts as api_facts
from stabforce.api.routes import gates as api_gates
from stabforce.api.routes import incidents as api_incidents
from stabforce.api.routes import news as api_news
from stabforce.api.routes import picture as api_picture
from stabforce.api.routes import police as api_police
from stabforce.api.routes import registry as api_registry
from stabforce.api.routes import system as api_system
from stabforce.api.schemas import ErrorOut
from stabforce.bootstrap import Services, build
from stabforce.errors import StabforceError
from stabforce.settings import Settings
from stabforce.web import pages
from stabforce.web.routes import router as web_router
from stabforce.web.security import SecurityHeaders, secured

STATIC = Path(__file__).resolve().parent / "web" / "static"
ERRORS = {code: {"model": ErrorOut, "description": text} for code, text in (
    (400, "The request body could not be read"), (401, "Not logged in, or no valid API token"), (403, "The role may not do this"),
    (404, "Not found"), (409, "Conflicts with what is stored"), (422, "Invalid input"))}
log = logging.getLogger("stabforce")
DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>stabforce API</title><link rel="stylesheet" href="/static/vendor/swagger-ui-5.35.0.css">
<link rel="icon" href="data:,"></head>
<body><div id="swagger-ui"></div>
<script src="/static/vendor/swagger-ui-5.35.0-bundle.js"></script><script src="/static/docs.js"></script>
</body></html>
"""



def create_app(settings: Settings | None = None, *, services: Services | None = None) -> FastAPI:
    """Build the app for `settings` (or already built `services`)."""
    settings = settings or Settings()
    services = services or build(settings)
    app = FastAPI(title="stabforce", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/v1/openapi.json",
                  description="Plan, track and forecast a stabilization force from a ledger of sourced facts.")
    app.state.services = services
    secret = settings.secret_key or secrets.token_urlsafe(32)
    app.add_middleware(SecurityHeaders)  # added first: innermost, so the session cookie's response gets them too
    app.add_middleware(SessionMiddleware, secret_key=secret, session_cookie="stabforce_session",
                       same_site="strict", https_only=settings.cookie_secure, max_age=12 * 3600)
    for module in (api_system, api_facts, api_picture, api_gates, api_registry, api_police,
                   api_incidents, api_news, api_exports):
        app.include_router(module.router, prefix="/api/v1", responses=ERRORS)
    app.include_router(web_router)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        """Swagger UI for the API, served from vendored files (works offline), started by static/docs.js."""
        return HTMLResponse(DOCS_PAGE)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    api_errors.install(app)

    async def either(request: Request, exc: Exception):  # type: ignore[no-untyped-def]
        """API paths answer JSON; pages answer an error page with the same message. (Unexpected errors are
        answered outside the middleware, so the security headers are added here too.)"""
        if request.url.path.startswith("/api/") and not isinstance(exc, pages.LoginRequired):
            if isinstance(exc, StabforceError):
                return secured(await api_errors.handle_stabforce_error(request, exc))
            return secured(await api_errors.handle_unexpected(request, exc))
        return secured(pages.error_page(request, exc))

    async def http_either(request: Request, exc: StarletteHTTPException):  # type: ignore[no-untyped-def]
        """Routing errors (404, 405): JSON on API paths, the error page elsewhere."""
        if request.url.path.startswith("/api/"):
            return await api_errors.handle_http_error(request, exc)
        return pages.render(request, "error.html", status_code=exc.status_code, message=str(exc.detail),
                            code=f"http_{exc.status_code}")

    app.add_exception_handler(StabforceError, either)
    app.add_exception_handler(StarletteHTTPException, http_either)
    app.add_exception_handler(Exception, either)
    app.router.add_event_handler("shutdown", services.close)
    return app
