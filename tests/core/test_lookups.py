"""``__any``: the same rows as ``__in``, with the ids sent as one parameter."""

from lotse.appointments.models import FollowUp
from lotse.cases.models import Case


def test_any_finds_the_same_rows_as_in_also_across_a_relation(world):
    wanted = [world.case_a.pk, world.case_b.pk, 10**12]
    assert set(Case.objects.filter(pk__any=wanted)) == set(Case.objects.filter(pk__in=wanted))
    FollowUp.objects.create(case=world.case_a, due_on="2026-03-01", what="Call")
    found = FollowUp.objects.filter(case_id__any=[world.case_a.pk]).values_list("what", flat=True)
    assert list(found) == ["Call"]
    assert not Case.objects.filter(pk__any=[]).exists()


def test_any_sql_does_not_depend_on_how_many_ids(world):
    def sql(ids):
        return Case.objects.filter(pk__any=ids).query.sql_with_params()[0]

    assert sql([1]) == sql([1, 2, 3, 4])
    assert sql([1]) != Case.objects.filter(pk__in=[1, 2]).query.sql_with_params()[0]


def test_any_takes_a_subquery_of_ids_as_in_does(world):
    managed = Case.objects.filter(case_manager=world.case_manager_a).values("pk")
    shared = Case.objects.filter(pk=world.case_b.pk).values("pk")
    for ids in (managed, managed.union(shared)):
        assert set(Case.objects.filter(pk__any=ids)) == set(Case.objects.filter(pk__in=ids))
    assert set(Case.objects.filter(pk__any=managed.union(shared))) >= {world.case_a, world.case_b}
