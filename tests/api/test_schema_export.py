"""docs/schema.graphql is generated from the code; this fails when it is stale."""

from pathlib import Path

from teamcredit.api.export_schema import schema_sdl

DOC = Path(__file__).resolve().parents[2] / "docs" / "schema.graphql"


def test_exported_schema_is_current() -> None:
    assert DOC.read_text() == schema_sdl(), "docs/schema.graphql is stale: run `make schema`"
