"""``@prepared`` querysets give the rows of the plain queryset, for every caller's values."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lotse.appointments.models import FollowUp
from lotse.cases.models import Case
from lotse.core.prepared import PreparedError, prepared


@prepared
def _follow_ups(p, limit=10):
    return (
        FollowUp.objects.filter(case_id__any=p.ids("cases"), due_on__lte=p.date("until"))
        .order_by("due_on", "pk")
        .values_list("what", "due_on", "case__client__family_name")[:limit]
    )


@prepared
def _cases_of(p):
    return Case.objects.filter(case_manager_id=p.int("user")).select_related("client")


@prepared
def _named(p):
    return Case.objects.filter(pk=p.int("case")).values_list("pk", "phase", named=True)


def test_rows_are_those_of_the_plain_queryset_for_each_callers_values(world):
    FollowUp.objects.create(case=world.case_a, due_on="2026-03-01", what="Call")
    FollowUp.objects.create(case=world.case_a, due_on="2026-05-01", what="Later")
    FollowUp.objects.create(case=world.case_b, due_on="2026-02-01", what="Other")
    until = dt.date(2026, 4, 1)
    rows = _follow_ups(cases=[world.case_a.pk], until=until)
    assert rows == [("Call", dt.date(2026, 3, 1), world.client_a.family_name)]
    # The same shape, other values: nothing of the first call stays behind.
    rows = _follow_ups(cases=[world.case_b.pk, world.case_a.pk], until=dt.date(2026, 12, 31))
    assert [what for what, _due, _name in rows] == ["Other", "Call", "Later"]
    assert _follow_ups(cases=[], until=until) == []
    assert _follow_ups(limit=1, cases=[world.case_b.pk, world.case_a.pk], until=until) == [
        ("Other", dt.date(2026, 2, 1), world.client_b.family_name)
    ]


def test_model_instances_come_with_their_related_rows_in_one_query(world):
    cases = _cases_of(user=world.case_manager_a.pk)
    assert set(cases) == set(Case.objects.filter(case_manager=world.case_manager_a))
    with CaptureQueriesContext(connection) as queries:
        cases = _cases_of(user=world.case_manager_b.pk)
        names = {case.client.family_name for case in cases}
    assert names == {world.client_b.family_name}
    assert len(queries) == 1
    assert _named(case=world.case_a.pk)[0].phase == world.case_a.phase


def test_later_calls_do_not_compile_sql_again(world, monkeypatch):
    _cases_of(user=world.case_manager_a.pk)
    from django.db.models.sql import compiler

    def refuse(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(compiler.SQLCompiler, "as_sql", refuse)
    assert _cases_of(user=world.case_manager_b.pk) == [world.case_b]


def test_wrong_or_missing_values_are_refused(world):
    with pytest.raises(TypeError):
        _cases_of(case=world.case_a.pk)
    with pytest.raises(TypeError):
        _cases_of(user=None)
    with pytest.raises(TypeError):
        _follow_ups(cases=[world.case_a.pk], until=timezone.now())


def test_a_builder_that_transforms_or_drops_a_marker_is_refused(world):
    @prepared
    def searched(p):
        return Case.objects.filter(client__family_name__icontains=p.str("q"))

    @prepared
    def shifted(p):
        return FollowUp.objects.filter(due_on__lte=p.date("until") + dt.timedelta(days=7))

    with pytest.raises(PreparedError):
        searched(q="x")
    with pytest.raises(PreparedError):
        shifted(until=dt.date(2026, 1, 1))


def test_a_builder_that_reads_the_clock_instead_of_a_marker_is_refused(world):
    @prepared
    def created_before_now(p):
        return FollowUp.objects.filter(case_id=p.int("case"), created_at__lte=timezone.now())

    with pytest.raises(PreparedError):
        created_before_now(case=world.case_a.pk)
