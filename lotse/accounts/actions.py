"""Changes to users. Every change is one transaction with its access-log entry."""

from __future__ import annotations

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from lotse.accounts.models import User
from lotse.audit.actions import do_log_access
from lotse.core.tasks import send_notification


def get_password_set_url(user: User, base_url: str) -> str:
    key = default_token_generator.make_token(user)
    path = reverse(
        "account_reset_password_from_key", kwargs={"uidb36": user_pk_to_url_str(user), "key": key}
    )
    return base_url.rstrip("/") + path


@transaction.atomic
def do_create_user(*, acting_user: User, base_url: str, **fields) -> User:
    """Create a staff account without a password and e-mail a link to set one.

    The link is the password-reset link, so it expires like one and works once.
    """
    user = User(username=fields["email"], **fields)
    user.set_unusable_password()
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    do_log_access(acting_user=acting_user, action="accounts.user.created", obj=user)
    body = render_to_string(
        "accounts/email/welcome.txt",
        {
            "user": user,
            "url": get_password_set_url(user, base_url),
            "organisation": user.organisation,
        },
    )
    transaction.on_commit(
        lambda: send_notification.enqueue(user.email, _("Your Lotse account"), body)
    )
    return user


@transaction.atomic
def do_change_user(*, acting_user: User, user: User, changed: list[str]) -> User:
    user.save()
    do_log_access(
        acting_user=acting_user, action="accounts.user.changed", obj=user, detail=", ".join(changed)
    )
    return user
