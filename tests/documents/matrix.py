from tests.documents.factories import make_document
from tests.matrix_common import CLIENT_RECORD

MATRIX = {
    "documents:upload": (lambda w: {"case_pk": w.case_a.pk}, CLIENT_RECORD),
    "documents:download": (lambda w: {"pk": make_document(w.case_a).pk}, CLIENT_RECORD),
    "documents:delete": (lambda w: {"pk": make_document(w.case_a).pk}, CLIENT_RECORD),
}
