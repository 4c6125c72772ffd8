from __future__ import annotations

import io
import zipfile

from django.core.files.base import ContentFile

from lotse.core.models import DocumentType
from lotse.documents.models import Document

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX_BYTES = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT_BYTES = zip_bytes(
    {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"}
)


def make_document(case, *, title="Pass", data=PDF_BYTES) -> Document:
    document = Document(
        municipality_id=case.municipality_id,
        case=case,
        document_type=DocumentType.objects.filter(municipality_id=case.municipality_id).first(),
        title=title,
        content_type="application/pdf",
        extension=".pdf",
        size=len(data),
        uploaded_by=case.case_manager,
    )
    document.file.save("x.pdf", ContentFile(data), save=False)
    document.save()
    return document
