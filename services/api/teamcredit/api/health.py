"""Liveness and readiness, for load balancers and Kubernetes probes."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process is alive")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    summary="The graph is reachable and its schema applied",
    responses={503: {"description": "Not ready; the body says why"}},
)
async def readyz(request: Request) -> JSONResponse:
    runtime = request.app.state.services.runtime
    if not await runtime.client.ping(timeout=1.0):
        return JSONResponse({"status": "unavailable", "reason": "graph unreachable"}, 503)
    if not await runtime.ensure_schema():
        return JSONResponse({"status": "unavailable", "reason": "graph schema not applied"}, 503)
    return JSONResponse({"status": "ready"})
