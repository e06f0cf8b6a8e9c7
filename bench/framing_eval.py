"""Macro-F1 of the framing analyser vs the naive pronoun-ratio baseline on the dev set.

Run: .venv/bin/python bench/framing_eval.py [--errors]
The analyser gets no language (it detects it); the baseline is given the true language.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from teamcredit.analysis.baseline import naive_pronoun_ratio
from teamcredit.analysis.evaluation import macro_f1
from teamcredit.analysis.framing import analyze_framing
from teamcredit.analysis.models import Orientation

DEVSET = Path(__file__).resolve().parents[1] / "tests" / "data" / "framing_devset.jsonl"


def main() -> None:
    rows = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line]
    gold = [Orientation(row["label"]) for row in rows]
    analyses = [analyze_framing(row["text"], None, row.get("mentions", ())) for row in rows]
    ours = [analysis.orientation for analysis in analyses]
    given = [
        analyze_framing(row["text"], row["language"], row.get("mentions", ())).orientation
        for row in rows
    ]
    base = [naive_pronoun_ratio(row["text"], row["language"]) for row in rows]
    detected = sum(a.language == row["language"] for a, row in zip(analyses, rows, strict=True))

    languages = sorted({row["language"] for row in rows}, key=lambda x: (x not in ("en", "fr"), x))
    print(f"Framing dev set: {DEVSET.name}, {len(rows)} posts")
    header = ("language", "posts", "analyser", "(lang given)", "baseline", "delta")
    print("{:<9}{:>6}{:>10}{:>14}{:>10}{:>8}".format(*header))
    for language in [*languages, "overall"]:
        index = [i for i, row in enumerate(rows) if language in ("overall", row["language"])]
        g = [gold[i] for i in index]
        a = macro_f1(g, [ours[i] for i in index])
        a_given = macro_f1(g, [given[i] for i in index])
        b = macro_f1(g, [base[i] for i in index])
        delta = (a - b) * 100
        print(f"{language:<9}{len(index):>6}{a:>10.3f}{a_given:>14.3f}{b:>10.3f}{delta:>+8.1f}")
    accuracy = sum(g is p for g, p in zip(gold, ours, strict=True)) / len(rows)
    print(
        f"accuracy: analyser {accuracy:.3f}, baseline "
        f"{sum(g is p for g, p in zip(gold, base, strict=True)) / len(rows):.3f}"
    )
    print(f"language detection: {detected}/{len(rows)} correct")
    if "--errors" in sys.argv:
        for row, analysis, label in zip(rows, analyses, gold, strict=True):
            if analysis.orientation is not label:
                print(
                    f"\n{row['id']} gold={label.value} got={analysis.orientation.value} "
                    f"score={analysis.score} lang={analysis.language}"
                )
                for signal in analysis.signals:
                    print(f"   {signal.kind.value:<27} {signal.weight:>4} {signal.span.text!r}")


if __name__ == "__main__":
    main()
