"""Storing, serving and deleting documents; every change and download is logged."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest

from lotse.audit.actions import do_log_access
from lotse.documents.models import Document
from lotse.documents.sniff import FileKind


def do_upload_document(
    *,
    acting_user,
    case,
    upload,
    kind: FileKind,
    document_type,
    title: str,
    request: HttpRequest | None = None,
) -> Document:
    """Store the file under a random name and record it; on any failure nothing stays."""
    document = Document(
        municipality_id=case.municipality_id,
        case=case,
        document_type=document_type,
        title=title,
        original_name=upload.name[:200],
        content_type=kind.content_type,
        extension=kind.extension,
        size=upload.size,
        uploaded_by=acting_user,
    )
    try:
        with transaction.atomic():
            document.file.save(upload.name, upload, save=False)
            document.save()
            do_log_access(
                acting_user=acting_user,
                action="documents.document.created",
                obj=document,
                detail=f"{kind.code} {upload.size} bytes",
                request=request,
            )
    except BaseException:
        if document.file.name:
            document.file.storage.delete(document.file.name)
        raise
    return document


def do_delete_document(
    *, acting_user, document: Document, request: HttpRequest | None = None
) -> None:
    """Remove the record and, once that is committed, the stored file."""
    name, storage = document.file.name, document.file.storage
    with transaction.atomic():
        do_log_access(
            acting_user=acting_user,
            action="documents.document.deleted",
            obj=document,
            detail=f"case {document.case_id}: {document.title}",
            request=request,
        )
        document.delete()
        transaction.on_commit(lambda: storage.delete(name))


def do_log_download(*, acting_user, document: Document, request: HttpRequest | None) -> None:
    do_log_access(
        acting_user=acting_user,
        action="documents.document.downloaded",
        obj=document,
        detail=f"case {document.case_id}",
        request=request,
    )
