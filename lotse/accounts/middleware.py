"""TOTP is mandatory for every role that can see client data, and for administrators.

Until such a user has activated an authenticator app, every page except the
MFA set-up, logout and static files sends them to the set-up page.
"""

from __future__ import annotations

import time

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

ALLOWED_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/directory/")


class RequireMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "needs_mfa", False)
            and not request.path.startswith(ALLOWED_PREFIXES)
            and not request.session.get("lotse_mfa_ok")
        ):
            if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                return redirect(reverse("mfa_activate_totp"))
            request.session["lotse_mfa_ok"] = True
        return self.get_response(request)


class RefreshIdleSessionMiddleware:
    """Each request counts as activity and keeps the session from expiring.

    Writing the session on every request (``SESSION_SAVE_EVERY_REQUEST``) costs an UPDATE
    per page; refreshing it once the last refresh is ``SESSION_REFRESH_SECONDS`` old keeps
    the idle limit to within that time at a fraction of the writes.
    """

    KEY = "lotse_refreshed_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if getattr(request, "lotse_poll", False):
            return response  # a page looking again by itself: the user is not active
        if session is not None and session.session_key and not session.is_empty():
            now = int(time.time())
            if now - session.get(self.KEY, 0) >= settings.SESSION_REFRESH_SECONDS:
                session[self.KEY] = now  # marks the session modified: saved with a new expiry
        return response
