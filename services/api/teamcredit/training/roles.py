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
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from scipy.sparse import lil_matrix
from sklearn.linear_model import LogisticRegression

from teamcredit.analysis.charclass import DELIMITER_CLASS
from teamcredit.analysis.language import choose_language
from teamcredit.analysis.lexicon import (
    Lexicon,
    build_lexicon,
    fold_keeping_offsets,
    supported_languages,
)
from teamcredit.analysis.resources import data_file
from teamcredit.analysis.roles import ROLES
from teamcredit.training.artifact import write_or_check
from teamcredit.training.corpus import CorpusPost, in_split, load_corpus
from teamcredit.training.sentence_roles import load_roles, sentences

PHRASES_PER_LANGUAGE = 50
# How strongly the selection penalises a phrase (L1: most weights are exactly zero).
SELECTION_C = 0.3
SENTENCE_C = 1.0
MIN_POSTS = 3
ROLES_PATH = Path(str(data_file("framing", "roles.json")))

# A word: a run of characters after which a phrase may not start (`DELIMITER_CLASS` is
# "[...]"; its negation is "[^...]").
_TOKEN = re.compile(f"[^{DELIMITER_CLASS[1:-1]}]+")


class Occurrence(NamedTuple):
    phrase: str
    start: int
    # The occurrence starts with a capital letter, not at the sentence's start.
    capitalised: bool


def occurrences(sentence: str, spaced: bool) -> Iterator[Occurrence]:
    """The phrases a sentence offers, each with a letter in it: its words and pairs of
    adjacent words, or, without word boundaries, its character 1-3-grams. (Without the
    letter, the corpus' own "[...]" cut marks and clock times came out as phrases.)"""
    # Offsets kept: they locate lexicon hits.
    lowered = fold_keeping_offsets(sentence)
    if not spaced:
        for size in (1, 2, 3):
            for start in range(len(lowered) - size + 1):
                gram = lowered[start : start + size]
                if _lettered(gram) and not any(char.isspace() for char in gram):
                    yield Occurrence(gram, start, False)
        return
    tokens = list(_TOKEN.finditer(lowered))
    for index, token in enumerate(tokens):
        start = token.start()
        capitalised = start > 0 and sentence[start] != lowered[start]
        if _lettered(token.group()):
            yield Occurrence(token.group(), start, capitalised)
        if index + 1 < len(tokens):
            following = tokens[index + 1]
            between = lowered[token.end() : following.start()]
            joiner = " " if between.isspace() else between if between in ("'", "-") else None
            pair = f"{token.group()}{joiner}{following.group()}"
            if joiner is not None and _lettered(pair):
                yield Occurrence(pair, start, capitalised)


def candidates(sentence: str, spaced: bool) -> set[str]:
    return {found.phrase for found in occurrences(sentence, spaced)}


def _lettered(phrase: str) -> bool:
    return any(char.isalpha() for char in phrase)


def visible(sentence: str, lexicon: Lexicon) -> list[Occurrence]:
    """The occurrences the language's scanner can find as side phrases: not those that
    start inside a lexicon hit (a walk starts at the hit's start, then after its end)."""
    hits = lexicon.scanner.scan(sentence)
    hidden = [(hits[index], hits[index + 1]) for index in range(0, len(hits), 3)]
    return [
        found
        for found in occurrences(sentence, lexicon.word_boundaries)
        if not any(start < found.start < end for start, end in hidden)
    ]


def select_phrases(
    texts: list[str], tags: list[int], post_of: list[int], lexicon: Lexicon
) -> list[str]:
    """The phrases of one language that weigh most for some role.

    Counted only where the scanner can find them: a phrase that starts inside a lexicon
    hit is hidden by it ("remercie" inside "je remercie", 謝 inside 感謝), so counting it
    there chose phrases the analyser almost never sees. Words that are mostly written
    with a capital inside a sentence are names ("Ian", "Carmen"): the analyser would
    weigh everyone called so; they are left out, and so are the pairs they are in (not
    in German, which capitalises every noun, nor for words the lexicon lists, like "I").
    """
    used_by: dict[str, set[int]] = {}
    capitals: dict[str, list[int]] = {}  # word -> [capitalised, seen]
    rows: list[set[str]] = []
    for text, post in zip(texts, post_of, strict=True):
        row: set[str] = set()
        for found in visible(text, lexicon):
            row.add(found.phrase)
            used_by.setdefault(found.phrase, set()).add(post)
            if " " not in found.phrase and found.start > 0:
                seen = capitals.setdefault(found.phrase, [0, 0])
                seen[0] += found.capitalised
                seen[1] += 1
        rows.append(row)
    names = set()
    if lexicon.word_boundaries and not lexicon.capitalised_nouns:
        names = {
            word
            for word, (capitalised, seen) in capitals.items()
            if capitalised * 2 >= seen and word not in lexicon.common_words
        }
    vocabulary = sorted(
        phrase
        for phrase, posts in used_by.items()
        if len(posts) >= MIN_POSTS and not names & set(_TOKEN.findall(phrase))
    )
    column = {phrase: index for index, phrase in enumerate(vocabulary)}
    matrix = lil_matrix((len(texts), len(vocabulary)))
    for number, row in enumerate(rows):
        for phrase in row:
            if phrase in column:
                matrix[number, column[phrase]] = 1.0
    design = matrix.tocsr()
    strength = np.zeros(len(vocabulary))
    labels = np.array(tags)
    for role in range(len(ROLES)):
        wanted = labels == role
        if wanted.sum() < MIN_POSTS:  # sentences: a role this rare selects nothing
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
    # The language as the analyser chooses it, without reading the shipped role phrases:
    # a broken roles.json must not stop its own rebuild.
    language_of = {post.id: choose_language(post.text, None).lexicon_language for post in tagged}
    cut = {post.id: sentences(post.text) for post in tagged}
    phrases: dict[str, list[str]] = {}
    for language in languages:
        group = [post for post in tagged if language_of[post.id] == language]
        texts = [text for post in group for text in cut[post.id]]
        tags = [tag for post in group for tag in roles[post.id]]
        post_of = [number for number, post in enumerate(group) for _ in cut[post.id]]
        lexicon = build_lexicon(language)
        phrases[language] = select_phrases(texts, tags, post_of, lexicon) if texts else []
    # Each language's scanner with its phrases as side phrases: the hits the analyser sees
    # (the lexicon's own phrases still win the longest-match race, and hide what they cover).
    scanners = {
        language: build_lexicon(language, tuple(phrases[language])).scanner
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if roles.json is stale")
    parser.add_argument("--out", type=Path, default=ROLES_PATH)
    args = parser.parse_args(argv)
    posts = in_split(load_corpus(), "train")
    return write_or_check(train(posts), args.out, args.check, "teamcredit.training.roles")


if __name__ == "__main__":
    raise SystemExit(main())
