"""The per-key budgets behind RATE_LIMITED (the limits library's moving windows, in-process)."""

from __future__ import annotations

from teamcredit.api.ratelimit import retry_after_header
from teamcredit.services.shared import SharedState


async def test_rate_limit_windows_say_when() -> None:
    limiter = SharedState(None).rate_limiter(per_minute=60, burst=2)  # 2 in 2 s, 60 a minute
    assert await limiter.take("k") == 0.0
    assert await limiter.take("k") == 0.0
    wait = await limiter.take("k")
    assert 0.0 < wait <= 2.0
    assert retry_after_header(wait) in ("1", "2")
    assert await limiter.take("other") == 0.0  # budgets are per key
