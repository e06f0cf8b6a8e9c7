"""Input checks shared by the API, the CLI and the importer."""

from __future__ import annotations

import pytest

from teamcredit.errors import BadUserInput
from teamcredit.validation import check_name, check_post_text, normalize_handle


@pytest.mark.parametrize(
    ("raw", "handle"),
    [
        ("https://www.linkedin.com/in/Ada-L/?miniProfileUrn=x", "ada-l"),
        ("/in/j%C3%A9r%C3%B4me-dupont/", "jérôme-dupont"),
        ("bob-nguyen", "bob-nguyen"),
        ("  ", None),
        (None, None),
    ],
)
def test_handles_are_normalised(raw: str | None, handle: str | None) -> None:
    assert normalize_handle(raw) == handle


def test_bad_handle_is_bad_input() -> None:
    with pytest.raises(BadUserInput):
        normalize_handle("not a handle at all!")


def test_names_and_texts_are_bounded() -> None:
    assert check_name("name", "  Léa  ") == "Léa"
    for bad in ("", "   ", "x" * 201, "a\x00b"):
        with pytest.raises(BadUserInput):
            check_name("name", bad)
    assert check_post_text("text", "x" * 3000)
    with pytest.raises(BadUserInput, match="3000"):
        check_post_text("text", "x" * 3001)
