"""Issuing and checking API keys.

A key reads ``tc_<id>_<secret>``: the id finds the stored record, the 256-bit secret is
checked against ``sha256(salt + secret)`` with a constant-time comparison. A fast hash is
enough here because the secret is random and long (no dictionary to try), unlike a password.

A verified key is remembered for ``fresh_seconds`` (TEAMCREDIT_KEY_CACHE_SECONDS, 5 s by
default) so a request does not pay a graph round trip just to re-check it; revoking through
this process forgets it at once. With a shared Redis (services/shared.py) every other replica
forgets it too, within a poll (0.25 s); without one, or while Redis is down, other processes
stop accepting it within ``fresh_seconds`` (0 checks the graph on every request).

When the graph is unreachable, a key this process verified within ``outage_seconds``
(TEAMCREDIT_KEY_OUTAGE_SECONDS, 15 minutes by default) keeps its last verified identity
(nobody can revoke during an outage either: revoking writes to the graph). Any other key,
invented or merely unseen, cannot be checked and gets ``GraphUnavailable``: an outage must
not turn every well-formed string into a key (each with a rate-limit bucket of its own).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from teamcredit.errors import BadUserInput, GraphUnavailable, NotFound
from teamcredit.graph.keys import ApiKeyRepository
from teamcredit.models import StoredKey
from teamcredit.services.shared import SharedState

SCOPES = ("analyze", "read", "write", "admin", "metrics", "report")
_FORMAT = re.compile(r"^tc_([a-f0-9]{16})_([A-Za-z0-9_\-]{43})$")
_STALE_CACHE_SIZE = 1024


@dataclass(frozen=True, slots=True)
class IssuedKey:
    id: str
    name: str
    scopes: tuple[str, ...]
    secret: str  # shown once, never stored


@dataclass(frozen=True, slots=True)
class VerifiedKey:
    id: str
    name: str
    scopes: frozenset[str]


def _digest(salt: str, secret: str) -> str:
    return hashlib.sha256((salt + secret).encode()).hexdigest()


def parse_scopes(raw: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    items = raw.split(",") if isinstance(raw, str) else list(raw)
    scopes = tuple(dict.fromkeys(s.strip().lower() for s in items if s.strip()))
    unknown = [s for s in scopes if s not in SCOPES]
    if not scopes or unknown:
        raise BadUserInput(
            f"scopes must be among {', '.join(SCOPES)} (got {', '.join(unknown) or 'none'})"
        )
    return scopes


class KeyService:
    def __init__(
        self,
        repo: ApiKeyRepository,
        fresh_seconds: float = 5.0,
        outage_seconds: float = 900.0,
        clock: Callable[[], float] = time.monotonic,
        shared: SharedState | None = None,
    ) -> None:
        self._repo = repo
        self._shared = shared
        self._fresh_seconds = fresh_seconds
        self._outage_seconds = outage_seconds
        self._clock = clock
        # Fingerprint -> the key's last verified identity and when the graph confirmed it.
        self._last_good: OrderedDict[str, tuple[VerifiedKey, float]] = OrderedDict()
        if shared is not None:
            shared.on_revoked(self.forget)
            # Revocations may have been missed (Redis was down or restarted): verify anew.
            shared.on_resync(self._last_good.clear)

    async def create(self, name: str, scopes: tuple[str, ...] | list[str] | str) -> IssuedKey:
        name = name.strip()
        if not name or len(name) > 100:
            raise BadUserInput("a key needs a name of 1 to 100 characters")
        parsed = parse_scopes(scopes)
        key_id = secrets.token_hex(8)
        secret = secrets.token_urlsafe(32)
        salt = secrets.token_hex(16)
        await self._repo.create(key_id, name, salt, _digest(salt, secret), list(parsed))
        return IssuedKey(id=key_id, name=name, scopes=parsed, secret=f"tc_{key_id}_{secret}")

    async def list(self) -> list[StoredKey]:
        return await self._repo.list()

    async def revoke(self, key_id: str) -> StoredKey:
        revoked = await self._repo.revoke(key_id)
        if revoked is None:
            raise NotFound(f"no API key with id {key_id!r}")
        self.forget(key_id)
        if self._shared is not None:
            await self._shared.key_revoked(key_id)
        return revoked

    def forget(self, key_id: str) -> None:
        """Drop a key from the cache of verified keys (revoked here or on another replica)."""
        for cached, (verified, _) in list(self._last_good.items()):
            if verified.id == key_id:
                del self._last_good[cached]

    async def verify(self, presented: str) -> VerifiedKey | None:
        """The key's identity and scopes, or None for a malformed, unknown or revoked key.

        Raises GraphUnavailable when the graph cannot be asked and the key was not verified
        within the last ``outage_seconds``.
        """
        match = _FORMAT.match(presented)
        if match is None:
            return None
        key_id, secret = match.groups()
        fingerprint = hashlib.sha256(presented.encode()).hexdigest()
        known = self._last_good.get(fingerprint)
        if known is not None and self._clock() - known[1] < self._fresh_seconds:
            return known[0]
        try:
            stored = await self._repo.get(key_id)
        except GraphUnavailable:
            known = self._last_good.get(fingerprint)  # a revocation may have landed meanwhile
            if known is not None and self._clock() - known[1] < self._outage_seconds:
                return known[0]
            raise
        if stored is None or not stored.active:
            self._last_good.pop(fingerprint, None)
            return None
        if not hmac.compare_digest(_digest(stored.salt, secret), stored.hash):
            return None
        verified = VerifiedKey(id=stored.id, name=stored.name, scopes=frozenset(stored.scopes))
        self._last_good[fingerprint] = (verified, self._clock())
        self._last_good.move_to_end(fingerprint)
        while len(self._last_good) > _STALE_CACHE_SIZE:
            self._last_good.popitem(last=False)
        return verified
