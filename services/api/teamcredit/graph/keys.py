"""API keys: only a salted hash is stored (the ApiKey node), never the secret."""

from __future__ import annotations

from teamcredit.graph import records
from teamcredit.graph.client import GraphClient
from teamcredit.models import StoredKey

_CREATE = """
CREATE (k:ApiKey {id: $id, name: $name, salt: $salt, hash: $hash, scopes: $scopes,
                  createdAt: datetime()})
RETURN k {.*} AS k
"""
_GET = "MATCH (k:ApiKey {id: $id}) RETURN k {.*} AS k"
_LIST = "MATCH (k:ApiKey) RETURN k {.*} AS k ORDER BY k.createdAt, k.id"
_REVOKE = """
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, datetime())
RETURN k {.*} AS k
"""


def _key(m: dict[str, object]) -> StoredKey:
    return StoredKey(
        id=str(m["id"]),
        name=str(m.get("name") or ""),
        salt=str(m["salt"]),
        hash=str(m["hash"]),
        scopes=tuple(m.get("scopes") or ()),  # type: ignore[arg-type]
        created_at=records.dt(m.get("createdAt")),
        revoked_at=records.dt(m.get("revokedAt")),
    )


class ApiKeyRepository:
    def __init__(self, client: GraphClient) -> None:
        self._client = client

    async def create(
        self, key_id: str, name: str, salt: str, hashed: str, scopes: list[str]
    ) -> StoredKey:
        rows = await self._client.write(
            _CREATE, {"id": key_id, "name": name, "salt": salt, "hash": hashed, "scopes": scopes}
        )
        return _key(rows[0]["k"])

    async def get(self, key_id: str) -> StoredKey | None:
        rows = await self._client.read(_GET, {"id": key_id})
        return _key(rows[0]["k"]) if rows else None

    async def list(self) -> list[StoredKey]:
        return [_key(r["k"]) for r in await self._client.read(_LIST)]

    async def revoke(self, key_id: str) -> StoredKey | None:
        rows = await self._client.write(_REVOKE, {"id": key_id})
        return _key(rows[0]["k"]) if rows else None
