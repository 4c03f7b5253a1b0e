"""/api/v1 endpoints for police (being built)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["police"])
