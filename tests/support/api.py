"""Talking GraphQL to the app: in-process over ASGI, or to a live uvicorn over HTTP."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx

from teamcredit.app import create_app
from teamcredit.graph.embedded import free_port
from teamcredit.settings import Settings


@asynccontextmanager
async def asgi_client(
    settings: Settings, key: str | None = None
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
        headers = {"authorization": f"Bearer {key}"} if key else {}
        async with httpx.AsyncClient(
            transport=transport, base_url="http://testserver", headers=headers
        ) as client:
            client.app = app  # type: ignore[attr-defined]
            yield client


async def gql(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any] | None = None,
    key: str | None = None,
    expect_errors: bool = False,
) -> dict[str, Any]:
    headers = {"authorization": f"Bearer {key}"} if key else {}
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
    )
    assert response.status_code < 500, response.text
    body: dict[str, Any] = response.json()
    if not expect_errors:
        assert "errors" not in body, body.get("errors")
    return body


def codes(body: dict[str, Any]) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in body.get("errors", [])]


class LiveServer:
    """``teamcredit serve`` in a real uvicorn process."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **env, "TEAMCREDIT_PORT": str(self.port)}
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> None:
        out = self.log.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "teamcredit.cli", "serve"], env=self.env, stdout=out, stderr=out
        )
        out.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(self.base_url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError("server did not start")

    def wait_for_idle_lane(self, workers: int = 2, seconds: float = 180.0) -> None:
        """Until the work lane's processes exist and have finished starting (their CPU time
        stands still for a second). Start with TEAMCREDIT_LANE_WARM=true. On a loaded 2-core
        machine starting them took over 30 s: a costly request sent meanwhile waits for them
        inside its own timeout, and a fixed sleep was either too short or wasted."""
        assert self.proc is not None
        pid = self.proc.pid
        deadline = time.monotonic() + seconds
        last: list[int] = []
        while time.monotonic() < deadline:
            lane = [
                int(child)
                for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
                # multiprocessing's workers, not its resource tracker
                if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes()
            ]
            ticks = [_cpu_ticks(child) for child in sorted(lane)]
            if len(lane) == workers and ticks == last:
                return
            last = ticks
            time.sleep(1.0)
        raise RuntimeError(f"{workers} idle lane workers not seen in {seconds:g} s")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.proc = None


def _cpu_ticks(pid: int) -> int:
    """A process's CPU time so far (user + system, in clock ticks), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def env_for(settings: Settings) -> dict[str, str]:
    return {
        "TEAMCREDIT_NEO4J_URI": settings.neo4j_uri or "",
        "TEAMCREDIT_NEO4J_USER": settings.neo4j_user,
        "TEAMCREDIT_NEO4J_PASSWORD": settings.neo4j_password or "",
        "TEAMCREDIT_DATA_DIR": str(settings.data_dir),
    }


def make_key(uri: str, password: str, scopes: tuple[str, ...], name: str = "tests") -> str:
    """Issue a key straight into a graph server (for servers running in other processes)."""
    import asyncio

    from teamcredit.graph.client import GraphClient
    from teamcredit.graph.keys import ApiKeyRepository
    from teamcredit.graph.schema import apply_schema
    from teamcredit.services.keys import KeyService

    async def issue() -> str:
        client = GraphClient(uri, "root", password, "neo4j", timeout=30)
        try:
            await apply_schema(client)
            return (await KeyService(ApiKeyRepository(client)).create(name, scopes)).secret
        finally:
            await client.close()

    return asyncio.run(issue())
