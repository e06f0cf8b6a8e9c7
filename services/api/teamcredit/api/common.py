"""Types shared by every aggregate: the Node interface and page info."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import strawberry

from teamcredit.models import Page, encode_cursor

C = TypeVar("C")
E = TypeVar("E")
T = TypeVar("T")
N = TypeVar("N")


@strawberry.interface(name="Node", description="An object with a stable, client-supplied id.")
class Node:
    id: strawberry.ID


@strawberry.type(name="PageInfo")
class PageInfo:
    has_next_page: bool
    end_cursor: str | None

    @classmethod
    def of(cls, page: Page[Any]) -> PageInfo:
        return cls(has_next_page=page.has_next, end_cursor=page.end_cursor)


def build_connection(
    connection: type[C], edge: type[E], page: Page[T], convert: Callable[[T], N]
) -> C:
    """A Relay-style connection from a page of domain objects (cursor = the object's id)."""
    edges = [edge(node=convert(item), cursor=encode_cursor(item.id)) for item in page.items]  # type: ignore[call-arg, attr-defined]
    return connection(  # type: ignore[call-arg]
        edges=edges,
        page_info=PageInfo.of(page),
        total_count=page.total,
    )
