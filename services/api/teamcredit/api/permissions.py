"""Who may resolve which field: one policy table, checked for every field.

Root fields need their operation's scope; relation fields of the domain types need
``read``, so an ``analyze`` key that sees a suggested person's name cannot walk on to that
person's memberships or posts. Of a Person, Team or Project, an ``analyze`` key sees the
id and name (and a person's public handle), which is what naming someone to credit takes;
every other field (headline, country, a team's description, a project's aliases...) needs
``read``. Meta fields (``__typename``, introspection) are public.

A mutation is checked whole before it runs (:class:`SelectionScopes`): a key that may
write but not read what it selected is refused before the write, never told "forbidden"
about a write that committed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLFieldResolver,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    InlineFragmentNode,
    OperationType,
    SelectionSetNode,
    default_field_resolver,
    get_operation_ast,
)
from strawberry.extensions import SchemaExtension

from teamcredit.errors import Forbidden, Unauthenticated

ROOT_DEFAULT = {"Query": "read", "Mutation": "write"}
ROOT_OVERRIDES = {
    ("Query", "analyzePost"): "analyze",
    ("Query", "analyzePosts"): "analyze",
    ("Query", "culture"): "analyze",
    ("Query", "apiKeys"): "admin",
    # The dashboard's aggregates only (privacy floor applied): no walk into the graph.
    ("Query", "dashboard"): "report",
    ("Mutation", "erasePerson"): "admin",
    ("Mutation", "createApiKey"): "admin",
    ("Mutation", "revokeApiKey"): "admin",
}
# Domain types whose object-valued fields reveal the graph.
GUARDED_TYPES = ("Organization", "Team", "Person", "Project", "Post", "Membership", "Contribution")
# What an analysis may show of the people, teams and projects it names, to any key that
# may analyse: enough to name and link them. Every other field of these types needs read.
NAMING_FIELDS = {
    "Person": frozenset({"id", "name", "handle"}),
    "Team": frozenset({"id", "name"}),
    "Project": frozenset({"id", "name"}),
}


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
        naming = NAMING_FIELDS.get(type_name)
        for name, field in gql_type.fields.items():
            relation = isinstance(_named(field.type), GraphQLObjectType)
            if relation or (naming is not None and name not in naming):
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


def _selected(
    schema: GraphQLSchema,
    document: DocumentNode,
    parent: Any,
    selection_set: SelectionSetNode | None,
    seen: set[str],
) -> Iterator[tuple[str, str, FieldNode]]:
    """(type, field, node) for every field a selection names, through its fragments."""
    if selection_set is None or not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
        return
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            name = selection.name.value
            field = parent.fields.get(name)
            if field is None:
                continue  # __typename and introspection: public
            yield parent.name, name, selection
            yield from _selected(
                schema, document, _named(field.type), selection.selection_set, seen
            )
        elif isinstance(selection, InlineFragmentNode):
            condition = selection.type_condition
            target = schema.get_type(condition.name.value) if condition else parent
            yield from _selected(schema, document, target, selection.selection_set, seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is None or name in seen:
                continue
            seen.add(name)
            target = schema.get_type(fragment.type_condition.name.value)
            yield from _selected(schema, document, target, fragment.selection_set, seen)


def missing_scope(
    schema: GraphQLSchema,
    policy: dict[tuple[str, str], str],
    document: DocumentNode,
    operation_name: str | None,
    scopes: Iterable[str],
) -> tuple[str, str, FieldNode] | None:
    """The first field of a mutation whose scope the key lacks: (scope, label, node)."""
    operation = get_operation_ast(document, operation_name)
    if operation is None or operation.operation != OperationType.MUTATION:
        return None
    held = set(scopes)
    root = schema.mutation_type
    for type_name, field_name, node in _selected(
        schema, document, root, operation.selection_set, set()
    ):
        needed = policy.get((type_name, field_name))
        if needed is not None and needed not in held:
            return needed, f"{type_name}.{field_name}", node
    return None


class SelectionScopes(SchemaExtension):
    """Refuse a mutation before it runs when its selection asks for what the key may not read.

    The per-field checks alone let the write commit and then nulled the answer (FORBIDDEN
    on a selected field of a non-null result), so a caller retried a write that had landed.
    """

    def __init__(self, policy: dict[tuple[str, str], str]) -> None:
        self.policy = policy

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        principal = getattr(ctx.context, "principal", None)
        document = ctx.graphql_document
        if principal is not None and document is not None:
            found = missing_scope(
                ctx.schema._schema, self.policy, document, ctx.operation_name, principal.scopes
            )
            if found is not None:
                needed, label, node = found
                message = (
                    f"this key lacks the '{needed}' scope needed for {label} in the selection; "
                    "nothing was written (select only fields this key may read)"
                )
                ctx.result = ExecutionResult(
                    data=None,
                    errors=[
                        GraphQLError(
                            message, nodes=[node], original_error=Forbidden(message, scope=needed)
                        )
                    ],
                )
        yield
