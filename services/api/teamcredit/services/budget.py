"""Each key's budget of work per minute, in cost units (api/cost.py), charged before a
request runs.

One interface, :class:`WorkBudget`, so the storage can change without touching callers: the
default keeps the windows in this process with the ``limits`` library's sliding window; with
``TEAMCREDIT_REDIS_URL``, services/shared.py keeps them on Redis (``limits``' async Redis
storage), so several replicas give a key one budget instead of one each.
"""

from __future__ import annotations

import math
import time
from typing import Protocol

from limits import RateLimitItemPerMinute
from limits.aio.storage import MemoryStorage, Storage
from limits.aio.strategies import SlidingWindowCounterRateLimiter


class WorkBudget(Protocol):
    async def charge(self, key: str, cost: int) -> float:
        """Take ``cost`` units from ``key``'s budget: 0 when granted, else seconds to wait."""
        ...


class LimitsWorkBudget:
    """``per_minute`` units per key over a sliding one-minute window, in any ``limits`` storage."""

    def __init__(self, per_minute: int, storage: Storage | None = None) -> None:
        self.per_minute = per_minute
        self._item = RateLimitItemPerMinute(per_minute)
        self._limiter = SlidingWindowCounterRateLimiter(storage or MemoryStorage())

    async def charge(self, key: str, cost: int) -> float:
        if cost <= 0:
            return 0.0
        if cost > self.per_minute:
            return 60.0  # never fits: the per-request maximum should have refused it
        if await self._limiter.hit(self._item, key, cost=cost):
            return 0.0
        stats = await self._limiter.get_window_stats(self._item, key)
        return max(1.0, math.ceil(stats.reset_time - time.time()))
