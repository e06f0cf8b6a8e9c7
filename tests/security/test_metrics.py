"""Issue 15, finding 7: /metrics is private, and its label sets cannot be grown by callers.

The reproduction: /metrics answered without a key, even in prod, and each new operation
name became a new label set: 100 keyless requests grew it from 6.8 KB to 237 KB.
"""

from __future__ import annotations

import secrets

from teamcredit.services.container import Services
from teamcredit.settings import Settings
from tests.support.api import asgi_client


async def test_metrics_needs_the_metrics_scope(settings: Settings, services: Services) -> None:
    prod = settings.model_copy(update={"env": "prod"})
    analyze = (await services.keys.create("analyze", ("analyze", "read"))).secret
    scraper = (await services.keys.create("prometheus", ("metrics",))).secret
    async with asgi_client(prod) as api:
        assert (await api.get("/metrics")).status_code == 401
        bad = {"authorization": "Bearer tc_0000000000000000_" + "x" * 43}
        assert (await api.get("/metrics", headers=bad)).status_code == 401
        forbidden = await api.get("/metrics", headers={"authorization": f"Bearer {analyze}"})
        assert forbidden.status_code == 403
        ok = await api.get("/metrics", headers={"authorization": f"Bearer {scraper}"})
        assert ok.status_code == 200 and "teamcredit_graphql_requests_total" in ok.text


async def test_operation_names_are_a_fixed_set(settings: Settings, services: Services) -> None:
    scraper = (await services.keys.create("prometheus", ("metrics",))).secret
    auth = {"authorization": f"Bearer {scraper}"}
    async with asgi_client(settings) as api:
        await api.post("/graphql", json={"query": "query Warmup { __typename }"})
        before = len((await api.get("/metrics", headers=auth)).text)
        names = [f"Op{secrets.token_hex(8)}" for _ in range(100)]
        for name in names:
            # Keyless, as in the reproduction: each still reaches the executor.
            await api.post("/graphql", json={"query": f"query {name} {{ __typename }}"})
        text = (await api.get("/metrics", headers=auth)).text
    assert not any(name in text for name in names)
    assert 'operation="other"' in text
    assert len(text) - before < 2_000, len(text) - before
