from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from lotse.cases.permissions import access_case
from lotse.core.views_helpers import require_perm
from lotse.documents import actions
from lotse.documents.forms import UploadForm
from lotse.documents.permissions import access_document


@require_perm("cases.view_case_list")
@require_http_methods(["GET", "POST"])
def upload(request, case_pk: int):
    case = access_case(request, case_pk, to_change=True)
    form = UploadForm(request.POST or None, request.FILES or None, case=case)
    if request.method == "POST":
        if form.is_valid():
            actions.do_upload_document(
                acting_user=request.user,
                case=case,
                upload=form.cleaned_data["file"],
                kind=form.kind,
                document_type=form.cleaned_data["document_type"],
                title=form.cleaned_data["title"],
                request=request,
            )
            messages.success(request, _("The document was stored."))
            return redirect("cases:detail", case.pk)
        messages.error(request, _("The document was not stored. Please see below."))
    return render(request, "documents/upload.html", {"case": case, "form": form})


@require_perm("cases.view_case_list")
@require_GET
def download(request, pk: int):
    """The file as an attachment with its sniffed type; never rendered by the browser."""
    document = access_document(request, pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    actions.do_log_download(acting_user=request.user, document=document, request=request)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.download_name,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "no-store"
    return response


@require_perm("cases.view_case_list")
@require_http_methods(["GET", "POST"])
def delete(request, pk: int):
    document = access_document(request, pk)
    if request.method == "POST":
        case_id = document.case_id
        actions.do_delete_document(acting_user=request.user, document=document, request=request)
        messages.success(request, _("The document was deleted."))
        return redirect("cases:detail", case_id)
    return render(request, "documents/delete.html", {"document": document})
