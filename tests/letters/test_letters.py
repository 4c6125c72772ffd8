"""Letters from a case: merged with the client's data, in the client's language beside German."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from lotse.audit.models import AccessLogEntry
from lotse.letters.documents import address_lines
from lotse.letters.rules import Recipient, compose, format_date, letter_language
from lotse.letters.texts import LANGUAGES, LETTERS, SALUTATIONS, WEEKDAYS


def pdf_text(content: bytes) -> str:
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    # Arabic script comes out in presentation forms; NFKC maps them back to letters.
    # Lines are wrapped in columns: compare with single spaces.
    return " ".join(unicodedata.normalize("NFKC", text).split())


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize(
    ("preferred", "expected"),
    [("ar", "ar"), ("uk", "uk"), ("fa-AF", "fa"), ("prs", "fa"), ("ru", "de"), ("", "de")],
)
def test_letter_language_falls_back_to_german(preferred, expected):
    assert letter_language(preferred) == expected


def test_every_letter_has_its_text_in_every_language():
    for kind, texts in LETTERS.items():
        assert set(texts) == set(LANGUAGES), kind
        keys = set(texts["de"])
        for language, text in texts.items():
            assert set(text) == keys, (kind, language)
            assert all(value.strip() for value in text.values()), (kind, language)
    assert set(SALUTATIONS) == set(WEEKDAYS) == set(LANGUAGES)


def test_dates_are_written_per_language():
    day = dt.date(2026, 4, 14)
    assert format_date(day, "de", weekday=True) == "Dienstag, 14.04.2026"
    assert format_date(day, "en") == "14 April 2026"
    assert format_date(day, "tr", weekday=True) == "Salı, 14.04.2026"
    assert format_date(day, "ar") == "14/04/2026"


def test_an_invitation_in_arabic_has_german_beside_it_and_runs_right_to_left():
    letter = compose(
        "invitation",
        "ar",
        Recipient(family_name="Haddad", given_names="Nour", gender="f"),
        {"date": dt.date(2026, 4, 14), "time": dt.time(9, 30), "place": "Rathaus"},
    )
    assert [v.language for v in letter.versions] == ["ar", "de"]
    arabic, german = letter.versions
    assert arabic.direction == "rtl" and german.direction == "ltr"
    assert arabic.salutation == "السيدة Nour Haddad المحترمة،"
    assert german.salutation == "Sehr geehrte Frau Haddad,"
    assert ("Uhrzeit", "09:30 Uhr") in german.facts
    assert arabic.note and not german.note


def test_a_german_client_gets_a_german_letter_only():
    letter = compose(
        "confirmation",
        "de",
        Recipient(family_name="Meier", date_of_birth="1990"),
        {"date": dt.date(2026, 4, 14), "service": "KIM"},
    )
    assert [v.language for v in letter.versions] == ["de"]
    assert ("Geburtsdatum", "1990") in letter.versions[0].facts


def test_address_lines_use_the_parts_that_exist():
    class WithAddress:
        street, house_number, postcode, city = "Kölner Straße", "12a", "53840", "Troisdorf"

    class TownOnly:
        city = "Troisdorf"

    assert address_lines(WithAddress()) == ("Kölner Straße 12a", "53840 Troisdorf")
    assert address_lines(TownOnly()) == ("Troisdorf",)
    assert address_lines(object()) == ()


def next_week() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=7)


def invitation(language: str, **overrides):
    data = {
        "invitation-date": next_week().isoformat(),
        "invitation-time": "09:30",
        "invitation-place": "Rathaus A, Kölner Straße 176",
        "invitation-language": language,
    }
    data.update(overrides)
    return data


def url(world, kind="invitation"):
    return reverse("letters:letter", kwargs={"case_pk": world.case_a.pk, "kind": kind})


@pytest.mark.parametrize(
    ("language", "phrase"),
    [
        ("de", "Einladung zu einem Beratungstermin"),
        ("en", "Invitation to a counselling appointment"),
        ("uk", "Запрошення на консультацію"),
        ("tr", "Danışmanlık randevusuna davet"),
        ("ar", "دعوة إلى موعد استشارة"),
        ("fa", "مشاوره"),
    ],
)
def test_invitation_pdf_carries_the_name_and_the_language_text(client, world, language, phrase):
    client.force_login(world.case_manager_a)
    response = client.post(url(world), invitation(language))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert "Haddad" in text
    assert "Einladung zu einem Beratungstermin" in text  # German beside it, always
    if language in {"ar", "fa"}:
        # Right-to-left text may come out reordered: compare the letters, not the order.
        assert all(word[::-1] in squash(text) or word in squash(text) for word in phrase.split())
    else:
        assert phrase in text
    assert "Rathaus A" in text


def test_confirmation_pdf_in_the_clients_preferred_language(client, world):
    world.client_a.preferred_language = "uk"
    world.client_a.birth_year, world.client_a.birth_month, world.client_a.birth_day = 1990, 4, 3
    world.client_a.save()
    client.force_login(world.case_manager_a)
    page = client.get(url(world, "confirmation"))
    assert page.context["form"]["language"].initial == "uk"
    response = client.post(
        url(world, "confirmation"),
        {
            "confirmation-date": timezone.localdate().isoformat(),
            "confirmation-language": "uk",
        },
    )
    text = pdf_text(response.content)
    assert "Підтвердження консультації" in text and "Beratungsbestätigung" in text
    assert "Nour Haddad" in text and "03.04.1990" in text


def test_download_is_logged(client, world):
    client.force_login(world.case_manager_a)
    client.post(url(world), invitation("en"))
    entry = AccessLogEntry.objects.get(action="letters.letter.downloaded")
    assert entry.object_id == str(world.case_a.pk) and "invitation" in entry.detail
    assert entry.user == world.case_manager_a


@pytest.mark.parametrize(
    "overrides",
    [
        {"invitation-date": "2001-01-01"},
        {"invitation-date": "tomorrow"},
        {"invitation-time": "25:99"},
        {"invitation-place": ""},
        {"invitation-language": "xx"},
    ],
)
def test_bad_letter_input_gets_a_message_and_no_pdf(client, world, overrides):
    client.force_login(world.case_manager_a)
    response = client.post(url(world), invitation("de", **overrides))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert response.context["form"].errors
    assert not AccessLogEntry.objects.filter(action="letters.letter.downloaded").exists()


def test_confirmation_date_cannot_be_in_the_future(client, world):
    client.force_login(world.case_manager_a)
    response = client.post(
        url(world, "confirmation"),
        {"confirmation-date": next_week().isoformat(), "confirmation-language": "de"},
    )
    assert "date" in response.context["form"].errors


def test_unknown_letter_and_foreign_case_answer_404(client, world):
    client.force_login(world.case_manager_a)
    assert client.get(url(world, "summons")).status_code == 404
    client.force_login(world.other_case_manager_a)
    assert client.post(url(world), invitation("de")).status_code == 404
    client.force_login(world.case_manager_b)
    assert client.post(url(world), invitation("de")).status_code == 404


def test_case_page_offers_both_letters(client, world):
    client.force_login(world.case_manager_a)
    page = client.get(reverse("cases:detail", kwargs={"pk": world.case_a.pk})).content.decode()
    assert url(world, "invitation") in page and url(world, "confirmation") in page


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_date_fields_of_letters_show_their_date_in_the_browsers_date_picker(world, language):
    """A date picker (input type=date) reads only YYYY-MM-DD: any other text shows empty."""
    from django.utils import translation

    from lotse.letters.forms import ConfirmationForm, InvitationForm

    day = dt.date(2026, 3, 5)
    with translation.override(language):
        for form_class in (InvitationForm, ConfirmationForm):
            form = form_class(case=world.case_a, initial={"date": day})
            assert 'value="2026-03-05"' in str(form["date"])
