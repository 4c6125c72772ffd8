"""Who may reach which case page (merged into tests/test_permission_matrix.py)."""

from tests.matrix_common import CLIENT_RECORD

MATRIX = {
    "cases:open": (lambda w: {"client_pk": w.client_a.pk}, CLIENT_RECORD),
}
