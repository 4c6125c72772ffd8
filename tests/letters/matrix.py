"""Letters: from a case the user may work on."""

from tests.matrix_common import CLIENT_RECORD

MATRIX = {
    "letters:letter": (lambda w: {"case_pk": w.case_a.pk, "kind": "invitation"}, CLIENT_RECORD),
}
