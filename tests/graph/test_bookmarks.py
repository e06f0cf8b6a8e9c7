"""Reads and writes chain through ONE bookmark manager (read-your-writes behind routing)."""

from __future__ import annotations

from teamcredit.graph.client import GraphClient
from teamcredit.settings import Settings


async def test_writes_and_reads_share_one_bookmark_manager(settings: Settings) -> None:
    client = GraphClient(
        settings.neo4j_uri or "",
        settings.neo4j_user,
        settings.neo4j_password or "",
        settings.neo4j_database,
        share_bookmarks=True,  # the default under neo4j:// routing; this graph is bolt://
    )
    try:
        shared = client._driver.execute_query_bookmark_manager
        assert await shared.get_bookmarks() == set()
        await client.write("MERGE (m:Meta {id: 'bookmarks'}) SET m.version = 1")
        # The write's bookmark is in the manager execute_query (every read) sends from: a
        # write session of its own would have left it empty, and a routed read could then
        # go to a member that has not applied the write yet.
        after_write = await shared.get_bookmarks()
        assert after_write
        rows = await client.read("MATCH (m:Meta {id: 'bookmarks'}) RETURN m.version AS v")
        assert rows == [{"v": 1}]
        assert await shared.get_bookmarks() != after_write  # the read's own, chained on
        await client.read_rolled_back("MATCH (m:Meta {id: 'bookmarks'}) RETURN m.version AS v")
    finally:
        await client.close()


def test_only_routing_uris_share_the_write_bookmarks() -> None:
    # A single server has nothing to wait for, and ArcadeDB slows down bookmarked writes.
    routed = GraphClient("neo4j://127.0.0.1:1", "u", "p", "neo4j")
    single = GraphClient("bolt://127.0.0.1:1", "u", "p", "neo4j")
    assert routed._write_bookmarks is routed._driver.execute_query_bookmark_manager
    assert single._write_bookmarks is None
