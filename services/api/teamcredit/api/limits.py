"""Resource limits (OWASP API4, unrestricted resource consumption); see docs/security.md."""

from __future__ import annotations

MAX_DEPTH = 10
MAX_JSON_DEPTH = 32  # nesting of a request's JSON (variables), checked before parsing
MAX_ALIASES = 30
MAX_TOKENS = 2_000
MAX_BATCH = 50  # analyzePosts inputs
MAX_POST_TEXT = 3_000  # LinkedIn's own limit, see validation
# Work units (api/cost.py): a batch of 50 posts of 3,000 characters costs about 3,300.
MAX_REQUEST_COST = 4_000
# From this cost on, a query runs on the work lane (api/lane.py), off the event loop.
LANE_COST = 200
PARSER_CACHE = 256
VALIDATION_CACHE = 256

LIMIT_MESSAGES = (
    "exceeds maximum operation depth",
    "aliases found. Allowed:",
    "Document contains more than",
)
