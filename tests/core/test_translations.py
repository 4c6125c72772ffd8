"""German is the default language: every string marked for translation in the source
has a German translation (gettext comes with scripts/system-packages)."""

from __future__ import annotations

import runpy
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _untranslated(po: Path) -> list[str]:
    """Entries without a German translation (empty or fuzzy), as msgattrib lists them."""
    found = []
    for flag in ("--untranslated", "--only-fuzzy"):
        out = subprocess.run(
            ["msgattrib", flag, "--no-obsolete", "--no-location", str(po)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        entries = [e.strip() for e in out.split("\n\n") if "msgid" in e]
        found += [e for e in entries if "Content-Type:" not in e]  # not the header
    return found


def test_every_string_in_the_source_has_a_german_translation(tmp_path):
    """Catalogues made afresh from the source (in a copy of the package) hold no
    untranslated or fuzzy German entry: a new string without a translation fails here."""
    update = runpy.run_path(str(ROOT / "scripts" / "messages"))["update"]
    copy = tmp_path / "lotse"
    shutil.copytree(ROOT / "lotse", copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    made = update(copy)
    assert len(made) > 10  # every app with a catalogue, and the project's
    missing = {
        str(po.relative_to(tmp_path)): _untranslated(po)
        for locale in made
        if (po := locale / "de" / "LC_MESSAGES" / "django.po").exists()
    }
    assert {path: ids for path, ids in missing.items() if ids} == {}


def test_the_empty_choice_of_a_select_list_is_german():
    """Django 6.1's "- Select an option -" is not in Django's German catalogue yet."""
    from django.db.models.fields import BLANK_CHOICE_LABEL
    from django.utils import translation

    with translation.override("de"):
        assert str(BLANK_CHOICE_LABEL) == "– Bitte auswählen –"
