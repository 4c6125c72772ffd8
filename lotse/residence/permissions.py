"""Who may use the eligibility pre-check: case managers, team leads and authority staff."""

from __future__ import annotations

import rules

from lotse.accounts.permissions import is_authority_staff, is_case_manager

can_use_precheck = is_case_manager | is_authority_staff

rules.add_perm("residence.use_precheck", can_use_precheck)
