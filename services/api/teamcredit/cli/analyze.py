"""`teamcredit analyze`: framing and cultural context for a post, or a JSONL stream of posts.

Each post goes through the analysis service once (the same use case as the API's
``analyzePost``). Which service is the caller's choice: `build_analyze_command(analyser=...)`;
the main CLI plugs in one backed by the graph when one is configured (cli/analyser.py),
which adds credit suggestions; the default runs without a graph.

JSONL mode reads one PostInput-shaped object per line and writes one PostAnalysis-shaped
object per line. A bad line is reported on stderr with its line number and skipped (nothing
is written for it); the other lines are still processed, and the exit code is 2.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from teamcredit.analysis.models import Orientation
from teamcredit.analysis.scoring import get_model
from teamcredit.cli.analyser import analyse_without_graph
from teamcredit.cli.common import console
from teamcredit.cli.serialize import analysis_to_dict
from teamcredit.errors import TeamCreditError
from teamcredit.services.analysis import PostAnalysisResult
from teamcredit.services.requests import PostRequest, make_post_request

Analyser = Callable[[PostRequest], PostAnalysisResult]


class PostInputError(ValueError):
    """A JSONL line that is not a usable PostInput."""


def _mentions(post: Mapping[str, Any]) -> list[tuple[str, str | None]]:
    mentions = post.get("mentions") or []
    if not isinstance(mentions, list):
        raise PostInputError("'mentions' must be a list of {name, handle} objects")
    found = []
    for mention in mentions:
        if not isinstance(mention, dict) or not isinstance(mention.get("name"), str):
            raise PostInputError("each mention needs a string 'name'")
        handle = mention.get("handle")
        if handle is not None and not isinstance(handle, str):
            raise PostInputError("a mention's 'handle' must be a string")
        found.append((mention["name"], handle))
    return found


def _optional_str(post: Mapping[str, Any], field: str) -> str | None:
    value = post.get(field)
    if value is not None and not isinstance(value, str):
        raise PostInputError(f"'{field}' must be a string")
    return value


def to_request(
    post: Mapping[str, Any],
    *,
    reader_country: str | None = None,
    ui_language: str | None = None,
    language: str | None = None,
) -> PostRequest:
    """A PostInput-shaped mapping, validated as the API validates it.

    Options given on the command line are defaults: a field set in the post wins.
    """
    text = post.get("text")
    if not isinstance(text, str):
        raise PostInputError("'text' is required and must be a string")
    try:
        return make_post_request(
            text=text,
            author_id=_optional_str(post, "authorId"),
            author_handle=_optional_str(post, "authorHandle"),
            author_name=_optional_str(post, "authorName"),
            mentions=_mentions(post),
            urn=_optional_str(post, "urn"),
            url=_optional_str(post, "url"),
            language=_optional_str(post, "language") or language,
            reader_country=_optional_str(post, "readerCountry") or reader_country,
            ui_language=_optional_str(post, "uiLanguage") or ui_language,
        )
    except TeamCreditError as exc:
        raise PostInputError(exc.message) from None


def analyze_post(
    post: Mapping[str, Any],
    *,
    reader_country: str | None = None,
    ui_language: str | None = None,
    language: str | None = None,
    analyser: Analyser = analyse_without_graph,
) -> dict[str, Any]:
    """One PostInput-shaped mapping to one PostAnalysis-shaped dict."""
    req = to_request(
        post, reader_country=reader_country, ui_language=ui_language, language=language
    )
    return analysis_to_dict(analyser(req))


def analyze_lines(
    lines: Iterable[str],
    out: TextIO,
    err: TextIO,
    **options: Any,
) -> int:
    """Analyse a JSONL stream; returns how many lines were rejected."""
    rejected = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            try:
                post = json.loads(line)
            except json.JSONDecodeError as error:
                raise PostInputError(f"invalid JSON: {error}") from error
            if not isinstance(post, dict):
                raise PostInputError("expected a JSON object")
            result = analyze_post(post, **options)
        except PostInputError as error:
            rejected += 1
            err.write(f"line {number}: {error}\n")
            continue
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return rejected


_ORIENTATION_STYLE = {
    Orientation.INDIVIDUAL: "bold yellow",
    Orientation.BALANCED: "bold cyan",
    Orientation.COLLECTIVE: "bold green",
}


def render(console: Console, text: str, result: Mapping[str, Any]) -> None:
    framing = result["framing"]
    orientation = Orientation(framing["orientation"])
    console.print(
        Text.assemble(
            ("Framing: ", "bold"),
            (orientation.value, _ORIENTATION_STYLE[orientation]),
            f"  score {framing['score']:+.2f}  confidence {framing['confidence']:.2f}"
            f"  language {framing['language']}",
        )
    )
    if framing["mixedSignals"]:
        console.print(
            Text(
                f"Mixed signals: confidence under {get_model().mixed_signals_below}, the verdict"
                " is a guess (the extension shows 'mixed signals' instead).",
                style="dim",
            )
        )
    if framing["contributions"]:
        pushes = ", ".join(
            f"{c['feature'].replace('_', ' ')} {c['value']:+.2f}" for c in framing["contributions"]
        )
        console.print(Text(f"What made the call: {pushes}", style="dim"))
    highlighted = Text(text)
    for signal in framing["signals"]:
        span = signal["span"]
        highlighted.stylize("reverse", span["start"], span["end"])
    console.print(highlighted)
    table = Table("kind", "text", "span", "weight", title="Signals", title_justify="left")
    for signal in framing["signals"]:
        span = signal["span"]
        table.add_row(
            signal["kind"], span["text"], f"{span['start']}-{span['end']}", f"{signal['weight']:g}"
        )
    if framing["signals"]:
        console.print(table)
    culture = result["culture"]
    console.print(Text.assemble(("Cultural context: ", "bold"), culture["summary"]))
    for note in culture["notes"]:
        console.print(f"  - {note}")
    console.print(Text("Sources: " + " ".join(culture["sources"]), style="dim"))
    if result.get("author") is not None:
        _render_credit(console, result)
    if result["suggestedPhrasing"]:
        console.print(Text.assemble(("Suggested phrasing: ", "bold"), result["suggestedPhrasing"]))
    if result.get("phrasingNote"):
        console.print(Text(result["phrasingNote"], style="dim"))


def _render_credit(console: Console, result: Mapping[str, Any]) -> None:
    basis = result.get("creditBasis", "NONE")
    credited = [p["name"] for p in result.get("alreadyCredited", [])]
    if basis == "NONE":
        console.print(
            Text.assemble(
                ("Credit: ", "bold"),
                "nothing to add (the post is about nothing the organisation knows)",
            )
        )
        return
    if not result["credit"]:
        console.print(Text.assemble(("Credit: ", "bold"), "everyone is already credited"))
    else:
        table = Table(
            "person", "reason", "evidence", "score", title="People to credit", title_justify="left"
        )
        for item in result["credit"]:
            table.add_row(
                item["person"]["name"], item["reason"], item["evidence"], f"{item['score']:.2f}"
            )
        console.print(table)
    if credited:
        console.print(Text("Already credited: " + ", ".join(credited), style="dim"))


def _mention_options(values: list[str]) -> list[dict[str, str]]:
    """`--mention "Carla Rossi=carla-rossi"` or `--mention "Carla Rossi"`."""
    mentions = []
    for value in values:
        name, _, handle = value.partition("=")
        mention = {"name": name.strip()}
        if handle.strip():
            mention["handle"] = handle.strip()
        mentions.append(mention)
    return mentions


def build_analyze_command(analyser: Analyser = analyse_without_graph) -> Callable[..., None]:
    """The `analyze` command over an analysis service (e.g. one backed by the graph)."""

    def analyze(
        text: Annotated[str | None, typer.Argument(help="Post text to analyse.")] = None,
        jsonl: Annotated[
            str | None,
            typer.Option("--jsonl", help="Read PostInput objects, one per line ('-' = stdin)."),
        ] = None,
        json_output: Annotated[
            bool, typer.Option("--json", help="Print PostAnalysis JSON instead of a report.")
        ] = False,
        reader_country: Annotated[
            str | None, typer.Option("--reader-country", help="Reader's ISO 3166-1 alpha-2.")
        ] = None,
        ui_language: Annotated[
            str, typer.Option("--ui-language", help="Language of the cultural notes.")
        ] = "en",
        language: Annotated[
            str | None, typer.Option("--language", help="Post language (detected if omitted).")
        ] = None,
        author: Annotated[
            str | None,
            typer.Option(
                "--author",
                help="The author's handle: with a graph, adds who else to credit.",
            ),
        ] = None,
        mention: Annotated[
            list[str] | None,
            typer.Option(
                "--mention",
                help="A person the post mentions, as NAME or NAME=HANDLE (repeatable).",
            ),
        ] = None,
    ) -> None:
        """Analyse how a post frames credit: individual, balanced or collective."""
        options: dict[str, Any] = {
            "reader_country": reader_country,
            "ui_language": ui_language,
            "language": language,
            "analyser": analyser,
        }
        if jsonl is not None:
            if text is not None:
                raise typer.BadParameter("give either TEXT or --jsonl, not both")
            if jsonl == "-":
                rejected = analyze_lines(sys.stdin, sys.stdout, sys.stderr, **options)
            else:
                with Path(jsonl).open(encoding="utf-8") as lines:
                    rejected = analyze_lines(lines, sys.stdout, sys.stderr, **options)
            if rejected:
                raise typer.Exit(code=2)
            return
        if text is None:
            raise typer.BadParameter("give a post TEXT or --jsonl PATH")
        post: dict[str, Any] = {"text": text, "mentions": _mention_options(mention or [])}
        if author is not None:
            post["authorHandle"] = author
        try:
            result = analyze_post(post, **options)
        except PostInputError as error:
            raise typer.BadParameter(str(error)) from None
        if json_output:
            typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            render(console, text, result)

    return analyze


analyze = build_analyze_command()
