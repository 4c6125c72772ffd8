"""Permission matrix of the directory: staff pages under /offers/, public ones under /directory/."""

from lotse.directory.actions import confirmation_token
from tests.directory.factories import make_contact, make_offer
from tests.matrix_common import ADMIN_A, PUBLIC

# Coordinators and case managers (and team leads) read; coordinators and administrators edit.
READERS_A = {
    "case_manager_a",
    "other_case_manager_a",
    "team_lead_a",
    "coordinator_a",
    "admin_a",
}
READERS = READERS_A | {"case_manager_b", "admin_b"}
EDITORS_A = {"coordinator_a", "admin_a"}
EDITORS = EDITORS_A | {"admin_b"}


def offer_a(w):
    return {"pk": make_offer(w.municipality_a, w.welfare_a).pk}


MATRIX = {
    "directory:list": (lambda w: {}, READERS),
    "directory:detail": (offer_a, READERS_A),
    "directory:create": (lambda w: {}, EDITORS),
    "directory:edit": (offer_a, EDITORS_A),
    "directory:import": (lambda w: {}, EDITORS),
    "directory:import-help": (lambda w: {}, READERS),
    "directory:template": (lambda w: {"fmt": "xlsx"}, READERS),
    "directory:export": (lambda w: {"fmt": "csv"}, READERS),
    "directory:coverage": (lambda w: {}, READERS),
    "directory:coverage-export": (lambda w: {"fmt": "xlsx"}, READERS),
    "directory:stale": (lambda w: {}, EDITORS),
    "directory:request-confirmation": (lambda w: {}, EDITORS, "post"),
    "directory:contacts": (lambda w: {}, EDITORS),
    "directory:contact-create": (lambda w: {}, EDITORS),
    "directory:contact-edit": (lambda w: {"pk": make_contact(w.welfare_a).pk}, EDITORS_A),
    "public_directory:index": (lambda w: {}, PUBLIC),
    "public_directory:municipality": (lambda w: {"slug": w.municipality_a.slug}, PUBLIC),
    "public_directory:confirm": (
        lambda w: {"token": confirmation_token(make_offer(w.municipality_a, w.welfare_a))},
        PUBLIC,
    ),
}

assert ADMIN_A <= EDITORS_A
