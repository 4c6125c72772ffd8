"""The printed goal agreement: German beside the client's language, for signing."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from lotse.cases.agreement_texts import agreement_texts
from lotse.cases.models import GoalAgreement
from lotse.core.pdf import render_pdf, text_direction

TEMPLATE = "cases/pdf/goal_agreement.html"


def get_agreement_context(agreement: GoalAgreement) -> dict[str, Any]:
    case = agreement.case
    goals = list(agreement.goals.select_related("field", "partner"))
    languages = ["de"] if agreement.language == "de" else ["de", agreement.language]
    columns = [agreement_texts(code) for code in languages]
    for goal in goals:
        labels = goal.field.labels or {}
        goal.field_labels = [
            (c["lang"], c["dir"], labels[c["lang"]]) for c in columns if labels.get(c["lang"])
        ] or [("de", "ltr", goal.field.code)]
    return {
        "agreement": agreement,
        "case": case,
        "client": case.client,
        "case_manager": case.case_manager,
        "organisation": case.organisation,
        "goals": goals,
        "columns": columns,
    }


# The document is laid out in German (the authoritative version, read left to right);
# every text in the client's language is its own block with its own lang and dir, so
# Arabic and Farsi run right to left inside it.
DOCUMENT_LANGUAGE = "de"


def render_agreement_pdf(agreement: GoalAgreement) -> bytes:
    return render_pdf(TEMPLATE, get_agreement_context(agreement), language=DOCUMENT_LANGUAGE)


def render_agreement_html(agreement: GoalAgreement) -> str:
    """The same document as HTML (for previews and for looking at it in a browser test)."""
    language = DOCUMENT_LANGUAGE
    with translation.override(language):
        return render_to_string(
            TEMPLATE,
            {
                **get_agreement_context(agreement),
                "pdf_language": language,
                "pdf_direction": text_direction(language),
            },
        )
