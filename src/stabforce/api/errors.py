"""One JSON error shape for every error: {"error": {"code", "message", "details"}}.

HTTP status is decided here, not in the domain.
"""

from __future__ import annotations

import logging
import re
import uuid

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from stabforce.errors import StabforceError
from stabforce.httpstatus import NotAuthenticated, status_of
from stabforce.ledger.draft import plain_message

log = logging.getLogger("stabforce.api")


def error_body(code: str, message: str, details: dict | None = None) -> dict:
    """Return the error shape."""
    return {"error": {"code": code, "message": message, "details": details or {}}}


async def handle_stabforce_error(request: Request, exc: StabforceError) -> JSONResponse:
    """Answer a domain error with its status and shape."""
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, NotAuthenticated) else None
    return JSONResponse(error_body(exc.code, exc.message, exc.details), status_code=status_of(exc), headers=headers)


async def handle_validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """Answer FastAPI's request validation errors in the same shape: every bad field, in plain words."""
    problems = [{"field": ".".join(str(p) for p in e["loc"]), "message": plain_message(e)} for e in exc.errors()]
    if not problems:
        return JSONResponse(error_body("invalid_input", "invalid request", {"field": ""}), status_code=422)
    details: dict = {"field": problems[0]["field"]}
    if len(problems) > 1:
        details["errors"] = [{"field": p["field"], "message": f"{p['field']}: {p['message']}"} for p in problems]
    message = "; ".join(f"{p['field']}: {p['message']}" for p in problems)
    return JSONResponse(error_body("invalid_input", message, details), status_code=422)


async def handle_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    """Answer routing errors (404, 405) in the same shape."""
    code = {400: "bad_request", 404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(sorted(_methods_for(request)))
    return JSONResponse(error_body(code, str(exc.detail)), status_code=exc.status_code, headers=headers)


def _methods_for(request: Request) -> set[str]:
    """Return every method the OpenAPI document lists for this path (FastAPI makes one route per method)."""
    found: set[str] = set()
    for template, operations in request.app.openapi().get("paths", {}).items():
        if re.fullmatch(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)), request.url.path):
            found |= {m.upper() for m in operations}
    return found or {"GET"}


async def handle_unexpected(request: Request, exc: Exception) -> JSONResponse:
    """Log a bug with a request id and answer 500 with a generic message."""
    request_id = uuid.uuid4().hex[:12]
    log.exception("unhandled error, request %s", request_id)
    return JSONResponse(error_body("internal_error", f"internal error (request {request_id})"), status_code=500)


def install(app: FastAPI) -> None:
    """Register the handlers for FastAPI's own errors (domain errors and bugs are routed by the app,
    which answers pages with HTML and API paths with `handle_stabforce_error`/`handle_unexpected`)."""
    app.add_exception_handler(RequestValidationError, handle_validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, handle_http_error)  # type: ignore[arg-type]
