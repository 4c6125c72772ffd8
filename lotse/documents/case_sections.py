"""The case's documents, with the upload form."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lotse.core.extensions import CaseSection
from lotse.documents.models import Document


def section(request, case) -> CaseSection | None:
    if not request.user.has_perm("cases.view_case", case):
        return None
    documents = Document.objects.filter(case=case).select_related("document_type", "uploaded_by")
    return CaseSection(
        title=_("Documents"),
        template="documents/case_section.html",
        # The upload form is fetched when opened (partials/form_on_demand.html).
        context={"documents": list(documents[:200])},
        order=60,
    )
