"""Organisations and locations: only administrators, only of their own municipality."""

from tests.matrix_common import ADMIN_A, ADMINS

MATRIX = {
    "accounts:organisations": (lambda w: {}, ADMINS),
    "accounts:organisation-create": (lambda w: {}, ADMINS),
    "accounts:organisation-edit": (lambda w: {"pk": w.welfare_a.pk}, ADMIN_A),
    "accounts:location-create": (lambda w: {"organisation_pk": w.kim_a.pk}, ADMIN_A),
    "accounts:location-edit": (lambda w: {"pk": w.location_a.pk}, ADMIN_A),
}
