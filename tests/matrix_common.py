"""Shared words for the permission matrix (tests/test_permission_matrix.py).

Each test package may hold a ``matrix.py`` with ``MATRIX = {url_name: entry}``. An
entry is ``(kwargs_for, allowed)`` or ``(kwargs_for, allowed, "post")``:
``kwargs_for(world)`` gives the URL's kwargs, ``allowed`` is ``PUBLIC``,
``EVERYONE`` or a set of persona names. A GET answers 200 to the allowed and 404
to the rest; a POST (sent empty) answers anything but 404 or a server error to
the allowed and 404 to the rest. Anonymous users are sent to the login page.
"""

EVERYONE = "everyone logged in"
PUBLIC = "public"

PERSONAS = [
    "anonymous",
    "case_manager_a",
    "other_case_manager_a",
    "team_lead_a",
    "coordinator_a",
    "authority_staff_a",
    "partner_staff_a",
    "admin_a",
    "case_manager_b",
    "admin_b",
    "outsider",
]

# Who sees the standard client record and case of the world (client_a / case_a).
CLIENT_RECORD = {"case_manager_a", "team_lead_a"}
CASE_WORKERS = {"case_manager_a", "other_case_manager_a", "team_lead_a"}
ADMIN_A = {"admin_a"}
ADMINS = {"admin_a", "admin_b"}
