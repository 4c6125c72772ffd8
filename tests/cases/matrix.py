"""Who may reach which case page (merged into tests/test_permission_matrix.py)."""

from tests.cases.factories import (
    make_agreement,
    make_approval,
    make_assessment,
    make_incoming_transfer,
)
from tests.matrix_common import CLIENT_RECORD


def _assessed(w):
    make_assessment(w.case_a)
    return {"pk": w.case_a.pk}


MATRIX = {
    "cases:open": (lambda w: {"client_pk": w.client_a.pk}, CLIENT_RECORD),
    "cases:transition": (lambda w: {"pk": w.case_a.pk}, CLIENT_RECORD, "post"),
    "cases:edit": (lambda w: {"pk": w.case_a.pk}, CLIENT_RECORD),
    "cases:assessment-add": (lambda w: {"pk": w.case_a.pk}, CLIENT_RECORD),
    "cases:assessment": (lambda w: {"pk": make_assessment(w.case_a).pk}, CLIENT_RECORD),
    "cases:agreement-add": (_assessed, CLIENT_RECORD),
    "cases:agreement": (lambda w: {"pk": make_agreement(w.case_a).pk}, CLIENT_RECORD),
    "cases:agreement-pdf": (lambda w: {"pk": make_agreement(w.case_a).pk}, CLIENT_RECORD),
    "cases:goal-review": (
        lambda w: {"pk": make_agreement(w.case_a).goals.get().pk},
        CLIENT_RECORD,
    ),
    "cases:approval": (lambda w: {"pk": make_approval(w.case_a).pk}, {"team_lead_a"}),
    "cases:handover": (lambda w: {"pk": w.case_a.pk}, CLIENT_RECORD),
    "cases:transfer": (lambda w: {"pk": w.case_a.pk}, CLIENT_RECORD),
    "cases:transfer-decide": (lambda w: {"pk": make_incoming_transfer(w).pk}, {"team_lead_a"}),
}
