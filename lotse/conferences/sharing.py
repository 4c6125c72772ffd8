"""What a conference shows of the client: only the chosen parts (plain Python)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from lotse.conferences.models import SharedPart


def shared_facts(case, parts: Iterable[str]) -> list[tuple[str, str]]:
    """(label, value) for each chosen part, in a fixed order; unknown codes are ignored."""
    chosen = set(parts)
    client = case.client
    facts: list[tuple[str, str]] = []
    for part in SharedPart:
        if part.value not in chosen:
            continue
        if part == SharedPart.NAME:
            value = str(client)
            if client.name_original_script:
                value += f" ({client.name_original_script})"
        elif part == SharedPart.LANGUAGES:
            value = client.languages or "–"
            if client.interpreter_needed:
                value += " · " + _("needs an interpreter")
        elif part == SharedPart.BIRTH_YEAR:
            value = str(client.birth_year or "–")
        elif part == SharedPart.DISTRICT:
            value = str(client.district) if client.district_id else "–"
        elif part == SharedPart.RESIDENCE:
            value = client.get_residence_status_display() or "–"
        else:
            value = case.get_phase_display()
        facts.append((str(part.label), value))
    return facts
