from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import typer
from typer.testing import CliRunner

from teamcredit.analysis.credit import CreditBasis, CreditReason, CreditSuggestion
from teamcredit.cli.analyser import analyse_without_graph
from teamcredit.cli.analyze import analyze, build_analyze_command
from teamcredit.models import Person
from teamcredit.services.analysis import PostAnalysisResult
from teamcredit.services.requests import PostRequest

runner = CliRunner()


def app_with(command: Any) -> typer.Typer:
    app = typer.Typer()
    app.command("analyze")(command)

    @app.command("version")
    def version() -> None:  # a second command keeps "analyze" a real subcommand
        typer.echo("0")

    return app


APP = app_with(analyze)


def test_text_report_shows_orientation_and_spans() -> None:
    result = runner.invoke(
        APP, ["analyze", "Thrilled to announce that I led the launch of Atlas! #proud"]
    )
    assert result.exit_code == 0, result.output
    assert "INDIVIDUAL" in result.output
    assert "SELF_PROMOTION" in result.output and "Thrilled to announce" in result.output
    assert "ACHIEVEMENT_CLAIM" in result.output and "I led" in result.output
    assert "Hofstede" in result.output


def test_french_collective_with_french_note() -> None:
    result = runner.invoke(
        APP,
        [
            "analyze",
            "--ui-language",
            "fr",
            "--reader-country",
            "JP",
            "--json",
            "Fière de notre équipe : nous avons livré Atlas ensemble",
        ],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["framing"]["orientation"] == "COLLECTIVE"
    assert payload["culture"]["reader"]["country"] == "JP"
    assert payload["culture"]["summary"].startswith("Les publications centrées sur l'équipe")
    assert payload["credit"] == [] and payload["suggestedPhrasing"] is None
    assert payload["author"] is None and payload["degraded"] is False


def test_jsonl_from_stdin_uses_graphql_field_names() -> None:
    lines = [
        {"text": "We shipped it, thanks to @Bob", "readerCountry": "US", "mentions": []},
        {"text": "Ravi de vous annoncer ma promotion !", "language": "fr", "uiLanguage": "fr"},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\n"
    result = runner.invoke(APP, ["analyze", "--jsonl", "-"], input=stdin)
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.output.splitlines())
    assert set(first) == {
        "framing",
        "credit",
        "suggestedPhrasing",
        "creditBasis",
        "alreadyCredited",
        "phrasingLanguage",
        "phrasingNote",
        "culture",
        "author",
        "degraded",
    }
    assert set(first["framing"]) == {
        "orientation",
        "score",
        "confidence",
        "mixedSignals",
        "language",
        "selfReferences",
        "collectiveReferences",
        "signals",
        "contributions",
    }
    signal = first["framing"]["signals"][0]
    assert set(signal) == {"kind", "span", "weight"}
    assert set(signal["span"]) == {"start", "end", "text"}
    assert first["culture"]["reader"]["powerDistance"] == 40
    assert second["framing"]["orientation"] == "INDIVIDUAL"
    assert second["culture"]["summary"].startswith("Les publications")


def test_bad_lines_are_reported_with_their_number_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text(
        '{"text": "We did it together"}\n{not json\n\n{"text": 3}\n["a list"]\n'
        '{"text": "I led it"}\n',
        encoding="utf-8",
    )
    result = runner.invoke(APP, ["analyze", "--jsonl", str(path)])
    assert result.exit_code == 2
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["framing"]["signals"][0]["span"]["text"] for o in outputs] == ["We did it", "I led"]
    assert "line 2: invalid JSON" in result.stderr
    assert "line 4: 'text' is required" in result.stderr
    assert "line 5: expected a JSON object" in result.stderr


def test_text_or_jsonl_is_required() -> None:
    assert runner.invoke(APP, ["analyze"]).exit_code != 0


def test_the_analysis_service_is_called_once_per_post() -> None:
    seen: list[PostRequest] = []

    def analyser(req: PostRequest) -> PostAnalysisResult:
        seen.append(req)
        bob = Person(id="p-bob", name="Bob", handle="bob", country="US")
        plain = analyse_without_graph(req)
        return replace(
            plain,
            credit=(CreditSuggestion("p-bob", CreditReason.PROJECT_CONTRIBUTOR, "Atlas", 0.9),),
            suggested_phrasing="Proud of what we built with Bob.",
            author=bob,
            people={"p-bob": bob},
        )

    app = app_with(build_analyze_command(analyser=analyser))
    result = runner.invoke(app, ["analyze", "--json", "--reader-country", "jp", "I shipped Atlas"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["credit"][0]["person"] == {"id": "p-bob", "name": "Bob", "handle": "bob"}
    assert payload["credit"][0]["reason"] == "PROJECT_CONTRIBUTOR"
    assert payload["suggestedPhrasing"] == "Proud of what we built with Bob."
    assert payload["author"]["name"] == "Bob"
    # The command line's options reach the service as the API's validation shapes them.
    assert [(r.text, r.reader_country) for r in seen] == [("I shipped Atlas", "JP")]


def test_a_post_the_api_would_refuse_is_refused_with_its_line() -> None:
    stdin = json.dumps({"text": "ok", "readerCountry": "France"}) + "\n"
    result = runner.invoke(APP, ["analyze", "--jsonl", "-"], input=stdin)
    assert result.exit_code == 2
    assert "line 1: input.readerCountry must be an ISO 3166-1 alpha-2 code" in result.stderr


def test_author_and_mentions_from_the_command_line() -> None:
    seen: list[PostRequest] = []
    bob = Person(id="p-bob", name="Bob", handle="bob-nguyen", country="US")
    carla = Person(id="p-carla", name="Carla Rossi", handle="carla-rossi")

    def analyser(req: PostRequest) -> PostAnalysisResult:
        seen.append(req)
        return replace(
            analyse_without_graph(req),
            credit=(CreditSuggestion("p-bob", CreditReason.PROJECT_CONTRIBUTOR, "Atlas", 0.9),),
            author=carla,
            people={"p-bob": bob, "p-carla": carla},
            credit_basis=CreditBasis.MATCHED_PROJECTS,
        )

    app = app_with(build_analyze_command(analyser=analyser))
    args = ["analyze", "--author", "carla-rossi", "--mention", "David Kim=david-kim"]
    result = runner.invoke(app, [*args, "--mention", "Léa", "I shipped Atlas"])
    assert result.exit_code == 0, result.output
    (req,) = seen
    assert req.author_handle == "carla-rossi"
    assert [(m.name, m.handle) for m in req.mentions] == [("David Kim", "david-kim"), ("Léa", None)]
    assert "People to credit" in result.output and "Bob" in result.output
    refused = runner.invoke(app, ["analyze", "--author", "@carla rossi", "x"])
    assert refused.exit_code == 2 and "not a LinkedIn handle" in refused.output


def test_a_post_about_nothing_says_there_is_nothing_to_add() -> None:
    carla = Person(id="p-carla", name="Carla Rossi", handle="carla-rossi")

    def analyser(req: PostRequest) -> PostAnalysisResult:
        return replace(analyse_without_graph(req), author=carla, people={"p-carla": carla})

    app = app_with(build_analyze_command(analyser=analyser))
    result = runner.invoke(app, ["analyze", "--author", "carla-rossi", "Sleep is a feature."])
    assert result.exit_code == 0, result.output
    assert "nothing to add" in result.output
