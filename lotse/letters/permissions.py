"""Letters are written from a case: by whoever may work on it (lotse.cases.permissions)."""

from __future__ import annotations

import rules

from lotse.accounts.permissions import is_case_manager

rules.add_perm("letters.write_letter", is_case_manager)
