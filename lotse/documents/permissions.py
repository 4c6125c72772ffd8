"""A document is seen through its case: whoever may see the case (access_case)."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from lotse.cases.permissions import access_case
from lotse.documents.models import Document


def access_document(request: HttpRequest, pk: int) -> Document:
    case_id = Document.objects.filter(pk=pk).values_list("case_id", flat=True).first()
    if case_id is None:
        raise Http404
    case = access_case(request, case_id, log=False)
    document = Document.objects.select_related("document_type").get(pk=pk)
    document.case = case
    return document
