"""State the API replicas share, on Redis (TEAMCREDIT_REDIS_URL), or in this process without it.

Three things must agree across replicas, or N replicas behave like N services:

- **Rate-limit budgets**: the `limits` library's moving windows, on its Redis storage; and
  each key's work budget (services/budget.py), the library's sliding window on the same
  storage.
- **Key revocation**: a revocation is appended to a Redis sorted set; every replica polls
  it (``poll_seconds``, 0.25 s) and forgets the revoked key at once, well within a second.
- **The analysis cache**: an analysis depends on the request and on the organisation, so
  entries are keyed by the request and the organisation's *generation*, a Redis counter
  that every graph write through any replica (and ``teamcredit import``) increments. An old
  generation's entries are never read again and expire.

A request costs one Redis round trip (``_ADMIT``, one Lua script): its rate-limit windows
and, for an analysis query (api/guard.py), the generation and the cached answer with them.
A request that runs (not a cached answer) then charges its cost to the work budget: one
more round trip (two when the budget refuses it, to read when it has room again).

Redis is an accelerator, never a dependency: when it does not answer (``timeout``), the
replica logs ``shared_state.degraded`` once, sets ``teamcredit_shared_state_up`` to 0,
counts ``teamcredit_shared_state_errors_total`` and falls back to per-process state (its
own rate-limit and work budgets, ``key_cache_seconds`` for revocations elsewhere, its own
cache), then tries Redis again every ``retry_seconds``. Users never see an error from it.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import redis.asyncio as aioredis
import structlog
from limits import RateLimitItem, RateLimitItemPerMinute, RateLimitItemPerSecond
from limits.aio.storage import MemoryStorage, RedisStorage
from limits.aio.storage.redis.bridge import RedisBridge
from limits.aio.strategies import MovingWindowRateLimiter
from prometheus_client import Counter, Gauge
from redis.exceptions import RedisError

from teamcredit.services.budget import LimitsWorkBudget, WorkBudget

log = structlog.get_logger(__name__)
T = TypeVar("T")

SHARED_UP = Gauge(
    "teamcredit_shared_state_up",
    "1 when the shared Redis answers (or none is configured), 0 while falling back to "
    "per-process state.",
)
SHARED_ERRORS = Counter(
    "teamcredit_shared_state_errors_total",
    "Redis operations that failed and fell back to per-process state, by use.",
    ["use"],
)
ANALYSIS_CACHE = Counter(
    "teamcredit_analysis_cache_total",
    "Analysis cache lookups, by store (redis or process), kind (analysis: one post's result; "
    "response: a whole analyzePost answer) and outcome (hit or miss).",
    ["store", "kind", "outcome"],
)
SHARED_UP.set(1)

_LOCAL_CACHE_SIZE = 10_000
_REVOCATIONS_KEPT = 1_000

# One round trip per request: the rate-limit windows, then (if they allow it) the
# organisation's generation and the cache entries of that generation. Each window is taken
# by the limits library's own moving-window script (the same keys and algorithm its
# RedisStorage uses, so its window stats read them), wrapped as a function; a refusal stops
# there, as MovingWindowRateLimiter.hit in turn would. The keys of the entries are built in
# the script, so this needs one Redis, not a Redis Cluster.
# KEYS: one per window, the generation's, the entries' prefix.
# ARGV: the time, the number of windows, (limit, expiry) per window, the entries' digests.
# Answer: {i} when window i refuses, else {0, generation, entry or false per digest}.
_ADMIT = (
    "local function acquire(KEYS, ARGV)\n"
    + RedisBridge.SCRIPT_ACQUIRE_MOVING_WINDOW.decode()
    + """
end
local windows = tonumber(ARGV[2])
for i = 1, windows do
  if not acquire({KEYS[i]}, {ARGV[1], ARGV[1 + 2 * i], ARGV[2 + 2 * i], 1}) then
    return {i}
  end
end
local first = 3 + 2 * windows
if #ARGV < first then
  return {0}
end
local generation = redis.call('GET', KEYS[windows + 1]) or '0'
local out = {0, generation}
for j = first, #ARGV do
  out[#out + 1] = redis.call('GET', KEYS[windows + 2] .. generation .. ':' .. ARGV[j]) or false
end
return out
"""
)


@dataclass(frozen=True, slots=True)
class Admission:
    """One request's admission: may it run, and the cache entry it asked for."""

    wait: float = 0.0  # 0 when allowed, else the seconds until a request is
    generation: str | None = None  # to store a miss under; None: the process cache
    value: Any = None  # the entry asked for, when found


class SharedState:
    def __init__(
        self,
        url: str | None,
        prefix: str = "teamcredit:",
        timeout: float = 0.25,
        retry_seconds: float = 1.0,
        poll_seconds: float = 0.25,
    ) -> None:
        self.url = url
        self.prefix = prefix
        self.retry_seconds = retry_seconds
        self.poll_seconds = poll_seconds
        self._timeout = timeout
        self._redis: aioredis.Redis | None = None
        if url:
            self._redis = aioredis.Redis.from_url(
                url,
                socket_timeout=timeout,
                socket_connect_timeout=timeout,
                health_check_interval=10,
            )
        self._down_until = 0.0
        self._down = False
        self._poller: asyncio.Task[None] | None = None
        self._revoked_listeners: list[Callable[[str], None]] = []
        self._resync_listeners: list[Callable[[], None]] = []
        self._last_revocation: int | None = None
        self._admit_script: Any = None  # registered once, on first use
        self._limits_storage: RedisStorage | None = None
        # Per-process state: everything when Redis is not configured, the fallback otherwise.
        self.local_generation = 0
        self.local_cache: OrderedDict[tuple[int, str], Any] = OrderedDict()

    # --- health -----------------------------------------------------------------------------

    @property
    def configured(self) -> bool:
        return self._redis is not None

    @property
    def available(self) -> bool:
        """Worth trying Redis now (configured, and not failed within retry_seconds)."""
        return self._redis is not None and time.monotonic() >= self._down_until

    def _failed(self, use: str, exc: BaseException) -> None:
        SHARED_ERRORS.labels(use).inc()
        self._down_until = time.monotonic() + self.retry_seconds
        if not self._down:
            self._down = True
            SHARED_UP.set(0)
            # Entries cached in this process from here on are only invalidated by its own
            # writes: start the fallback cache empty, and drop it again on recovery.
            self.local_cache.clear()
            log.warning(
                "shared_state.degraded",
                use=use,
                error=f"{type(exc).__name__}: {exc}",
                fallback="per-process rate limits, work budgets, key cache and analysis cache",
            )

    def _recovered(self) -> None:
        if self._down:
            self._down = False
            SHARED_UP.set(1)
            self.local_cache.clear()
            # Revocations published meanwhile were not read here: start over (poll_once).
            self._last_revocation = None
            log.info("shared_state.recovered")

    async def _call(self, use: str, work: Callable[[], Awaitable[T]]) -> T | None:
        """Run a Redis operation; None (and the fallback) when Redis is down or fails."""
        if not self.available:
            return None
        try:
            async with asyncio.timeout(self._timeout * 2):
                result = await work()
        except (RedisError, OSError, TimeoutError) as exc:
            self._failed(use, exc)
            return None
        self._recovered()
        return result

    # --- lifecycle --------------------------------------------------------------------------

    def start(self) -> None:
        if self._redis is not None and self._poller is None:
            self._poller = asyncio.create_task(self._poll(), name="shared-state-poll")

    async def close(self) -> None:
        if self._poller is not None:
            self._poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poller
            self._poller = None
        if self._redis is not None:
            await self._redis.aclose()

    async def _poll(self) -> None:
        while True:
            await self.poll_once()
            await asyncio.sleep(self.poll_seconds if not self._down else self.retry_seconds)

    async def poll_once(self) -> None:
        """Pick up revocations made through other replicas (and notice Redis coming back)."""
        redis = self._redis
        assert redis is not None
        log_key, counter_key = self.prefix + "keys:revoked", self.prefix + "keys:revocations"
        if not self.available:
            self._down_until = 0.0  # the poller is the probe: try again now
        since = self._last_revocation

        async def read() -> Any:
            async with redis.pipeline(transaction=False) as pipe:
                pipe.get(counter_key)
                pipe.zrangebyscore(log_key, f"({since or 0}", "+inf", withscores=True)
                return await pipe.execute()

        answer = await self._call("revocation", read)
        if answer is None:
            return
        counter = int(answer[0] or 0)
        if since is None or counter < since:
            # First read, or a Redis that restarted empty and counts from 0 again: what was
            # revoked before is unknown here, so every key is verified against the graph anew.
            self._last_revocation = counter
            for resync in self._resync_listeners:
                resync()
            return
        for member, score in answer[1]:
            for listener in self._revoked_listeners:
                listener(member.decode() if isinstance(member, bytes) else str(member))
            self._last_revocation = max(self._last_revocation or 0, int(score))

    # --- key revocation ---------------------------------------------------------------------

    def on_revoked(self, listener: Callable[[str], None]) -> None:
        self._revoked_listeners.append(listener)

    def on_resync(self, listener: Callable[[], None]) -> None:
        """Called when revocations may have been missed (first poll, Redis back or emptied)."""
        self._resync_listeners.append(listener)

    async def key_revoked(self, key_id: str) -> bool:
        """Tell every replica; False when Redis is down (they rely on key_cache_seconds)."""
        redis = self._redis
        if redis is None:
            return False

        async def publish() -> bool:
            number = await redis.incr(self.prefix + "keys:revocations")
            async with redis.pipeline(transaction=True) as pipe:
                pipe.zadd(self.prefix + "keys:revoked", {key_id: number})
                pipe.zremrangebyrank(self.prefix + "keys:revoked", 0, -_REVOCATIONS_KEPT - 1)
                await pipe.execute()
            return True

        return bool(await self._call("revocation", publish))

    # --- the organisation's generation --------------------------------------------------------

    async def organization_changed(self) -> None:
        """A graph write: every cached analysis of this organisation is out of date."""
        self.local_generation += 1
        self.local_cache.clear()
        redis = self._redis
        if redis is not None:
            await self._call("generation", lambda: redis.incr(self.prefix + "org:generation"))

    async def generation(self) -> int | None:
        """The shared generation (writes through every replica and ``teamcredit import``);
        None without Redis, or while it does not answer."""
        redis = self._redis
        if redis is None:
            return None
        value = await self._call("generation", lambda: redis.get(self.prefix + "org:generation"))
        return None if value is None and not self.available else int(value or 0)

    # --- the analysis cache ---------------------------------------------------------------------

    async def cache_get_many(
        self, digests: Sequence[str], kind: str = "analysis"
    ) -> tuple[str | None, list[Any]]:
        """(the generation to store misses under, or None for the local cache; the values).

        ``kind``: ``analysis`` (services/analysis.py) or ``response`` (api/guard.py, through
        SharedRateLimiter.admit: with the rate limit, in the same round trip)."""
        if self._redis is not None:
            found = await self.admit_on_redis("cache", (), digests, kind)
            if found is not None:
                _, generation, values = found
                return generation, values
        return None, self.local_get_many(digests, kind)

    async def admit_on_redis(
        self,
        use: str,
        windows: Sequence[tuple[str, RateLimitItem]],
        digests: Sequence[str],
        kind: str,
    ) -> tuple[int, str | None, list[Any]] | None:
        """One Redis round trip (``_ADMIT``): take one entry in each rate-limit window (its
        Redis key, its item) and, if all allow it, read ``digests`` under the generation.
        (the 1-based window that refused or 0, the generation, the values); None when Redis
        is down or failed: the caller falls back to per-process state."""
        redis = self._redis
        assert redis is not None
        if self._admit_script is None:
            self._admit_script = redis.register_script(_ADMIT)
        keys = [k for k, _ in windows] + [self.prefix + "org:generation", f"{self.prefix}{kind}:"]
        args: list[Any] = [time.time(), len(windows)]
        for _, item in windows:
            args += [item.amount, item.get_expiry()]
        args += digests
        found = await self._call(use, lambda: self._admit_script(keys=keys, args=args))
        if found is None:
            return None
        if found[0]:
            return int(found[0]), None, []
        if not digests:
            return 0, None, []
        generation = found[1].decode() if isinstance(found[1], bytes) else str(found[1])
        values = [v if v else None for v in found[2:]]
        for v in values:
            ANALYSIS_CACHE.labels("redis", kind, "miss" if v is None else "hit").inc()
        return 0, generation, values

    def local_get_many(self, digests: Sequence[str], kind: str) -> list[Any]:
        values = []
        for digest in digests:
            value = self.local_cache.get((self.local_generation, kind + digest))
            if value is not None:
                self.local_cache.move_to_end((self.local_generation, kind + digest))
            ANALYSIS_CACHE.labels("process", kind, "miss" if value is None else "hit").inc()
            values.append(value)
        return values

    async def cache_put_many(
        self,
        generation: str | None,
        items: Sequence[tuple[str, Any]],
        ttl: float,
        kind: str = "analysis",
    ) -> None:
        redis = self._redis
        if generation is not None and redis is not None:

            async def store() -> None:
                async with redis.pipeline(transaction=False) as pipe:
                    for digest, value in items:
                        key = f"{self.prefix}{kind}:{generation}:{digest}"
                        pipe.set(key, value, px=int(ttl * 1000))
                    await pipe.execute()

            await self._call("cache", store)
            return
        for digest, value in items:
            self.local_cache[(self.local_generation, kind + digest)] = value
        while len(self.local_cache) > _LOCAL_CACHE_SIZE:
            self.local_cache.popitem(last=False)

    # --- rate limits ------------------------------------------------------------------------

    def limits_storage(self) -> RedisStorage | None:
        """The `limits` library's Redis storage, one per replica, its keys under
        ``{prefix}limits``: the rate-limit windows and the work budgets. None without Redis."""
        if self.url and self._limits_storage is None:
            self._limits_storage = RedisStorage(
                "async+" + self.url,
                implementation="redispy",
                key_prefix=self.prefix + "limits",
                socket_timeout=self._timeout,
                socket_connect_timeout=self._timeout,
            )
        return self._limits_storage

    def rate_limiter(self, per_minute: int, burst: int) -> SharedRateLimiter:
        return SharedRateLimiter(self, per_minute, burst)

    def work_budget(self, per_minute: int) -> WorkBudget:
        """Each key's work budget: shared by the replicas on Redis, else this process's."""
        if self.configured:
            return SharedWorkBudget(self, per_minute)
        return LimitsWorkBudget(per_minute)


class SharedRateLimiter:
    """Two moving windows per key (the `limits` library): ``burst`` requests in the time the
    sustained rate takes to earn them, and ``per_minute`` a minute. On Redis they are global
    to the replicas; in this process otherwise, or while Redis is down."""

    def __init__(self, shared: SharedState, per_minute: int, burst: int) -> None:
        self._shared = shared
        burst_window = max(1, round(burst * 60 / per_minute))
        self.items: tuple[RateLimitItem, ...] = (
            RateLimitItemPerSecond(burst, burst_window),
            RateLimitItemPerMinute(per_minute),
        )
        # On Redis the windows are taken by SharedState's one-round-trip script; the library's
        # storage names their keys and reads a refusing window's reset time.
        self._storage = shared.limits_storage()
        self._redis: MovingWindowRateLimiter | None = None
        if self._storage is not None:
            self._redis = MovingWindowRateLimiter(self._storage)
        self._local: MovingWindowRateLimiter | None = None

    def _local_limiter(self) -> MovingWindowRateLimiter:
        if self._local is None:  # built in the event loop (its storage starts a task)
            self._local = MovingWindowRateLimiter(MemoryStorage())
        return self._local

    async def take(self, key: str) -> float:
        """Take one request; 0 when allowed, else the seconds until one is."""
        return (await self.admit(key)).wait

    async def admit(self, key: str, digest: str | None = None, kind: str = "response") -> Admission:
        """Take one request and, when it is allowed and ``digest`` is given, read that cache
        entry. On Redis both are one round trip: a cached answer costs no more Redis than the
        rate limit every request pays."""
        if self._storage is not None and self._redis is not None:
            bridge = self._storage.bridge
            windows = [(bridge.prefixed_key(item.key_for(key)), item) for item in self.items]
            digests = [digest] if digest is not None else []
            found = await self._shared.admit_on_redis("rate_limit", windows, digests, kind)
            if found is not None:
                refused, generation, values = found
                if refused:
                    return Admission(await self._redis_wait(self.items[refused - 1], key))
                return Admission(0.0, generation, values[0] if values else None)
        limiter = self._local_limiter()
        for item in self.items:
            if not await limiter.hit(item, key):
                stats = await limiter.get_window_stats(item, key)
                return Admission(max(0.001, stats.reset_time - time.time()))
        if digest is None:
            return Admission()
        (value,) = self._shared.local_get_many([digest], kind)
        return Admission(0.0, None, value)

    async def _redis_wait(self, item: RateLimitItem, key: str) -> float:
        """The seconds until ``item``'s window, which refused, has room again (a second round
        trip, for refused requests only)."""
        limiter = self._redis
        assert limiter is not None
        stats = await self._shared._call("rate_limit", lambda: limiter.get_window_stats(item, key))
        if stats is None:  # Redis failed just now: the window's length is a safe answer
            return float(item.get_expiry())
        return max(0.001, stats.reset_time - time.time())


class SharedWorkBudget:
    """Each key's work budget on Redis (the `limits` sliding window, in ``limits_storage``), so
    N replicas give a key one budget rather than N. While Redis is down, each process keeps
    its own, as with the rate-limit windows.

    Not folded into ``_ADMIT``: the cost is known only once the router has parsed the query,
    and a cached answer (served by the guard) must not be charged. So a request that runs
    pays one more round trip; a request that costs nothing pays none."""

    def __init__(self, shared: SharedState, per_minute: int) -> None:
        storage = shared.limits_storage()
        assert storage is not None
        self.per_minute = per_minute
        self._shared = shared
        self._redis = LimitsWorkBudget(per_minute, storage)
        self._local = LimitsWorkBudget(per_minute)

    async def charge(self, key: str, cost: int) -> float:
        if cost <= 0:
            return 0.0
        wait = await self._shared._call("work_budget", lambda: self._redis.charge(key, cost))
        if wait is not None:
            return wait
        return await self._local.charge(key, cost)
