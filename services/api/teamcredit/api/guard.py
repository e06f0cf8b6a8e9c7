"""Before GraphQL runs: body size, API key, rate limit and the per-request time budget.

These live in front of the GraphQL executor because each must be able to refuse a
request before it costs parsing, validation or a graph round trip.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from teamcredit.api.body import problem as body_problem
from teamcredit.api.body import query_string_problem
from teamcredit.api.metrics import RATE_LIMITED
from teamcredit.api.ratelimit import retry_after_header
from teamcredit.api.response_cache import (
    REQUEST_FLAGS,
    cache_key,
    cacheable_query,
    may_be_cached,
)
from teamcredit.errors import GraphUnavailable
from teamcredit.services.shared import SharedRateLimiter

log = structlog.get_logger(__name__)
# The running request's time budget, for waits that must not count against it (the work
# lane's start-up, api/lane.py).
REQUEST_DEADLINE: ContextVar[asyncio.Timeout | None] = ContextVar("request_deadline", default=None)


@contextmanager
def deadline_paused() -> Iterator[None]:
    """The request's time budget stands still inside: its deadline moves by the time spent."""
    deadline = REQUEST_DEADLINE.get()
    when = None if deadline is None else deadline.when()
    if deadline is None or when is None:
        yield
        return
    loop = asyncio.get_running_loop()
    began = loop.time()
    deadline.reschedule(None)
    try:
        yield
    finally:
        deadline.reschedule(when + (loop.time() - began))


async def send_error(
    send: Send,
    status: int,
    code: str,
    message: str,
    headers: dict[str, str] | None = None,
    **extensions: object,
) -> None:
    body = json.dumps(
        {"data": None, "errors": [{"message": message, "extensions": {"code": code, **extensions}}]}
    ).encode()
    raw_headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    raw_headers += [(k.encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})


class GraphQLGuard:
    def __init__(
        self,
        app: ASGIApp,
        limiter: SharedRateLimiter,
        max_body_bytes: int,
        timeout: float,
        path: str = "/graphql",
    ) -> None:
        self.app = app
        self.limiter = limiter
        self.max_body = max_body_bytes
        self.timeout = timeout
        self.path = path

    async def _too_large(self, send: Send) -> None:
        message = f"the request body is larger than {self.max_body} bytes"
        await send_error(send, 413, "BAD_USER_INPUT", message)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.path):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await self._too_large(send)
            return

        state = scope.setdefault("state", {})
        principal = None
        auth = headers.get(b"authorization", b"").decode("latin-1")
        if auth:
            scheme, _, token = auth.partition(" ")
            if scheme.lower() == "bearer" and token.strip():
                services = scope["app"].state.services
                try:
                    principal = await services.keys.verify(token.strip())
                except GraphUnavailable:
                    # An outage: only keys verified recently are known; this one cannot be.
                    await send_error(
                        send,
                        503,
                        "GRAPH_UNAVAILABLE",
                        "the graph is unreachable, so this API key cannot be checked; retry later",
                        headers={"retry-after": "5"},
                    )
                    return
        state["principal"] = principal

        body = b""
        if scope["method"] == "POST":
            more = True
            while more:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                body += message.get("body", b"")
                more = message.get("more_body", False)
                if len(body) > self.max_body:
                    await self._too_large(send)
                    return
        # The rate limit and, for a popular post's analysis, its cached answer
        # (api/response_cache.py): on Redis, one round trip for both.
        cached: tuple[str, str | None, float] | None = None
        digest = None
        services = scope["app"].state.services
        ttl = services.settings.analysis_cache_seconds
        if principal is not None and body and ttl > 0 and may_be_cached(body):
            digest = cache_key(body, principal.scopes)
        client = scope.get("client") or ("?", 0)
        rate_key = f"key:{principal.id}" if principal else f"ip:{client[0]}"
        admission = await self.limiter.admit(rate_key, digest, kind="response")
        if admission.wait > 0:
            log.info("http.rate_limited", key=principal.id if principal else None)
            RATE_LIMITED.inc()
            await send_error(
                send,
                429,
                "RATE_LIMITED",
                "too many requests for this key; retry later",
                headers={"retry-after": retry_after_header(admission.wait)},
                retryAfter=float(f"{admission.wait:.3f}"),
            )
            return
        if admission.value is not None:
            hit: bytes = admission.value
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(hit)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": hit})
            return
        if digest is not None:
            cached = (digest, admission.generation, ttl)

        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            await send_error(send, 400, "BAD_USER_INPUT", "the request body is not valid UTF-8")
            return
        found = body_problem(body) if body else query_string_problem(scope["query_string"])
        if found:
            await send_error(send, 400, "BAD_USER_INPUT", found)
            return
        replayed = False

        async def buffered_receive() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        started = False
        status = 0
        answer: list[bytes] = []

        async def tracking_send(message: Message) -> None:
            nonlocal started, status
            if message["type"] == "http.response.start":
                started = True
                status = message["status"]
            elif cached is not None and message["type"] == "http.response.body":
                answer.append(message.get("body", b""))
            await send(message)

        flags: dict[str, bool] = {}
        token = REQUEST_FLAGS.set(flags)
        try:
            async with asyncio.timeout(self.timeout) as deadline:
                deadline_token = REQUEST_DEADLINE.set(deadline)
                try:
                    await self.app(scope, buffered_receive, tracking_send)
                finally:
                    REQUEST_DEADLINE.reset(deadline_token)
            if cached is not None and status == 200 and not flags.get("degraded"):
                await self._keep(scope, body, b"".join(answer), cached)
        except TimeoutError:
            log.warning("http.request_timeout", seconds=self.timeout)
            if not started:
                await send_error(
                    send,
                    503,
                    "QUERY_TOO_COMPLEX",
                    f"the request did not finish within {self.timeout:g} seconds",
                )
        finally:
            REQUEST_FLAGS.reset(token)

    async def _keep(
        self, scope: Scope, body: bytes, answer: bytes, cached: tuple[str, str | None, float]
    ) -> None:
        # Errors (an unknown author is fine, a refused field is not) are never kept; the
        # check is on bytes, so an answer quoting the word is simply not cached.
        if b'"errors"' in answer or not cacheable_query(body):
            return
        key, generation, ttl = cached
        services = scope["app"].state.services
        await services.shared.cache_put_many(generation, [(key, answer)], ttl, kind="response")
