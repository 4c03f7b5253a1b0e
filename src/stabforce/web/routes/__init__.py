"""Page routes, one module per area, gathered into one router."""

from fastapi import APIRouter

from stabforce.web.routes import (
    auth,
    contributors,
    facts,
    forecast,
    forms,
    gates,
    incidents,
    mapview,
    news,
    overview,
    police,
    registry,
    report,
)

router = APIRouter(include_in_schema=False)
for module in (auth, overview, contributors, mapview, facts, forms, forecast, gates, registry, police, incidents, news,
               report):
    router.include_router(module.router)
