"""Who may resolve which field: one policy table, checked for every field.

Root fields need their operation's scope; relation fields of the domain types need
``read``, so an ``analyze`` key that sees a suggested person's name cannot walk on to that
person's memberships or posts. Meta fields (``__typename``, introspection) are public.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graphql import (
    GraphQLFieldResolver,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    default_field_resolver,
)

from teamcredit.errors import Forbidden, Unauthenticated

ROOT_DEFAULT = {"Query": "read", "Mutation": "write"}
ROOT_OVERRIDES = {
    ("Query", "analyzePost"): "analyze",
    ("Query", "analyzePosts"): "analyze",
    ("Query", "culture"): "analyze",
    ("Query", "apiKeys"): "admin",
    ("Mutation", "erasePerson"): "admin",
    ("Mutation", "createApiKey"): "admin",
    ("Mutation", "revokeApiKey"): "admin",
}
# Domain types whose object-valued fields reveal the graph.
GUARDED_TYPES = ("Organization", "Team", "Person", "Project", "Post", "Membership", "Contribution")


def _named(t: Any) -> Any:
    while isinstance(t, GraphQLNonNull | GraphQLList):
        t = t.of_type
    return t


def build_policy(schema: GraphQLSchema) -> dict[tuple[str, str], str]:
    policy: dict[tuple[str, str], str] = {}
    for root, scope in ROOT_DEFAULT.items():
        root_type = schema.get_type(root)
        if isinstance(root_type, GraphQLObjectType):
            for name in root_type.fields:
                policy[(root, name)] = ROOT_OVERRIDES.get((root, name), scope)
    for type_name in GUARDED_TYPES:
        gql_type = schema.get_type(type_name)
        if not isinstance(gql_type, GraphQLObjectType):
            continue
        for name, field in gql_type.fields.items():
            if isinstance(_named(field.type), GraphQLObjectType):
                policy[(type_name, name)] = "read"
    return policy


def check(principal_scopes: Iterable[str] | None, needed: str, field: str) -> None:
    if principal_scopes is None:
        raise Unauthenticated("a valid API key is required (Authorization: Bearer <key>)")
    if needed not in principal_scopes:
        raise Forbidden(f"this key lacks the '{needed}' scope needed for {field}", scope=needed)


def install_scope_checks(schema: GraphQLSchema, policy: dict[tuple[str, str], str]) -> None:
    """Put the scope check in front of the resolver of every field the policy names.

    Only those fields pay for it: a schema-wide resolve hook ran for every leaf of every
    answer (a hundred per analysis) and cost more than the checks themselves.
    """
    for (type_name, field_name), needed in policy.items():
        gql_type = schema.get_type(type_name)
        if isinstance(gql_type, GraphQLObjectType):
            field = gql_type.fields[field_name]
            field.resolve = _checked(
                field.resolve or default_field_resolver, needed, f"{type_name}.{field_name}"
            )


def _checked(resolve: GraphQLFieldResolver, needed: str, label: str) -> GraphQLFieldResolver:
    def checked(root: Any, info: GraphQLResolveInfo[Any], **kwargs: Any) -> Any:
        principal = info.context.principal
        check(principal.scopes if principal else None, needed, label)
        return resolve(root, info, **kwargs)

    return checked
