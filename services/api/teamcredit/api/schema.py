"""The schema, assembled from one module per aggregate, with its limits and guards."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.types.base_scalars import DateTimeDefinition, wrap_parser
from strawberry.tools import merge_types
from strawberry.types.scalar import ScalarDefinition

from teamcredit.api import limits
from teamcredit.api.analysis import AnalysisQuery
from teamcredit.api.dashboard import DashboardQuery
from teamcredit.api.keys import KeyMutation, KeyQuery
from teamcredit.api.metrics import GraphQLMetrics
from teamcredit.api.nodes import NodeQuery
from teamcredit.api.organizations import OrganizationMutation, OrganizationType
from teamcredit.api.people import PersonMutation, PersonQuery, PersonType
from teamcredit.api.permissions import SelectionScopes, build_policy, install_scope_checks
from teamcredit.api.posts import PostMutation, PostQuery, PostType
from teamcredit.api.projects import ProjectMutation, ProjectQuery, ProjectType
from teamcredit.api.teams import TeamMutation, TeamQuery, TeamType
from teamcredit.models import parse_utc, to_utc

QUERIES: tuple[type, ...] = (
    NodeQuery,
    PersonQuery,
    TeamQuery,
    ProjectQuery,
    PostQuery,
    KeyQuery,
    AnalysisQuery,
    DashboardQuery,
)
MUTATIONS: tuple[type, ...] = (
    OrganizationMutation,
    TeamMutation,
    PersonMutation,
    ProjectMutation,
    PostMutation,
    KeyMutation,
)


# Strawberry's DateTime, except that every argument and input field comes in as zoned UTC
# (a date alone is midnight UTC, no offset reads as UTC): see models.py, moments for why.
UTC_DATETIME = ScalarDefinition(
    name=DateTimeDefinition.name,
    description=DateTimeDefinition.description,
    specified_by_url=None,
    serialize=lambda value: to_utc(value).isoformat(),
    parse_value=wrap_parser(parse_utc, "DateTime"),
    parse_literal=None,
    origin=datetime,
)


LIMIT_RULES = [
    *QueryDepthLimiter(max_depth=limits.MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=limits.MAX_ALIASES).validation_rules,
]


class _Schema(strawberry.Schema):
    def process_errors(self, errors: Any, execution_context: Any = None) -> None:
        # The router logs what deserves it, with the request id; no second, unredacted copy.
        return None


def build_schema(production: bool = False) -> strawberry.Schema:
    query = merge_types("Query", QUERIES)
    mutation = merge_types("Mutation", MUTATIONS)
    policy: dict[tuple[str, str], str] = {}  # filled once the schema exists, below
    extensions: list[Any] = [
        GraphQLMetrics,
        lambda: SelectionScopes(policy),
        lambda: MaxTokensLimiter(max_token_count=limits.MAX_TOKENS),
        lambda: ParserCache(maxsize=limits.PARSER_CACHE),
        lambda: ValidationCache(maxsize=limits.VALIDATION_CACHE),
        # The limits' rule classes are built ONCE: the validation cache keys on them, and a
        # fresh class per request (what a plain factory gives) would never hit the cache.
        lambda: AddValidationRules(LIMIT_RULES),
    ]
    if production:
        extensions.append(DisableIntrospection)
    schema = _Schema(
        query=query,
        mutation=mutation,
        types=[OrganizationType, TeamType, PersonType, ProjectType, PostType],
        extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=production),
        scalar_overrides={datetime: UTC_DATETIME},
    )
    policy.update(build_policy(schema._schema))
    install_scope_checks(schema._schema, policy)
    return schema
