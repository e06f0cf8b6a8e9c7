"""Who may resolve which field: one policy table, checked for every field.

Root fields need their operation's scope; relation fields of the domain types need
``read``, so an ``analyze`` key that sees a suggested person's name cannot walk on to that
person's memberships or posts. Meta fields (``__typename``, introspection) are public.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from graphql import GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema
from strawberry.extensions import SchemaExtension

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


def scope_guard(policy_of: Callable[[], dict[tuple[str, str], str]]) -> type[SchemaExtension]:
    class ScopeGuard(SchemaExtension):
        def resolve(self, _next: Any, root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
            needed = policy_of().get((info.parent_type.name, info.field_name))
            if needed is not None:
                principal = info.context.principal
                check(
                    principal.scopes if principal else None,
                    needed,
                    f"{info.parent_type.name}.{info.field_name}",
                )
            return _next(root, info, *args, **kwargs)

    return ScopeGuard
