"""The caseload: team leads and coordinators only."""

MATRIX = {
    "caseload:overview": (lambda w: {}, {"team_lead_a", "coordinator_a"}),
}
