"""Uploads are sniffed and limited; downloads go through the case's permission check."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lotse.audit.models import AccessLogEntry
from lotse.core.models import DocumentType
from lotse.documents.models import Document
from tests.documents.factories import DOCX_BYTES, PDF_BYTES, PNG_BYTES, make_document

pytestmark = pytest.mark.django_db


def _stored_files() -> set[Path]:
    return {p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()}


def _upload(client, world, name, data, content_type="application/octet-stream", **extra):
    doc_type = DocumentType.objects.get(municipality=world.municipality_a, code="identity")
    return client.post(
        reverse("documents:upload", args=[world.case_a.pk]),
        {
            "document_type": doc_type.pk,
            "title": "",
            "file": SimpleUploadedFile(name, data, content_type=content_type),
            **extra,
        },
    )


@pytest.mark.parametrize(
    ("name", "data", "content_type", "stored_type"),
    [
        ("pass.pdf", PDF_BYTES, "application/pdf", "application/pdf"),
        ("scan.bin", PNG_BYTES, "application/octet-stream", "image/png"),
        (
            "brief.docx",
            DOCX_BYTES,
            "application/zip",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    ],
)
def test_an_allowed_file_is_stored_under_a_random_name_with_its_sniffed_type(
    client, world, name, data, content_type, stored_type
):
    client.force_login(world.case_manager_a)
    response = _upload(client, world, name, data, content_type)
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.content_type == stored_type
    assert Path(name).stem not in document.file.name
    path = Path(document.file.path)
    assert path.read_bytes() == data
    assert Path(settings.MEDIA_ROOT) in path.parents
    assert AccessLogEntry.objects.filter(action="documents.document.created").count() == 1


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("harmless.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"),
        ("photo.jpg", b"MZ\x90\x00", "image/jpeg"),
        ("empty.pdf", b"", "application/pdf"),
    ],
    ids=["html-named-pdf", "exe-named-jpg", "empty"],
)
def test_a_file_whose_content_is_not_allowed_is_refused_and_nothing_stored(
    client, world, name, data, content_type
):
    before = _stored_files()
    client.force_login(world.case_manager_a)
    response = _upload(client, world, name, data, content_type)
    assert response.status_code == 200
    assert 'class="error"' in response.content.decode()
    assert not Document.objects.exists()
    assert _stored_files() == before


def test_a_file_over_the_size_limit_is_refused_with_the_limit_named(client, world, settings):
    settings.LOTSE_MAX_UPLOAD_BYTES = 1000
    before = _stored_files()
    client.force_login(world.case_manager_a)
    response = _upload(client, world, "big.pdf", PDF_BYTES + b"0" * 1000)
    assert response.status_code == 200
    assert "1000" in response.content.decode() or "KB" in response.content.decode()
    assert not Document.objects.exists() and _stored_files() == before
    assert _upload(client, world, "small.pdf", PDF_BYTES).status_code == 302


def test_the_default_limit_is_ten_megabytes(client, world):
    from lotse.documents.forms import max_upload_bytes

    assert max_upload_bytes() == 10 * 1024 * 1024


def test_download_is_an_attachment_with_nosniff_and_logged(client, world):
    document = make_document(world.case_a, title="Pass Nour")
    client.force_login(world.case_manager_a)
    response = client.get(reverse("documents:download", args=[document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert AccessLogEntry.objects.filter(
        action="documents.document.downloaded", object_id=str(document.pk)
    ).exists()


@pytest.mark.parametrize(
    "persona",
    ["other_case_manager_a", "partner_staff_a", "coordinator_a", "admin_a", "case_manager_b"],
)
def test_only_who_may_see_the_case_may_download(client, world, persona):
    document = make_document(world.case_a)
    client.force_login(world.personas()[persona])
    assert client.get(reverse("documents:download", args=[document.pk])).status_code == 404
    assert not AccessLogEntry.objects.filter(action="documents.document.downloaded").exists()


def test_no_url_serves_the_documents_folder(client, world):
    document = make_document(world.case_a)
    client.force_login(world.case_manager_a)
    assert client.get("/media/" + document.file.name).status_code == 404
    assert client.get("/" + document.file.name).status_code == 404


def test_delete_removes_record_and_file_and_is_logged(
    client, world, django_capture_on_commit_callbacks
):
    document = make_document(world.case_a)
    path = Path(document.file.path)
    client.force_login(world.case_manager_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("documents:delete", args=[document.pk]))
    assert response.status_code == 302
    assert not Document.objects.exists() and not path.exists()
    assert AccessLogEntry.objects.filter(action="documents.document.deleted").count() == 1
