"""Recognition reports, with a privacy floor: no team-level figures for teams under 5 people.

Small teams make "aggregate" figures personal (with 3 people, "one individual post" names
someone), which is why people-analytics tools withhold them; so do we.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from teamcredit.errors import NotFound
from teamcredit.graph.recognition import RecognitionRepository
from teamcredit.models import Contribution, RecognitionCounts

MIN_TEAM_SIZE = 5


@dataclass(frozen=True, slots=True)
class RecognitionReport:
    stats: RecognitionCounts
    uncredited: list[Contribution] = field(default_factory=list)
    withheld_reason: str | None = None


class RecognitionService:
    def __init__(self, repo: RecognitionRepository) -> None:
        self.repo = repo

    async def team_withheld(self, team_id: str) -> str | None:
        size = await self.repo.team_size(team_id)
        if size is None:
            raise NotFound(f"no team with id {team_id!r}")
        if size < MIN_TEAM_SIZE:
            return f"team-level figures are withheld for teams under {MIN_TEAM_SIZE} people"
        return None

    async def report(self, team_id: str | None, since: datetime | None) -> RecognitionReport:
        if team_id is not None:
            reason = await self.team_withheld(team_id)
            if reason is not None:
                return RecognitionReport(RecognitionCounts(), [], reason)
            stats = (await self.repo.for_teams([team_id], since)).get(team_id, RecognitionCounts())
        else:
            stats = await self.repo.overall(since)
        return RecognitionReport(stats, await self.repo.uncredited(team_id, since))
