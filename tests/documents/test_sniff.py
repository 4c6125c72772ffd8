"""Files are recognised by their content, never by their name."""

import io

import pytest

from lotse.documents.sniff import DOCX, JPEG, ODT, PDF, PNG, sniff
from tests.documents.factories import (
    DOCX_BYTES,
    JPEG_BYTES,
    ODT_BYTES,
    PDF_BYTES,
    PNG_BYTES,
    zip_bytes,
)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (PDF_BYTES, PDF),
        (PNG_BYTES, PNG),
        (JPEG_BYTES, JPEG),
        (DOCX_BYTES, DOCX),
        (ODT_BYTES, ODT),
        (b"<html><script>alert(1)</script></html>", None),
        (b"MZ\x90\x00 an executable", None),
        (zip_bytes({"evil.exe": b"MZ"}), None),
        (zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}), None),
        (b"PK\x03\x04 not really a zip", None),
        (b"", None),
    ],
    ids=["pdf", "png", "jpeg", "docx", "odt", "html", "exe", "zip", "ods", "broken-zip", "empty"],
)
def test_only_pdf_png_jpeg_docx_and_odt_content_is_recognised(data, kind):
    stream = io.BytesIO(data)
    assert sniff(stream) == kind
    assert stream.tell() == 0
