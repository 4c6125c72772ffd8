"""The naturalisation procedure's rules: allowed steps, dates, completeness, reminders."""

from __future__ import annotations

import datetime as dt

import pytest

from lotse.naturalisation import workflow as wf

D = dt.date(2026, 3, 1)
TODAY = dt.date(2026, 11, 15)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (wf.RECEIVED, wf.COMPLETE),
        (wf.COMPLETE, wf.CHECKS_REQUESTED),
        (wf.CHECKS_REQUESTED, wf.CHECKS_RETURNED),
        (wf.CHECKS_RETURNED, wf.DECIDED),
        (wf.DECIDED, wf.CERTIFICATE_HANDED_OVER),
        (wf.RECEIVED, wf.WITHDRAWN),
        (wf.CHECKS_RETURNED, wf.REJECTED),
        (wf.COMPLETE, wf.REJECTED),
    ],
)
def test_the_pipeline_steps_are_allowed(current, target):
    wf.check_transition(current, target, on=D, previous_on=D, today=TODAY)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (wf.RECEIVED, wf.CHECKS_REQUESTED),  # skipping completeness
        (wf.RECEIVED, wf.REJECTED),  # no rejection before the file is complete
        (wf.CERTIFICATE_HANDED_OVER, wf.WITHDRAWN),  # finished is final
        (wf.REJECTED, wf.COMPLETE),
        (wf.WITHDRAWN, wf.RECEIVED),
        (wf.CHECKS_REQUESTED, wf.CERTIFICATE_HANDED_OVER),
    ],
)
def test_skipping_or_leaving_a_final_step_is_refused(current, target):
    with pytest.raises(wf.WorkflowError) as error:
        wf.check_transition(current, target, on=D, previous_on=D, today=TODAY)
    assert error.value.code == "not_allowed"


def test_a_step_cannot_be_dated_before_the_previous_one():
    with pytest.raises(wf.WorkflowError) as error:
        wf.check_transition(
            wf.RECEIVED, wf.COMPLETE, on=D - dt.timedelta(days=1), previous_on=D, today=TODAY
        )
    assert error.value.code == "before_previous"


def test_a_step_cannot_be_dated_in_the_future():
    with pytest.raises(wf.WorkflowError) as error:
        wf.check_transition(
            wf.RECEIVED, wf.COMPLETE, on=TODAY + dt.timedelta(days=1), previous_on=D, today=TODAY
        )
    assert error.value.code == "in_future"


def test_the_file_is_complete_only_with_every_document():
    with pytest.raises(wf.WorkflowError) as error:
        wf.check_transition(
            wf.RECEIVED, wf.COMPLETE, on=D, previous_on=D, today=TODAY, documents_missing=["Pass"]
        )
    assert error.value.code == "documents_missing"


def test_waiting_too_long_starts_the_day_after_the_limit():
    limits = {wf.CHECKS_REQUESTED: 60}
    assert not wf.is_waiting_too_long(wf.CHECKS_REQUESTED, D, D + dt.timedelta(days=60), limits)
    assert wf.is_waiting_too_long(wf.CHECKS_REQUESTED, D, D + dt.timedelta(days=61), limits)
    assert not wf.is_waiting_too_long(wf.WITHDRAWN, D, TODAY, limits)


def test_next_steps_are_offered_in_pipeline_order():
    assert wf.allowed_next(wf.CHECKS_RETURNED) == [wf.DECIDED, wf.REJECTED, wf.WITHDRAWN]
    assert wf.allowed_next(wf.CERTIFICATE_HANDED_OVER) == []
