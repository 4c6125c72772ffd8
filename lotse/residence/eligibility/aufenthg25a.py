"""§ 25a AufenthG – residence for well-integrated young people ("Soll" provision).

Versions: before the Chancen-Aufenthaltsrecht law (until 30.12.2022) a geduldete young person
needed 4 years of stay and 4 years of school and had to apply before the 21st birthday;
since 31.12.2022: 3 + 3 years, application before the 27th birthday, and a Duldung held for
12 months or a § 104c permit (§ 104c holders only while they may still apply, i.e. until
30.06.2027).
"""

from __future__ import annotations

from datetime import date

from .bleiberecht import general_conditions, relevant_convictions, residence
from .common import current_status, is_104c, p104c_privileged
from .dates import add_years, fmt
from .facts import Facts, Period
from .law import P104C_TRANSITION_END, URL_AUFENTHG_5, URL_AUFENTHG_25A, chancen_in_force
from .periods import BREAK, BRIDGE, COUNT, current_run
from .result import Requirement, Rule

STATUS = Rule("A25A-STATUS", "§ 25a Abs. 1 S. 1 AufenthG", URL_AUFENTHG_25A, True)
AGE = Rule("A25A-AGE", "§ 25a Abs. 1 S. 1, Nr. 3 AufenthG", URL_AUFENTHG_25A, True)
RES = Rule("A25A-RES-3Y", "§ 25a Abs. 1 S. 1 Nr. 1 AufenthG", URL_AUFENTHG_25A, True)
SCHOOL = Rule("A25A-SCHOOL", "§ 25a Abs. 1 S. 1 Nr. 2 AufenthG", URL_AUFENTHG_25A)
PROGNOSIS = Rule("A25A-PROGNOSIS", "§ 25a Abs. 1 S. 1 Nr. 4 AufenthG", URL_AUFENTHG_25A)
FDGO = Rule("A25A-FDGO", "§ 25a Abs. 1 S. 1 Nr. 5 AufenthG", URL_AUFENTHG_25A)
LU = Rule(
    "A25A-LU",
    "§ 25a Abs. 1 S. 2 AufenthG; § 5 Abs. 1 Nr. 1, Abs. 3 S. 2 AufenthG",
    URL_AUFENTHG_25A,
)
DECEPTION = Rule("A25A-DECEPTION", "§ 25a Abs. 1 S. 3 AufenthG", URL_AUFENTHG_25A)
GENERAL = Rule(
    "A25A-GENERAL",
    "§ 5 Abs. 1 Nr. 1a, 2, 4; § 5 Abs. 3 S. 2 AufenthG; § 25a Abs. 6 AufenthG",
    URL_AUFENTHG_5,
)

# "Jugendlicher": 14 in practice. RULES.md does not say on which day; following the Nds.
# Flüchtlingsrat guide, the minimum age is checked on the decision date (as_of) and the
# maximum (27th birthday) on the application date.
MIN_AGE = 14


def _kind_duldung(period: Period) -> tuple[int, str | None]:
    """Months of Duldung: a § 60b Duldung does not count toward the 12 months (by analogy to
    § 60b Abs. 5 S. 1 AufenthG) but is still a Duldung, so it does not interrupt."""
    if period.status == "duldung":
        return COUNT, None
    if period.status == "duldung_60b":
        return BRIDGE, "duldung_60b"
    return BREAK, period.status


def evaluate_25a(facts: Facts, as_of: date, application: date) -> list[Requirement]:
    """All requirements of § 25a AufenthG on ``as_of`` (RULES.md section 4)."""
    chancen = chancen_in_force(as_of)
    status, purpose = current_status(facts, as_of)
    privileged = chancen and p104c_privileged(status, purpose, as_of, application)
    years = 3 if chancen else 4
    # One interruption of up to three months is tolerated as for § 25b (Nds. practice for
    # § 25a; RULES.md mentions it only for § 25b).
    law_res = RES.law if chancen else "§ 25a Abs. 1 S. 1 Nr. 1 AufenthG a.F. (4 Jahre)"
    return [
        _status(facts, as_of, application, status, purpose, chancen, privileged),
        _age(facts, as_of, application, chancen),
        residence(
            RES,
            facts,
            as_of,
            years,
            privileged,
            law_res,
            "erlaubt, geduldet oder gestattet",
            "permitted, tolerated or with permission to stay",
        ),
        _school(facts, chancen),
        _prognosis(facts),
        _fdgo(facts),
        _livelihood(facts),
        _deception(facts),
        general_conditions(GENERAL, facts, privileged, relevant_convictions(facts), GENERAL.law),
    ]


def _status(
    facts: Facts,
    as_of: date,
    application: date,
    status: str | None,
    purpose: str | None,
    chancen: bool,
    privileged: bool,
) -> Requirement:
    if status is None:
        return STATUS.unknown(["residence_status"])
    if chancen and is_104c(status, purpose):
        if privileged:
            return STATUS.met(
                "Inhaber/in einer Aufenthaltserlaubnis nach § 104c AufenthG (Antrag bis "
                "30.06.2027 möglich).",
                "Holder of a § 104c AufenthG permit (may apply until 2027-06-30).",
            )
        return STATUS.not_met(
            f"§ 104c-Inhaber können nur bis {fmt(P104C_TRANSITION_END)} einen Antrag nach § 25a "
            f"stellen; Antrag am {fmt(application)}.",
            f"§ 104c holders may apply under § 25a only until {P104C_TRANSITION_END}; application "
            f"on {application}.",
            law="§ 25a Abs. 1 S. 1 AufenthG; § 104c AufenthG (Übergang)",
        )
    if status == "aufenthaltsgestattung":
        return STATUS.not_met(
            "Aufenthaltsgestattung (laufendes Asylverfahren) genügt nicht; erforderlich ist eine "
            "Duldung.",
            "A permission to stay (asylum pending) does not qualify; a Duldung is required.",
        )
    if status == "duldung_60b":
        return STATUS.not_met(
            "Duldung für Personen mit ungeklärter Identität (§ 60b): Zeiten zählen nicht, eine "
            "Aufenthaltserlaubnis nach § 25a scheidet aus, solange sie besteht.",
            "Duldung for persons with unclarified identity (§ 60b): the time does not count and "
            "no § 25a permit is possible while it lasts.",
        )
    if status != "duldung":
        return STATUS.not_met(
            "Weder geduldet noch Inhaber/in einer Aufenthaltserlaubnis nach § 104c AufenthG.",
            "Neither tolerated (Duldung) nor holder of a § 104c permit.",
        )
    if not chancen:
        return STATUS.met(
            "Geduldet (§ 25a Abs. 1 S. 1 AufenthG a.F.).",
            "Tolerated (old version).",
            law="§ 25a Abs. 1 S. 1 AufenthG a.F.",
        )
    if facts.residence_periods is None:
        return STATUS.unknown(
            ["residence_periods"],
            "Duldung liegt vor; ob seit mindestens 12 Monaten, ist ohne Aufenthaltszeiten nicht "
            "belegt.",
            "Tolerated; whether for at least 12 months is not shown without residence periods.",
        )
    run = current_run(facts.residence_periods, as_of, _kind_duldung)
    target = run.complete_on(months=12)
    if target is not None and target <= as_of:
        return STATUS.met(
            f"Seit {fmt(run.start)} im Besitz einer Duldung; 12 Monate am {fmt(target)} erreicht.",
            f"Holding a Duldung since {run.start}; 12 months complete on {target}.",
            met_from=target,
        )
    if run.open_ended and run.stop_segment is not None:
        return STATUS.unknown(
            ["residence_periods"],
            f"Duldung seit {fmt(run.start)}; davor "
            f"({fmt(run.stop_segment.start)}–{fmt(run.stop_segment.end)}) ist kein Status erfasst.",
            f"Duldung since {run.start}; no status recorded before ({run.stop_segment.start} to "
            f"{run.stop_segment.end}).",
            met_from=target,
        )
    return STATUS.not_met(
        f"Duldung erst seit {fmt(run.start)}; 12 Monate sind am {fmt(target)} erreicht.",
        f"Duldung only since {run.start}; 12 months are complete on {target}.",
        met_from=target if run.current_kind == COUNT else None,
    )


def _age(facts: Facts, as_of: date, application: date, chancen: bool) -> Requirement:
    if facts.date_of_birth is None:
        return AGE.unknown(["date_of_birth"])
    limit_age = 27 if chancen else 21
    limit = add_years(facts.date_of_birth, limit_age)
    if application >= limit:
        return AGE.not_met(
            f"Antrag am {fmt(application)} nicht vor Vollendung des {limit_age}. Lebensjahres "
            f"(Geburtstag {fmt(limit)}); maßgeblich ist der Tag der Antragstellung.",
            f"Application on {application} is not before the {limit_age}th birthday ({limit}); "
            "the application date counts.",
        )
    adult = add_years(facts.date_of_birth, MIN_AGE)
    if adult > as_of:
        return AGE.not_met(
            f"Jünger als {MIN_AGE} Jahre (Praxis: ab 14, „Jugendlicher“); {MIN_AGE} am "
            f"{fmt(adult)}.",
            f"Younger than {MIN_AGE} (practice: from 14, 'adolescent'); {MIN_AGE} on {adult}.",
            met_from=adult if adult < limit else None,
        )
    return AGE.met(
        f"Antrag am {fmt(application)} vor dem {limit_age}. Geburtstag ({fmt(limit)}); mindestens "
        f"{MIN_AGE} Jahre.",
        f"Application on {application} before the {limit_age}th birthday ({limit}); at least "
        f"{MIN_AGE}.",
        met_from=adult,
    )


def _school(facts: Facts, chancen: bool) -> Requirement:
    years = 3 if chancen else 4
    if facts.recognized_school_or_vocational_qualification:
        return SCHOOL.met(
            "Anerkannter Schul- oder Berufsabschluss.",
            "Recognised school-leaving or vocational qualification.",
        )
    done = facts.school_years_successful_in_germany
    if done is not None and done >= years:
        return SCHOOL.met(
            f"{done:g} Jahre erfolgreicher Schulbesuch im Bundesgebiet (erforderlich in der Regel "
            f"{years}).",
            f"{done:g} years of successful school attendance in Germany (as a rule {years} "
            "required).",
        )
    if chancen and facts.illness_disability_prevents_school:
        return SCHOOL.met(
            "Wegen Krankheit oder Behinderung nicht erfüllbar: es wird abgesehen (§ 25a Abs. 1 "
            "S. 2 Nr. 2 S. 2).",
            "Not attainable because of illness or disability: waived.",
        )
    if done is None:
        missing = ["school_years_successful_in_germany"]
        if facts.recognized_school_or_vocational_qualification is None:
            missing.append("recognized_school_or_vocational_qualification")
        return SCHOOL.unknown(missing)
    return SCHOOL.not_met(
        f"Nur {done:g} Jahre erfolgreicher Schulbesuch und kein anerkannter Abschluss (in der "
        f"Regel {years} Jahre); "
        "atypische Fälle bleiben möglich.",
        f"Only {done:g} years of successful school attendance and no recognised qualification (as "
        "a rule "
        f"{years}); atypical cases remain possible.",
    )


def _prognosis(facts: Facts) -> Requirement:
    if facts.positive_integration_prognosis is False:
        return PROGNOSIS.not_met(
            "Keine positive Integrationsprognose.", "No positive integration prognosis."
        )
    if facts.positive_integration_prognosis is None:
        return PROGNOSIS.unknown(["positive_integration_prognosis"])
    convictions = relevant_convictions(facts)
    if convictions is None:
        return PROGNOSIS.unknown(["criminal_convictions"])
    if convictions:
        return PROGNOSIS.discretion(
            "Positive Prognose angegeben, aber Verurteilungen fließen in die Prognose ein – "
            "Einzelfallprüfung.",
            "Positive prognosis stated, but convictions weigh in the prognosis – individual "
            "assessment.",
        )
    return PROGNOSIS.met(
        "Positive Integrationsprognose (Ausbildung und Lebensverhältnisse).",
        "Positive integration prognosis (education and living circumstances).",
    )


def _fdgo(facts: Facts) -> Requirement:
    if facts.fdgo_concrete_doubts is False:
        return FDGO.met(
            "Keine konkreten Anhaltspunkte gegen das Bekenntnis zur fdGO.",
            "No concrete doubts about support for the free democratic basic order.",
        )
    if facts.fdgo_concrete_doubts:
        return FDGO.not_met(
            "Konkrete Anhaltspunkte, dass die Person sich nicht zur fdGO bekennt.",
            "Concrete indications that the person does not support the free democratic basic "
            "order.",
        )
    return FDGO.unknown(["fdgo_concrete_doubts"])


def _livelihood(facts: Facts) -> Requirement:
    if facts.in_school_training_or_study:
        return LU.met(
            "In Schule, Ausbildung oder Studium: Bezug öffentlicher Leistungen ist unschädlich "
            "(§ 25a Abs. 1 S. 2).",
            "In school, vocational training or university: public benefits are harmless.",
        )
    secured = facts.livelihood_secured
    if secured is None and facts.receives_public_benefits is not None:
        secured = not facts.receives_public_benefits
    if secured:
        return LU.met("Lebensunterhalt gesichert.", "Livelihood secured.")
    if secured is None:
        return LU.unknown(["livelihood_secured"])
    if facts.in_school_training_or_study is None:
        return LU.unknown(
            ["in_school_training_or_study"],
            "Lebensunterhalt nicht gesichert; ob Schule, Ausbildung oder Studium vorliegt, fehlt.",
            "Livelihood not secured; whether the person is in school, training or university is "
            "missing.",
        )
    return LU.discretion(
        "Nicht in Ausbildung und Lebensunterhalt nicht gesichert: Regelerteilungsvoraussetzung, "
        "von der nach § 5 Abs. 3 S. 2 AufenthG abgesehen werden kann (Ermessen).",
        "Not in education and livelihood not secured: the authority may waive it at discretion.",
    )


def _deception(facts: Facts) -> Requirement:
    if facts.duldung_due_to_own_deception:
        return DECEPTION.not_met(
            "Abschiebung ist wegen eigener falscher Angaben oder Täuschung über Identität oder "
            "Staatsangehörigkeit ausgesetzt: zwingender Versagungsgrund.",
            "Removal is suspended because of the person's own false statements or deception about "
            "identity or nationality: mandatory refusal.",
        )
    if facts.duldung_due_to_own_deception is False:
        return DECEPTION.met(
            "Keine eigene Täuschung (Täuschung der Eltern wird nicht zugerechnet).",
            "No own deception (the parents' deception is not attributed).",
        )
    return DECEPTION.unknown(["duldung_due_to_own_deception"])
