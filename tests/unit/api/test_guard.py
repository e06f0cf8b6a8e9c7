"""The request's time budget, and the waits that stand outside it."""

from __future__ import annotations

import asyncio

import pytest

from teamcredit.api.guard import REQUEST_DEADLINE, deadline_paused


async def _budgeted(seconds: float, paused: float, after: float) -> None:
    """A request of budget `seconds`: a wait of `paused` outside it, then `after` inside."""
    async with asyncio.timeout(seconds) as deadline:
        token = REQUEST_DEADLINE.set(deadline)
        try:
            with deadline_paused():
                await asyncio.sleep(paused)
            await asyncio.sleep(after)
        finally:
            REQUEST_DEADLINE.reset(token)


async def test_a_paused_wait_does_not_spend_the_budget() -> None:
    await _budgeted(0.2, paused=0.4, after=0.05)


async def test_the_budget_still_runs_out_after_the_pause() -> None:
    with pytest.raises(TimeoutError):
        await _budgeted(0.2, paused=0.3, after=0.4)


async def test_without_a_budget_the_pause_is_a_plain_wait() -> None:
    with deadline_paused():
        await asyncio.sleep(0)
    assert REQUEST_DEADLINE.get() is None
