"""When the dashboard's figures are out of date, from the versions it keeps (no graph)."""

from __future__ import annotations

from teamcredit.services.dashboard import Change, Version, change_between

BASE = Version(local=10, posts=4, shared=None, graph=2, seq=1)


def at(
    seq: int, local: int = 10, posts: int = 4, shared: int | None = None, graph: int = 2
) -> Version:
    return Version(local=local, posts=posts, shared=shared, graph=graph, seq=seq)


def test_nothing_written() -> None:
    assert change_between(BASE, at(2)) is Change.NONE


def test_only_posts_written_here_are_added_without_a_read() -> None:
    assert change_between(BASE, at(2, local=12, posts=6)) is Change.POSTS


def test_any_other_write_here_is_read_again() -> None:
    # Three writes, two of them posts (or a post whose report is not in yet): read again.
    assert change_between(BASE, at(2, local=13, posts=6)) is Change.OTHER


def test_an_import_elsewhere_is_read_again() -> None:
    assert change_between(BASE, at(2, graph=3)) is Change.OTHER


def test_writes_through_other_replicas_are_read_again() -> None:
    base = at(1, shared=100)
    # Two posts written here, and Redis counted them: nobody else wrote.
    assert change_between(base, at(2, local=12, posts=6, shared=102)) is Change.POSTS
    # Redis counted one more: another replica (or `teamcredit import`) wrote.
    assert change_between(base, at(2, local=12, posts=6, shared=103)) is Change.OTHER
    assert change_between(base, at(2, shared=101)) is Change.OTHER
    # Redis stopped (or started) answering: what happened meanwhile is unknown.
    assert change_between(base, at(2)) is Change.OTHER


def test_figures_read_after_the_version_was_taken_are_current() -> None:
    # A request took the version, then waited for a read that started after it.
    assert change_between(at(5, local=11, graph=3), at(4, local=11, graph=3)) is Change.NONE
    assert change_between(at(5), at(4, local=15, graph=9)) is Change.NONE
