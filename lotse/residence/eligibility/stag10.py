"""§ 10 StAG – Anspruchseinbürgerung (naturalisation by entitlement).

Three versions, switched on ``as_of`` (the decision date):

* ``"2020"`` – before the StARModG (until 26.06.2024): 8 years (7 with an integration course,
  6 at discretion for special integration achievements), giving up the old citizenship
  (Nr. 4, § 12), the old Nr. 3 ("nicht zu vertreten"), no Nr. 1a;
* ``"2024"`` – StARModG (27.06.2024–29.10.2025): 5 years, or down to 3 years at discretion
  (§ 10 Abs. 3: "kann ... verkürzt werden") with C1 German and special integration
  achievements and a livelihood without SGB II/XII;
* ``"2025"`` – since 30.10.2025: § 10 Abs. 3 deleted, 5 years for everyone.
"""

from __future__ import annotations

from datetime import date

from .common import (
    STATUS_DE,
    TITLE_STATUSES,
    age,
    counted_convictions,
    current_status,
    level_rank,
)
from .dates import fmt
from .facts import AGE_APPROPRIATE, Absence, Facts, Period, purpose_key
from .law import (
    STAG_40A_CUTOFF,
    STAG_MOTIVE_RULE,
    URL_STAG_10,
    URL_STAG_11,
    URL_STAG_12,
    URL_STAG_12A,
    stag_version,
)
from .periods import BREAK, BRIDGE, COUNT, UNKNOWN, KindOf, Run, current_run, long_absences
from .result import DISCRETION, MET, NOT_MET, Requirement, Rule

RES = Rule("STAG-RES-5Y", "§ 10 Abs. 1 S. 1 StAG; § 12b StAG; § 55 Abs. 3 AsylG", URL_STAG_10, True)
CAPACITY = Rule("STAG-CAPACITY", "§ 10 Abs. 1 S. 1 StAG; § 34 StAG", URL_STAG_10)
IDENTITY = Rule("STAG-ID", "§ 10 Abs. 1 S. 1 StAG", URL_STAG_10)
FDGO = Rule("STAG-FDGO", "§ 10 Abs. 1 S. 1 Nr. 1, S. 2 StAG", URL_STAG_10)
HIST = Rule("STAG-HIST", "§ 10 Abs. 1 S. 1 Nr. 1a StAG", URL_STAG_10)
TITLE = Rule("STAG-TITLE", "§ 10 Abs. 1 S. 1 Nr. 2 StAG", URL_STAG_10)
LU = Rule("STAG-LU", "§ 10 Abs. 1 S. 1 Nr. 3 StAG", URL_STAG_10)
DUAL = Rule("STAG-MEHRSTAAT", "§ 10 Abs. 1 S. 1 Nr. 4, § 12 StAG a.F.", URL_STAG_12)
CRIM = Rule("STAG-CRIM", "§ 10 Abs. 1 S. 1 Nr. 5; § 12a Abs. 1 StAG", URL_STAG_12A)
PENDING = Rule("STAG-CRIM-PENDING", "§ 12a Abs. 3 StAG", URL_STAG_12A)
LANG = Rule("STAG-LANG", "§ 10 Abs. 1 S. 1 Nr. 6; Abs. 4, 4a, 6 StAG", URL_STAG_10)
KNOW = Rule("STAG-KNOW", "§ 10 Abs. 1 S. 1 Nr. 7; Abs. 5, 6 StAG", URL_STAG_10)
EXTREM = Rule("STAG-EXCL-EXTREM", "§ 11 S. 1 Nr. 1, 1a StAG", URL_STAG_11)
EXPULSION = Rule(
    "STAG-EXCL-EXPULSION", "§ 11 S. 1 Nr. 2 StAG; § 54 Abs. 1 Nr. 2, 4 AufenthG", URL_STAG_11
)
POLY = Rule("STAG-EXCL-POLY", "§ 11 S. 1 Nr. 3 StAG", URL_STAG_11)
MIT = Rule("STAG-MIT", "§ 10 Abs. 2 StAG", URL_STAG_10)

LAW_RES_2024 = "§ 10 Abs. 1 S. 1, Abs. 3 StAG (bis 29.10.2025); § 12b StAG; § 55 Abs. 3 AsylG"

PROTECTED = frozenset({"asylum", "refugee", "subsidiary"})

# § 10 Abs. 1 S. 1 Nr. 2: purposes whose residence permit does not qualify. Sections listed
# alone exclude every paragraph; ``ABSATZ_*`` list the excluded paragraphs of a section.
EXCLUDED_2024 = frozenset(
    {
        "16a",
        "16b",
        "16d",
        "16e",
        "16f",
        "17",
        "18f",
        "19",
        "19b",
        "19e",
        "20",
        "22",
        "23a",
        "24",
        "104c",
    }
)
ABSATZ_2024 = {"25": frozenset({"3", "4", "5"})}
# § 18d (researchers) and § 20a (Chancenkarte): authority lists disagree after 2024 (RULES.md
# open point 1). A pre-check must not decide an open legal question, so they go to review.
UNCLEAR_2024 = frozenset({"18d", "20a"})
EXCLUDED_2020 = frozenset(
    {
        "16a",
        "16b",
        "16d",
        "16e",
        "16f",
        "17",
        "18d",
        "18f",
        "19",
        "19b",
        "19e",
        "20",
        "22",
        "23a",
        "24",
    }
)
ABSATZ_2020 = {"25": frozenset({"3", "4", "5"}), "23": frozenset({"1"})}

MONTH_DAYS = 30  # § 12a Abs. 1 S. 2: one daily rate equals one day of prison; 3 months = 90


def _kind_for(outcome: str | None) -> KindOf:
    """Which periods count as lawful habitual residence (§ 10 Abs. 1, § 12b, § 55 AsylG)."""

    def kind(period: Period) -> tuple[int, str | None]:
        status = period.status
        if status in TITLE_STATUSES:
            return COUNT, None
        if status == "aufenthaltsgestattung":
            if outcome in PROTECTED:
                return COUNT, None
            if outcome is None:
                return UNKNOWN, "asylum_outcome"
            return BREAK, status
        if status == "none" and period.late_extension:
            return BRIDGE, "late_extension"
        return BREAK, status

    return kind


_KINDS = {
    outcome: _kind_for(outcome)
    for outcome in (*PROTECTED, "national_ban", "rejected", "pending", None)
}


def evaluate_stag10(facts: Facts, as_of: date, application: date) -> list[Requirement]:
    """All requirements of § 10 StAG on ``as_of``, in the order of RULES.md section 3."""
    version = stag_version(as_of)
    years = age(facts, as_of)
    under16 = years is not None and years < 16
    livelihood = _livelihood(facts, application, version, years)
    language = _language(facts, version, under16)
    residence, co_naturalisation = _residence_and_co_naturalisation(facts, as_of, version)
    requirements = [
        residence,
        _capacity(facts, years),
        _identity(facts),
        _fdgo(facts, under16),
    ]
    if version != "2020":
        requirements.append(_historic(facts, under16))
    requirements.append(_title(facts, as_of, version))
    requirements.append(livelihood)
    if version == "2020":
        requirements.append(_dual_citizenship(facts))
    requirements += [
        _criminal(facts, as_of),
        _pending(facts),
        language,
        _knowledge(facts, version, under16, language),
        _extremism(facts),
        _expulsion(facts),
        _polygamy(facts, version),
        co_naturalisation,
    ]
    return requirements


def residence_requirement(facts: Facts, as_of: date) -> Requirement:
    """Only STAG-RES-5Y, exactly as ``evaluate_stag10`` gives it (for campaign screening)."""
    return _residence_and_co_naturalisation(facts, as_of, stag_version(as_of))[0]


def _residence_and_co_naturalisation(
    facts: Facts, as_of: date, version: str
) -> tuple[Requirement, Requirement]:
    residence = _residence(facts, as_of, version)
    co_naturalisation = _co_naturalisation(facts, residence)
    if co_naturalisation.status == DISCRETION and residence.status != MET:
        residence = RES(
            DISCRETION,
            residence.reason["de"]
            + " Die Miteinbürgerung nach § 10 Abs. 2 StAG kann die Lücke überbrücken (Ermessen).",
            residence.reason["en"]
            + " Co-naturalisation under § 10 (2) StAG can bridge the shortfall (discretion).",
            met_from=residence.met_from,
            law=residence.law,
        )
    return residence, co_naturalisation


# --- residence --------------------------------------------------------------------------


def _residence(facts: Facts, as_of: date, version: str) -> Requirement:
    if version == "2020":
        law = "§ 10 Abs. 1 S. 1, Abs. 3 StAG a.F.; § 12b StAG; § 55 Abs. 3 AsylG"
        years = 7 if facts.integration_course_completed else 8
    else:
        law = RES.law if version == "2025" else LAW_RES_2024
        years = 5
    if facts.residence_periods is None:
        return RES.unknown(["residence_periods"], law=law)
    kind = _KINDS[facts.asylum_outcome]
    breaking = long_absences(facts.absences_abroad, as_of, 6)
    run = current_run(facts.residence_periods, as_of, kind, breaking)
    target = run.complete_on(years)
    met_from = target if run.current_kind == COUNT else None
    if target is not None and target <= as_of:
        return RES.met(
            f"Rechtmäßiger gewöhnlicher Aufenthalt ohne Unterbrechung seit {fmt(run.start)}; "
            f"{years} Jahre waren am {fmt(target)} erreicht.",
            f"Lawful habitual residence without interruption since {run.start}; "
            f"{years} years were complete on {target}.",
            met_from=target,
            law=law,
        )
    if run.stop == "unknown" and run.stop_segment is not None:
        return RES.unknown(
            [run.stop_segment.note or "residence_periods"],
            f"Aufenthaltsgestattung {fmt(run.stop_segment.start)}–{fmt(run.stop_segment.end)}: "
            "zählt nur bei Anerkennung als Asylberechtigte/r oder internationalem Schutz "
            "(§ 55 Abs. 3 AsylG); Ausgang des Asylverfahrens fehlt.",
            f"Permission to stay {run.stop_segment.start}–{run.stop_segment.end} counts only "
            "if asylum or international protection was granted (§ 55 (3) AsylG); the outcome "
            "is missing.",
            met_from=met_from,
            law=law,
        )
    if run.stop == "gap" and run.stop_segment is not None:
        return RES.unknown(
            ["residence_periods"],
            f"Für {fmt(run.stop_segment.start)}–{fmt(run.stop_segment.end)} ist kein "
            f"Aufenthaltsstatus erfasst; {years} Jahre sind ohne diese Zeit nicht belegt.",
            f"No residence status is recorded for {run.stop_segment.start} to "
            f"{run.stop_segment.end}; {years} years are not shown without that time.",
            met_from=met_from,
            law=law,
        )
    if run.start is None:
        status = run.stop_segment.note if run.stop_segment else None
        label = STATUS_DE.get(status or "", "kein anrechenbarer Status")
        return RES.not_met(
            f"Der aktuelle Aufenthalt ({label}) ist kein rechtmäßiger Aufenthalt im Sinne von "
            "§ 10 StAG (Duldung zählt nie; Gestattung nur nach Schutzzuerkennung).",
            f"The current stay ({status or 'no countable status'}) is not lawful residence "
            "under § 10 StAG (Duldung never counts; Gestattung only after protection).",
            law=law,
        )
    # Shorter routes that leave a decision to the authority. RULES.md lists the 3-year
    # route without an outcome; § 10 Abs. 3 (2024) says "kann ... verkürzt werden", so it is
    # discretion (needs_review), never "eligible". Conservatively we also require a livelihood
    # without any SGB II/XII (Abs. 3 tied the shortening to a secured livelihood; verify).
    rank = level_rank(facts.german_level) or 0
    if version == "2024":
        short = run.complete_on(3)
        if (
            short is not None
            and short <= as_of
            and rank >= 5
            and facts.special_integration_achievements
            and facts.receives_sgb2 is False
            and facts.receives_sgb12 is False
        ):
            return RES.discretion(
                f"Erst seit {fmt(run.start)} rechtmäßig im Inland (5 Jahre am {fmt(target)}); "
                "Verkürzung auf bis zu 3 Jahre nach § 10 Abs. 3 StAG (C1 und besondere "
                "Integrationsleistungen) ist möglich, aber Ermessen. Die Regelung entfällt "
                "am 30.10.2025 ohne Übergangsregel.",
                f"Lawful residence only since {run.start} (5 years on {target}); shortening to "
                "as little as 3 years under § 10 (3) StAG (C1 and special integration "
                "achievements) is possible at discretion. The route ends on 2025-10-30 "
                "without a transitional rule.",
                met_from=met_from,
                law=law,
            )
    if version == "2020" and facts.special_integration_achievements:
        short = run.complete_on(6)
        if short is not None and short <= as_of:
            return RES.discretion(
                f"Rechtmäßig seit {fmt(run.start)} ({years} Jahre am {fmt(target)}); "
                "Verkürzung auf 6 Jahre bei besonderen Integrationsleistungen (§ 10 Abs. 3 "
                "S. 2 StAG a.F.) liegt im Ermessen.",
                f"Lawful residence since {run.start} ({years} years on {target}); shortening "
                "to 6 years for special integration achievements (§ 10 (3) sentence 2 StAG "
                "old version) is discretionary.",
                met_from=met_from,
                law=law,
            )
    if run.stop == "absence" and run.stop_segment is not None:
        credited = _earlier_time(facts, run, kind, breaking)
        counted = (as_of - run.start).days + 1 - run.uncounted_days + credited
        needed = (target - run.start).days - run.uncounted_days if target else 0
        if credited and counted >= needed:
            return RES.discretion(
                f"Auslandsaufenthalt {fmt(run.stop_segment.start)}–{fmt(run.stop_segment.end)} "
                "über sechs Monate unterbricht (§ 12b Abs. 1 StAG); frühere Aufenthaltszeiten "
                "bis zu fünf Jahren können nach § 12b Abs. 2 StAG angerechnet werden (Ermessen).",
                f"A stay abroad {run.stop_segment.start} to {run.stop_segment.end} of more "
                "than six months interrupts (§ 12b (1) StAG); up to five years of earlier "
                "residence may be credited under § 12b (2) StAG (discretion).",
                met_from=met_from,
                law=law,
            )
    interruption = ""
    interruption_en = ""
    if run.stop_segment is not None:
        if run.stop == "absence":
            cause = "Auslandsaufenthalt über 6 Monate"
        else:
            cause = STATUS_DE.get(run.stop_segment.note or "", "nicht anrechenbar")
        interruption = (
            f" Unterbrechung {fmt(run.stop_segment.start)}–{fmt(run.stop_segment.end)} ({cause})."
        )
        interruption_en = (
            f" Interrupted {run.stop_segment.start} to {run.stop_segment.end} "
            f"({'stay abroad over 6 months' if run.stop == 'absence' else run.stop_segment.note})."
        )
    return RES.not_met(
        f"Rechtmäßiger gewöhnlicher Aufenthalt erst seit {fmt(run.start)}; {years} Jahre sind "
        f"am {fmt(target)} erreicht." + interruption,
        f"Lawful habitual residence only since {run.start}; {years} years are complete on "
        f"{target}." + interruption_en,
        met_from=met_from,
        law=law,
    )


def _earlier_time(facts: Facts, run: Run, kind: KindOf, breaking: list[Absence]) -> int:
    """Days of lawful residence before a long absence, at most five years (§ 12b Abs. 2)."""
    assert run.stop_segment is not None and facts.residence_periods is not None
    before = run.stop_segment.start.toordinal() - 1
    prior = current_run(facts.residence_periods, date.fromordinal(before), kind, breaking)
    if prior.start is None:
        return 0
    days = before - prior.start.toordinal() + 1 - prior.uncounted_days
    return max(0, min(days, 5 * 365 + 1))


# --- person -----------------------------------------------------------------------------


def _capacity(facts: Facts, years: int | None) -> Requirement:
    if years is None:
        return CAPACITY.unknown(["date_of_birth"])
    if years >= 16:
        return CAPACITY.met(
            f"{years} Jahre alt: handlungsfähig (ab 16).",
            f"Aged {years}: capable of acting in the procedure (16 or older).",
        )
    return CAPACITY.met(
        f"{years} Jahre alt: der Antrag wird von der gesetzlichen Vertretung gestellt.",
        f"Aged {years}: the legal guardian files the application.",
    )


def _identity(facts: Facts) -> Requirement:
    if facts.identity_clarified is True:
        return IDENTITY.met(
            "Identität und Staatsangehörigkeit sind geklärt.",
            "Identity and nationality are clarified.",
        )
    if facts.identity_alternative_evidence or (
        facts.identity_clarified is False and facts.identity_steps_taken
    ):
        return IDENTITY.discretion(
            "Identität nicht durch Pass geklärt; Klärung durch andere Nachweise nach dem "
            "Stufenmodell des BVerwG prüft die Behörde.",
            "Identity not clarified by passport; the authority assesses other evidence under "
            "the Federal Administrative Court's stepped model.",
        )
    if facts.identity_clarified is False:
        return IDENTITY.not_met(
            "Identität und Staatsangehörigkeit sind nicht geklärt.",
            "Identity and nationality are not clarified.",
        )
    return IDENTITY.unknown(["identity_clarified"])


def _fdgo(facts: Facts, under16: bool) -> Requirement:
    if under16:
        return FDGO.met(
            "Unter 16 Jahren nicht erforderlich (§ 10 Abs. 1 S. 2 StAG).",
            "Not required under 16 (§ 10 (1) sentence 2 StAG).",
        )
    if facts.fdgo_commitment is True:
        return FDGO.met(
            "Bekenntnis zur freiheitlichen demokratischen Grundordnung und Loyalitätserklärung "
            "liegen vor.",
            "Commitment to the free democratic basic order and declaration of loyalty given.",
        )
    if facts.fdgo_commitment is False:
        return FDGO.not_met(
            "Bekenntnis zur freiheitlichen demokratischen Grundordnung fehlt oder wird verweigert.",
            "No commitment to the free democratic basic order.",
        )
    return FDGO.unknown(["fdgo_commitment"])


def _historic(facts: Facts, under16: bool) -> Requirement:
    if under16:
        # § 10 Abs. 1 S. 2 exempts persons not capable of acting; we read it as covering
        # Nr. 1a too, since a child under 16 cannot give any of the declarations (verify).
        return HIST.met(
            "Unter 16 Jahren nicht erforderlich (§ 10 Abs. 1 S. 2 StAG; Erstreckung auf Nr. 1a "
            "ungeprüft).",
            "Not required under 16 (§ 10 (1) sentence 2 StAG; extension to no. 1a unverified).",
        )
    if facts.historic_responsibility_commitment is True:
        return HIST.met(
            "Bekenntnis zur besonderen historischen Verantwortung Deutschlands liegt vor.",
            "Commitment to Germany's special historical responsibility given.",
        )
    if facts.historic_responsibility_commitment is False:
        return HIST.not_met(
            "Bekenntnis zur besonderen historischen Verantwortung Deutschlands fehlt.",
            "No commitment to Germany's special historical responsibility.",
        )
    return HIST.unknown(["historic_responsibility_commitment"])


def _title(facts: Facts, as_of: date, version: str) -> Requirement:
    law = TITLE.law if version != "2020" else "§ 10 Abs. 1 S. 1 Nr. 2 StAG a.F."
    if facts.is_eu_efta_citizen:
        return TITLE.met(
            "Freizügigkeitsberechtigt als Staatsangehörige/r eines EU-/EWR-Staats oder der "
            "Schweiz.",
            "Free movement as a citizen of an EU/EEA state or Switzerland.",
            law=law,
        )
    status, purpose = current_status(facts, as_of)
    if status is None:
        return TITLE.unknown(["residence_status"], law=law)
    label = STATUS_DE[status]
    if status in (
        "niederlassungserlaubnis",
        "daueraufenthalt_eu",
        "blaue_karte_eu",
        "eu_freizuegigkeit",
    ):
        return TITLE.met(
            f"{label}: qualifizierender Aufenthaltstitel.",
            f"{status}: qualifying residence right.",
            law=law,
        )
    if status in ("aufenthaltsgestattung", "duldung", "duldung_60b", "none"):
        return TITLE.not_met(
            f"{label} ist kein Aufenthaltstitel im Sinne von § 10 Abs. 1 S. 1 Nr. 2 StAG.",
            f"{status} is not a residence title under § 10 (1) sentence 1 no. 2 StAG.",
            law=law,
        )
    if status == "visum_national":
        return TITLE.discretion(
            "Nationales Visum: ob es einer Aufenthaltserlaubnis für einen nicht ausgeschlossenen "
            "Zweck gleichsteht, prüft die Behörde.",
            "National visa: the authority checks whether it stands for a residence permit for a "
            "qualifying purpose.",
            law=law,
        )
    key = purpose_key(purpose)
    if key is None:
        return TITLE.unknown(["title_purpose"], law=law)
    verdict = _purpose_verdict(key, version)
    shown = purpose or ""
    if verdict == "excluded":
        return TITLE.not_met(
            f"{label} nach § {shown} AufenthG ist für die Anspruchseinbürgerung ausgeschlossen.",
            f"A permit for purpose § {shown} AufenthG is excluded from naturalisation by "
            "entitlement.",
            law=law,
        )
    if verdict == "ambiguous":
        return TITLE.unknown(
            ["title_purpose"],
            f"Zweck „{shown}“ ohne Absatz: § 25 Abs. 1/2 genügt, § 25 Abs. 3–5 nicht"
            + (", § 23 Abs. 1 nicht." if version == "2020" else "."),
            f"Purpose '{shown}' without paragraph: § 25 (1)/(2) qualifies, § 25 (3)-(5) does not.",
            law=law,
        )
    if verdict == "unclear":
        return TITLE.discretion(
            f"Ob § {shown} AufenthG seit 2024 ausgeschlossen ist, ist ungeklärt (Behördenlisten "
            "widersprechen sich).",
            f"Whether § {shown} AufenthG is excluded since 2024 is unsettled (authority lists "
            "differ).",
            law=law,
        )
    if status == "fiktionsbescheinigung":
        return TITLE.met(
            f"Fiktionsbescheinigung, fortgeltender Titel nach § {shown} AufenthG (nicht "
            "ausgeschlossen).",
            f"Fictional certificate continuing a permit for § {shown} AufenthG (not excluded).",
            law=law,
        )
    return TITLE.met(
        f"{label} nach § {shown} AufenthG: nicht ausgeschlossener Aufenthaltszweck.",
        f"Residence permit for § {shown} AufenthG: a qualifying purpose.",
        law=law,
    )


def _purpose_verdict(key: tuple[str, str | None], version: str) -> str:
    section, absatz = key
    excluded, by_absatz = (
        (EXCLUDED_2020, ABSATZ_2020) if version == "2020" else (EXCLUDED_2024, ABSATZ_2024)
    )
    if section in excluded:
        return "excluded"
    paragraphs = by_absatz.get(section)
    if paragraphs is not None:
        if absatz is None:
            return "ambiguous"
        if absatz in paragraphs:
            return "excluded"
    if version != "2020" and section in UNCLEAR_2024:
        return "unclear"
    return "allowed"


# --- livelihood -------------------------------------------------------------------------


def _livelihood(facts: Facts, application: date, version: str, years: int | None) -> Requirement:
    law = LU.law if version != "2020" else "§ 10 Abs. 1 S. 1 Nr. 3 StAG a.F."
    sgb2, sgb12 = facts.receives_sgb2, facts.receives_sgb12
    if sgb2 is not True and sgb12 is not True:
        missing = [
            name
            for name, value in (("receives_sgb2", sgb2), ("receives_sgb12", sgb12))
            if value is None
        ]
        if missing:
            return LU.unknown(missing, law=law)
        others = ", ".join(facts.other_benefits or ()) or "keine"
        return LU.met(
            f"Kein Bezug von Leistungen nach SGB II oder SGB XII (andere Leistungen: {others}; "
            "unschädlich).",
            "No benefits under SGB II or SGB XII; other benefits (ALG I, pension, Wohngeld, "
            "Kinderzuschlag, BAföG, Elterngeld) do not bar naturalisation.",
            law=law,
        )
    which = " und ".join(name for name, value in (("SGB II", sgb2), ("SGB XII", sgb12)) if value)
    if version == "2020":
        if facts.benefit_receipt_not_attributable:
            return LU.met(
                f"Bezug von {which}, den die Person nicht zu vertreten hat (§ 10 Abs. 1 S. 1 Nr. "
                "3 StAG a.F.).",
                f"Receives {which}, for which the person is not responsible (old no. 3).",
                law=law,
            )
        return LU.not_met(
            f"Bezug von {which}; dass die Person ihn nicht zu vertreten hat, ist nicht dargelegt.",
            f"Receives {which}; it is not shown that the person is not responsible for it.",
            law=law,
        )
    # a) Gastarbeiter / Vertragsarbeitnehmer who are not responsible for the receipt
    if facts.guest_worker_or_contract_worker:
        if facts.benefit_receipt_not_attributable:
            return LU.met(
                f"Bezug von {which}; Ausnahme Buchst. a: Gastarbeiter/Vertragsarbeitnehmer, Bezug "
                "nicht zu vertreten.",
                f"Receives {which}; exception (a): guest or contract worker not responsible for "
                "the receipt.",
                law=law,
            )
        if facts.benefit_receipt_not_attributable is None:
            return LU.unknown(["benefit_receipt_not_attributable"], law=law)
    # b) full-time employed now and for 20 of the last 24 months
    if facts.full_time_employed_now:
        months = facts.full_time_employed_months_last_24
        if months is None:
            return LU.unknown(["full_time_employed_months_last_24"], law=law)
        if months >= 20:
            return LU.met(
                f"Bezug von {which} (Aufstockung); Ausnahme Buchst. b: Vollzeit erwerbstätig, "
                f"{months:g} der letzten 24 Monate.",
                f"Receives {which} as top-up; exception (b): full-time employed, {months:g} of "
                "the last 24 months.",
                law=law,
            )
    # c) spouse/partner of such a person, living together with a minor child
    if facts.married_or_registered_partner and facts.spouse_full_time_employed_now:
        months = facts.spouse_full_time_employed_months_last_24
        missing = []
        if months is None:
            missing.append("spouse_full_time_employed_months_last_24")
        if facts.minor_children_in_household is None:
            missing.append("minor_children_in_household")
        if missing:
            return LU.unknown(missing, law=law)
        if months is not None and months >= 20 and facts.minor_children_in_household:
            return LU.met(
                f"Bezug von {which}; Ausnahme Buchst. c: Ehegatte/Lebenspartner in Vollzeit "
                f"({months:g}/24 Monate), minderjähriges Kind im Haushalt.",
                f"Receives {which}; exception (c): spouse/partner full-time ({months:g}/24 "
                "months), minor child in the household.",
                law=law,
            )
    if application <= STAG_40A_CUTOFF:
        return LU.discretion(
            f"Bezug von {which}; Antrag bis 23.08.2023 gestellt: nach § 40a StAG gilt die alte "
            "Nr. 3 („nicht zu vertreten“), wenn sie günstiger ist – Prüfung durch die Behörde.",
            f"Receives {which}; application filed by 2023-08-23: § 40a StAG applies the old "
            "no. 3 ('not responsible') where more favourable – the authority decides.",
            law="§ 10 Abs. 1 S. 1 Nr. 3 StAG; § 40a StAG",
        )
    parent_months = facts.parent_full_time_employed_months_last_24
    if years is not None and years < 18 and parent_months is not None and parent_months >= 20:
        # RULES.md open point 4: the exceptions do not name children, which seems harsh for
        # a minor living with a parent who works full time; courts may read it differently.
        return LU.discretion(
            f"Minderjährig im Leistungsbezug ({which}); Elternteil {parent_months:g}/24 Monate in "
            "Vollzeit. Wortlaut der Ausnahmen erfasst Kinder nicht – Prüfung durch die Behörde.",
            f"Minor receiving {which}; a parent worked full time {parent_months:g}/24 months. The "
            "exceptions do not name children literally – the authority decides.",
            law=law,
        )
    return LU.not_met(
        f"Bezug von {which} und keine Ausnahme nach § 10 Abs. 1 S. 1 Nr. 3 Buchst. a–c StAG. "
        "Krankheit, Behinderung oder Pflege sind seit 27.06.2024 keine Ausnahme mehr "
        "(ggf. Ermessenseinbürgerung § 8 Abs. 2 StAG prüfen).",
        f"Receives {which} and no exception (a)–(c) applies. Illness, disability or care "
        "duties are no longer exceptions since 2024-06-27 (consider § 8 (2) StAG).",
        law=law,
    )


def _dual_citizenship(facts: Facts) -> Requirement:
    if facts.keeps_other_citizenship is False:
        return DUAL.met(
            "Die bisherige Staatsangehörigkeit wird aufgegeben.",
            "The previous citizenship is given up.",
        )
    if facts.is_eu_efta_citizen:
        return DUAL.met(
            "Mehrstaatigkeit wird bei EU-Staaten und der Schweiz hingenommen (§ 12 Abs. 2 StAG "
            "a.F.).",
            "Multiple citizenship is accepted for EU states and Switzerland (§ 12 (2) old "
            "version).",
        )
    if facts.keeps_other_citizenship is True:
        return DUAL.discretion(
            "Bis 26.06.2024 musste die bisherige Staatsangehörigkeit aufgegeben werden; "
            "Ausnahmen nach § 12 Abs. 1 StAG a.F. prüft die Behörde.",
            "Until 2024-06-26 the previous citizenship had to be given up; the authority "
            "checks the exceptions of § 12 (1) old version.",
        )
    return DUAL.unknown(["keeps_other_citizenship"])


# --- criminal record --------------------------------------------------------------------


def _criminal(facts: Facts, as_of: date) -> Requirement:
    if facts.criminal_convictions is None:
        return CRIM.unknown(["criminal_convictions"])
    convictions = counted_convictions(facts)
    if not convictions:
        return CRIM.met("Keine (nicht getilgten) Verurteilungen.", "No (unerased) convictions.")
    motive_rule = as_of >= STAG_MOTIVE_RULE
    total = 0.0
    amount_unknown: list[str] = []
    other_unknown: list[str] = []
    blockers_de: list[str] = []
    blockers_en: list[str] = []
    review_de: list[str] = []
    review_en: list[str] = []
    for index, c in enumerate(facts.criminal_convictions):
        if c.erased_from_register or c.type == "jgg_measure":
            continue  # § 12a Abs. 1 S. 1 Nr. 1: JGG measures are disregarded
        at = f"criminal_convictions[{index}]"
        if c.type == "youth_prison":
            blockers_de.append("Jugendstrafe (bleibt nie außer Betracht)")
            blockers_en.append("youth prison (never disregarded)")
            continue
        # § 12a Abs. 1 S. 2 switches off the bagatelle limits of Nr. 2 and 3 (fines, prison);
        # JGG measures (Nr. 1) stay disregarded. RULES.md does not say which numbers it hits.
        if motive_rule and c.motive is not None:
            if c.motive_established_in_judgment:
                blockers_de.append(
                    f"Tat mit im Urteil festgestelltem {c.motive}-Beweggrund (keine Bagatellgrenze)"
                )
                blockers_en.append(
                    f"offence with a {c.motive} motive established in the judgment (no bagatelle "
                    "limit)"
                )
                continue
            review_de.append(f"{c.motive}-Beweggrund vermutet, im Urteil nicht festgestellt")
            review_en.append(f"{c.motive} motive suspected but not established in the judgment")
        if c.type == "fine":
            if c.daily_rates is None:
                amount_unknown.append(f"{at}.daily_rates")
            else:
                total += c.daily_rates
            continue
        # prison: disregarded only if suspended and remitted after probation (Nr. 3)
        if c.suspended is False:
            blockers_de.append("Freiheitsstrafe ohne Bewährung")
            blockers_en.append("prison sentence not suspended")
            continue
        if c.suspended is None:
            other_unknown.append(f"{at}.suspended")
            continue
        if c.remitted_after_probation is False:
            blockers_de.append(
                "Bewährungsstrafe noch nicht erlassen (nach Straferlass erneut prüfen)"
            )
            blockers_en.append("suspended sentence not yet remitted (re-check after remission)")
            continue
        if c.remitted_after_probation is None:
            other_unknown.append(f"{at}.remitted_after_probation")
        if c.months is None:
            amount_unknown.append(f"{at}.months")
        else:
            total += c.months * MONTH_DAYS
    aggregate = facts.aggregate_sentence_daily_rates
    # § 12a Abs. 1 S. 2: added up "es sei denn, es wird eine niedrigere Gesamtstrafe gebildet"
    if aggregate is not None and (amount_unknown or aggregate < total):
        total = aggregate
        amount_unknown = []
    if blockers_de:
        return CRIM.not_met(
            "Verurteilung steht entgegen: " + "; ".join(blockers_de) + ".",
            "A conviction bars naturalisation: " + "; ".join(blockers_en) + ".",
        )
    if total > 111:
        return CRIM.not_met(
            f"Strafen zusammen {total:g} Tagessätze: mehr als geringfügig über der Grenze von 90 "
            "(Verwaltungspraxis: bis 111 Einzelfallentscheidung).",
            f"Sentences add up to {total:g} daily rates: more than slightly above the limit of "
            "90 (practice: up to 111 decided case by case).",
        )
    unknown = amount_unknown + other_unknown
    if unknown:
        return CRIM.unknown(unknown)
    if total > 90:
        return CRIM.discretion(
            f"Strafen zusammen {total:g} Tagessätze: geringfügig über 90; Einzelfallentscheidung "
            "(§ 12a Abs. 1 StAG).",
            f"Sentences add up to {total:g} daily rates: slightly above 90; decided case by case "
            "(§ 12a (1) StAG).",
        )
    if review_de:
        return CRIM.discretion(
            "; ".join(review_de) + ". Die Behörde prüft, ob die Bagatellgrenze gilt.",
            "; ".join(review_en) + ". The authority checks whether the bagatelle limit applies.",
        )
    return CRIM.met(
        f"Verurteilungen bleiben außer Betracht (zusammen {total:g} Tagessätze, höchstens 90; § "
        "12a Abs. 1 StAG).",
        f"Convictions are disregarded (together {total:g} daily rates, at most 90; § 12a (1) "
        "StAG).",
    )


def _pending(facts: Facts) -> Requirement:
    if facts.pending_criminal_investigation is False:
        return PENDING.met(
            "Kein laufendes Ermittlungsverfahren.", "No pending criminal investigation."
        )
    if facts.pending_criminal_investigation:
        return PENDING.discretion(
            "Laufendes Ermittlungsverfahren: die Entscheidung wird bis zum Abschluss ausgesetzt.",
            "Pending criminal investigation: the decision is suspended until it ends.",
        )
    return PENDING.unknown(["pending_criminal_investigation"])


# --- language and knowledge -------------------------------------------------------------


def _language(facts: Facts, version: str, under16: bool) -> Requirement:
    level = facts.german_level
    rank = level_rank(level)
    if under16:
        if (
            level == AGE_APPROPRIATE
            or (rank is not None and rank >= 3)
            or facts.german_school_certificate
        ):
            return LANG.met(
                "Unter 16: altersgemäße Sprachentwicklung (§ 10 Abs. 4 S. 2 StAG).",
                "Under 16: age-appropriate language development (§ 10 (4) sentence 2 StAG).",
            )
        if level is None:
            return LANG.unknown(["german_level"])
        return LANG.discretion(
            f"Unter 16 mit Deutsch {level}: ob die Sprachentwicklung altersgemäß ist, prüft die "
            "Behörde.",
            f"Under 16 with German {level}: the authority checks whether it is age-appropriate.",
        )
    if (rank is not None and rank >= 3) or facts.german_school_certificate:
        shown = level if rank is not None and rank >= 3 else "deutscher Schulabschluss"
        return LANG.met(
            f"Deutschkenntnisse B1 nachgewiesen ({shown}).", f"German at B1 shown ({shown})."
        )
    if facts.medical_or_age_exemption_certified:
        return LANG.met(
            "Befreiung wegen Krankheit, Behinderung oder Alter (§ 10 Abs. 6 StAG, zwingend).",
            "Exempt for illness, disability or age (§ 10 (6) StAG, mandatory).",
        )
    if version != "2020" and facts.german_oral_everyday:
        if facts.guest_worker_or_contract_worker:
            return LANG.met(
                "Gastarbeiter/Vertragsarbeitnehmer: mündliche Alltagsverständigung genügt (§ 10 "
                "Abs. 4 S. 3 StAG).",
                "Guest or contract worker: oral everyday German suffices (§ 10 (4) sentence 3 "
                "StAG).",
            )
        if facts.language_hardship_efforts_proven:
            return LANG.discretion(
                "B1 trotz ernsthafter und nachhaltiger Bemühungen nicht erreichbar; mündliche "
                "Alltagsverständigung kann genügen (§ 10 Abs. 4a StAG, Ermessen).",
                "B1 not attainable despite serious and sustained efforts; oral everyday German "
                "may suffice (§ 10 (4a) StAG, discretion).",
            )
    if rank is None:
        return LANG.unknown(["german_level"])
    return LANG.not_met(
        f"Deutschkenntnisse {level} unter B1 und keine Ausnahme (Abs. 4 S. 3, 4a, 6) belegt.",
        f"German at {level}, below B1, and no exception (para. 4 sentence 3, 4a, 6) shown.",
    )


def _knowledge(facts: Facts, version: str, under16: bool, language: Requirement) -> Requirement:
    if under16:
        return KNOW.met(
            "Unter 16 Jahren nicht erforderlich (§ 10 Abs. 1 S. 2 StAG).", "Not required under 16."
        )
    if facts.passed_citizenship_test:
        return KNOW.met("Einbürgerungstest bestanden.", "Citizenship test passed.")
    if facts.german_school_certificate:
        return KNOW.met(
            "Deutscher Schulabschluss ersetzt in der Praxis den Einbürgerungstest.",
            "A German school-leaving certificate replaces the test in practice.",
        )
    if facts.medical_or_age_exemption_certified:
        return KNOW.met(
            "Befreiung wegen Krankheit, Behinderung oder Alter (§ 10 Abs. 6 S. 1 StAG).",
            "Exempt for illness, disability or age (§ 10 (6) sentence 1 StAG).",
        )
    if (
        version != "2020"
        and language.status == MET
        and facts.guest_worker_or_contract_worker
        and facts.german_oral_everyday
    ):
        return KNOW.met(
            "Gastarbeiter/Vertragsarbeitnehmer mit mündlicher Alltagsverständigung: Test "
            "entfällt (§ 10 Abs. 6 S. 2 StAG).",
            "Guest or contract worker with oral everyday German: no test (§ 10 (6) sentence 2 "
            "StAG).",
        )
    if (
        version != "2020"
        and language.status == DISCRETION
        and facts.language_hardship_efforts_proven
    ):
        return KNOW.discretion(
            "Wird § 10 Abs. 4a StAG angewandt, entfällt der Test (§ 10 Abs. 6 S. 2 StAG).",
            "If § 10 (4a) StAG is applied, the test is waived (§ 10 (6) sentence 2 StAG).",
        )
    if facts.passed_citizenship_test is False:
        return KNOW.not_met(
            "Einbürgerungstest nicht bestanden oder nicht abgelegt.", "Citizenship test not passed."
        )
    return KNOW.unknown(["passed_citizenship_test"])


# --- exclusions -------------------------------------------------------------------------


def _extremism(facts: Facts) -> Requirement:
    if facts.extremism_indications or facts.commitment_doubts:
        return EXTREM.not_met(
            "Tatsächliche Anhaltspunkte für verfassungsfeindliche Bestrebungen oder für ein "
            "inhaltlich unwahres Bekenntnis.",
            "Factual indications of anti-constitutional activity or of an untrue commitment.",
        )
    missing = [
        name
        for name, value in (
            ("extremism_indications", facts.extremism_indications),
            ("commitment_doubts", facts.commitment_doubts),
        )
        if value is None
    ]
    if missing:
        return EXTREM.unknown(missing)
    return EXTREM.met(
        "Keine Anhaltspunkte nach § 11 S. 1 Nr. 1, 1a StAG.",
        "No indications under § 11 no. 1, 1a StAG.",
    )


def _expulsion(facts: Facts) -> Requirement:
    value = facts.serious_expulsion_interest_54_1_nr2_or_4
    if value:
        return EXPULSION.not_met(
            "Besonders schwerwiegendes Ausweisungsinteresse nach § 54 Abs. 1 Nr. 2 oder 4 "
            "AufenthG.",
            "Particularly serious interest in expulsion under § 54 (1) no. 2 or 4 AufenthG.",
        )
    if value is False:
        return EXPULSION.met(
            "Kein Ausweisungsinteresse nach § 54 Abs. 1 Nr. 2 oder 4 AufenthG.",
            "No such interest in expulsion.",
        )
    return EXPULSION.unknown(["serious_expulsion_interest_54_1_nr2_or_4"])


def _polygamy(facts: Facts, version: str) -> Requirement:
    law = (
        POLY.law
        if version != "2020"
        else "§ 10 Abs. 1 S. 1 Nr. 7 StAG a.F. (Einordnung in die deutschen Lebensverhältnisse)"
    )
    if facts.polygamous_marriage:
        return POLY.not_met(
            "Gleichzeitig mit mehreren Ehegatten verheiratet.",
            "Married to several spouses at the same time.",
            law=law,
        )
    if facts.disregards_gender_equality:
        return POLY.not_met(
            "Verhalten missachtet die Gleichberechtigung von Mann und Frau.",
            "Conduct disregards the equality of men and women.",
            law=law,
        )
    missing = [
        name
        for name, value in (
            ("polygamous_marriage", facts.polygamous_marriage),
            ("disregards_gender_equality", facts.disregards_gender_equality),
        )
        if value is None
    ]
    if missing:
        return POLY.unknown(missing, law=law)
    return POLY.met(
        "Kein Ausschlussgrund nach § 11 S. 1 Nr. 3 StAG.",
        "No exclusion under § 11 no. 3 StAG.",
        law=law,
    )


def _co_naturalisation(facts: Facts, residence: Requirement) -> Requirement:
    if not facts.co_naturalisation_with_parent:
        return MIT.met(
            "Keine Miteinbürgerung beantragt (nicht einschlägig).",
            "No co-naturalisation requested (not applicable).",
        )
    if residence.status == MET:
        return MIT.met(
            "Miteinbürgerung nicht nötig: die Aufenthaltszeit ist selbst erfüllt.",
            "Co-naturalisation not needed: the residence period is met independently.",
        )
    if facts.parent_meets_stag10 is None:
        return MIT.unknown(["parent_meets_stag10"])
    if not facts.parent_meets_stag10:
        return MIT(
            NOT_MET,
            "Miteinbürgerung setzt voraus, dass der Elternteil/Ehegatte selbst eingebürgert wird.",
            "Co-naturalisation requires that the parent/spouse is naturalised.",
        )
    return MIT.discretion(
        "Miteinbürgerung mit dem Elternteil/Ehegatten ohne fünf Jahre Aufenthalt möglich "
        "(Ermessen; Praxis: Kinder unter 16 mit mindestens 3 Jahren Aufenthalt bzw. der "
        "Hälfte des Lebens unter 6; ab 16 müssen sie die Voraussetzungen selbst erfüllen).",
        "Co-naturalisation with the parent/spouse without five years of residence is possible "
        "(discretion; practice: children under 16 with at least 3 years of residence, or half "
        "their life if under 6; from 16 they must meet the requirements themselves).",
    )
