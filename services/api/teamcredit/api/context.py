"""What every resolver receives: the process services, this request's loaders and caller."""

from __future__ import annotations

from functools import cached_property
from typing import Any

import strawberry

from teamcredit.api.loaders import Loaders
from teamcredit.services.container import Services
from teamcredit.services.keys import VerifiedKey


class Context:
    def __init__(self, services: Services, request_id: str, principal: VerifiedKey | None) -> None:
        self.services = services
        self.request_id = request_id
        self.principal = principal

    @cached_property
    def loaders(self) -> Loaders:
        # Fourteen DataLoaders per request, and an analysis needs none of them.
        return Loaders.build(self.services)


Info = strawberry.Info[Context, Any]
