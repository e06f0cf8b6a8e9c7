"""What a request will cost, computed from its document and variables before it runs.

The rate limit counted requests, so one request could hold 1,500 analyses (30 aliases x
50 inputs x 3,000 characters). A request's cost is the work it asks for:

- 1 per field it selects, each alias counted, fragments expanded;
- a list field's selection counted once per item it may return (``first``, or the number
  of ``analyzePosts`` inputs);
- per post analysed, ``POST_COST`` plus one per ``CHARS_PER_UNIT`` characters of its text
  (the analyser's time, and the signals it returns, grow with the text); a post's
  ``framing`` field (recomputed from stored text) costs as much as the longest post.

The cost is charged to the key's budget (services/budget.py) and bounded per request
(``MAX_REQUEST_COST``): the largest batch the extension sends fits with room to spare.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_operation_ast,
    parse,
    value_from_ast_untyped,
)

from teamcredit.api.limits import MAX_POST_TEXT, MAX_TOKENS
from teamcredit.models import MAX_FIRST

FIELD_COST = 1
POST_COST = 10
CHARS_PER_UNIT = 100
# Fields that analyse text when resolved, and the argument that holds it.
_ANALYSES = {("Query", "analyzePost"): "input", ("Query", "analyzePosts"): "inputs"}
_RECOMPUTED = {("Post", "framing")}
# The dashboard's lists are slices of figures computed once per read of the graph
# (services/dashboard.py), not graph work per item: each counts once.
_PRECOMPUTED = {"Dashboard", "DashboardTeam"}


def post_cost(post: Any) -> int:
    text = post.get("text") if isinstance(post, Mapping) else None
    length = len(text) if isinstance(text, str) else MAX_POST_TEXT
    return POST_COST + math.ceil(min(length, 10 * MAX_POST_TEXT) / CHARS_PER_UNIT)


def _is_list(gql_type: Any) -> bool:
    while isinstance(gql_type, GraphQLNonNull):
        gql_type = gql_type.of_type
    return isinstance(gql_type, GraphQLList)


def _named(gql_type: Any) -> Any:
    while isinstance(gql_type, GraphQLNonNull | GraphQLList):
        gql_type = gql_type.of_type
    return gql_type


class _Costing:
    def __init__(
        self, schema: GraphQLSchema, document: DocumentNode, variables: Mapping[str, Any]
    ) -> None:
        self.schema = schema
        self.variables = dict(variables)
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        # A fragment's cost, once: this runs before validation, so fragments spreading each
        # other twice at each level (2^n walks) or in a cycle must cost linear time.
        self._fragment_costs: dict[str, int] = {}
        self._in_progress: set[str] = set()

    def selection(self, parent: Any, selection_set: SelectionSetNode | None, depth: int) -> int:
        if selection_set is None or depth > 64:
            return 0
        total = 0
        for node in selection_set.selections:
            if isinstance(node, FieldNode):
                total += self.field(parent, node, depth)
            elif isinstance(node, InlineFragmentNode):
                condition = node.type_condition
                target = self.schema.get_type(condition.name.value) if condition else parent
                total += self.selection(target, node.selection_set, depth + 1)
            elif isinstance(node, FragmentSpreadNode):
                total += self.fragment(node.name.value, depth)
        return total

    def fragment(self, name: str, depth: int) -> int:
        known = self._fragment_costs.get(name)
        if known is not None:
            return known
        fragment = self.fragments.get(name)
        if fragment is None or name in self._in_progress:
            return 0  # unknown or cyclic: validation refuses the document
        self._in_progress.add(name)
        target = self.schema.get_type(fragment.type_condition.name.value)
        cost = self.selection(target, fragment.selection_set, depth + 1)
        self._in_progress.discard(name)
        self._fragment_costs[name] = cost
        return cost

    def field(self, parent: Any, node: FieldNode, depth: int) -> int:
        if not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return FIELD_COST
        field = parent.fields.get(node.name.value)
        if field is None:
            return FIELD_COST  # __typename, introspection
        args = {
            a.name.value: value_from_ast_untyped(a.value, self.variables)
            for a in node.arguments or ()
        }
        key = (parent.name, node.name.value)
        own = FIELD_COST
        times = 1
        if key in _ANALYSES:
            posts = args.get(_ANALYSES[key])
            posts = posts if isinstance(posts, list) else [posts]
            own += sum(post_cost(p) for p in posts)
            times = len(posts)
        elif key in _RECOMPUTED:
            own += post_cost(None)
        if parent.name in _PRECOMPUTED:
            times = 1
        elif "first" in field.args:
            first = args.get("first", field.args["first"].default_value)
            times = min(first, MAX_FIRST) if isinstance(first, int) and first > 0 else MAX_FIRST
        elif _is_list(field.type) and key not in _ANALYSES:
            times = 1  # a bounded list of small items (signals, credit): counted once
        child = self.selection(_named(field.type), node.selection_set, depth + 1)
        return own + times * child


def _operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    try:
        return get_operation_ast(document, name)
    except Exception:
        return None


def request_cost(
    schema: GraphQLSchema,
    query: str | DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
) -> int:
    """The request's cost in work units; 0 when it does not parse (the executor says why)."""
    document = parse(query, max_tokens=MAX_TOKENS) if isinstance(query, str) else query
    operation = _operation(document, operation_name)
    if operation is None:
        return 0
    root = schema.get_root_type(operation.operation)
    return _Costing(schema, document, variables or {}).selection(root, operation.selection_set, 0)
