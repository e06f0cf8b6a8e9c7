"""One generated organisation (fixed seed) in the real graph for every cookbook test."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from teamcredit.cli.cypher_cmd import bind_parameters
from teamcredit.generator import GeneratedOrganization, planted_answers
from teamcredit.graph.adhoc import run_read_only
from teamcredit.services.container import Services
from teamcredit.services.document import parse_document
from teamcredit.services.importer import Importer
from tests.conftest import REPO, wipe_graph

PEOPLE, SEED = 400, 11
COOKBOOK = REPO / "docs" / "cypher"


@dataclass(frozen=True)
class Cookbook:
    services: Services
    org: GeneratedOrganization

    async def run(self, stem: str, *params: str) -> list[dict[str, Any]]:
        """Run docs/cypher/<stem>*.cypher as `teamcredit cypher` would (same parameters)."""
        (path,) = COOKBOOK.glob(f"{stem}*.cypher")
        query = Path(path).read_text(encoding="utf-8")
        return await run_read_only(
            self.services.client, query, bind_parameters(query, list(params)), timeout=60
        )


@pytest.fixture(scope="module")
async def cookbook(services: Services) -> AsyncIterator[Cookbook]:
    await wipe_graph(services)
    org = planted_answers(SEED, PEOPLE)
    await Importer(services.client).run(parse_document(org.document))
    services.project_changed()
    yield Cookbook(services, org)
    await wipe_graph(services)  # later modules expect a graph without 4,000 posts in it
