"""Property-based contract tests (schemathesis) against a live server.

Every generated query must get an answer that is not a 5xx and whose errors all carry an
expected code: a GraphQL error without a code, or an INTERNAL_SERVER_ERROR, is a bug.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.support.api import LiveServer

EXPECTED_CODES = {
    "BAD_USER_INPUT",
    "NOT_FOUND",
    "FORBIDDEN",
    "UNAUTHENTICATED",
    "QUERY_TOO_COMPLEX",
    "GRAPHQL_VALIDATION_FAILED",
    "GRAPHQL_PARSE_FAILED",
}
CASES_PER_OPERATION = 45
RUN: dict[str, int] = {"graphql": 0, "openapi": 0}
UNEXPECTED: list[str] = []


@pytest.fixture(scope="session")
def graphql_schema(contract_server: LiveServer) -> Any:
    headers = {"Authorization": f"Bearer {contract_server.key}"}  # type: ignore[attr-defined]
    return schemathesis.graphql.from_url(contract_server.base_url + "/graphql", headers=headers)


@pytest.fixture(scope="session")
def openapi_schema(contract_server: LiveServer) -> Any:
    return schemathesis.openapi.from_url(contract_server.base_url + "/openapi.json")


def _operations(schema: Any) -> list[Any]:
    return [result.ok() for result in schema.get_all_operations()]


def _run(operation: Any, max_examples: int, check: Any) -> None:
    # Driven through Hypothesis directly: schemathesis's pytest plugin predates pytest 9.
    @given(case=operation.as_strategy())
    @settings(
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
        derandomize=True,
    )
    def property_holds(case: Any) -> None:
        check(case)

    property_holds()


def test_graphql_operations(graphql_schema: Any, contract_server: LiveServer) -> None:
    headers = {"Authorization": f"Bearer {contract_server.key}"}  # type: ignore[attr-defined]

    def check(case: Any) -> None:
        response = case.call(headers=headers, timeout=30)
        RUN["graphql"] += 1
        assert response.status_code < 500, response.text
        for error in response.json().get("errors") or []:
            code = (error.get("extensions") or {}).get("code")
            if code not in EXPECTED_CODES:
                UNEXPECTED.append(f"{code}: {error.get('message')} <- {case.body}")
            assert code in EXPECTED_CODES, (error, case.body)

    operations = _operations(graphql_schema)
    assert len(operations) >= 25
    for operation in operations:
        _run(operation, CASES_PER_OPERATION, check)
    print(f"schemathesis: {RUN['graphql']} GraphQL cases over {len(operations)} operations")
    assert RUN["graphql"] >= 1000, RUN
    assert not UNEXPECTED


def test_rest_endpoints(openapi_schema: Any) -> None:
    def check(case: Any) -> None:
        RUN["openapi"] += 1
        case.call_and_validate()

    operations = _operations(openapi_schema)
    assert {op.path for op in operations} >= {"/healthz", "/readyz"}
    for operation in operations:
        _run(operation, 20, check)
    assert RUN["openapi"] >= 2
