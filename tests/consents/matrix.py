from tests.consents.factories import make_consent
from tests.matrix_common import CLIENT_RECORD

MATRIX = {
    "consents:create": (lambda w: {"case_pk": w.case_a.pk}, CLIENT_RECORD),
    "consents:withdraw": (
        lambda w: {"pk": make_consent(w.case_a, w.welfare_a).pk},
        CLIENT_RECORD,
    ),
    "consents:pdf": (lambda w: {"pk": make_consent(w.case_a, w.welfare_a).pk}, CLIENT_RECORD),
}
