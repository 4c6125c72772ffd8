"""Demo documents: a few small real PDFs, removed with their files on `load_demo --reset`."""

from __future__ import annotations

import io
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from lotse.documents.demo import demo_pdf
from lotse.documents.models import Document
from lotse.documents.sniff import PDF, sniff

pytestmark = pytest.mark.django_db


def test_the_demo_pdf_is_a_small_readable_pdf():
    data = demo_pdf("Aufenthaltstitel (Kopie)")
    assert len(data) < 2000
    assert sniff(io.BytesIO(data)) == PDF
    assert "Aufenthaltstitel (Kopie)" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_reset_removes_the_demo_documents_and_their_files(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", clients=20, stdout=StringIO())
    first = {Path(d.file.path) for d in Document.objects.all()}
    assert first and all(p.is_file() and p.stat().st_size < 4096 for p in first)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", clients=20, reset=True, stdout=StringIO())
    assert not any(p.exists() for p in first)
    assert Document.objects.filter(municipality__slug="troisdorf").exists()
