"""PDF documents from Django templates (WeasyPrint), in a given language.

Client-facing documents (goal agreements, consents, letters) are rendered in the
client's language and, for signing, often in German beside it. The template is
rendered with that language active, so ``{% translate %}`` and ``dir`` follow it;
fonts come from the system (Debian's fonts-noto-core has Arabic and Cyrillic).
Nothing is fetched from the network: URLs in the HTML are not resolved.

The HTML is made here; the PDF is drawn in a separate renderer process
(``lotse.core.pdf_renderer``), so that WeasyPrint's CPU time and memory stay out of
the web worker.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from lotse.core.pdf_renderer import html_to_pdf

#: A renderer process is replaced after this many documents (fonts and caches grow).
DOCUMENTS_PER_RENDERER = 100
#: Seconds a document may take before the request gives up.
RENDER_TIMEOUT = 120

_renderer: ProcessPoolExecutor | None = None
_renderer_lock = threading.Lock()


def _pool(*, renew: bool = False) -> ProcessPoolExecutor:
    """This process's renderer, started on first use ("spawn": a fresh interpreter, as
    forking a threaded web worker is unsafe)."""
    global _renderer
    with _renderer_lock:
        if renew and _renderer is not None:
            _renderer.shutdown(wait=False, cancel_futures=True)
            _renderer = None
        if _renderer is None:
            _renderer = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                max_tasks_per_child=DOCUMENTS_PER_RENDERER,
            )
        return _renderer


def text_direction(language: str) -> str:
    return "rtl" if language.split("-")[0] in settings.LANGUAGES_RTL else "ltr"


def render_pdf(template_name: str, context: dict[str, Any], language: str = "de") -> bytes:
    """Render `template_name` in `language` and return the PDF bytes.

    The context gets ``pdf_language`` and ``pdf_direction``; templates should
    extend ``pdf/base.html``, which sets fonts, page size and direction.
    """
    with translation.override(language):
        html = render_to_string(
            template_name,
            {**context, "pdf_language": language, "pdf_direction": text_direction(language)},
        )
    try:
        return _pool().submit(html_to_pdf, html).result(timeout=RENDER_TIMEOUT)
    except BrokenProcessPool:  # the renderer died (killed, out of memory): one new try
        return _pool(renew=True).submit(html_to_pdf, html).result(timeout=RENDER_TIMEOUT)


def pdf_response(pdf: bytes, filename: str, *, inline: bool = True) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
