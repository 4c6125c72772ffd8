"""PDFs are rendered in the requested language, Arabic right to left, with no network."""

import io

from pypdf import PdfReader

from lotse.core.pdf import render_pdf, text_direction


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_base_template_renders_to_a_pdf():
    assert render_pdf("pdf/base.html", {}, "de").startswith(b"%PDF")


def test_arabic_and_ukrainian_text_comes_out_as_text_not_boxes(settings, tmp_path):
    template = tmp_path / "t.html"
    template.write_text(
        '{% extends "pdf/base.html" %}{% block body %}<p>{{ words }}</p>{% endblock %}',
        encoding="utf-8",
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], str(tmp_path)]}
    ]
    assert "Україна" in _text(render_pdf("t.html", {"words": "Україна"}, "uk"))
    arabic = _text(render_pdf("t.html", {"words": "اتفاق"}, "ar"))
    assert any("\u0600" <= ch <= "\u06ff" or "\ufe70" <= ch <= "\ufeff" for ch in arabic)


def test_arabic_and_farsi_documents_run_right_to_left():
    assert text_direction("ar") == "rtl"
    assert text_direction("fa") == "rtl"
    assert text_direction("uk") == "ltr"
