"""Sensible defaults for a new municipality's configurable lists (DOMAIN.md).

Labels are German and English; a municipality edits, extends or retires them.
"""

from __future__ import annotations

FIELDS_OF_ACTION = [
    ("residence", "Aufenthalt und Rechtsfragen", "Residence and legal questions"),
    ("language", "Sprache", "Language"),
    (
        "education",
        "Bildung (Kita, Schule, Hochschule)",
        "Education (childcare, school, university)",
    ),
    ("work", "Arbeit und Ausbildung", "Work and vocational training"),
    ("housing", "Wohnen", "Housing"),
    ("health", "Gesundheit", "Health"),
    ("livelihood", "Lebensunterhalt und Leistungen", "Livelihood and benefits"),
    ("family", "Familie und Kinder", "Family and children"),
    ("participation", "Soziale Teilhabe und Orientierung", "Social participation and orientation"),
    ("finances", "Verbraucherschutz und Finanzen", "Consumer protection and finances"),
]
CLOSURE_REASONS = [
    ("goals-achieved", "Ziele erreicht", "Goals achieved"),
    ("referred", "An andere Stelle übergeben", "Handed over to another service"),
    ("moved-away", "Weggezogen", "Moved away"),
    ("no-contact", "Nicht mehr erreichbar", "No longer reachable"),
    ("client-wish", "Wunsch der Person", "At the client's request"),
    ("other", "Sonstiges", "Other"),
]
TARGET_GROUPS = [
    ("new-arrivals", "Neu Zugewanderte (letzte zwei Jahre)", "Arrived in the last two years"),
    ("single-parents", "Alleinerziehende", "Single parents"),
    ("young-without-family", "Jugendliche ohne Familie", "Young people without family"),
    ("illiteracy", "Menschen mit Analphabetismus", "People who cannot read or write"),
    ("no-training", "Ohne Berufsausbildung", "Without vocational training"),
    ("little-german", "Geringe Deutschkenntnisse", "Little German"),
]
VULNERABILITY_MARKERS = [
    ("unaccompanied-minor", "Unbegleitete*r Minderjährige*r", "Unaccompanied minor"),
    ("single-parent", "Alleinerziehend", "Single parent"),
    ("violence-survivor", "Gewaltbetroffen", "Survivor of violence"),
    ("trafficking-survivor", "Betroffen von Menschenhandel", "Survivor of trafficking"),
    ("disability", "Behinderung", "Disability"),
    ("illiteracy", "Analphabetismus", "Illiteracy"),
    ("chronic-illness", "Chronische Erkrankung", "Chronic illness"),
    ("pregnancy", "Schwangerschaft", "Pregnancy"),
]
DOCUMENT_TYPES = [
    ("identity", "Pass oder Ausweis", "Passport or identity card"),
    ("residence-title", "Aufenthaltstitel", "Residence title"),
    ("certificate", "Zeugnis oder Zertifikat", "Certificate"),
    ("consent", "Einwilligung", "Consent form"),
    ("application", "Antrag", "Application"),
    ("letter", "Schreiben", "Letter"),
    ("other", "Sonstiges", "Other"),
]


def seed_municipality(municipality) -> None:
    """Give a new municipality the default lists (existing codes are left alone)."""
    from lotse.core import models

    lists = [
        (models.FieldOfAction, FIELDS_OF_ACTION),
        (models.ClosureReason, CLOSURE_REASONS),
        (models.TargetGroup, TARGET_GROUPS),
        (models.VulnerabilityMarker, VULNERABILITY_MARKERS),
        (models.DocumentType, DOCUMENT_TYPES),
    ]
    for model, rows in lists:
        existing = set(
            model.objects.filter(municipality=municipality).values_list("code", flat=True)
        )
        model.objects.bulk_create(
            model(municipality=municipality, code=code, labels={"de": de, "en": en}, position=index)
            for index, (code, de, en) in enumerate(rows)
            if code not in existing
        )
