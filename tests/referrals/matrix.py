from tests.matrix_common import CLIENT_RECORD
from tests.referrals.factories import make_referral

PARTNER_A = {"partner_staff_a"}
NETWORK = {"coordinator_a", "team_lead_a"}

MATRIX = {
    "referrals:inbox": (lambda w: {}, PARTNER_A),
    "referrals:incoming": (lambda w: {"pk": make_referral(w.case_a, w.welfare_a).pk}, PARTNER_A),
    "referrals:answer": (
        lambda w: {"pk": make_referral(w.case_a, w.welfare_a).pk},
        PARTNER_A,
        "post",
    ),
    "referrals:send": (
        lambda w: {"pk": make_referral(w.case_a, w.welfare_a, status="proposed").pk},
        CLIENT_RECORD,
        "post",
    ),
    "referrals:network": (lambda w: {}, NETWORK),
    "referrals:network-export": (lambda w: {}, NETWORK),
    "referrals:create": (lambda w: {"case_pk": w.case_a.pk}, CLIENT_RECORD),
    "referrals:offers": (lambda w: {"case_pk": w.case_a.pk}, CLIENT_RECORD),
}
