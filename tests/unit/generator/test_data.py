"""The generator's data files: templates read as intended, names and words are neutral."""

from __future__ import annotations

import random

import pytest

from teamcredit.analysis.framing import analyze_framing
from teamcredit.analysis.models import Orientation
from teamcredit.generator import data
from teamcredit.generator.data import Template
from teamcredit.generator.render import Renderer
from teamcredit.generator.shape import DEFAULT_SHAPE

LANGUAGES = ("en", "fr", "es", "de")
# Short and long, plain and accented, one to three words: the importer re-reads every post,
# so a template must hold whatever names and project code names land in it.
NAME_SETS = (
    ["Li Wang"],
    ["María José Fernández", "Zoë de Jong", "Jean-Pierre van der Meer"],
    ["Min-jun Kim", "Aarav Sharma", "Léa Martin", "Tim Bauer"],
)
PROJECTS = ("Jade Yak", "Sapphire Citadel 2")
TEMPLATES = [t for code in LANGUAGES for t in data.languages()[code].templates]


def _fill(template: Template, names: list[str], project: str) -> str:
    language = data.languages()[template.language]
    return template.text.replace("{project}", project).replace(
        "{mentions}", language.mention_list(names)
    )


@pytest.mark.parametrize(
    "template", TEMPLATES, ids=lambda t: f"{t.language}-{t.orientation.value}-{t.text[:24]}"
)
def test_every_template_reads_as_its_orientation(template: Template) -> None:
    for count in range(template.fewest_mentions, template.most_mentions + 1):
        for names in NAME_SETS:
            chosen = (names * 12)[:count]
            for project in PROJECTS:
                text = _fill(template, chosen, project)
                found = analyze_framing(text, template.language)
                assert found.orientation is template.orientation, (text, found.score)


def test_every_combination_the_generator_asks_for_has_a_template() -> None:
    renderer = Renderer(random.Random(0))
    for code in LANGUAGES:
        for orientation in Orientation:
            counts = {n for n, _ in DEFAULT_SHAPE.mention_weights(orientation)}
            if orientation is Orientation.COLLECTIVE:
                counts |= set(range(1, DEFAULT_SHAPE.max_post_mentions + 1))
            for about in (True, False):
                for count in counts:
                    assert renderer.templates(code, orientation, about, count)


def test_names_and_words_carry_no_framing_signal() -> None:
    words = data.words()
    pools = data.name_pools().values()
    vocabulary = {name for pool in pools for name in pool.given + pool.family}
    vocabulary |= set(words.project_adjectives + words.project_nouns)
    vocabulary |= set(words.team_areas + words.team_functions + words.organizations)
    for word in sorted(vocabulary):
        for code in LANGUAGES:
            assert analyze_framing(word, code).signals == (), (word, code)


def test_countries_span_the_individualism_scale() -> None:
    countries = data.countries()
    scores = sorted(c.individualism for c in countries)
    assert len(countries) >= 10
    assert scores[0] <= 20 and scores[-1] >= 89
    languages = {lang for c in countries for lang, _ in c.languages}
    assert languages == set(LANGUAGES)
