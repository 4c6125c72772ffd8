"""A few small demo documents for "troisdorf" (one-page PDFs of well under 1 KB).

Called by ``lotse load_demo``; ``delete`` removes the documents of the demo
municipalities and their stored files, so ``--reset`` also clears uploads made
while trying out the demo.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from django.core.files.base import ContentFile
from django.db import transaction

from lotse.cases.models import Case
from lotse.cases.rules import Phase
from lotse.core.models import DocumentType
from lotse.documents.models import Document

SAMPLES = [
    ("consent", "Einwilligung AWO (unterschrieben)"),
    ("residence-title", "Aufenthaltstitel, Kopie"),
    ("certificate", "Sprachzertifikat A2"),
    ("application", "Antrag auf Wohnberechtigungsschein"),
    ("letter", "Schreiben des Jobcenters"),
]
HOW_MANY_CASES = 6


def demo_pdf(text: str) -> bytes:
    """A valid one-page PDF showing `text` (ASCII), with a correct cross-reference table."""
    safe = text.encode("ascii", "replace").replace(b"\\", b"\\\\")
    safe = safe.replace(b"(", b"\\(").replace(b")", b"\\)")
    stream = b"BT /F1 14 Tf 72 770 Td (" + safe + b") Tj 0 -24 Td (Lotse-Demo) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def load(municipality, *, rng: random.Random, stdout) -> None:
    if municipality.slug != "troisdorf":
        return
    types = {t.code: t for t in DocumentType.objects.filter(municipality=municipality, active=True)}
    cases = list(
        Case.objects.filter(municipality=municipality)
        .exclude(phase=Phase.CLOSED.value)
        .order_by("pk")[:HOW_MANY_CASES]
    )
    count = 0
    for case in cases:
        for code, title in rng.sample(SAMPLES, k=2):
            if code not in types:
                continue
            data = demo_pdf(title)
            document = Document(
                municipality=municipality,
                case=case,
                document_type=types[code],
                title=title,
                original_name=f"{code}.pdf",
                content_type="application/pdf",
                extension=".pdf",
                size=len(data),
                uploaded_by_id=case.case_manager_id,
            )
            document.file.save(f"{code}.pdf", ContentFile(data), save=False)
            document.save()
            count += 1
    stdout.write(f"  {municipality.name}: {count} documents")


def delete(municipalities: Iterable) -> None:
    """Remove the documents of the demo municipalities; their files once that is committed."""
    documents = Document.objects.filter(municipality__in=municipalities)
    files = [(d.file.storage, d.file.name) for d in documents.only("file") if d.file.name]
    documents.delete()

    def remove_files() -> None:
        for storage, name in files:
            storage.delete(name)

    transaction.on_commit(remove_files)
