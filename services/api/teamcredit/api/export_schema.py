"""Print the schema as SDL: ``python -m teamcredit.api.export_schema > docs/schema.graphql``."""

from __future__ import annotations

from teamcredit.api.schema import build_schema

HEADER = "# Generated from the code by `make schema`; a test fails when this file is stale.\n\n"


def schema_sdl() -> str:
    return HEADER + build_schema().as_str() + "\n"


if __name__ == "__main__":
    print(schema_sdl(), end="")
