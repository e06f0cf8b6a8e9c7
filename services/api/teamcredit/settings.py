"""Service settings, read from the environment (prefix ``TEAMCREDIT_``) with pydantic-settings,
and from a ``.env`` file in the working directory (the environment wins over the file).

Bad values fail at start with a message naming the variable, so an operator never meets a
half-configured service at the first request.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "TEAMCREDIT_"


class SettingsError(Exception):
    """Raised with a human message naming each bad environment variable."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        frozen=True,
    )

    neo4j_uri: str | None = Field(
        default=None, description="Bolt URI of Neo4j 5.23+; unset starts the embedded graph"
    )
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str = "neo4j"
    # A read-only account for analysts' ad hoc Cypher (`teamcredit cypher`). The embedded
    # graph makes one itself; on Neo4j give a user whose role has no write privilege.
    neo4j_reader_user: str | None = None
    neo4j_reader_password: str | None = None
    data_dir: Path = Path(".teamcredit")
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    env: Literal["dev", "prod"] = "dev"
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    # "auto": JSON lines in production (for a log collector), readable lines in dev and demo.
    log_format: Literal["auto", "json", "console"] = "auto"
    # Seconds a graph call may take before the request answers GRAPH_UNAVAILABLE.
    graph_timeout: float = Field(default=1.5, gt=0, le=60)
    # Writes queue behind one another in the graph, so they get a longer budget.
    graph_write_timeout: float = Field(default=5.0, gt=0, le=120)
    # Statements in flight to the graph per process; more wait their turn, at most
    # graph_queue_timeout seconds (then GRAPH_UNAVAILABLE, or a degraded analysis).
    graph_max_concurrent_reads: int = Field(default=8, ge=1, le=256)
    graph_max_concurrent_writes: int = Field(default=4, ge=1, le=256)
    graph_queue_timeout: float = Field(default=5.0, gt=0, le=120)
    request_timeout: float = Field(default=10.0, gt=0, le=300)
    # Start-up work (opening the graph, its schema, loading the demo) gets its own budget,
    # with retries: a large graph may answer its first statements slowly.
    startup_timeout: float = Field(default=180.0, gt=0, le=3600)
    max_body_bytes: int = Field(default=1_048_576, ge=1024, le=64 * 1_048_576)
    # Origins allowed to call with credentials: the extension's chrome-extension:// and
    # moz-extension:// ids, and frontends. JSON list in the environment.
    cors_origins: list[str] = Field(default_factory=list)
    # The same as a regular expression, e.g. ^chrome-extension://[a-p]{32}$ for any
    # unpacked build of the extension during development.
    cors_origin_regex: str | None = None
    rate_limit_per_minute: int = Field(default=600, ge=1)
    rate_limit_burst: int = Field(default=120, ge=1)
    # Work units (see api/cost.py) a key may spend per minute; a batch of 50 long posts
    # costs about 3,300, a single short analysis about 15.
    cost_budget_per_minute: int = Field(default=60_000, ge=100)
    # Processes that run costly queries off the event loop (api/lane.py); 0 runs them here.
    lane_workers: int = Field(default=2, ge=0, le=32)
    # Start them with the server rather than on the first costly request (which waits for
    # them, its time budget standing still meanwhile). Off by default: starting two
    # interpreters competes with the API's own start for the CPU.
    lane_warm: bool = False
    # How long a verified API key is trusted without asking the graph again: the bound on how
    # long a key revoked through another replica keeps working. 0 checks every request.
    key_cache_seconds: float = Field(default=5.0, ge=0, le=300)
    # Shared state for several replicas (rate-limit budgets, key revocations, the analysis
    # cache): redis://host:6379/0. Unset: kept in each process. See docs/scaling.md.
    redis_url: str | None = None
    # How long an analysis is reused for the same request while the organisation does not
    # change (every graph write invalidates it at once); 0 turns the cache off.
    analysis_cache_seconds: float = Field(default=300.0, ge=0, le=86_400)
    # During a graph outage, keys verified within this many seconds keep working; every
    # other key answers GRAPH_UNAVAILABLE (it cannot be checked).
    key_outage_seconds: float = Field(default=900.0, ge=0, le=86_400)
    # Where the built dashboard is (default: the checkout's dashboard/dist, when built).
    dashboard_dir: Path | None = None
    # Writes keep the recognition dashboard's figures current (services/dashboard.py,
    # docs/dashboard.md); this background re-read is the backstop for changes no version
    # counts (Cypher run on the graph directly). The read took 16-60 s on the 10,000-person,
    # 100,000-post organisation (embedded graph, 2 shared cores): far shorter intervals would
    # keep the graph busy re-reading.
    dashboard_refresh_seconds: float = Field(default=300.0, ge=0, le=86_400)

    @field_validator("neo4j_uri")
    @classmethod
    def _bolt_scheme(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        schemes = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")
        if not value.startswith(schemes):
            raise ValueError(f"must start with one of {', '.join(schemes)}")
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must start with redis://, rediss:// or unix://")
        return value

    @cached_property
    def embedded(self) -> bool:
        return self.neo4j_uri is None

    @property
    def json_logs(self) -> bool:
        return self.log_format == "json" or (self.log_format == "auto" and self.env == "prod")


def load_settings(**overrides: object) -> Settings:
    """Build settings, turning pydantic's report into one line per bad variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            field = ".".join(str(p) for p in err["loc"])
            lines.append(f"{ENV_PREFIX}{field.upper()}: {err['msg']} (got {err.get('input')!r})")
        raise SettingsError("Invalid settings:\n  " + "\n  ".join(lines)) from None
