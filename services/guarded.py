"""The base of every service that can be a Bento's entry (the gateway and the three model
services): each depends on the PHI guard and the audit log, so whichever one a Bento starts
from, no path reaches a model without both."""

from __future__ import annotations

import bentoml

from medbento.serving.entry_service import EntryPoint
from services.audit_log import AuditLog
from services.phi_guard import PHIGuard


class GuardedEntry(EntryPoint):
    phi_guard = bentoml.depends(PHIGuard)
    audit = bentoml.depends(AuditLog)
