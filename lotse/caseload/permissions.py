"""Who sees the caseload: team leads (their organisation, with names of case
managers) and coordinators (per location of the municipality, numbers only)."""

from __future__ import annotations

import rules

from lotse.accounts.permissions import is_coordinator, is_team_lead

can_view_caseload = is_team_lead | is_coordinator

rules.add_perm("caseload.view_caseload", can_view_caseload)
