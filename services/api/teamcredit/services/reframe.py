"""`teamcredit reframe`: the framing's confidence and mixed-signals flag for the posts stored
before they were kept on Post nodes (docs/graph-model.md, Framing on posts).

Until then such a post counts as "not judged": in its scope's post count, in no orientation
and not as mixed signals. Its framing is computed again from its stored text, and the
orientation and score are written with the confidence and flag: the model may have been
refitted since, and a confidence only means something next to the verdict it was given for.
"""

from __future__ import annotations

from collections.abc import Callable

from teamcredit.analysis.framing import analyze_framing
from teamcredit.graph.dashboard import DashboardRepository
from teamcredit.graph.posts import PostRepository
from teamcredit.services.ingest import framed


async def reframe_posts(
    posts: PostRepository,
    dashboard: DashboardRepository,
    batch_size: int = 500,
    progress: Callable[[int], None] = lambda _done: None,
) -> int:
    """Judge every post stored without the flag; returns how many were written."""
    done = 0
    while batch := await posts.unjudged(batch_size):
        judged = [framed(post, analyze_framing(post.text, post.language)) for post in batch]
        written = await posts.set_framing(judged)
        if written == 0:
            break  # gone meanwhile (erased): nothing left that this run can judge
        done += written
        progress(written)
    if done:
        # Dashboards in other processes read their figures again (as after an import).
        await dashboard.bump_version()
    return done
