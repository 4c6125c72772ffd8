"""Administrators create staff accounts; the welcome mail goes out through a real SMTP server."""

from __future__ import annotations

import socket

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.urls import reverse

from lotse.accounts.models import Role, User
from lotse.audit.models import AccessLogEntry


def new_user_form(world, **overrides):
    data = {
        "first_name": "Mara",
        "last_name": "Neu",
        "email": "mara.neu@test.example",
        "organisation": world.kim_a.pk,
        "location": "",
        "role": Role.CASE_MANAGER,
        "languages": "de, ar",
    }
    data.update(overrides)
    return data


def test_administrator_creates_user_who_gets_a_password_link(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.admin_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:create"), new_user_form(world))
    assert response.status_code == 302
    user = User.objects.get(email="mara.neu@test.example")
    assert user.organisation == world.kim_a and not user.has_usable_password()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["mara.neu@test.example"]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body
    assert AccessLogEntry.objects.filter(
        action="accounts.user.created", object_id=str(user.pk)
    ).exists()


def test_user_cannot_be_placed_in_another_municipalitys_organisation(client, world):
    client.force_login(world.admin_a)
    response = client.post(
        reverse("accounts:create"), new_user_form(world, organisation=world.kim_b.pk)
    )
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not User.objects.filter(email="mara.neu@test.example").exists()


def test_duplicate_email_is_refused_with_a_message(client, world):
    client.force_login(world.admin_a)
    response = client.post(
        reverse("accounts:create"), new_user_form(world, email=world.case_manager_a.email.upper())
    )
    assert response.status_code == 200
    assert (
        "existiert bereits" in response.content.decode()
        or "already exists" in response.content.decode()
    )
    assert len(mail.outbox) == 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Inbox:
    def __init__(self):
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd API)
        self.messages.append((envelope.mail_from, envelope.rcpt_tos, envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "timeout": 5},
        }
    }
    yield inbox
    controller.stop()


def test_welcome_mail_is_delivered_to_a_real_smtp_server(
    client, world, smtp_server, django_capture_on_commit_callbacks
):
    client.force_login(world.admin_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:create"), new_user_form(world))
    assert len(smtp_server.messages) == 1
    sender, recipients, content = smtp_server.messages[0]
    assert recipients == ["mara.neu@test.example"]
    assert b"/accounts/password/reset/key/" in content
