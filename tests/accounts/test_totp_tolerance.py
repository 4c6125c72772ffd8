"""A TOTP code typed as it turns over still works; an older one does not."""

from __future__ import annotations

import time

from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    validate_totp_code,
)


def _code(secret: str, steps_back: int) -> str:
    counter = int(time.time()) // 30 - steps_back
    return format_hotp_value(hotp_value(secret, counter))


def test_the_code_of_the_previous_30_seconds_is_still_accepted():
    secret = generate_totp_secret()
    assert validate_totp_code(secret, _code(secret, 1))


def test_a_code_older_than_one_step_is_refused():
    secret = generate_totp_secret()
    assert not validate_totp_code(secret, _code(secret, 3))
