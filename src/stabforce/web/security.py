"""Security headers on every response: the Content-Security-Policy and its friends (see `CSP`)."""

from __future__ import annotations

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Sent with every response (pages, API, static files, errors). Scripts, styles and everything else only
#: from this site: no inline script or style (page data travels in <script type="application/json">
#: blocks, which are not run; Swagger UI starts from static/docs.js), no eval, no plugins; images may be
#: data: URIs (Leaflet); no site may frame the pages (clickjacking); forms post only here.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
#: For a generated standalone report (the back-test's: its own <style> and matplotlib's SVG with style
#: attributes) that holds no script: inline styles allowed, scripts still only from this site (there are none).
REPORT_CSP = CSP.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';")
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()), (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"strict-origin-when-cross-origin"),
)


class SecurityHeaders:
    """ASGI middleware: add `SECURITY_HEADERS` to every HTTP response that does not set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in SECURITY_HEADERS if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def secured(response: Response) -> Response:
    """Add `SECURITY_HEADERS` to a response made outside the middleware (the handler of unexpected errors)."""
    for name, value in SECURITY_HEADERS:
        response.headers.setdefault(name.decode(), value.decode())
    return response
