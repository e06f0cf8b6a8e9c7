"""What a refused request is told. The budgets themselves are the `limits` library's moving
windows, shared by the replicas on Redis when configured: see services/shared.py."""

from __future__ import annotations

import math


def retry_after_header(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))
