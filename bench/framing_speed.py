"""Posts per second of the framing analyser and of the naive baseline, same run, one core.

Run: taskset -c 0 .venv/bin/python bench/framing_speed.py [--quick]
Posts are 1,000 characters, stitched from the dev set's posts of one language (emoji,
hashtags, line breaks and all), so the density of signals is that of real posts. The
analyser's hot modules are compiled by mypyc when installed with `make` (setup.py); the
first line says whether they were.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from teamcredit.analysis import scanner
from teamcredit.analysis.baseline import naive_pronoun_ratio
from teamcredit.analysis.framing import analyze_framing

DEVSET = Path(__file__).resolve().parents[1] / "tests" / "data" / "framing_devset.jsonl"
POST_CHARS = 1000


def build_posts(count: int, seed: int = 7) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line]
    by_language: dict[str, list[str]] = {}
    for row in rows:
        by_language.setdefault(row["language"], []).append(row["text"])
    # The dev set's language mix, so English and French dominate as in the product.
    weights = {language: len(texts) for language, texts in by_language.items()}
    rng = random.Random(seed)
    posts = []
    for _ in range(count):
        language = rng.choices(list(weights), weights=list(weights.values()))[0]
        text = ""
        while len(text) < POST_CHARS:
            text += rng.choice(by_language[language]) + "\n\n"
        posts.append((text[:POST_CHARS], language))
    return posts


def rate(
    function: Callable[[str, str], object], posts: list[tuple[str, str]], seconds: float
) -> float:
    """Best posts/second over repeated passes, so a stray pause does not decide the figure."""
    best = 0.0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        started = time.perf_counter()
        for text, language in posts:
            function(text, language)
        best = max(best, len(posts) / (time.perf_counter() - started))
    return best


def main() -> None:
    quick = "--quick" in sys.argv
    posts = build_posts(200 if quick else 1000)
    seconds = 0.5 if quick else 3.0
    for text, language in posts[:50]:  # compile every lexicon before timing
        analyze_framing(text, language)
        analyze_framing(text)
        naive_pronoun_ratio(text, language)

    results = {
        "analyser, language given": rate(lambda t, lang: analyze_framing(t, lang), posts, seconds),
        "analyser, language detected": rate(lambda t, _: analyze_framing(t), posts, seconds),
        "baseline (pronoun ratio)": rate(naive_pronoun_ratio, posts, seconds),
    }
    signals = sum(len(analyze_framing(t, lang).signals) for t, lang in posts) / len(posts)
    baseline = results["baseline (pronoun ratio)"]
    compiled = scanner.compiled()
    print(
        f"{len(posts)} posts of {POST_CHARS} characters, {signals:.1f} signals per post on average;"
        f" analyser {'compiled by mypyc' if compiled else 'interpreted (not compiled)'}"
    )
    print(f"{'':<30}{'posts/s':>10}{'time vs baseline':>18}")
    for name, value in results.items():
        print(f"{name:<30}{value:>10,.0f}{baseline / value:>17.2f}x")


if __name__ == "__main__":
    main()
