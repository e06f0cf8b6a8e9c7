"""Issue 15, findings 4 and 6: deep JSON and lone surrogates answer BAD_USER_INPUT, never 500.

The reproductions: variables nested 1,000 levels gave an HTTP 500 (RecursionError), deeper
ones reset the connection; an escaped lone surrogate in ingestPost's text gave
INTERNAL_SERVER_ERROR (UnicodeEncodeError in the text hash).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest

from teamcredit.errors import BadUserInput
from teamcredit.settings import Settings
from teamcredit.validation import check_name, check_optional, check_post_text
from tests.support.api import asgi_client, codes

INGEST = "mutation($i: PostInput!) { ingestPost(input: $i) { id } }"
ANALYZE = "query($i: PostInput!) { analyzePost(input: $i) { degraded } }"


@pytest.fixture
async def api(settings: Settings, full_key: str) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(settings, full_key) as client:
        yield client


@pytest.mark.parametrize("depth", [1_000, 100_000])
async def test_deeply_nested_variables_are_refused_before_parsing(
    api: httpx.AsyncClient, depth: int
) -> None:
    body = '{"query": "{ __typename }", "variables": {"x": ' + "[" * depth + "]" * depth + "}}"
    response = await api.post(
        "/graphql", content=body.encode(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 400, response.text[:300]
    assert codes(response.json()) == ["BAD_USER_INPUT"]
    assert "nested" in response.json()["errors"][0]["message"]


async def test_brackets_inside_strings_do_not_count(api: httpx.AsyncClient) -> None:
    text = "[" * 5_000 + "{" * 5_000
    response = await api.post(
        "/graphql",
        json={"query": "query($t: String!) { __typename }", "variables": {"t": text}},
    )
    assert response.status_code == 200, response.text[:300]


async def test_deep_nesting_in_a_get_query_string(api: httpx.AsyncClient) -> None:
    variables = '{"x": ' + "[" * 2_000 + "]" * 2_000 + "}"
    response = await api.get("/graphql", params={"query": "{ __typename }", "variables": variables})
    assert response.status_code == 400 and codes(response.json()) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize("lone", ["\ud800", "\udfff", "a\udc00b", "\ud83d"])
@pytest.mark.parametrize("query", [INGEST, ANALYZE])
async def test_lone_surrogates_are_bad_user_input(
    api: httpx.AsyncClient, lone: str, query: str
) -> None:
    variables = {"i": {"text": f"We shipped it {lone}", "authorName": "Ada"}}
    body = json.dumps({"query": query, "variables": variables})  # ensure_ascii: "\\ud800"
    assert "\\ud" in body
    response = await api.post(
        "/graphql", content=body.encode(), headers={"content-type": "application/json"}
    )
    assert response.status_code < 500, response.text[:300]
    assert codes(response.json()) == ["BAD_USER_INPUT"], response.text[:300]


async def test_a_surrogate_pair_is_an_emoji_and_fine(api: httpx.AsyncClient) -> None:
    body = json.dumps({"query": ANALYZE, "variables": {"i": {"text": "We shipped it 🎉"}}})
    assert "\\ud83c\\udf89" in body
    response = await api.post(
        "/graphql", content=body.encode(), headers={"content-type": "application/json"}
    )
    assert "errors" not in response.json(), response.text[:300]


@pytest.mark.parametrize("check", [check_name, check_optional, check_post_text])
def test_every_text_rule_refuses_lone_surrogates(check: object) -> None:
    with pytest.raises(BadUserInput, match="surrogate"):
        check("field", "a\ud800b")  # type: ignore[operator]
