"""The ``teamcredit`` command: serve, demo, graph, import, analyze, keys, cypher, generate."""

from __future__ import annotations

import typer

from teamcredit.cli import graph_cmd, import_cmd, serve_cmd

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
app.command("import", help="Import an organisation document (JSON) or a folder of CSV files.")(
    import_cmd.import_
)


def _register_optional() -> None:
    # Commands whose modules land with later features; absent ones are simply not offered.
    import importlib

    from teamcredit.cli.analyze import build_analyze_command
    from teamcredit.cli.analyze_credit import GraphCreditProvider

    app.command("analyze", help="Analyse a post's framing (credit suggestions need a graph).")(
        build_analyze_command(credit_provider=GraphCreditProvider())
    )
    for module, name in (
        ("teamcredit.cli.keys_cmd", "keys"),
        ("teamcredit.cli.cypher_cmd", "cypher"),
        ("teamcredit.cli.generate_cmd", "generate"),
    ):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError:
            continue
        target = getattr(mod, name, None) or getattr(mod, "app", None)
        if isinstance(target, typer.Typer):
            app.add_typer(target, name=name)
        elif target is not None:
            app.command(name)(target)


_register_optional()


def main() -> None:
    app()
