"""Write each planned post from a template of its language, orientation and mention count."""

from __future__ import annotations

import random

from teamcredit.analysis.models import Orientation
from teamcredit.generator import data
from teamcredit.generator.data import GeneratorDataError, Template
from teamcredit.generator.model import PlannedPost

_Key = tuple[str, Orientation, bool, int]


class Renderer:
    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._languages = data.languages()
        self._choices: dict[_Key, tuple[Template, ...]] = {}

    def templates(
        self, language: str, orientation: Orientation, about: bool, mentions: int
    ) -> tuple[Template, ...]:
        key = (language, orientation, about, mentions)
        found = self._choices.get(key)
        if found is None:
            found = tuple(
                t
                for t in self._languages[language].templates
                if t.orientation is orientation and t.about_project == about and t.allows(mentions)
            )
            if not found:
                raise GeneratorDataError(f"no {language} template for {key}")
            self._choices[key] = found
        return found

    def render(self, post: PlannedPost) -> str:
        about = post.project is not None
        template = self._rng.choice(
            self.templates(post.language, post.orientation, about, len(post.mentions))
        )
        language = self._languages[post.language]
        text = template.text
        if about:
            assert post.project is not None
            text = text.replace("{project}", post.project.name)
        if post.mentions:
            text = text.replace(
                "{mentions}", language.mention_list([p.name for p in post.mentions])
            )
        return text
