"""Every moment TeamCredit stores or compares is a zoned UTC datetime.

Neo4j keeps a zone-less value as a LOCAL DATETIME, and comparing one with a zoned DATETIME
(``datetime()``, ``createdAt``) gives null: a post published "2025-03-01" would silently drop
out of every ``since`` filter. So each way in (the import document and its CSV files, GraphQL
arguments, the generator) turns what it is given into UTC here: a date alone is midnight UTC,
a time without an offset is read as UTC, and an offset is converted.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time


def to_utc(value: datetime | date) -> datetime:
    if not isinstance(value, datetime):
        return datetime.combine(value, time(), tzinfo=UTC)
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parse_utc(text: str) -> datetime:
    """ISO 8601 text (a date, or a date and time with or without an offset) as UTC."""
    return to_utc(datetime.fromisoformat(text.strip()))
