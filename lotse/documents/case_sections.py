"""The case's documents, with the upload form."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lotse.core.extensions import CaseSection
from lotse.core.prepared import Markers, children_of, prepared
from lotse.documents.models import Document


@prepared
def _documents_of_case(p: Markers):
    return Document.objects.filter(case_id=p.int("case")).select_related(
        "document_type", "uploaded_by"
    )[:200]


def section(request, case) -> CaseSection | None:
    if not request.user.has_perm("cases.view_case", case):
        return None
    return CaseSection(
        title=_("Documents"),
        template="documents/case_section.html",
        # The upload form is fetched when opened (partials/form_on_demand.html).
        context={"documents": children_of(case, _documents_of_case(case=case.pk), "case")},
        order=60,
    )
