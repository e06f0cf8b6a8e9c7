"""SharedState on a real redis-server: what one request costs there, and that the rate-limit
windows it takes in its one round trip are the `limits` library's own."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import redis.asyncio as aioredis
import structlog.testing
from redis.asyncio.connection import AbstractConnection

from teamcredit.services.shared import SHARED_ERRORS, SHARED_UP, SharedState
from tests.support.redis_server import RedisServer


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = RedisServer(Path(tmp_path_factory.mktemp("shared-redis")))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
async def probe(redis_server: RedisServer) -> AsyncIterator[aioredis.Redis]:
    client = aioredis.Redis.from_url(redis_server.url)
    await client.flushdb()
    try:
        yield client
    finally:
        await client.aclose()


class RoundTrips:
    """What redis-py sends, counted where it writes to the socket (a pipeline is one send);
    the server's own counters would also count the commands a script runs inside."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        send = AbstractConnection.send_packed_command

        async def counted(conn: AbstractConnection, *args: Any, **kwargs: Any) -> None:
            self.count += 1
            await send(conn, *args, **kwargs)

        monkeypatch.setattr(AbstractConnection, "send_packed_command", counted)


async def test_a_cached_answer_costs_one_redis_round_trip(
    redis_server: RedisServer, probe: aioredis.Redis, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = SharedState(redis_server.url, prefix="t1:")
    limiter = shared.rate_limiter(per_minute=600, burst=100)
    try:
        generation, (miss,) = await shared.cache_get_many(["d1"], kind="response")
        assert miss is None and generation == "0"
        await shared.cache_put_many(generation, [("d1", b"the answer")], 60, kind="response")
        await limiter.admit("key:k", "d1")  # loads the script into the server once

        sent = RoundTrips(monkeypatch)
        admission = await limiter.admit("key:k", "d1")
        assert (admission.wait, admission.value) == (0.0, b"the answer")
        assert sent.count == 1  # one EVALSHA: both windows, the generation and the entry
        assert await limiter.take("key:k") == 0.0  # any request: the windows alone
        assert sent.count == 2

        # A write anywhere is a new generation: the entry is not read again.
        await shared.organization_changed()
        admission = await limiter.admit("key:k", "d1")
        assert admission.value is None and admission.generation == "1"
    finally:
        await shared.close()


async def test_the_windows_are_the_limits_librarys_and_a_refusal_reads_no_entry(
    redis_server: RedisServer, probe: aioredis.Redis
) -> None:
    shared = SharedState(redis_server.url, prefix="t2:")
    limiter = shared.rate_limiter(per_minute=60, burst=3)  # 3 in 3 s, 60 a minute
    other = shared.rate_limiter(per_minute=60, burst=3)  # another replica's limiter
    try:
        await shared.cache_put_many("0", [("d1", b"the answer")], 60, kind="response")
        assert [(await limiter.admit("key:k", "d1")).value for _ in range(2)] == [b"the answer"] * 2
        assert (await other.admit("key:k")).wait == 0.0
        refused = await limiter.admit("key:k", "d1")
        assert 0.0 < refused.wait <= 3.0 and refused.value is None
        # The library reads the same windows the script wrote: 3 of 3 taken, 3 of 60.
        assert limiter._redis is not None
        burst, minute = limiter.items
        assert (await limiter._redis.get_window_stats(burst, "key:k")).remaining == 0
        assert (await limiter._redis.get_window_stats(minute, "key:k")).remaining == 57
        assert (await limiter.admit("key:other")).wait == 0.0  # windows are per key
    finally:
        await shared.close()


async def test_two_replicas_share_one_work_budget_per_key_and_a_charge_is_one_round_trip(
    redis_server: RedisServer, probe: aioredis.Redis, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = SharedState(redis_server.url, prefix="t3:"), SharedState(redis_server.url, prefix="t3:")
    budget_a, budget_b = a.work_budget(per_minute=100), b.work_budget(per_minute=100)
    try:
        assert await budget_a.charge("key:k", 1) == 0.0  # loads the script into the server once
        sent = RoundTrips(monkeypatch)
        assert await budget_a.charge("key:k", 0) == 0.0
        assert sent.count == 0  # nothing to charge: no round trip
        assert await budget_a.charge("key:k", 59) == 0.0
        assert sent.count == 1  # one EVALSHA: the library's sliding-window script
        # Alone, replica B would have 100 units for this key: 60 are spent on A.
        assert await budget_b.charge("key:k", 40) == 0.0
        assert 1.0 <= await budget_b.charge("key:k", 1) <= 60.0  # refused; loads the other script
        sent.count = 0
        assert 1.0 <= await budget_b.charge("key:k", 1) <= 60.0
        assert sent.count == 2  # refused: the charge, then when the window has room
        assert await budget_a.charge("key:k", 1) > 0.0
        assert await budget_a.charge("key:other", 100) == 0.0  # budgets are per key
        # The keys are the limits library's, under the same prefix as the rate-limit windows.
        assert await probe.keys("t3:limits*key:k*")
    finally:
        await a.close()
        await b.close()


async def test_a_work_budget_without_redis_is_per_process_and_never_an_error(
    redis_server: RedisServer, probe: aioredis.Redis
) -> None:
    # A port nothing listens on: every charge falls back to this process's budget.
    gone = SharedState("redis://127.0.0.1:9/0", prefix="t4:", retry_seconds=0.0)
    other = SharedState("redis://127.0.0.1:9/0", prefix="t4:", retry_seconds=0.0)
    budget, other_budget = gone.work_budget(per_minute=100), other.work_budget(per_minute=100)
    errors = SHARED_ERRORS.labels("work_budget")
    before = errors._value.get()
    try:
        with structlog.testing.capture_logs() as logs:
            assert await budget.charge("key:k", 100) == 0.0
            assert await budget.charge("key:k", 1) > 0.0
            assert await other_budget.charge("key:k", 100) == 0.0  # its own budget
        assert errors._value.get() >= before + 3
        assert SHARED_UP._value.get() == 0.0
        degraded = [e for e in logs if e["event"] == "shared_state.degraded"]
        assert [e["use"] for e in degraded] == ["work_budget", "work_budget"]  # once each
    finally:
        await gone.close()
        await other.close()
