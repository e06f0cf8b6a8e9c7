"""Learn the role phrases from the tagged training posts; write data/framing/roles.json.

    .venv/bin/python -m teamcredit.training.roles            # writes data/framing/roles.json
    .venv/bin/python -m teamcredit.training.roles --check    # fails if the file is stale

Then refit the framing model (`python -m teamcredit.training.fit`): it weighs the roles.

Every sentence of 1,449 training posts has a role (`training.sentence_roles`,
docs/sentence-roles.md). For each language, the word 1-2-grams of its tagged sentences
(character 1-3-grams in Japanese, written without spaces) that at least `MIN_POSTS`
posts use are candidates; an L1-penalised logistic regression per role keeps the
`PHRASES_PER_LANGUAGE` with the largest weight for any role. Those become side phrases of
the language's scanner (`analysis.roles`), and a multinomial logistic regression of each
sentence's role on the phrases it holds, as that scanner finds them (the same walk, the
same rules), gives each phrase its weight per role.

Only posts of the batches the lexicons grew from are tagged, so the posts that choose the
framing model's C and calibrate it stay unread (fit.py). scikit-learn is a development
dependency: the service only sums the shipped weights.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import lil_matrix
from sklearn.linear_model import LogisticRegression

from teamcredit.analysis.charclass import DELIMITER_RANGES
from teamcredit.analysis.framing import scan_post
from teamcredit.analysis.lexicon import (
    normalize_phrase,
    parse_lexicon,
    supported_languages,
)
from teamcredit.analysis.resources import data_file, read_toml
from teamcredit.analysis.roles import ROLES
from teamcredit.training.corpus import CorpusPost, in_split, load_corpus
from teamcredit.training.sentence_roles import load_roles, sentences

PHRASES_PER_LANGUAGE = 50
# How strongly the selection penalises a phrase (L1: most weights are exactly zero).
SELECTION_C = 0.3
SENTENCE_C = 1.0
MIN_POSTS = 3
ROLES_PATH = Path(str(data_file("framing", "roles.json")))

_DELIMITERS = "".join(
    f"{re.escape(chr(low))}-{re.escape(chr(high))}"
    for low, high in DELIMITER_RANGES
    if high < 0x110000
)
_TOKEN = re.compile(f"[^{_DELIMITERS}]+")
# What may join two words of one phrase: spaces (any run, as the scanner reads them), an
# apostrophe ("j'ai") or a hyphen.
_JOINERS = {"'": "'", "’": "'", "-": "-"}


def candidates(sentence: str, spaced: bool) -> Iterator[str]:
    """The phrases a sentence offers, each with a letter in it: its words and pairs of
    adjacent words, or, without word boundaries, its character 1-3-grams. (Without the
    letter, the corpus' own "[...]" cut marks and clock times came out as phrases.)"""
    return (phrase for phrase in _grams(normalize_phrase(sentence), spaced) if _lettered(phrase))


def _lettered(phrase: str) -> bool:
    return any(char.isalpha() for char in phrase)


def _grams(lowered: str, spaced: bool) -> Iterator[str]:
    if not spaced:
        for size in (1, 2, 3):
            for start in range(len(lowered) - size + 1):
                gram = lowered[start : start + size]
                if not any(char.isspace() for char in gram):
                    yield gram
        return
    tokens = list(_TOKEN.finditer(lowered))
    for index, token in enumerate(tokens):
        yield token.group()
        if index + 1 < len(tokens):
            between = lowered[token.end() : tokens[index + 1].start()]
            joiner = " " if between.isspace() else _JOINERS.get(between)
            if joiner is not None:
                yield token.group() + joiner + tokens[index + 1].group()


def select_phrases(
    texts: list[str], tags: list[int], post_of: list[int], spaced: bool
) -> list[str]:
    """The phrases of one language that weigh most for some role."""
    used_by: dict[str, set[int]] = {}
    for text, post in zip(texts, post_of, strict=True):
        for phrase in set(candidates(text, spaced)):
            used_by.setdefault(phrase, set()).add(post)
    vocabulary = sorted(phrase for phrase, posts in used_by.items() if len(posts) >= MIN_POSTS)
    column = {phrase: index for index, phrase in enumerate(vocabulary)}
    matrix = lil_matrix((len(texts), len(vocabulary)))
    for row, text in enumerate(texts):
        for phrase in set(candidates(text, spaced)):
            if phrase in column:
                matrix[row, column[phrase]] = 1.0
    design = matrix.tocsr()
    strength = np.zeros(len(vocabulary))
    labels = np.array(tags)
    for role in range(len(ROLES)):
        wanted = labels == role
        if wanted.sum() < MIN_POSTS:
            continue
        model = LogisticRegression(
            C=SELECTION_C, l1_ratio=1.0, solver="liblinear", max_iter=2000, random_state=0
        ).fit(design, wanted)
        strength = np.maximum(strength, np.abs(model.coef_[0]))
    order = sorted(range(len(vocabulary)), key=lambda index: (-strength[index], vocabulary[index]))
    return [vocabulary[index] for index in order[:PHRASES_PER_LANGUAGE] if strength[index] > 0]


def train(posts: Sequence[CorpusPost]) -> dict[str, Any]:
    by_id = {post.id: post for post in posts}
    roles = load_roles(by_id)
    tagged = [by_id[post_id] for post_id in sorted(roles)]
    languages = supported_languages()
    language_of = {post.id: scan_post(post.text, None, post.mentions).language for post in tagged}
    cut = {post.id: sentences(post.text) for post in tagged}
    phrases: dict[str, list[str]] = {}
    for language in languages:
        group = [post for post in tagged if language_of[post.id] == language]
        texts = [text for post in group for text in cut[post.id]]
        tags = [tag for post in group for tag in roles[post.id]]
        post_of = [number for number, post in enumerate(group) for _ in cut[post.id]]
        spaced = bool(read_toml("lexicons", f"{language}.toml").get("word_boundaries", True))
        phrases[language] = select_phrases(texts, tags, post_of, spaced) if texts else []
    # Each language's scanner with its phrases as side phrases: the hits the analyser sees
    # (the lexicon's own phrases still win the longest-match race, and hide what they cover).
    credit = read_toml("lexicons", "_credit_verbs.toml")
    scanners = {
        language: parse_lexicon(
            read_toml("lexicons", f"{language}.toml"),
            credit.get(language),
            tuple(phrases[language]),
        ).scanner
        for language in languages
    }
    offsets = np.cumsum([0] + [len(phrases[language]) for language in languages])
    labels: list[int] = []
    cells: list[tuple[int, int]] = []
    for post in tagged:
        language = language_of[post.id]
        offset = int(offsets[languages.index(language)])
        texts = cut[post.id]
        for text, tag in zip(texts, roles[post.id], strict=True):
            found: list[int] = []
            scanners[language].scan(text, None, found)
            cells += [(len(labels), offset + phrase) for phrase in found]
            labels.append(tag)
    counts = lil_matrix((len(labels), int(offsets[-1])))
    for row, column in cells:
        counts[row, column] += 1.0
    model = LogisticRegression(C=SENTENCE_C, max_iter=5000).fit(counts.tocsr(), labels)
    if list(model.classes_) != list(range(len(ROLES))):
        raise ValueError("every role needs tagged sentences")
    weights = model.coef_.T  # one row per phrase, one weight per role
    return {
        "produced_by": "python -m teamcredit.training.roles",
        "method": "per language, L1-selected word 1-2-grams (Japanese: character 1-3-grams) of "
        "the tagged sentences; their weights per role from a multinomial logistic regression "
        "of each sentence's role on the phrases it holds",
        "trained_on": {
            "posts": len(tagged),
            "sentences": len(labels),
            "per_role": {role: Counter(labels)[index] for index, role in enumerate(ROLES)},
            "phrases_per_language": PHRASES_PER_LANGUAGE,
            "selection_c": SELECTION_C,
            "sentence_c": SENTENCE_C,
            "min_posts": MIN_POSTS,
        },
        "roles": list(ROLES),
        "languages": {
            language: {
                "phrases": {
                    phrase: _rounded(weights[int(offsets[number]) + index])
                    for index, phrase in enumerate(phrases[language])
                }
            }
            for number, language in enumerate(languages)
        },
    }


def _rounded(row: Any) -> list[float]:
    return [round(float(value), 6) for value in row]


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if roles.json is stale")
    parser.add_argument("--out", type=Path, default=ROLES_PATH)
    args = parser.parse_args(argv)
    posts = in_split(load_corpus(), "train")
    text = render(train(posts))
    if args.check:
        if args.out.read_text(encoding="utf-8") != text:
            print(f"{args.out} is stale: run python -m teamcredit.training.roles", file=sys.stderr)
            return 1
        print(f"{args.out} matches the tagged sentences")
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
