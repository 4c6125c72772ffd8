"""Permissions for the start page and aggregate views (no client names)."""

import rules

from lotse.accounts.permissions import is_coordinator, is_staff_member

rules.add_perm("core.view_start", is_staff_member)
rules.add_perm("core.view_aggregates", is_coordinator)
