"""Permission matrix entries for the residence pre-check."""

from lotse.residence.models import PrecheckConsent

PRECHECK_USERS = {
    "case_manager_a",
    "other_case_manager_a",
    "team_lead_a",
    "authority_staff_a",
    "case_manager_b",
}


def _with_consent(w):
    PrecheckConsent.objects.create(
        client=w.client_a, remark="mündlich", recorded_by=w.case_manager_a
    )
    return {"check": "stag10"}


MATRIX = {
    "residence:index": (lambda w: {}, PRECHECK_USERS),
    "residence:precheck": (lambda w: {"check": "aufenthg25b"}, PRECHECK_USERS),
    "residence:consent": (
        lambda w: {"check": "stag10", "pk": w.client_a.pk},
        {"case_manager_a", "team_lead_a"},
    ),
}
