"""The per-key token bucket behind RATE_LIMITED."""

from __future__ import annotations

import pytest

from teamcredit.api.ratelimit import RateLimiter, retry_after_header


def test_token_bucket_refills_and_says_when() -> None:
    limiter = RateLimiter(per_minute=60, burst=2)
    assert limiter.take("k", now=0.0) == 0.0
    assert limiter.take("k", now=0.0) == 0.0
    wait = limiter.take("k", now=0.0)
    assert wait == pytest.approx(1.0)
    assert retry_after_header(wait) == "1"
    assert limiter.take("k", now=1.0) == 0.0
    assert limiter.take("other", now=0.0) == 0.0  # buckets are per key
