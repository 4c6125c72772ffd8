"""The people app's URLs in the permission matrix (tests/test_permission_matrix.py)."""

from lotse.people.models import HouseholdMember
from tests.conftest import make_client
from tests.matrix_common import CASE_WORKERS, CLIENT_RECORD


def _second(w):
    """Another record of KIM A, seen by case manager A (its creator) and the team lead."""
    return make_client(w.municipality_a, w.kim_a, w.case_manager_a, family_name="Hadad")


def _household_entry(w):
    return HouseholdMember.objects.create(client=w.client_a, name="Samir", relation="Ehemann")


def _merge(w):
    from lotse.people.actions import do_merge_clients

    return do_merge_clients(
        acting_user=w.team_lead_a, survivor=w.client_a, merged=_second(w), reason="test"
    )


def _decided(w):
    """A pair of KIM A's records noted as two different people."""
    from lotse.people.actions import do_mark_not_duplicate

    second = _second(w)
    do_mark_not_duplicate(acting_user=w.team_lead_a, first=w.client_a, second=second)
    return {"first": w.client_a.pk, "second": second.pk}


TEAM_LEAD_A = {"team_lead_a"}

MATRIX = {
    "people:create": (lambda w: {}, CASE_WORKERS | {"case_manager_b"}),
    "people:import": (lambda w: {}, CASE_WORKERS | {"case_manager_b"}),
    "people:import-review": (lambda w: {}, CASE_WORKERS | {"case_manager_b"}, "post"),
    "people:import-template": (lambda w: {}, CASE_WORKERS | {"case_manager_b"}),
    "people:edit": (lambda w: {"pk": w.client_a.pk}, CLIENT_RECORD),
    "people:household-add": (lambda w: {"pk": w.client_a.pk}, CLIENT_RECORD, "post"),
    "people:household-remove": (
        lambda w: {"pk": w.client_a.pk, "entry": _household_entry(w).pk},
        CLIENT_RECORD,
        "post",
    ),
    "people:duplicates": (lambda w: {}, TEAM_LEAD_A),
    "people:duplicate-scan-start": (lambda w: {}, TEAM_LEAD_A, "post"),
    "people:merge": (lambda w: {"first": w.client_a.pk, "second": _second(w).pk}, TEAM_LEAD_A),
    "people:not-duplicate": (
        lambda w: {"first": w.client_a.pk, "second": _second(w).pk},
        TEAM_LEAD_A,
        "post",
    ),
    "people:not-duplicate-undo": (_decided, TEAM_LEAD_A, "post"),
    "people:merge-undo": (lambda w: {"pk": _merge(w).pk}, TEAM_LEAD_A),
}
