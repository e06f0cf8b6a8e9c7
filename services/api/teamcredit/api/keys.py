"""GraphQL for API keys (admin scope): list, create (the secret is shown once), revoke."""

from __future__ import annotations

from datetime import datetime

import strawberry

from teamcredit.api.context import Info
from teamcredit.models import StoredKey


@strawberry.type(name="ApiKey")
class ApiKeyType:
    id: strawberry.ID
    name: str
    scopes: list[str]
    created_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def of(cls, k: StoredKey) -> ApiKeyType:
        return cls(
            id=strawberry.ID(k.id),
            name=k.name,
            scopes=list(k.scopes),
            created_at=k.created_at,
            revoked_at=k.revoked_at,
        )


@strawberry.type(name="CreatedApiKey")
class CreatedApiKey:
    id: strawberry.ID
    name: str
    scopes: list[str]
    secret: str = strawberry.field(description="Shown once; only a salted hash is stored")


@strawberry.type
class KeyQuery:
    @strawberry.field
    async def api_keys(self, info: Info) -> list[ApiKeyType]:
        return [ApiKeyType.of(k) for k in await info.context.services.keys.list()]


@strawberry.type
class KeyMutation:
    @strawberry.mutation
    async def create_api_key(self, info: Info, name: str, scopes: list[str]) -> CreatedApiKey:
        issued = await info.context.services.keys.create(name, scopes)
        return CreatedApiKey(
            id=strawberry.ID(issued.id),
            name=issued.name,
            scopes=list(issued.scopes),
            secret=issued.secret,
        )

    @strawberry.mutation
    async def revoke_api_key(self, info: Info, id: strawberry.ID) -> ApiKeyType:
        return ApiKeyType.of(await info.context.services.keys.revoke(id))
