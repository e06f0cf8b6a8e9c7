"""Turn the planned organisation into an import document (docs/import.md), as plain JSON data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from teamcredit.generator.model import Organisation
from teamcredit.generator.render import Renderer
from teamcredit.models import to_utc

Progress = Callable[[str, int, int], None]
_URN_BASE = 7_400_000_000_000_000_000


def iso(moment: datetime) -> str:
    # The Z is only true of a UTC moment: convert first (a naive one is taken as UTC).
    return to_utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


def number_posts(org: Organisation) -> None:
    """Ids in publication order (ties kept in planning order): post-000001 is the oldest."""
    order = sorted(range(len(org.posts)), key=lambda i: (org.posts[i].published, i))
    width = max(6, len(str(len(org.posts))))
    org.posts = [org.posts[i] for i in order]
    for number, post in enumerate(org.posts, start=1):
        post.id = f"post-{number:0{width}d}"


def document(org: Organisation, renderer: Renderer, progress: Progress) -> dict[str, Any]:
    people = []
    memberships = []
    for person in org.people:
        row: dict[str, Any] = {
            "id": person.id,
            "name": person.name,
            "handle": person.handle,
            "country": person.country.iso2,
            "locale": person.country.locale,
        }
        if person.team is not None:
            row["headline"] = f"{person.role}, {person.team.name}"
            memberships.append(
                {
                    "personId": person.id,
                    "teamId": person.team.id,
                    "role": person.role,
                    "since": iso(person.since) if person.since else None,
                }
            )
        people.append(row)
    contributions = [
        {"personId": person.id, "projectId": project.id, "role": role, "weight": weight}
        for project in org.projects
        for person, (role, weight) in zip(project.contributors, project.roles, strict=True)
    ]
    posts = []
    total = len(org.posts)
    for i, post in enumerate(org.posts):
        post.text = renderer.render(post)
        posts.append(
            {
                "id": post.id,
                "authorId": post.author.id,
                "text": post.text,
                "urn": f"urn:li:activity:{_URN_BASE + i + 1}",
                "language": post.language,
                "publishedAt": iso(post.published),
                "mentions": [p.id for p in post.mentions],
                "credits": [p.id for p in post.credits],
                # Explicit, so the importer does not have to match project names in text.
                "about": [post.project.id] if post.project is not None else [],
            }
        )
        if i % 5000 == 4999:
            progress("texts", i + 1, total)
    progress("texts", total, total)
    return {
        "version": 1,
        "organizations": [{"id": o.id, "name": o.name} for o in org.organizations],
        "teams": [
            {
                "id": t.id,
                "name": t.name,
                "description": t.description,
                "organizationId": t.organization.id,
            }
            for t in org.teams
        ],
        "people": people,
        "projects": [
            {
                "id": p.id,
                "name": p.name,
                "teamId": p.team.id,
                "startedAt": iso(p.started),
            }
            for p in org.projects
        ],
        "memberships": memberships,
        "contributions": contributions,
        "posts": posts,
    }
