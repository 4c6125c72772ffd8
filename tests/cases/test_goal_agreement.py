"""Goal agreements: only after an assessment; printable in German and the client's language."""

from __future__ import annotations

import datetime as dt
import io

from django.template.loader import render_to_string
from django.urls import reverse
from pypdf import PdfReader

from lotse.audit.models import AccessLogEntry
from lotse.cases import worklist
from lotse.cases.agreement_texts import TEXTS
from lotse.cases.models import Case, GoalAgreement
from tests.cases.conftest import step
from tests.cases.factories import field, make_agreement, make_assessment


def goal_data(case, n: int, **extra) -> dict:
    data = {
        "goals-TOTAL_FORMS": "3",
        "goals-INITIAL_FORMS": "0",
        "goals-MIN_NUM_FORMS": "0",
        "goals-MAX_NUM_FORMS": "20",
        "agreed_on": "2026-02-10",
        "language": "uk",
    }
    for i in range(n):
        data.update(
            {
                f"goals-{i}-field": field(case, ["language", "work"][i % 2]).pk,
                f"goals-{i}-description": f"Ziel Nummer {i}",
                f"goals-{i}-target_date": "2026-06-30",
                f"goals-{i}-client_does": "Meldet sich zum Kurs an",
            }
        )
    data.update(extra)
    return data


def test_a_goal_agreement_needs_an_assessment(cm, world):
    response = cm.get(reverse("cases:agreement-add", kwargs={"pk": world.case_a.pk}))
    assert response.status_code == 302
    page = cm.get(response["Location"])
    assert "Planung setzt eine Bestandsaufnahme voraus" in page.content.decode()


def test_case_manager_records_two_goals_and_implementation_becomes_possible(cm, world):
    make_assessment(world.case_a)
    Case.objects.filter(pk=world.case_a.pk).update(phase="planning")
    response = cm.post(
        reverse("cases:agreement-add", kwargs={"pk": world.case_a.pk}),
        goal_data(world.case_a, 2),
    )
    agreement = GoalAgreement.objects.get(case=world.case_a)
    assert response["Location"] == reverse("cases:agreement", kwargs={"pk": agreement.pk})
    assert agreement.status == "agreed"
    assert [g.description for g in agreement.goals.all()] == ["Ziel Nummer 0", "Ziel Nummer 1"]
    step(cm, world.case_a, "implementation")
    assert Case.objects.get(pk=world.case_a.pk).phase == "implementation"


def test_implementation_without_goal_agreement_is_refused(cm, world):
    make_assessment(world.case_a)
    Case.objects.filter(pk=world.case_a.pk).update(phase="planning")
    response = step(cm, world.case_a, "implementation")
    assert Case.objects.get(pk=world.case_a.pk).phase == "planning"
    assert "Zielvereinbarung voraus" in cm.get(response["Location"]).content.decode()


def test_an_agreement_without_goals_is_refused(cm, world):
    make_assessment(world.case_a)
    page = cm.post(
        reverse("cases:agreement-add", kwargs={"pk": world.case_a.pk}), goal_data(world.case_a, 0)
    )
    assert "mindestens ein Ziel" in page.content.decode()
    assert not GoalAgreement.objects.exists()


def test_pdf_has_german_and_the_clients_language_and_is_logged(cm, world):
    agreement = make_agreement(world.case_a, goals=2)
    agreement.language = "uk"
    agreement.save()
    response = cm.get(reverse("cases:agreement-pdf", kwargs={"pk": agreement.pk}))
    assert response["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.content)).pages
    text = " ".join(" ".join(page.extract_text() for page in pages).split())
    assert "Zielvereinbarung" in text and "Угода про цілі" in text
    assert "Unterschrift der ratsuchenden Person" in text
    assert "Goal 1" in text and "Haddad" in text
    assert AccessLogEntry.objects.filter(
        action="cases.goalagreement.downloaded", object_id=str(agreement.pk)
    ).exists()


def test_arabic_and_farsi_columns_are_right_to_left():
    for language in ("ar", "fa"):
        html = render_to_string(
            "cases/pdf/bilingual.html",
            {
                "columns": [
                    {**TEXTS["de"], "lang": "de", "dir": "ltr"},
                    {**TEXTS[language], "lang": language, "dir": "rtl"},
                ],
                "key": "sign_client",
            },
        )
        assert f'lang="{language}" dir="rtl"' in html
        assert TEXTS[language]["sign_client"] in html


def test_every_language_has_every_fixed_text():
    keys = set(TEXTS["de"])
    for language in ("en", "ar", "fa", "uk", "tr"):
        assert set(TEXTS[language]) == keys
        assert all(TEXTS[language][k] for k in keys)


def test_goal_review_records_attainment_and_a_stale_form_is_a_conflict(cm, world):
    agreement = make_agreement(world.case_a)
    goal = agreement.goals.get()
    url = reverse("cases:goal-review", kwargs={"pk": goal.pk})
    data = {
        "version": 1,
        "status": "partly",
        "attainment": "A1 erreicht",
        "reviewed_on": "2026-03-01",
    }
    assert cm.post(url, data).status_code == 302
    goal.refresh_from_db()
    assert (goal.status, goal.attainment) == ("partly", "A1 erreicht")
    response = cm.post(url, {**data, "status": "dropped"})
    goal.refresh_from_db()
    assert goal.status == "partly"
    assert "Jemand anderes" in cm.get(response["Location"]).content.decode()


def test_worklist_lists_overdue_goals_of_my_cases_in_one_query(world, django_assert_num_queries):
    make_agreement(world.case_a, goals=3, target=dt.date(2026, 3, 1))
    make_agreement(world.case_b, goals=1, target=dt.date(2026, 3, 1))
    # One query beside the user's open cases, which the start page reads once for all lists.
    with django_assert_num_queries(2):
        items = list(worklist._overdue_goals(world.case_manager_a, dt.date(2026, 4, 1)))
    assert len(items) == 3
    assert all(item.overdue and item.kind == "goal_overdue" for item in items)
    assert not list(worklist._overdue_goals(world.case_manager_a, dt.date(2026, 2, 1)))
    assert not list(worklist.items(world.other_case_manager_a, dt.date(2026, 4, 1)))
