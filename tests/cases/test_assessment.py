"""Assessments per field of action, and the change a re-assessment shows."""

from __future__ import annotations

from django.urls import reverse

from lotse.cases.models import Assessment
from lotse.cases.rules import NeedChange, need_changes
from tests.cases.factories import field, make_assessment


def test_need_changes_tell_better_worse_new_and_dropped():
    changes = need_changes({1: "urgent", 2: "low", 3: "high"}, {1: "low", 2: "high", 4: "none"})
    assert {k: c.direction for k, c in changes.items()} == {
        1: "better",
        2: "worse",
        3: "dropped",
        4: "new",
    }
    assert NeedChange(5, "low", "low").direction == "same"


def test_case_manager_records_an_assessment_for_two_fields(cm, world):
    language, housing = field(world.case_a, "language"), field(world.case_a, "housing")
    response = cm.post(
        reverse("cases:assessment-add", kwargs={"pk": world.case_a.pk}),
        {
            "assessed_on": "2026-02-01",
            f"f{language.pk}-need_level": "urgent",
            f"f{language.pk}-situation": "Kein Sprachkurs",
            f"f{housing.pk}-need_level": "low",
            f"f{housing.pk}-resources": "Familie hilft",
        },
    )
    assessment = Assessment.objects.get(case=world.case_a)
    assert response["Location"] == reverse("cases:assessment", kwargs={"pk": assessment.pk})
    entries = {e.field.code: e for e in assessment.entries.all()}
    assert set(entries) == {"language", "housing"}
    assert entries["language"].need_level == "urgent"
    assert entries["housing"].resources == "Familie hilft"


def test_text_without_need_level_and_an_empty_assessment_are_refused(cm, world):
    language = field(world.case_a, "language")
    url = reverse("cases:assessment-add", kwargs={"pk": world.case_a.pk})
    page = cm.post(url, {"assessed_on": "2026-02-01", f"f{language.pk}-situation": "x"})
    assert "Bitte wählen Sie den Bedarf" in page.content.decode()
    page = cm.post(url, {"assessed_on": "2026-02-01"})
    assert "mindestens ein Handlungsfeld" in page.content.decode()
    assert not Assessment.objects.filter(case=world.case_a).exists()


def test_a_reassessment_shows_the_need_before_and_now(cm, world):
    import datetime as dt

    make_assessment(world.case_a, {"language": "urgent", "work": "low"}, on=dt.date(2026, 2, 1))
    second = make_assessment(
        world.case_a, {"language": "low", "work": "high"}, on=dt.date(2026, 5, 1)
    )
    html = cm.get(reverse("cases:detail", kwargs={"pk": world.case_a.pk})).content.decode()
    assert "Bedarf vorher" in html
    assert "weniger Bedarf" in html and "mehr Bedarf" in html
    detail = cm.get(reverse("cases:assessment", kwargs={"pk": second.pk})).content.decode()
    assert "dringend → " in " ".join(detail.split())


def test_the_new_assessment_form_starts_from_the_last_one(cm, world):
    make_assessment(world.case_a, {"language": "urgent"})
    page = cm.get(reverse("cases:assessment-add", kwargs={"pk": world.case_a.pk}))
    language = field(world.case_a, "language")
    form = page.context["form"]
    initial = {f.pk: e.initial for f, e in form.entry_forms}
    assert initial[language.pk]["need_level"] == "urgent"
