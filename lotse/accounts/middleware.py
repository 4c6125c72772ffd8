"""TOTP is mandatory for every role that can see client data, and for administrators.

Until such a user has activated an authenticator app, every page except the
MFA set-up, logout and static files sends them to the set-up page.
"""

from __future__ import annotations

from allauth.mfa.models import Authenticator
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
