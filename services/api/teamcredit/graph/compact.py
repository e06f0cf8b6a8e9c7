"""Close the window in which an erased person's bytes stay in the embedded graph's files.

ArcadeDB zeroes a deleted record in its bucket at once, but two places keep the bytes for a
while: the write-ahead log (until the server stops cleanly, which deletes it) and the
indexes (an LSM index keeps a deleted key beside its tombstone until rebuilt). With the
graph stopped, this drops every index offline; ``teamcredit compact-graph`` then starts the
graph, whose schema set-up (graph/schema.py) rebuilds them from the live records only, and
stops it cleanly, which removes the write-ahead log.

Run as ``python -m teamcredit.graph.compact DATA_DIR`` (a child process: it boots a JVM).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from teamcredit.graph.embedded import DATABASE, _paths


def drop_indexes(data_dir: Path) -> list[str]:
    """Drop every index of the graph's database, which must not be open elsewhere."""
    import arcadedb_embedded

    database_path = _paths(data_dir)["root"] / "databases" / DATABASE
    # ArcadeDB writes ./log relative to the working directory: keep it inside DATA_DIR.
    os.chdir(data_dir)
    db = arcadedb_embedded.open_database(str(database_path))
    try:
        # Type-level indexes only (no fileId): dropping one drops its per-bucket parts.
        rows = db.query("sql", "SELECT name, fileId FROM schema:indexes")
        names = [str(row.get("name")) for row in rows if row.get("fileId") is None]
        for name in names:
            db.command("sql", f"DROP INDEX `{name}`")
    finally:
        db.close()
    return names


if __name__ == "__main__":
    dropped = drop_indexes(Path(sys.argv[1]).resolve())
    print(json.dumps({"dropped": dropped}), flush=True)
    # The JVM's shutdown from a Python exit can crash after the work is done; the database
    # is closed cleanly above, so leave without running it.
    os._exit(0)
