"""Writing to the access log. Called inside the transaction of the change it records."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from lotse.audit.models import AccessLogEntry

if TYPE_CHECKING:
    from django.http import HttpRequest

    from lotse.accounts.models import User

VERB_BY_SUFFIX = {
    "viewed": AccessLogEntry.Verb.READ,
    "listed": AccessLogEntry.Verb.READ,
    "searched": AccessLogEntry.Verb.READ,
    "downloaded": AccessLogEntry.Verb.READ,
    "created": AccessLogEntry.Verb.CREATE,
    "exported": AccessLogEntry.Verb.EXPORT,
    "deleted": AccessLogEntry.Verb.DELETE,
    "anonymised": AccessLogEntry.Verb.DELETE,
}


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def do_log_access(
    *,
    acting_user: User,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    detail: str = "",
    request: HttpRequest | None = None,
) -> AccessLogEntry:
    """Record one access. `action` is a dotted code such as ``cases.case.viewed``.

    The verb (read, create, change, export, delete) follows from the code's last
    part, so the code is the only thing a caller has to get right.
    """
    suffix = action.rsplit(".", 1)[-1]
    organisation = acting_user.organisation if acting_user.organisation_id else None
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    return AccessLogEntry.objects.create(
        user=acting_user,
        user_label=f"{acting_user} <{acting_user.email}>",
        organisation_label=str(organisation) if organisation else "",
        municipality_id=organisation.municipality_id if organisation else None,
        action=action,
        verb=VERB_BY_SUFFIX.get(suffix, AccessLogEntry.Verb.CHANGE),
        object_type=object_type,
        object_id=object_id,
        detail=detail[:300],
        ip_address=client_ip(request),
    )
