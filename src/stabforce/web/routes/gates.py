"""Pages for gates (being built)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
