"""The referral state machine: who takes which step, and never without consent."""

import pytest

from lotse.referrals.rules import ReferralFacts, Side, Status, check_step, next_steps

P, S, A, D, X = Status.PROPOSED, Status.SENT, Status.ACCEPTED, Status.DECLINED, Status.DONE
CM, PARTNER = Side.CASE_MANAGER, Side.PARTNER


@pytest.mark.parametrize(
    ("status", "consent", "target", "side", "text", "reasons"),
    [
        (P, True, S, CM, "", ()),
        (P, False, S, CM, "", ("needs_consent",)),
        (P, True, S, PARTNER, "", ("not_your_step",)),
        (S, True, A, PARTNER, "", ()),
        (S, False, A, PARTNER, "", ("needs_consent",)),
        (S, True, A, CM, "", ("not_your_step",)),
        (S, True, D, PARTNER, "", ("decline_needs_reason",)),
        (S, True, D, PARTNER, "no places left", ()),
        (A, True, X, PARTNER, "", ("report_needs_note",)),
        (A, True, X, PARTNER, "attended the course", ()),
        (P, True, A, PARTNER, "", ("not_a_next_status",)),
        (D, True, A, PARTNER, "", ("not_a_next_status",)),
        (X, True, S, CM, "", ("not_a_next_status",)),
    ],
)
def test_each_step_is_checked(status, consent, target, side, text, reasons):
    verdict = check_step(ReferralFacts(status, consent), target, side, text=text)
    assert verdict.reasons == reasons
    assert verdict.allowed is (not reasons)


def test_without_consent_no_side_has_a_next_step():
    for status in Status:
        for side in Side:
            assert next_steps(ReferralFacts(status, False), side) == []


def test_partner_can_accept_or_decline_a_sent_referral_and_then_report_back():
    assert next_steps(ReferralFacts(S, True), PARTNER) == [A, D]
    assert next_steps(ReferralFacts(A, True), PARTNER) == [X]
    assert next_steps(ReferralFacts(P, True), CM) == [S]
