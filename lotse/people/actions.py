"""Changes to client records: create, change (with optimistic locking), household,
merge and undo. Each runs in one transaction and writes the access log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lotse.audit.actions import do_log_access
from lotse.core import names
from lotse.people.indexing import sync_keys
from lotse.people.models import (
    Client,
    ClientBlockingKey,
    ClientMerge,
    ClientSearchToken,
    DuplicateDecision,
    DuplicateScanPair,
    HouseholdMember,
)

# Fields a user edits on the client form (the M2M markers are handled apart).
EDITABLE = [
    "family_name",
    "given_names",
    "name_original_script",
    "aliases",
    "gender",
    "birth_year",
    "birth_month",
    "birth_day",
    "birth_date_placeholder",
    "nationalities",
    "country_of_birth",
    "languages",
    "preferred_language",
    "interpreter_needed",
    "street",
    "postcode",
    "city",
    "district",
    "arrival_date",
    "residence_status",
    "residence_title",
    "residence_purpose",
    "residence_valid_until",
    "passport_valid_until",
    "phone",
    "email",
    "messenger",
    "preferred_channel",
    "notes",
]
# On a merge, the survivor takes these over from the merged record where it has none.
FILLABLE = [
    name
    for name in EDITABLE
    if name not in {"family_name", "given_names", "aliases", "notes", "birth_date_placeholder"}
]
# Tables that belong to the record itself and are rebuilt, not moved, on a merge.
# Not the person's data: lookup rows, merge records, and what the duplicate scan found
# or was told (a pair with a merged record leaves the scan's list by itself).
_NOT_MOVED = {
    ClientBlockingKey,
    ClientSearchToken,
    ClientMerge,
    DuplicateDecision,
    DuplicateScanPair,
}


class MergeError(Exception):
    pass


@dataclass
class Conflict(Exception):
    """Someone else saved the record since the form was opened."""

    client: Client
    changes: list[tuple[str, str, str]]  # (field label, value then, value now)


def _field_value(client: Client, name: str) -> Any:
    field = Client._meta.get_field(name)
    value = field.value_from_object(client)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def snapshot(client: Client) -> dict[str, Any]:
    """The editable values of the record, JSON-serialisable (for conflicts and undo)."""
    data = {name: _field_value(client, name) for name in EDITABLE}
    data["vulnerability_markers"] = sorted(
        client.vulnerability_markers.values_list("pk", flat=True)
    )
    return data


# Fields holding ISO codes, shown as names in the page's language.
_COUNTRY_FIELDS = {"nationalities", "country_of_birth"}
_LANGUAGE_FIELDS = {"languages", "preferred_language"}


def display_value(name: str, value: Any) -> str:
    """A snapshot value as people read it: names for codes, dates in the page's format."""
    if value in (None, "", []):
        return "–"
    if name == "vulnerability_markers":
        from lotse.core.models import VulnerabilityMarker

        return ", ".join(m.label for m in VulnerabilityMarker.objects.filter(pk__in=value))
    if name in _COUNTRY_FIELDS:
        return names.country_names(value)
    if name in _LANGUAGE_FIELDS:
        return names.language_names(value)
    field = Client._meta.get_field(name)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey):
        obj = field.related_model.objects.filter(pk=value).first()
        return str(obj) if obj else "–"
    if isinstance(field, models.DateField):
        return formats.date_format(dt.date.fromisoformat(value), "SHORT_DATE_FORMAT")
    return str(value)


_BIRTH_FIELDS = ("birth_year", "birth_month", "birth_day", "birth_date_placeholder")


@dataclass
class ComparedRow:
    label: str
    first: str
    second: str

    @property
    def differs(self) -> bool:
        return self.first != self.second


def compared_rows(first: Client, second: Client) -> list[ComparedRow]:
    """The two records side by side for a merge: each field either record has, the
    date of birth as one row where the year stood, codes and dates as people read them."""
    snap_a, snap_b = snapshot(first), snapshot(second)
    rows = []
    for name in snap_a:
        if name == "birth_year":
            rows.append(
                ComparedRow(
                    _("date of birth"),
                    first.date_of_birth_display or "–",
                    second.date_of_birth_display or "–",
                )
            )
        elif name not in _BIRTH_FIELDS and (snap_a[name] or snap_b[name]):
            rows.append(
                ComparedRow(
                    field_label(name),
                    display_value(name, snap_a[name]),
                    display_value(name, snap_b[name]),
                )
            )
    return rows


def field_label(name: str) -> str:
    if name == "vulnerability_markers":
        return _("vulnerability markers")
    return str(Client._meta.get_field(name).verbose_name)


def _apply(client: Client, data: dict[str, Any]) -> None:
    for name in EDITABLE:
        if name in data:
            field = Client._meta.get_field(name)
            value = data[name]
            if isinstance(field, models.ForeignKey):
                setattr(client, field.attname, value.pk if value is not None else None)
            else:
                setattr(client, name, value)


@transaction.atomic
def do_create_client(
    *, acting_user, data: dict[str, Any], request: HttpRequest | None = None
) -> Client:
    """A new client record in the user's organisation, with its lookup keys."""
    organisation = acting_user.organisation
    client = Client(
        municipality_id=organisation.municipality_id,
        organisation=organisation,
        created_by=acting_user,
    )
    _apply(client, data)
    client.full_clean(exclude=["district"])
    client.save()
    if data.get("vulnerability_markers") is not None:
        client.vulnerability_markers.set(data["vulnerability_markers"])
    sync_keys([client])
    do_log_access(
        acting_user=acting_user, action="people.client.created", obj=client, request=request
    )
    return client


@transaction.atomic
def do_change_client(
    *,
    acting_user,
    client: Client,
    data: dict[str, Any],
    version: int,
    original: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
) -> Client:
    """Save the form's values if nobody saved the record since `version` was read.

    Otherwise raise Conflict naming what the other person changed (against
    `original`, the values the form was opened with), and change nothing.
    """
    current = Client.objects.select_for_update().get(pk=client.pk)
    if current.version != version or current.merged_into_id:
        now = snapshot(current)
        before = original or {}
        changes = [
            (field_label(name), display_value(name, before.get(name)), display_value(name, value))
            for name, value in now.items()
            if name in before and before.get(name) != value
        ]
        raise Conflict(current, changes)
    _apply(current, data)
    current.full_clean(exclude=["district"])
    current.version = F("version") + 1
    current.save()
    current.refresh_from_db()
    if data.get("vulnerability_markers") is not None:
        current.vulnerability_markers.set(data["vulnerability_markers"])
    sync_keys([current])
    do_log_access(
        acting_user=acting_user, action="people.client.changed", obj=current, request=request
    )
    return current


@transaction.atomic
def do_add_household_member(
    *,
    acting_user,
    client: Client,
    member: Client | None,
    name: str,
    relation: str,
    birth_year: int | None,
    request: HttpRequest | None = None,
) -> HouseholdMember:
    entry = HouseholdMember.objects.create(
        client=client, member=member, name=name, relation=relation, birth_year=birth_year
    )
    do_log_access(
        acting_user=acting_user,
        action="people.client.changed",
        obj=client,
        detail=f"household member added ({entry.pk})",
        request=request,
    )
    return entry


@transaction.atomic
def do_remove_household_member(
    *, acting_user, entry: HouseholdMember, request: HttpRequest | None = None
) -> None:
    client = entry.client
    pk = entry.pk
    entry.delete()
    do_log_access(
        acting_user=acting_user,
        action="people.client.changed",
        obj=client,
        detail=f"household member removed ({pk})",
        request=request,
    )


# --- merge ----------------------------------------------------------------------


def _relations():
    """(model, field name, is_m2m) for every relation that points at a client."""
    for rel in Client._meta.get_fields(include_hidden=True):
        if not rel.is_relation or not rel.auto_created or rel.concrete:
            continue
        model = rel.related_model
        if model in _NOT_MOVED:
            continue
        if rel.many_to_many:
            through = rel.through
            yield through, rel.field.m2m_reverse_field_name(), True
        elif rel.one_to_many or rel.one_to_one:
            if model is Client._meta.get_field("vulnerability_markers").remote_field.through:
                continue
            yield model, rel.field.name, False


def _label(model: type[models.Model], field: str) -> str:
    return f"{model._meta.label}.{field}"


def _model(label: str) -> tuple[type[models.Model], str]:
    from django.apps import apps

    model_label, field = label.rsplit(".", 1)
    return apps.get_model(model_label), field


@transaction.atomic
def do_merge_clients(
    *,
    acting_user,
    survivor: Client,
    merged: Client,
    reason: str,
    request: HttpRequest | None = None,
) -> ClientMerge:
    """Join `merged` into `survivor`: every row pointing at `merged` (cases, consents,
    household, documents ...) moves to `survivor`; `merged` stays as a marked record so
    its access-log entries keep their subject; the survivor takes over the fields it
    lacks, the other spelling as an alias and the notes. Everything needed to undo
    it exactly is stored on the ClientMerge row."""
    if survivor.pk == merged.pk:
        raise MergeError(_("A record cannot be merged with itself."))
    locked = {
        c.pk: c for c in Client.objects.select_for_update().filter(pk__in=[survivor.pk, merged.pk])
    }
    survivor, merged = locked[survivor.pk], locked[merged.pk]
    if survivor.merged_into_id or merged.merged_into_id:
        raise MergeError(_("One of the records has already been merged."))
    if survivor.municipality_id != merged.municipality_id:
        raise MergeError(_("Records of different municipalities cannot be merged."))

    moved: dict[str, list[int]] = {}
    for model, field, is_m2m in _relations():
        rows = model._default_manager.filter(**{field: merged.pk})
        if is_m2m:
            other = next(
                f.name
                for f in model._meta.fields
                if f.is_relation and f.name != field and f.name != "id"
            )
            already = set(
                model._default_manager.filter(**{field: survivor.pk}).values_list(
                    other + "_id", flat=True
                )
            )
            rows = rows.exclude(**{other + "_id__in": already})
        ids = list(rows.values_list("pk", flat=True))
        if ids:
            model._default_manager.filter(pk__in=ids).update(**{field: survivor.pk})
            moved[_label(model, field)] = ids

    filled: dict[str, list[Any]] = {}
    for name in FILLABLE:
        mine, theirs = _field_value(survivor, name), _field_value(merged, name)
        if mine in (None, "", False) and theirs not in (None, "", False):
            filled[name] = [mine, theirs]
    if not survivor.birth_year and merged.birth_year:
        # the date of birth is one thing: take it over whole
        for name in ("birth_year", "birth_month", "birth_day", "birth_date_placeholder"):
            filled[name] = [_field_value(survivor, name), _field_value(merged, name)]
    else:
        for name in ("birth_month", "birth_day"):
            filled.pop(name, None)
    spellings = [f"{merged.family_name}, {merged.given_names}".strip(", ")]
    spellings += [line.strip() for line in merged.aliases.splitlines() if line.strip()]
    known = {line.strip().lower() for line in survivor.aliases.splitlines()}
    known.add(f"{survivor.family_name}, {survivor.given_names}".strip(", ").lower())
    new_aliases = [s for s in spellings if s.lower() not in known]
    if new_aliases:
        aliases = "\n".join([survivor.aliases.strip(), *new_aliases]).strip()
        filled["aliases"] = [survivor.aliases, aliases]
    if merged.notes.strip():
        notes = "\n\n".join(part for part in (survivor.notes.strip(), merged.notes.strip()) if part)
        filled["notes"] = [survivor.notes, notes]
    for name, (_before, after) in filled.items():
        field = Client._meta.get_field(name)
        setattr(survivor, field.attname, field.to_python(after))
    markers_added = sorted(
        set(merged.vulnerability_markers.values_list("pk", flat=True))
        - set(survivor.vulnerability_markers.values_list("pk", flat=True))
    )
    survivor.vulnerability_markers.add(*markers_added)
    filled["vulnerability_markers_added"] = [[], markers_added]

    survivor.version += 1
    survivor.save()
    merged.merged_into = survivor
    merged.version += 1
    merged.save(update_fields=["merged_into", "version", "updated_at"])
    sync_keys([survivor, merged])
    merge = ClientMerge.objects.create(
        municipality_id=survivor.municipality_id,
        survivor=survivor,
        merged=merged,
        reason=reason[:300],
        merged_by=acting_user,
        moved=moved,
        filled=filled,
    )
    for client, detail in (
        (survivor, f"merge {merge.pk}: kept"),
        (merged, f"merge {merge.pk}: merged into {survivor.pk}"),
    ):
        do_log_access(
            acting_user=acting_user,
            action="people.client.changed",
            obj=client,
            detail=detail,
            request=request,
        )
    return merge


@transaction.atomic
def do_undo_merge(
    *, acting_user, merge: ClientMerge, reason: str, request: HttpRequest | None = None
) -> list[str]:
    """Split a merge again: the moved rows go back, the fields taken over get their
    earlier values (unless someone changed them since; those are named in the result)."""
    merge = ClientMerge.objects.select_for_update().get(pk=merge.pk)
    if merge.undone_at:
        raise MergeError(_("This merge has already been undone."))
    locked = {
        c.pk: c
        for c in Client.objects.select_for_update().filter(
            pk__in=[merge.survivor_id, merge.merged_id]
        )
    }
    survivor, merged = locked[merge.survivor_id], locked[merge.merged_id]
    if merged.merged_into_id != survivor.pk or survivor.merged_into_id:
        raise MergeError(_("The surviving record was merged again since; undo that merge first."))
    for label, ids in merge.moved.items():
        model, field = _model(label)
        model._default_manager.filter(pk__in=ids, **{field: survivor.pk}).update(
            **{field: merged.pk}
        )
    kept: list[str] = []
    for name, (before, after) in merge.filled.items():
        if name == "vulnerability_markers_added":
            survivor.vulnerability_markers.remove(*after)
            continue
        field = Client._meta.get_field(name)
        if _field_value(survivor, name) == after:
            setattr(survivor, field.attname, field.to_python(before))
        else:
            kept.append(str(field.verbose_name))
    survivor.version += 1
    survivor.save()
    merged.merged_into = None
    merged.version += 1
    merged.save(update_fields=["merged_into", "version", "updated_at"])
    sync_keys([survivor, merged])
    merge.undone_by = acting_user
    merge.undone_at = timezone.now()
    merge.undo_reason = reason[:300]
    merge.save(update_fields=["undone_by", "undone_at", "undo_reason"])
    for client in (survivor, merged):
        do_log_access(
            acting_user=acting_user,
            action="people.client.changed",
            obj=client,
            detail=f"merge {merge.pk} undone",
            request=request,
        )
    return kept


@transaction.atomic
def do_mark_not_duplicate(
    *, acting_user, first: Client, second: Client, request: HttpRequest | None = None
) -> DuplicateDecision:
    """Remember that two records are different people, so the scan stops showing them."""
    a, b = sorted([first, second], key=lambda c: c.pk)
    decision, _created = DuplicateDecision.objects.get_or_create(
        first=a,
        second=b,
        defaults={"municipality_id": a.municipality_id, "decided_by": acting_user},
    )
    do_log_access(
        acting_user=acting_user,
        action="people.client.changed",
        obj=a,
        detail=f"not the same person as {b.pk}",
        request=request,
    )
    return decision


def do_unmark_not_duplicate(
    *, acting_user, first: Client, second: Client, request: HttpRequest | None = None
) -> bool:
    """Take back the verdict that two records are different people: the scan shows the
    pair again. False if there was no such verdict."""
    a, b = sorted([first, second], key=lambda c: c.pk)
    deleted, _rows = DuplicateDecision.objects.filter(first=a, second=b).delete()
    if deleted:
        do_log_access(
            acting_user=acting_user,
            action="people.client.changed",
            obj=a,
            detail=f"maybe the same person as {b.pk} again",
            request=request,
        )
    return bool(deleted)


def decision_on(first: Client, second: Client) -> DuplicateDecision | None:
    """The verdict "not the same person" on this pair, if there is one."""
    a, b = sorted([first.pk, second.pk])
    return (
        DuplicateDecision.objects.filter(first_id=a, second_id=b)
        .select_related("decided_by")
        .first()
    )


def noted_as_other_people(client: Client, visible) -> list[tuple[Client, DuplicateDecision]]:
    """The records noted as another person than `client` (`visible`: those the user may
    see), each with its verdict, the latest first: where a verdict can be found again."""
    decisions = (
        DuplicateDecision.objects.filter(models.Q(first=client) | models.Q(second=client))
        .select_related("decided_by")
        .order_by("-decided_at")
    )
    others = {d.second_id if d.first_id == client.pk else d.first_id: d for d in decisions}
    shown = visible.filter(pk__in=list(others)).in_bulk()
    return [(shown[pk], decision) for pk, decision in others.items() if pk in shown]
