"""What a file really is, from its first bytes (no Django import).

The name and the browser's content type are not trusted: a file is accepted
only when its content starts like a PDF, PNG or JPEG, or is a ZIP container
holding a Word (DOCX) or OpenDocument text (ODT) document.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import BinaryIO


@dataclass(frozen=True)
class FileKind:
    code: str
    content_type: str
    extension: str


PDF = FileKind("pdf", "application/pdf", ".pdf")
PNG = FileKind("png", "image/png", ".png")
JPEG = FileKind("jpeg", "image/jpeg", ".jpg")
DOCX = FileKind(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".docx",
)
ODT = FileKind("odt", "application/vnd.oasis.opendocument.text", ".odt")
ALLOWED = (PDF, PNG, JPEG, DOCX, ODT)

_MAGIC = ((b"%PDF-", PDF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG))
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _office_kind(stream: BinaryIO) -> FileKind | None:
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
            if (
                "mimetype" in names
                and archive.getinfo("mimetype").file_size < 100
                and archive.read("mimetype").strip() == _ODT_MIMETYPE
            ):
                return ODT
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return DOCX
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, NotImplementedError):
        return None
    return None


def sniff(stream: BinaryIO) -> FileKind | None:
    """The allowed kind of the file's content, or None. Leaves the stream at its start."""
    stream.seek(0)
    head = stream.read(16)
    try:
        for magic, kind in _MAGIC:
            if head.startswith(magic):
                return kind
        if head.startswith(b"PK\x03\x04"):
            stream.seek(0)
            return _office_kind(stream)
        return None
    finally:
        stream.seek(0)
