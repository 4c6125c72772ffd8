"""Barrier reports: reported from a visible case, read by coordinators and team leads."""

from tests.matrix_common import CLIENT_RECORD

MATRIX = {
    "barriers:list": (lambda w: {}, {"coordinator_a", "team_lead_a"}),
    "barriers:report": (lambda w: {"case_pk": w.case_a.pk}, CLIENT_RECORD),
}
