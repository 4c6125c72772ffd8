from tests.conferences.factories import make_conference
from tests.matrix_common import CLIENT_RECORD

CONFERENCE = CLIENT_RECORD | {"partner_staff_a"}

MATRIX = {
    "conferences:create": (lambda w: {"case_pk": w.case_a.pk}, CLIENT_RECORD),
    "conferences:detail": (lambda w: {"pk": make_conference(w).pk}, CONFERENCE),
    "conferences:note-add": (lambda w: {"pk": make_conference(w).pk}, CONFERENCE, "post"),
    "conferences:end": (lambda w: {"pk": make_conference(w).pk}, CLIENT_RECORD, "post"),
}
