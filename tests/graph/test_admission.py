"""Admission to the graph: a bounded number of statements in flight, the rest wait in order."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest

from teamcredit.errors import GraphUnavailable
from teamcredit.graph.client import GraphClient
from tests.support.graph_server import GraphServer


@pytest.fixture
async def one_slot(graph_server: GraphServer) -> AsyncIterator[GraphClient]:
    client = GraphClient(
        graph_server.uri,
        "root",
        graph_server.password,
        "neo4j",
        timeout=5,
        max_concurrent_reads=1,
        queue_timeout=0.3,
    )
    yield client
    await client.close()


async def test_a_statement_waits_for_a_free_slot_then_runs(one_slot: GraphClient) -> None:
    slots = one_slot._read_slots
    await slots.acquire()  # a statement in flight holds the only slot
    waiting = asyncio.create_task(one_slot.read("RETURN 1 AS ok"))
    await asyncio.sleep(0.1)
    assert not waiting.done()
    slots.release()
    assert await waiting == [{"ok": 1}]


async def test_a_full_queue_answers_busy_without_opening_the_breaker(
    one_slot: GraphClient,
) -> None:
    slots = one_slot._read_slots
    await slots.acquire()
    try:
        started = time.monotonic()
        with pytest.raises(GraphUnavailable, match="busy"):
            await one_slot.read("RETURN 1 AS ok")
        assert time.monotonic() - started < 2  # the queue's 0.3 s, not the graph's 5 s
    finally:
        slots.release()
    # Our own queue was full, the graph is fine: the next statement goes straight through.
    assert await one_slot.read("RETURN 1 AS ok") == [{"ok": 1}]
