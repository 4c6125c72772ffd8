"""Changes to users. Every change is one transaction with its access-log entry."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from lotse.accounts.models import Location, Organisation, User
from lotse.audit.actions import do_log_access
from lotse.core.models import District
from lotse.core.tasks import send_notification


def get_password_set_url(user: User, base_url: str) -> str:
    key = default_token_generator.make_token(user)
    path = reverse(
        "account_reset_password_from_key", kwargs={"uidb36": user_pk_to_url_str(user), "key": key}
    )
    return base_url.rstrip("/") + path


@transaction.atomic
def do_create_user(*, acting_user: User, base_url: str, **fields: Any) -> User:
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


class EditConflict(Exception):
    """Someone else saved the record since the form was opened; nothing was written."""


def _save_versioned(
    instance: Organisation | Location, expected_version: int, columns: list[str]
) -> None:
    """Write `columns` only if the stored version is still `expected_version`.

    One conditional UPDATE, so of two simultaneous saves only the first wins.
    """
    model = type(instance)
    values = {column: getattr(instance, column) for column in columns}
    updated = model.objects.filter(pk=instance.pk, version=expected_version).update(
        **values, version=F("version") + 1
    )
    if not updated:
        raise EditConflict
    instance.version = expected_version + 1


@transaction.atomic
def do_create_organisation(*, acting_user: User, name: str, kind: str) -> Organisation:
    """An administrator adds an organisation (Träger) to their own municipality."""
    if acting_user.organisation is None:
        raise ValueError("Only a member of an organisation acts for a municipality.")
    organisation = Organisation.objects.create(
        municipality_id=acting_user.organisation.municipality_id, name=name, kind=kind
    )
    do_log_access(acting_user=acting_user, action="accounts.organisation.created", obj=organisation)
    return organisation


@transaction.atomic
def do_change_organisation(
    *, acting_user: User, organisation: Organisation, expected_version: int, changed: list[str]
) -> Organisation:
    """Save a changed organisation; raises EditConflict if it was saved meanwhile."""
    _save_versioned(organisation, expected_version, ["name", "kind"])
    do_log_access(
        acting_user=acting_user,
        action="accounts.organisation.changed",
        obj=organisation,
        detail=", ".join(changed),
    )
    return organisation


@transaction.atomic
def do_create_location(
    *,
    acting_user: User,
    organisation: Organisation,
    name: str,
    address: str = "",
    district: District | None = None,
    fte: Decimal = Decimal("0"),
) -> Location:
    """A place where the organisation counsels, with its case-management FTE."""
    location = Location.objects.create(
        organisation=organisation, name=name, address=address, district=district, fte=fte
    )
    do_log_access(acting_user=acting_user, action="accounts.location.created", obj=location)
    return location


@transaction.atomic
def do_change_location(
    *, acting_user: User, location: Location, expected_version: int, changed: list[str]
) -> Location:
    """Save a changed location; raises EditConflict if it was saved meanwhile."""
    _save_versioned(location, expected_version, ["name", "address", "district_id", "fte"])
    do_log_access(
        acting_user=acting_user,
        action="accounts.location.changed",
        obj=location,
        detail=", ".join(changed),
    )
    return location
