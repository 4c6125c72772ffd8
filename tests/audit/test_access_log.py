"""Reads of client data are logged; the log cannot be rewritten; admins export it."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from lotse.audit.models import AccessLogEntry, AppendOnlyError


def test_reading_a_client_record_is_logged_with_who_what_and_organisation(client, world):
    client.force_login(world.case_manager_a)
    client.get(reverse("people:detail", args=[world.client_a.pk]))
    entry = AccessLogEntry.objects.get(action="people.client.viewed")
    assert entry.user == world.case_manager_a
    assert entry.object_type == "people.client" and entry.object_id == str(world.client_a.pk)
    assert entry.organisation_label == world.kim_a.name
    assert entry.municipality == world.municipality_a
    assert entry.verb == AccessLogEntry.Verb.READ


def test_a_refused_read_writes_no_success_entry(client, world):
    client.force_login(world.case_manager_b)
    assert client.get(reverse("cases:detail", args=[world.case_a.pk])).status_code == 404
    assert not AccessLogEntry.objects.filter(action="cases.case.viewed").exists()


def test_log_entries_cannot_be_changed_or_deleted(client, world):
    client.force_login(world.case_manager_a)
    client.get(reverse("cases:detail", args=[world.case_a.pk]))
    entry = AccessLogEntry.objects.get(action="cases.case.viewed")
    entry.detail = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="database trigger: PostgreSQL")
def test_database_refuses_to_rewrite_the_log_on_postgresql(client, world):
    client.force_login(world.case_manager_a)
    client.get(reverse("cases:detail", args=[world.case_a.pk]))
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessLogEntry.objects.update(detail="rewritten")


def test_administrator_sees_and_exports_only_their_municipalitys_log(client, world):
    client.force_login(world.case_manager_a)
    client.get(reverse("cases:detail", args=[world.case_a.pk]))
    client.force_login(world.case_manager_b)
    client.get(reverse("cases:detail", args=[world.case_b.pk]))

    client.force_login(world.admin_a)
    page = client.get(reverse("audit:log"), {"action": "cases.case"}).content.decode()
    assert world.case_manager_a.email in page and world.case_manager_b.email not in page
    export = b"".join(client.get(reverse("audit:export")).streaming_content).decode()
    assert export.splitlines()[0].startswith("at,user,organisation,action")
    assert world.case_manager_a.email in export and world.case_manager_b.email not in export
    assert AccessLogEntry.objects.filter(
        action="audit.accesslog.exported", user=world.admin_a
    ).exists()


def test_bad_filter_dates_get_a_message_and_no_error(client, world):
    client.force_login(world.admin_a)
    response = client.get(reverse("audit:log"), {"since": "31.02.2026"})
    assert response.status_code == 200
    assert response.context["form"].errors["since"]
