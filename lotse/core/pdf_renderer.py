"""HTML to PDF with WeasyPrint, meant to run in a process of its own (no Django here).

WeasyPrint needs a second of CPU and a hundred megabytes or more for a two-language
document with Arabic fonts. Run inside a web worker it would hold the worker's Python
lock that long (every other request of that worker waits) and leave the worker's
memory at its high-water mark for good. ``lotse.core.pdf`` therefore sends the
finished HTML here, to a renderer process per web worker that is replaced after a
number of documents.
"""

from __future__ import annotations

from typing import Any


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict:
    raise ValueError(f"PDF rendering does not fetch resources ({url})")


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # loads Pango: only the renderer process pays for it

    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()
