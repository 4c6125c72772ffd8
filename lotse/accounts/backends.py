"""Authentication as allauth does it, without Django's per-user model permissions.

Lotse grants rights by role and organisation through its rules (``<app>/permissions.py``),
never through Django's user or group permissions. Django's model backend would still
look those up with two queries on every request that asks ``has_perm``; this backend
answers that there are none.
"""

from __future__ import annotations

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend


class AuthenticationBackend(AllauthBackend):
    def _get_permissions(self, user_obj, obj, from_name) -> set[str]:
        return set()
