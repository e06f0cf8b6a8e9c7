"""The ``teamcredit`` command: serve, demo, graph, import, reframe, analyze, keys, cypher,
generate."""

from __future__ import annotations

import typer

from teamcredit.cli import (
    compact_cmd,
    cypher_cmd,
    generate_cmd,
    graph_cmd,
    import_cmd,
    keys_cmd,
    reframe_cmd,
    serve_cmd,
)
from teamcredit.cli.analyser import ServiceAnalyser
from teamcredit.cli.analyze import build_analyze_command

app = typer.Typer(
    name="teamcredit",
    help="Balance individual and collective recognition: API, embedded graph and tools.",
    no_args_is_help=True,
    add_completion=False,
)
app.command("serve", help="Serve the GraphQL API (starts or joins the embedded graph).")(
    serve_cmd.serve
)
app.command("demo", help="Load the demo organisation, print an API key and serve.")(serve_cmd.demo)
app.command("graph", help="Run the embedded graph in the foreground; print its Bolt URI.")(
    graph_cmd.graph
)
app.command(
    "compact-graph",
    help="With the embedded graph stopped: rebuild its indexes and clear its write-ahead log, "
    "so nothing of erased people stays in its files.",
)(compact_cmd.compact_graph)
app.command("import", help="Import an organisation document (JSON) or a folder of CSV files.")(
    import_cmd.import_
)
app.command("analyze", help="Analyse a post's framing (credit suggestions need a graph).")(
    build_analyze_command(analyser=ServiceAnalyser())
)
app.command(
    "reframe",
    help="Store the framing's confidence and mixed-signals flag on posts stored without them "
    "(the dashboard's 'Not yet judged' posts).",
)(reframe_cmd.reframe)
app.add_typer(keys_cmd.app, name="keys")
app.command("cypher", help="Run a read-only Cypher query; print a table, CSV or JSON.")(
    cypher_cmd.cypher
)
app.command("generate", help="Generate a synthetic organisation (people, teams, posts) to import.")(
    generate_cmd.generate
)


def main() -> None:
    app()
