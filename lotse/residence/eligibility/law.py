"""Dates of entry into force and the law versions the checks switch on.

Every rule is evaluated as the law stood on ``as_of`` (the decision date); only the § 25a age
limit, the § 40a StAG cut-off and the § 104c transition look at the application date, because
the statute ties them to the application.
"""

from __future__ import annotations

from datetime import date, timedelta

#: Earliest ``as_of`` the engine models. Older law (8-year rule before the 2019/2021 changes,
#: § 25a before 2015) is out of scope and rejected instead of being answered wrongly.
MIN_AS_OF = date(2020, 1, 1)

#: § 12a Abs. 1 S. 2 StAG (no bagatelle for antisemitic, racist, xenophobic or other inhuman
#: motives) was introduced by the 4th StAG amendment law, in force 20.08.2021; the StARModG
#: 2024 kept it and tied it to motives established in the judgment.
STAG_MOTIVE_RULE = date(2021, 8, 20)

#: Chancen-Aufenthaltsrecht law of 21.12.2022 (BGBl. I S. 2847). It was promulgated on
#: 30.12.2022 and entered into force "am Tag nach der Verkündung", i.e. on **31.12.2022**
#: (RULES.md says 01.01.2023; the one-day difference is deliberate, see the report).
CHANCEN_IN_FORCE = date(2022, 12, 31)

#: § 40a StAG: applications filed up to this day keep the old Nr. 3 ("nicht zu vertreten")
#: where it is more favourable.
STAG_40A_CUTOFF = date(2023, 8, 23)

#: StARModG (BGBl. 2024 I Nr. 104): 5 years, 3-year route, Mehrstaatigkeit accepted, new
#: Nr. 1a, stricter Nr. 3.
STAG_REFORM = date(2024, 6, 27)

#: Law of 27.10.2025 (BGBl. 2025 I Nr. 256) deletes § 10 Abs. 3 StAG (3-year route) without a
#: transitional rule (VG Trier, 03.12.2025, 8 K 5461/25.TR).
STAG_TURBO_ABOLISHED = date(2025, 10, 30)

#: Last day on which § 104c permits could be granted.
P104C_GRANTS_END = date(2025, 12, 31)

#: Last day on which § 104c holders may apply under §§ 25a/25b with the § 104c privileges
#: (§ 25a Abs. 5/6, § 25b Abs. 7/8 lapse on 01.07.2027).
P104C_TRANSITION_END = date(2027, 6, 30)

#: Days on which a rule used here changes; the ``eligible_from`` projection tries them.
LAW_CHANGES = (
    STAG_MOTIVE_RULE,
    CHANCEN_IN_FORCE,
    STAG_REFORM,
    STAG_TURBO_ABOLISHED,
    P104C_TRANSITION_END + timedelta(days=1),
)

GII = "https://www.gesetze-im-internet.de"
URL_STAG_10 = f"{GII}/stag/__10.html"
URL_STAG_11 = f"{GII}/stag/__11.html"
URL_STAG_12 = f"{GII}/stag/__12.html"
URL_STAG_12A = f"{GII}/stag/__12a.html"
URL_STAG_12B = f"{GII}/stag/__12b.html"
URL_AUFENTHG_5 = f"{GII}/aufenthg_2004/__5.html"
URL_AUFENTHG_25A = f"{GII}/aufenthg_2004/__25a.html"
URL_AUFENTHG_25B = f"{GII}/aufenthg_2004/__25b.html"
URL_AUFENTHG_54 = f"{GII}/aufenthg_2004/__54.html"


def stag_version(as_of: date) -> str:
    """``"2025"`` (5 years only), ``"2024"`` (5 years + 3-year route) or ``"2020"`` (8 years)."""
    if as_of >= STAG_TURBO_ABOLISHED:
        return "2025"
    if as_of >= STAG_REFORM:
        return "2024"
    return "2020"


def chancen_in_force(as_of: date) -> bool:
    """Whether §§ 25a/25b are read in the version of the Chancen-Aufenthaltsrecht law."""
    return as_of >= CHANCEN_IN_FORCE
