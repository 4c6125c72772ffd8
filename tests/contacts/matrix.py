"""Permission matrix entries for the contact log."""

from __future__ import annotations

from tests.matrix_common import CLIENT_RECORD

MATRIX = {
    "contacts:list": (lambda w: {"case_pk": w.case_a.pk}, CLIENT_RECORD),
    "contacts:add": (lambda w: {"case_pk": w.case_a.pk}, CLIENT_RECORD, "post"),
}
