"""What every resolver receives: the process services, this request's loaders and caller."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.fastapi import BaseContext

from teamcredit.api.loaders import Loaders
from teamcredit.services.container import Services
from teamcredit.services.keys import VerifiedKey


class Context(BaseContext):
    def __init__(self, services: Services, request_id: str, principal: VerifiedKey | None) -> None:
        super().__init__()
        self.services = services
        self.loaders = Loaders.build(services)
        self.request_id = request_id
        self.principal = principal


Info = strawberry.Info[Context, Any]
