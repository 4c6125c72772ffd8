"""PDF documents from Django templates (WeasyPrint), in a given language.

Client-facing documents (goal agreements, consents, letters) are rendered in the
client's language and, for signing, often in German beside it. The template is
rendered with that language active, so ``{% translate %}`` and ``dir`` follow it;
fonts come from the system (Debian's fonts-noto-core has Arabic and Cyrillic).
Nothing is fetched from the network: URLs in the HTML are not resolved.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation


def text_direction(language: str) -> str:
    return "rtl" if language.split("-")[0] in settings.LANGUAGES_RTL else "ltr"


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict:
    raise ValueError(f"PDF rendering does not fetch resources ({url})")


def render_pdf(template_name: str, context: dict[str, Any], language: str = "de") -> bytes:
    """Render `template_name` in `language` and return the PDF bytes.

    The context gets ``pdf_language`` and ``pdf_direction``; templates should
    extend ``pdf/base.html``, which sets fonts, page size and direction.
    """
    from weasyprint import HTML  # imported late: it loads Pango at import time

    with translation.override(language):
        html = render_to_string(
            template_name,
            {**context, "pdf_language": language, "pdf_direction": text_direction(language)},
        )
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()


def pdf_response(pdf: bytes, filename: str, *, inline: bool = True) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
