"""On the case page: choose a letter, fill in its fields, download the PDF."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from lotse.cases.models import Case
from lotse.core.extensions import CaseSection
from lotse.letters.forms import LETTER_FORMS
from lotse.letters.rules import letter_language
from lotse.letters.texts import LANGUAGES


def section(request: HttpRequest, case: Case) -> CaseSection | None:
    # The case page is reached through access_case; the role check is the letter's own.
    if not request.user.has_perm("letters.write_letter"):
        return None
    return CaseSection(
        title=_("Letters"),
        template="letters/case_section.html",
        context={
            # (kind, title): each form is fetched when opened (partials/form_on_demand.html).
            "letters": [(kind, form_class.title) for kind, form_class in LETTER_FORMS.items()],
            "letter_language": LANGUAGES[letter_language(case.client.preferred_language)],
        },
        order=700,
    )
