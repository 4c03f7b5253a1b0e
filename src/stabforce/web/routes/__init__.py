"""Page routes, one module per area, gathered into one router."""

from fastapi import APIRouter

from stabforce.web.routes import auth, contributors, facts, forecast, forms, mapview, overview

router = APIRouter(include_in_schema=False)
for module in (auth, overview, contributors, mapview, facts, forms, forecast):
    router.include_router(module.router)
