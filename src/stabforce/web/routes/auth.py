"""Log in and out."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from stabforce.services import accounts
from stabforce.web.pages import check_csrf, csrf_token, render, services

router = APIRouter()


def _safe_next(target: str | None) -> str:
    return target if target and target.startswith("/") and not target.startswith("//") else "/"


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str | None = None) -> HTMLResponse:
    csrf_token(request)
    return render(request, "login.html", next=_safe_next(next), who=None, error=None)


@router.post("/login")
def login(request: Request, name: str = Form(""), password: str = Form(""), next: str = Form("/"),
          csrf_token_: str = Form("", alias="csrf_token")) -> Response:
    check_csrf(request, csrf_token_)
    try:
        who = accounts.authenticate(services(request).accounts, name=name, password=password)
    except accounts.LoginFailed as exc:
        return render(request, "login.html", status_code=401, next=_safe_next(next), who=None, error=exc.message,
                      name=name)
    request.session.clear()
    request.session["user"] = {"id": who.id, "role": str(who.role), "contributor": who.contributor}
    request.session["csrf"] = secrets.token_urlsafe(24)
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request, csrf_token_: str = Form("", alias="csrf_token")) -> RedirectResponse:
    check_csrf(request, csrf_token_)
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
