"""One object graph per process: repositories over one client, built once, injected."""

from __future__ import annotations

from dataclasses import dataclass

from teamcredit.graph.client import GraphClient
from teamcredit.graph.credit import CreditRepository
from teamcredit.graph.dashboard import DashboardRepository
from teamcredit.graph.keys import ApiKeyRepository
from teamcredit.graph.nodes import NodeRepository
from teamcredit.graph.organizations import OrganizationRepository
from teamcredit.graph.people import PersonRepository
from teamcredit.graph.posts import PostRepository
from teamcredit.graph.projects import ProjectRepository
from teamcredit.graph.recognition import RecognitionRepository
from teamcredit.graph.teams import TeamRepository
from teamcredit.services.analysis import AnalysisService
from teamcredit.services.dashboard import DashboardService
from teamcredit.services.ingest import IngestService
from teamcredit.services.keys import KeyService
from teamcredit.services.project_index import ProjectIndex
from teamcredit.services.projects import ProjectChanges
from teamcredit.services.recognition import RecognitionService
from teamcredit.services.runtime import GraphRuntime
from teamcredit.services.shared import SharedState
from teamcredit.settings import Settings


@dataclass
class Services:
    settings: Settings
    runtime: GraphRuntime
    organizations: OrganizationRepository
    teams: TeamRepository
    people: PersonRepository
    projects: ProjectRepository
    project_changes: ProjectChanges
    posts: PostRepository
    nodes: NodeRepository
    project_index: ProjectIndex
    ingest: IngestService
    keys: KeyService
    analysis: AnalysisService
    recognition: RecognitionService
    shared: SharedState
    dashboard: DashboardService

    def project_changed(self) -> None:
        self.project_index.invalidate()

    @property
    def client(self) -> GraphClient:
        return self.runtime.client

    @classmethod
    def build(
        cls, settings: Settings, runtime: GraphRuntime, shared: SharedState | None = None
    ) -> Services:
        """``shared``: the replicas' shared state (one per process; the app starts its poll)."""
        client = runtime.client
        shared = shared or SharedState(settings.redis_url)
        # Every committed write may change an analysis: a new generation of the cache.
        client.add_write_listener(shared.organization_changed)
        people = PersonRepository(client)
        projects = ProjectRepository(client)
        posts = PostRepository(client)
        index = ProjectIndex(projects)
        dashboard = DashboardService(
            DashboardRepository(client), settings.dashboard_refresh_seconds, shared
        )
        return cls(
            settings=settings,
            runtime=runtime,
            organizations=OrganizationRepository(client),
            teams=TeamRepository(client),
            people=people,
            projects=projects,
            project_changes=ProjectChanges(projects, index),
            posts=posts,
            nodes=NodeRepository(client),
            project_index=index,
            ingest=IngestService(people, posts, index, on_written=dashboard.post_written),
            keys=KeyService(
                ApiKeyRepository(client),
                settings.key_cache_seconds,
                settings.key_outage_seconds,
                shared=shared,
            ),
            analysis=AnalysisService(
                CreditRepository(client), index, shared, settings.analysis_cache_seconds
            ),
            recognition=RecognitionService(RecognitionRepository(client)),
            shared=shared,
            dashboard=dashboard,
        )
