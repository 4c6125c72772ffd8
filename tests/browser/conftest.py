"""Browser tests: Debian's Chromium driven by Playwright, with axe-core checks.

Playwright's own browser download needs internet access that build machines do
not have, so the tests use the system Chromium (LOTSE_CHROMIUM or
/usr/bin/chromium). Under CI a missing browser fails the run; on a laptop
without it the browser tests are left out and the run says so loudly.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the Django calls made
# by the tests themselves are still ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def chromium_path() -> str | None:
    return (
        os.environ.get("LOTSE_CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        pytest.fail("Chromium is not installed: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def assert_accessible(page) -> None:
    """axe-core (bundled by axe-playwright-python) finds no serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    serious = [
        v for v in results.response["violations"] if v.get("impact") in {"serious", "critical"}
    ]
    assert not serious, results.generate_report()


PASSWORD = "correct horse battery"  # every test user's password (tests/conftest.py)


def totp_now(secret: str) -> str:
    """The user's current TOTP code, as their authenticator app would show it."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
    from django.utils import timezone

    return format_hotp_value(hotp_value(secret, int(timezone.now().timestamp()) // 30))


def log_in(page, user) -> None:
    """Sign in through the real forms: password, then the TOTP code if the role needs one.

    Waits until the URL has left /accounts/ (a glob like "**/" would match the login
    page itself).
    """
    page.goto("/accounts/login/")
    page.get_by_label("E-Mail-Adresse").fill(user.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    if "/2fa/authenticate/" in page.url:
        page.get_by_label("Code").fill(totp_now(user.totp_secret))
        page.locator("main button[type=submit]").first.click()
    page.wait_for_url(lambda url: "/accounts/" not in url)


def form_on_demand(page, selector: str):
    """The case-page form matching `selector`, once htmx has fetched it and wired it up.

    Forms on the case page are fetched when opened (partials/form_on_demand.html); a
    field used the moment it appears could still lack its own htmx behaviour.
    """
    form = page.locator(f".on-demand-slot {selector}")
    form.wait_for()
    page.wait_for_function(
        "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"
    )
    return form
