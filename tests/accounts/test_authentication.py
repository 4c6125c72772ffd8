"""Logging in: password, then TOTP; rate limits; idle sessions end."""

from __future__ import annotations

import datetime as dt

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from lotse.accounts.models import Role
from tests.conftest import make_user

PASSWORD = "correct horse battery"


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(timezone.now().timestamp()) // 30))


def login(client, email: str, password: str = PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_password_alone_does_not_log_in_a_user_with_totp(client, world):
    response = login(client, world.case_manager_a.email)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("core:start")).status_code == 302  # still not logged in


def test_password_and_totp_code_log_in(client, world):
    login(client, world.case_manager_a.email)
    response = client.post(
        reverse("mfa_authenticate"), {"code": current_code(world.case_manager_a.totp_secret)}
    )
    assert response.status_code == 302
    assert client.get(reverse("core:start")).status_code == 200


def test_wrong_totp_code_is_refused(client, world):
    login(client, world.case_manager_a.email)
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200
    assert client.get(reverse("core:start")).status_code == 302


def test_client_data_role_without_totp_must_set_it_up_before_any_page(client, world):
    user = make_user(world.kim_a, Role.CASE_MANAGER, with_totp=False)
    login(client, user.email)
    response = client.get(reverse("people:list"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password once more before a second factor is added.
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(response["Location"], {"password": PASSWORD})
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.get(reverse("people:list")).status_code == 200


def test_administrator_without_totp_must_set_it_up(client, world):
    user = make_user(world.kim_a, Role.ADMINISTRATOR, admin=True, with_totp=False)
    client.force_login(user)
    assert client.get(reverse("accounts:list"))["Location"] == reverse("mfa_activate_totp")


def test_coordinator_without_client_data_may_work_without_totp(client, world):
    user = make_user(world.kim_a, Role.COORDINATOR, with_totp=False)
    client.force_login(user)
    assert client.get(reverse("core:start")).status_code == 200


def _error_codes(response) -> set[str]:
    return {e.code for e in response.context["form"].non_field_errors().as_data()}


def test_repeated_failed_logins_are_rate_limited(client, world):
    for _ in range(5):
        response = login(client, world.case_manager_a.email, "wrong password")
        assert "too_many_login_attempts" not in _error_codes(response)
    response = login(client, world.case_manager_a.email, "wrong password")
    assert "too_many_login_attempts" in _error_codes(response)
    # Even the right password is refused while the limit holds.
    response = login(client, world.case_manager_a.email)
    assert response.status_code == 200
    assert "too_many_login_attempts" in _error_codes(response)


def test_session_ends_after_idle_timeout(client, world, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    client.force_login(world.coordinator_a)
    assert client.get(reverse("core:start")).status_code == 200
    key = client.session.session_key
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1)
    )
    response = client.get(reverse("core:start"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_activity_keeps_the_session_alive_for_another_idle_period(client, world):
    client.force_login(world.coordinator_a)
    assert client.get(reverse("core:start")).status_code == 200
    key = client.session.session_key
    # The user was last active two minutes ago and has 28 minutes left ...
    session = client.session
    session["lotse_refreshed_at"] = int(timezone.now().timestamp()) - 120
    session.save()
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() + dt.timedelta(minutes=28)
    )
    # ... and clicks again: the idle period starts anew.
    assert client.get(reverse("core:start")).status_code == 200
    expires = Session.objects.get(session_key=key).expire_date
    assert expires > timezone.now() + dt.timedelta(minutes=29)


def test_passwords_are_hashed_with_argon2_in_production():
    from lotse import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_nobody_can_sign_up(client, db):
    from lotse.accounts.models import User

    client.post(
        reverse("account_signup"),
        {"email": "self@test.example", "password1": "a long passphrase 2026"},
    )
    assert not User.objects.filter(email="self@test.example").exists()
