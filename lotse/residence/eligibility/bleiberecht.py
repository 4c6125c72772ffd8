"""Parts shared by § 25a and § 25b AufenthG (the "Bleiberecht" titles)."""

from __future__ import annotations

from datetime import date

from .common import TITLE_STATUSES, cap, counted_convictions, describe_conviction
from .dates import fmt
from .facts import Conviction, Facts, Period
from .periods import BREAK, BRIDGE, COUNT, current_run, past_absences
from .result import Requirement, Rule


def _kind_literal(period: Period) -> tuple[int, str | None]:
    """erlaubt, geduldet or gestattet counts; § 60b time does not count (§ 60b Abs. 5 S. 1)
    but, on the wording, does not interrupt either."""
    status = period.status
    if status in TITLE_STATUSES or status == "aufenthaltsgestattung" or status == "duldung":
        return COUNT, None
    if status == "duldung_60b":
        return BRIDGE, "duldung_60b"
    return BREAK, status


def _kind_restart(period: Period) -> tuple[int, str | None]:
    """The stricter reading (RULES.md open point 8): § 60b time restarts the clock."""
    if period.status == "duldung_60b":
        return BREAK, "duldung_60b"
    return _kind_literal(period)


def _kind_104c(period: Period) -> tuple[int, str | None]:
    """§ 104c holders: § 60b time counts (§ 25b Abs. 7; for § 25a the same in practice)."""
    if period.status == "duldung_60b":
        return COUNT, None
    return _kind_literal(period)


def residence(
    rule: Rule,
    facts: Facts,
    as_of: date,
    years: int,
    privileged_104c: bool,
    law: str,
    what_de: str,
    what_en: str,
) -> Requirement:
    """``years`` of uninterrupted stay (erlaubt, geduldet, gestattet) up to ``as_of``.

    One interruption of up to three months is harmless (bridged, not counted).
    """
    if facts.residence_periods is None:
        return rule.unknown(["residence_periods"], law=law)
    absences = past_absences(facts.absences_abroad, as_of)
    kind = _kind_104c if privileged_104c else _kind_literal
    run = current_run(facts.residence_periods, as_of, kind, absences, tolerance_months=3)
    target = run.complete_on(years)
    met_from = target if run.current_kind == COUNT else None
    has_60b = any(p.status == "duldung_60b" and p.start <= as_of for p in facts.residence_periods)
    note_de = " (§ 60b-Zeiten nicht angerechnet)" if has_60b and not privileged_104c else ""
    note_en = " (§ 60b time not counted)" if has_60b and not privileged_104c else ""
    if target is not None and target <= as_of:
        if has_60b and not privileged_104c:
            strict = current_run(facts.residence_periods, as_of, _kind_restart, absences, 3)
            strict_target = strict.complete_on(years)
            if strict_target is None or strict_target > as_of:
                return rule.discretion(
                    f"{years} Jahre {what_de} seit {fmt(run.start)} nur, wenn Zeiten mit Duldung "
                    "nach § 60b die Frist nicht neu beginnen lassen (ungeklärt; § 60b Abs. 5 "
                    "AufenthG).",
                    f"{years} years {what_en} since {run.start} only if § 60b Duldung time does "
                    "not restart the period (unsettled; § 60b (5) AufenthG).",
                    met_from=strict_target if strict.current_kind == COUNT else None,
                    law=law,
                )
        return rule.met(
            f"{years} Jahre ununterbrochen {what_de} seit {fmt(run.start)}{note_de}; erfüllt am "
            f"{fmt(target)}.",
            f"{years} years {what_en} without interruption since {run.start}{note_en}; complete "
            f"on {target}.",
            met_from=target,
            law=law,
        )
    if run.open_ended and run.stop_segment is not None:
        return rule.unknown(
            ["residence_periods"],
            f"Für {fmt(run.stop_segment.start)}–{fmt(run.stop_segment.end)} ist kein "
            f"Aufenthaltsstatus erfasst; {years} Jahre sind ohne diese Zeit nicht belegt.",
            f"No status is recorded for {run.stop_segment.start} to {run.stop_segment.end}; "
            f"{years} years are not shown without that time.",
            met_from=met_from,
            law=law,
        )
    if run.start is None:
        return rule.not_met(
            f"Der aktuelle Aufenthalt ist weder erlaubt noch geduldet noch gestattet{note_de}.",
            "The current stay is neither permitted, tolerated nor with permission to "
            f"stay{note_en}.",
            law=law,
        )
    stop_de = stop_en = ""
    if run.stop_segment is not None:
        why = "Auslandsaufenthalt" if run.stop == "absence" else "Unterbrechung"
        first, last = run.stop_segment.start, run.stop_segment.end
        stop_de = f" {why} {fmt(first)}–{fmt(last)} (über 3 Monate oder wiederholt)."
        stop_en = f" Interrupted {first} to {last} (over 3 months or repeated)."
    return rule.not_met(
        f"{cap(what_de)} erst seit {fmt(run.start)}{note_de}; {years} Jahre sind am {fmt(target)} "
        "erreicht." + stop_de,
        f"{cap(what_en)} only since {run.start}{note_en}; {years} years are complete on {target}."
        + stop_en,
        met_from=met_from,
        law=law,
    )


def general_conditions(
    rule: Rule,
    facts: Facts,
    privileged_104c: bool,
    convictions: list[Conviction] | None,
    law: str,
) -> Requirement:
    """§ 5 Abs. 1 Nr. 1a, 2, 4 AufenthG: identity, no interest in expulsion, passport.

    They are standard conditions the authority may waive for humanitarian titles (§ 5 Abs. 3
    S. 2), so a shortfall means review, not refusal. For § 104c holders identity must be
    clarified or all necessary and reasonable steps taken (§ 25a Abs. 6 / § 25b Abs. 8).
    """
    missing: list[str] = []
    issues_de: list[str] = []
    issues_en: list[str] = []
    if facts.identity_clarified is not True:
        if privileged_104c:
            if facts.identity_steps_taken is True:
                pass
            elif facts.identity_steps_taken is False and facts.identity_clarified is False:
                return rule.not_met(
                    "§ 104c-Inhaber: Identität weder geklärt noch alle erforderlichen und "
                    "zumutbaren Maßnahmen zur Klärung ergriffen.",
                    "§ 104c holder: identity neither clarified nor all necessary and reasonable "
                    "steps taken.",
                    law=law,
                )
            else:
                missing.append(
                    "identity_clarified"
                    if facts.identity_clarified is None
                    else "identity_steps_taken"
                )
        elif facts.identity_clarified is False:
            issues_de.append("Identität nicht geklärt")
            issues_en.append("identity not clarified")
        else:
            missing.append("identity_clarified")
    if facts.has_valid_passport is False:
        issues_de.append("kein gültiger Pass")
        issues_en.append("no valid passport")
    elif facts.has_valid_passport is None:
        missing.append("has_valid_passport")
    if convictions is None:
        missing.append("criminal_convictions")
    elif convictions:
        listed = ", ".join(describe_conviction(c) for c in convictions)
        issues_de.append(
            f"Verurteilung(en) ({listed}) können ein Ausweisungsinteresse nach § 54 Abs. 2 "
            "AufenthG begründen"
        )
        issues_en.append(
            f"conviction(s) ({len(convictions)}) may be an interest in expulsion under § 54 (2) "
            "AufenthG"
        )
    if missing:
        extra_de = ("; außerdem: " + "; ".join(issues_de)) if issues_de else ""
        extra_en = ("; also: " + "; ".join(issues_en)) if issues_en else ""
        return rule.unknown(
            missing,
            f"Angabe fehlt: {', '.join(missing)}{extra_de}.",
            f"Missing fact: {', '.join(missing)}{extra_en}.",
            law=law,
        )
    if issues_de:
        return rule.discretion(
            cap("; ".join(issues_de)) + ". Regelerteilungsvoraussetzung, von der nach "
            "§ 5 Abs. 3 S. 2 AufenthG abgesehen werden kann (Ermessen).",
            cap("; ".join(issues_en)) + ". A standard condition the authority may waive "
            "under § 5 (3) sentence 2 AufenthG (discretion).",
            law=law,
        )
    return rule.met(
        "Identität geklärt, gültiger Pass, kein erkennbares Ausweisungsinteresse.",
        "Identity clarified, valid passport, no apparent interest in expulsion.",
        law=law,
    )


def relevant_convictions(facts: Facts) -> list[Conviction] | None:
    """Convictions that may weigh as an interest in expulsion (JGG measures excluded)."""
    if facts.criminal_convictions is None:
        return None
    return [c for c in counted_convictions(facts) if c.type != "jgg_measure"]
