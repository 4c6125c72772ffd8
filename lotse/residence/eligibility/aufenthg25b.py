"""§ 25b AufenthG – residence for sustainable integration ("Soll" with "regelmäßig" conditions).

Versions: 8 years (6 with a minor child) until 30.12.2022; since 31.12.2022 6 years (4 with a
minor unmarried child in the household). § 104c holders qualify and may count § 60b time
(§ 25b Abs. 7) while they may still apply, i.e. until 30.06.2027.
"""

from __future__ import annotations

from datetime import date

from .bleiberecht import general_conditions, relevant_convictions, residence
from .common import cap, current_status, is_104c, level_rank, p104c_privileged
from .dates import add_years, fmt
from .facts import Conviction, Facts
from .law import (
    P104C_TRANSITION_END,
    URL_AUFENTHG_5,
    URL_AUFENTHG_25B,
    URL_AUFENTHG_54,
    chancen_in_force,
)
from .result import Requirement, Rule

STATUS = Rule("A25B-STATUS", "§ 25b Abs. 1 S. 1 AufenthG", URL_AUFENTHG_25B)
RES = Rule(
    "A25B-RES", "§ 25b Abs. 1 S. 2 Nr. 1 AufenthG; § 60b Abs. 5 AufenthG", URL_AUFENTHG_25B, True
)
FDGO_KNOW = Rule("A25B-FDGO-KNOW", "§ 25b Abs. 1 S. 2 Nr. 2 AufenthG", URL_AUFENTHG_25B)
LU = Rule("A25B-LU", "§ 25b Abs. 1 S. 2 Nr. 3, S. 3; Abs. 3 AufenthG", URL_AUFENTHG_25B)
LANG = Rule("A25B-LANG", "§ 25b Abs. 1 S. 2 Nr. 4; Abs. 3 AufenthG", URL_AUFENTHG_25B)
SCHOOL_CHILDREN = Rule("A25B-SCHOOL-CHILDREN", "§ 25b Abs. 1 S. 2 Nr. 5 AufenthG", URL_AUFENTHG_25B)
DENY_DECEPTION = Rule("A25B-DENY-DECEPTION", "§ 25b Abs. 2 Nr. 1 AufenthG", URL_AUFENTHG_25B)
DENY_EXPULSION = Rule(
    "A25B-DENY-EXPULSION",
    "§ 25b Abs. 2 Nr. 2 AufenthG; § 54 Abs. 1, Abs. 2 Nr. 1, 2 AufenthG",
    URL_AUFENTHG_54,
)
GENERAL = Rule(
    "A25B-GENERAL",
    "§ 5 Abs. 1 Nr. 1a, 2, 4; § 5 Abs. 3 S. 2 AufenthG; § 25b Abs. 8 AufenthG",
    URL_AUFENTHG_5,
)

SOLL_DE = " Atypische Fälle und Ausgleich durch besondere Integrationsleistungen bleiben möglich."
SOLL_EN = (
    " Atypical cases and compensation by exceptional integration achievements remain possible."
)


def evaluate_25b(facts: Facts, as_of: date, application: date) -> list[Requirement]:
    """All requirements of § 25b AufenthG on ``as_of`` (RULES.md section 5)."""
    chancen = chancen_in_force(as_of)
    status, purpose = current_status(facts, as_of)
    privileged = chancen and p104c_privileged(status, purpose, as_of, application)
    expulsion, caught = _expulsion(facts)
    convictions = relevant_convictions(facts)
    remaining = None if convictions is None else [c for c in convictions if c not in caught]
    return [
        _status(status, purpose, application, chancen, privileged),
        _residence(facts, as_of, chancen, privileged),
        _fdgo_knowledge(facts),
        _livelihood(facts),
        _language(facts),
        _school_children(facts),
        _deception(facts),
        expulsion,
        general_conditions(GENERAL, facts, privileged, remaining, GENERAL.law),
    ]


def _status(
    status: str | None, purpose: str | None, application: date, chancen: bool, privileged: bool
) -> Requirement:
    if status is None:
        return STATUS.unknown(["residence_status"])
    if status in ("duldung", "duldung_60b"):
        return STATUS.met("Geduldet.", "Tolerated (Duldung).")
    if chancen and is_104c(status, purpose):
        if privileged:
            return STATUS.met(
                "Inhaber/in einer Aufenthaltserlaubnis nach § 104c AufenthG (Antrag bis "
                "30.06.2027 möglich).",
                "Holder of a § 104c AufenthG permit (may apply until 2027-06-30).",
            )
        return STATUS.not_met(
            f"§ 104c-Inhaber können nur bis {fmt(P104C_TRANSITION_END)} einen Antrag nach § 25b "
            f"stellen; Antrag am {fmt(application)}.",
            f"§ 104c holders may apply under § 25b only until {P104C_TRANSITION_END}; application "
            f"on {application}.",
            law="§ 25b Abs. 1 S. 1 AufenthG; § 104c AufenthG (Übergang)",
        )
    if status == "aufenthaltserlaubnis" and purpose:
        key = purpose.lower().replace("§", "").replace(" ", "")
        if key.startswith(("25_5", "25abs5", "25abs.5", "23a")):
            return STATUS.met(
                f"Aufenthaltserlaubnis nach § {purpose}: in der Praxis als Ausgangsstatus "
                "anerkannt.",
                f"Residence permit under § {purpose}: accepted as starting status in practice.",
            )
    if status == "none":
        return STATUS.discretion(
            "Kein Status erfasst: es genügt, vollziehbar ausreisepflichtig zu sein und die "
            "Duldungsvoraussetzungen zu erfüllen – Prüfung durch die Ausländerbehörde.",
            "No status recorded: being enforceably obliged to leave while meeting the Duldung "
            "conditions suffices – the immigration authority checks.",
        )
    if status == "aufenthaltsgestattung":
        return STATUS.not_met(
            "Laufendes Asylverfahren (Aufenthaltsgestattung): § 25b setzt eine Duldung voraus.",
            "Asylum procedure pending (permission to stay): § 25b requires a Duldung.",
        )
    return STATUS.not_met(
        "Nicht geduldet und kein Inhaber einer Aufenthaltserlaubnis nach § 104c.",
        "Not tolerated and not a § 104c holder.",
    )


def _residence(facts: Facts, as_of: date, chancen: bool, privileged: bool) -> Requirement:
    long_years, short_years = (6, 4) if chancen else (8, 6)
    law = RES.law if chancen else "§ 25b Abs. 1 S. 2 Nr. 1 AufenthG a.F. (8/6 Jahre)"
    has_child, unknown_child = _minor_child(facts, as_of)
    what_de, what_en = (
        "geduldet, gestattet oder mit Aufenthaltserlaubnis",
        "tolerated, with permission to stay or a permit",
    )
    if has_child:
        return residence(
            RES,
            facts,
            as_of,
            short_years,
            privileged,
            law + f"; {short_years} Jahre mit minderjährigem Kind",
            what_de,
            what_en,
        )
    result = residence(RES, facts, as_of, long_years, privileged, law, what_de, what_en)
    if result.status != "met" and unknown_child:
        shorter = residence(RES, facts, as_of, short_years, privileged, law, what_de, what_en)
        if shorter.status == "met":
            return RES.unknown(
                [unknown_child],
                f"{long_years} Jahre nicht erfüllt, {short_years} Jahre erfüllt; ob ein "
                "minderjähriges "
                "lediges Kind im Haushalt lebt, ist offen (Geburtsdatum fehlt).",
                f"{long_years} years not met, {short_years} years met; whether a minor unmarried "
                "child lives in the household is open (date of birth missing).",
                law=law,
            )
    return result


def _minor_child(facts: Facts, as_of: date) -> tuple[bool, str | None]:
    """Whether a minor (under 18 on ``as_of``) unmarried child lives in the household."""
    unknown = None
    for index, child in enumerate(facts.minor_unmarried_children_in_household or ()):
        if child.married:
            continue
        if child.date_of_birth is None:
            unknown = f"minor_unmarried_children_in_household[{index}].date_of_birth"
            continue
        if add_years(child.date_of_birth, 18) > as_of:
            return True, None
    return False, unknown


def _fdgo_knowledge(facts: Facts) -> Requirement:
    if facts.fdgo_commitment is False or facts.basic_knowledge_proven is False:
        which_de = []
        which_en = []
        if facts.fdgo_commitment is False:
            which_de.append("Bekenntnis zur fdGO fehlt")
            which_en.append("no commitment to the free democratic basic order")
        if facts.basic_knowledge_proven is False:
            which_de.append(
                "Grundkenntnisse der Rechts- und Gesellschaftsordnung nicht nachgewiesen"
            )
            which_en.append("basic knowledge of the legal and social order not shown")
        return FDGO_KNOW.not_met(
            cap("; ".join(which_de)) + " (keine Befreiung nach Abs. 3)." + SOLL_DE,
            cap("; ".join(which_en)) + " (no waiver under para. 3)." + SOLL_EN,
        )
    missing = [
        name
        for name, value in (
            ("fdgo_commitment", facts.fdgo_commitment),
            ("basic_knowledge_proven", facts.basic_knowledge_proven),
        )
        if value is None
    ]
    if missing:
        return FDGO_KNOW.unknown(missing)
    return FDGO_KNOW.met(
        "Bekenntnis zur fdGO und Grundkenntnisse (z. B. Test „Leben in Deutschland“) liegen vor.",
        "Commitment to the free democratic basic order and basic knowledge shown.",
    )


def _livelihood(facts: Facts) -> Requirement:
    share = facts.livelihood_share_from_employment
    if share is not None and share > 0.5:
        return LU.met(
            f"Lebensunterhalt zu {share * 100:.0f} % durch Erwerbstätigkeit gesichert "
            "(überwiegend).",
            f"Livelihood {share:.0%} covered by employment (mostly).",
        )
    if facts.livelihood_prognosis_positive:
        return LU.met(
            "Positive Prognose: Lebensunterhalt wird nach Schul-, Ausbildungs-, Einkommens- und "
            "Familiensituation überwiegend gesichert sein.",
            "Positive prognosis that the livelihood will be mostly secured.",
        )
    if facts.livelihood_exception_category:
        return LU.met(
            "Vorübergehender Leistungsbezug in der Regel unschädlich "
            f"({facts.livelihood_exception_category}; § 25b Abs. 1 S. 3).",
            f"Temporary benefits are as a rule harmless ({facts.livelihood_exception_category}).",
        )
    if facts.illness_disability_age_prevents_lu_or_language:
        return LU.met(
            "Wegen Krankheit, Behinderung oder Alter nicht erfüllbar: zwingend abzusehen (§ 25b "
            "Abs. 3).",
            "Not attainable because of illness, disability or age: mandatory waiver (§ 25b (3)).",
        )
    missing = []
    if share is None:
        missing.append("livelihood_share_from_employment")
    if facts.livelihood_prognosis_positive is None:
        missing.append("livelihood_prognosis_positive")
    if missing or share is None:
        return LU.unknown(missing)
    return LU.not_met(
        f"Lebensunterhalt nur zu {share * 100:.0f} % aus Erwerbstätigkeit, keine positive "
        "Prognose und keine Ausnahme (Wohngeld ist unschädlich)." + SOLL_DE,
        f"Only {share:.0%} of the livelihood from employment, no positive prognosis and no "
        "exception (Wohngeld is harmless)." + SOLL_EN,
    )


def _language(facts: Facts) -> Requirement:
    level = facts.german_oral_level or facts.german_level
    rank = level_rank(level)
    if rank is not None and rank >= 2:
        return LANG.met(
            f"Mündliche Deutschkenntnisse {level} (mindestens A2).",
            f"Oral German at {level} (at least A2).",
        )
    if facts.illness_disability_age_prevents_lu_or_language:
        return LANG.met(
            "Wegen Krankheit, Behinderung oder Alter nicht erfüllbar: zwingend abzusehen (§ 25b "
            "Abs. 3).",
            "Not attainable because of illness, disability or age: mandatory waiver (§ 25b (3)).",
        )
    if rank is None:
        return LANG.unknown(["german_oral_level"])
    return LANG.not_met(
        f"Mündliche Deutschkenntnisse {level} unter A2." + SOLL_DE,
        f"Oral German at {level}, below A2." + SOLL_EN,
    )


def _school_children(facts: Facts) -> Requirement:
    if facts.school_age_children is False:
        return SCHOOL_CHILDREN.met(
            "Keine Kinder im schulpflichtigen Alter.", "No children of school age."
        )
    if facts.school_age_children is None:
        return SCHOOL_CHILDREN.unknown(["school_age_children"])
    if facts.school_age_children_attending_school:
        return SCHOOL_CHILDREN.met(
            "Schulpflichtige Kinder besuchen tatsächlich die Schule.",
            "School-age children actually attend school.",
        )
    if facts.school_age_children_attending_school is False:
        return SCHOOL_CHILDREN.not_met(
            "Tatsächlicher Schulbesuch der schulpflichtigen Kinder nicht nachgewiesen." + SOLL_DE,
            "Actual school attendance of the school-age children not shown." + SOLL_EN,
        )
    return SCHOOL_CHILDREN.unknown(["school_age_children_attending_school"])


def _deception(facts: Facts) -> Requirement:
    if facts.currently_obstructing_removal:
        return DENY_DECEPTION.not_met(
            "Die Person verhindert oder verzögert derzeit die Aufenthaltsbeendigung durch "
            "Täuschung oder fehlende zumutbare Mitwirkung: zwingender Versagungsgrund.",
            "The person currently prevents or delays removal by deception or lack of reasonable "
            "cooperation: mandatory refusal.",
        )
    if facts.currently_obstructing_removal is False:
        return DENY_DECEPTION.met(
            "Keine gegenwärtige Verhinderung der Abschiebung (frühere Täuschung kann gewichtet "
            "werden).",
            "No current obstruction of removal (past misconduct may still be weighed).",
        )
    return DENY_DECEPTION.unknown(["currently_obstructing_removal"])


def _expulsion(facts: Facts) -> tuple[Requirement, list[Conviction]]:
    """§ 25b Abs. 2 Nr. 2: an interest in expulsion under § 54 Abs. 1 or Abs. 2 Nr. 1, 2.

    Read as: prison of 2 years or more (Abs. 1 Nr. 1); prison of 6 months or more for
    intentional offences (Abs. 2 Nr. 1 – intent is assumed, the field dictionary has no
    flag); youth prison of 1 year or more not suspended (Abs. 2 Nr. 2). Separate convictions
    are not added up (each judgment, with its Gesamtstrafe, stands alone).
    """
    if facts.serious_expulsion_interest_54_1_nr2_or_4:
        return (
            DENY_EXPULSION.not_met(
                "Besonders schwerwiegendes Ausweisungsinteresse nach § 54 Abs. 1 AufenthG.",
                "Particularly serious interest in expulsion under § 54 (1) AufenthG.",
            ),
            [],
        )
    convictions = relevant_convictions(facts)
    if convictions is None:
        return DENY_EXPULSION.unknown(["criminal_convictions"]), []
    caught: list[Conviction] = []
    found_de: list[str] = []
    found_en: list[str] = []
    missing: list[str] = []
    for index, c in enumerate(facts.criminal_convictions or ()):
        if c not in convictions or c.type not in ("prison", "youth_prison"):
            continue
        at = f"criminal_convictions[{index}]"
        if c.months is None:
            missing.append(f"{at}.months")
            continue
        if c.months >= 24:
            caught.append(c)
            found_de.append(f"{c.months:g} Monate Freiheits-/Jugendstrafe (§ 54 Abs. 1 Nr. 1)")
            found_en.append(f"{c.months:g} months of prison/youth prison (§ 54 (1) no. 1)")
        elif c.type == "prison" and c.months >= 6:
            caught.append(c)
            found_de.append(f"Freiheitsstrafe {c.months:g} Monate (§ 54 Abs. 2 Nr. 1)")
            found_en.append(f"prison sentence of {c.months:g} months (§ 54 (2) no. 1)")
        elif c.type == "youth_prison" and c.months >= 12:
            if c.suspended is False:
                caught.append(c)
                found_de.append(
                    f"Jugendstrafe {c.months:g} Monate ohne Bewährung (§ 54 Abs. 2 Nr. 2)"
                )
                found_en.append(
                    f"youth prison of {c.months:g} months not suspended (§ 54 (2) no. 2)"
                )
            elif c.suspended is None:
                missing.append(f"{at}.suspended")
    if found_de:
        return (
            DENY_EXPULSION.not_met(
                "Zwingender Versagungsgrund: " + "; ".join(found_de) + ".",
                "Mandatory refusal: " + "; ".join(found_en) + ".",
            ),
            caught,
        )
    if missing:
        return DENY_EXPULSION.unknown(missing), caught
    return (
        DENY_EXPULSION.met(
            "Kein Ausweisungsinteresse nach § 54 Abs. 1 oder Abs. 2 Nr. 1, 2 AufenthG.",
            "No interest in expulsion under § 54 (1) or (2) no. 1, 2 AufenthG.",
        ),
        caught,
    )
