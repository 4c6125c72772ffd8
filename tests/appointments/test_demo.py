"""The demo brings interpreters, contacts, follow-ups and appointments."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from lotse.accounts.models import User
from lotse.appointments import worklist
from lotse.appointments.models import Interpreter
from lotse.contacts.models import Contact


def test_demo_case_manager_has_overdue_and_due_follow_ups_and_appointments_today(db):
    call_command("load_demo", clients=60, stdout=StringIO())
    assert Interpreter.objects.filter(municipality__slug="troisdorf").count() >= 3
    assert Interpreter.objects.filter(municipality__slug="ennepe-ruhr-kreis").exists()
    anna = User.objects.select_related("organisation").get(email="anna.schneider@troisdorf.example")
    today = timezone.localdate()
    items = list(worklist.items(anna, today))
    kinds = {(item.kind, item.overdue) for item in items}
    assert ("follow_up", True) in kinds
    assert ("follow_up", False) in kinds
    assert any(item.kind == "appointment" for item in items)
    contact = Contact.objects.filter(case__case_manager=anna).order_by("-date").first()
    assert contact is not None and contact.date <= today
    assert contact.case.last_contact_on >= contact.date


def test_demo_reset_removes_and_reloads_the_calendar_data(db):
    call_command("load_demo", clients=20, stdout=StringIO())
    call_command("load_demo", clients=20, reset=True, stdout=StringIO())
    assert Interpreter.objects.filter(municipality__slug="troisdorf").count() == 5
