"""``teamcredit reframe``: judge the posts stored before the mixed-signals flag was kept."""

from __future__ import annotations

import typer

from teamcredit.cli.common import console, with_services
from teamcredit.services.container import Services
from teamcredit.services.reframe import reframe_posts


def reframe(
    batch_size: int = typer.Option(500, min=1, max=10_000, help="Posts per batch."),
) -> None:
    async def work(services: Services) -> int:
        return await reframe_posts(services.posts, services.dashboard.repo, batch_size=batch_size)

    done = with_services(work)
    console.print(
        f"{done} post{'' if done == 1 else 's'} judged again from the stored text"
        if done
        else "Every post already has its framing confidence and mixed-signals flag."
    )
