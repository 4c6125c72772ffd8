"""Candidate search at scale and the import with the duplicate check: the key
prefilter, the bound that spares comparisons, wording of the reasons, and an
all-or-nothing import whose queries do not grow with its rows."""

from __future__ import annotations

import random

import pytest

from lotse.people import duplicates
from lotse.people.duplicates import (
    find_candidates,
    find_candidates_many,
    ranked_client_ids,
    reason_label,
)
from lotse.people.evaluation import metrics
from lotse.people.imports import do_import_clients
from lotse.people.indexing import keys_for_records
from lotse.people.matching.compare import compare, max_score
from lotse.people.models import Client, ClientBlockingKey, ClientSearchToken
from lotse.people.permissions import clients_visible_to


def record(given, family, dob=None, gender=None, **extra):
    return {
        "given_names": given,
        "family_name": family,
        "date_of_birth": dob,
        "gender": gender,
        **extra,
    }


def test_the_bound_is_never_below_the_score_on_the_evaluation_pairs():
    pairs = list(metrics.load(metrics.PAIRS))
    assert all(max_score(p["a"], p["b"]) + 1e-9 >= compare(p["a"], p["b"]).score for p in pairs)


def test_a_name_that_agrees_only_after_transliteration_is_not_called_the_same(world, client_of):
    client_of(
        family_name="Shevchenko", given_names="Taras", birth_year=1985, birth_month=7, birth_day=12
    )
    found = find_candidates(world.case_manager_a, record("Taras", "Шевченко", "1985-07-12"))
    assert found
    reasons = found[0].reasons
    assert "given_name_exact" in reasons  # Taras as typed in both
    assert "family_name_transliterated" in reasons
    assert "family_name_exact" not in reasons
    assert reason_label("family_name_transliterated") in found[0].agreeing


def test_umlaut_spellings_say_same_after_transliteration(world, client_of):
    client_of(
        family_name="Müller", given_names="Jürgen", birth_year=1970, birth_month=1, birth_day=9
    )
    found = find_candidates(world.case_manager_a, record("Juergen", "Mueller", "1970-01-09"))
    assert found
    assert {"given_name_transliterated", "family_name_transliterated"} <= set(found[0].reasons)


def test_a_common_name_is_a_caution_not_a_difference(world, client_of):
    client_of(
        family_name="Haddad",
        given_names="Mohammed",
        gender="m",
        birth_year=1990,
        birth_month=3,
        birth_day=5,
        country_of_birth="SY",
    )
    found = find_candidates(world.case_manager_a, record("Mohammed", "Haddad", "1990-03-05", "m"))
    assert found
    candidate = found[0]
    assert "given_name_common" in candidate.reasons
    assert reason_label("given_name_common") in candidate.cautions
    assert reason_label("given_name_common") not in candidate.differing
    assert reason_label("given_name_common") not in candidate.agreeing


def test_a_key_held_by_too_many_clients_is_skipped_but_two_shared_keys_still_find(
    world, client_of, monkeypatch
):
    target = client_of(
        family_name="Karimi", given_names="Zahra", birth_year=1995, birth_month=6, birth_day=7
    )
    for i in range(6):  # same names, other years: they share only the name key
        client_of(family_name="Karimi", given_names="Zahra", birth_year=1950 + i)
    keys = sorted(keys_for_records([record("Zahra", "Karimi", "1995-06-07")]))
    municipality = world.municipality_a.pk
    monkeypatch.setattr(duplicates, "RARE_KEY_ROWS", 1)
    assert ranked_client_ids([keys], municipality)[0][0] == target.pk
    monkeypatch.setattr(duplicates, "KEY_ROWS_MAX", 3)  # the name key now "too common"
    assert ranked_client_ids([keys], municipality)[0] == [target.pk]


def test_batch_search_keeps_each_users_scope(world, client_of):
    hidden = client_of(
        family_name="Haddad",
        given_names="Nour",
        created_by=world.other_case_manager_a,
        birth_year=1991,
        birth_month=2,
        birth_day=3,
    )
    mine = client_of(
        family_name="Celik", given_names="Ayse", gender="f", birth_year=1992, birth_month=4,
        birth_day=20,
    )  # fmt: skip
    scope = clients_visible_to(world.case_manager_a)
    found = find_candidates_many(
        scope,
        [record("Nour", "Haddad", "1991-02-03"), record("Ayşe", "Çelik", "1992-04-20", "f")],
        world.municipality_a.pk,
    )
    assert [c.client for c in found[0]] == []
    assert [c.client for c in found[1]] == [mine]
    assert hidden.pk not in {c.client.pk for row in found for c in row}


def test_import_holds_back_possible_duplicates_and_creates_the_rest(world, client_of):
    existing = client_of(
        family_name="Al-Hassan", given_names="Mohammed", gender="m", birth_year=1990,
        birth_month=3, birth_day=5,
    )  # fmt: skip
    rows = [
        record("Muhammad", "Alhasan", "1990-03-05", "m"),  # the existing client
        record("Olena", "Koval", "1988-11-02", "f"),
        record("Olena", "Kowal", "1988-11-02", "f"),  # the row above, in other spelling
        record("Tesfay", "Gebremedhin", "1979-05-14", "m"),
    ]
    held = []
    result = do_import_clients(
        acting_user=world.case_manager_a,
        rows=iter(rows),
        batch_size=2,
        on_held_back=lambda row, candidates: held.append((row, candidates)),
    )
    assert (result.rows, result.created, result.held_back) == (4, 2, 2)
    assert [c.client for c in held[0][1]] == [existing]
    assert held[1][0]["family_name"] == "Kowal"  # found in the database, as an earlier row
    created = Client.objects.filter(
        organisation=world.kim_a, family_name__in=["Koval", "Gebremedhin"]
    )
    assert created.count() == 2
    assert ClientBlockingKey.objects.filter(client__in=created).count() >= 2
    assert ClientSearchToken.objects.filter(client__in=created).count() >= 2
    assert all(c.created_by == world.case_manager_a for c in created)
    # the created clients are found by the duplicate check and the search alike
    assert find_candidates(world.case_manager_a, record("Tesfay", "Gebremedhin", "1979-05-14", "m"))


def test_import_is_all_or_nothing(world):
    def rows():
        yield record("Olena", "Koval", "1988-11-02", "f")
        raise ValueError("broken file")

    with pytest.raises(ValueError, match="broken file"):
        do_import_clients(acting_user=world.case_manager_a, rows=rows(), batch_size=1)
    assert not Client.objects.filter(organisation=world.kim_a, family_name="Koval").exists()


def test_import_queries_do_not_grow_with_rows(world, django_assert_max_num_queries):
    rows = [
        record(f"Given{chr(97 + i % 26)}{i}", f"Family{i}", f"19{50 + i % 50}") for i in range(120)
    ]
    with django_assert_max_num_queries(20):
        result = do_import_clients(acting_user=world.case_manager_a, rows=rows, batch_size=200)
    assert result.created + result.held_back == 120


def test_ranking_by_rarity_copes_with_keys_nobody_holds(world, client_of, monkeypatch):
    first = client_of(
        family_name="Karimi", given_names="Zahra", birth_year=1995, birth_month=6, birth_day=7
    )
    client_of(family_name="Karimi", given_names="Zahra", birth_year=1950)
    keys = sorted(keys_for_records([record("Zahra", "Karimi", "1995-06-07")])) + ["n:nobody"]
    monkeypatch.setattr(duplicates, "RANK_CAP", 1)  # more pass than fit: rank by rarity
    assert ranked_client_ids([keys], world.municipality_a.pk) == [[first.pk]]


def test_clients_sharing_two_keys_come_before_those_sharing_one_rare_key(
    world, client_of, monkeypatch
):
    both = client_of(
        family_name="Karimi", given_names="Zahra", birth_year=1995, birth_month=6, birth_day=7
    )
    name_only = client_of(family_name="Karimi", given_names="Zahra", birth_year=1950)
    keys = sorted(keys_for_records([record("Zahra", "Karimi", "1995-06-07")]))
    ranked = ranked_client_ids([keys], world.municipality_a.pk)[0]
    assert ranked.index(both.pk) < ranked.index(name_only.pk)
    monkeypatch.setattr(duplicates, "RARE_KEY_ROWS", 1)  # the shared name key is not rare
    assert ranked_client_ids([keys], world.municipality_a.pk)[0] == [both.pk]
    # the client being edited is never its own candidate
    assert both.pk not in ranked_client_ids([keys], world.municipality_a.pk, exclude=both.pk)[0]


def test_best_comparison_below_the_threshold_is_none():
    a = [record("Olena", "Koval", "1988-11-02", "f")]
    b = [record("Olena", "Kowal", "1988-11-02", "f")]
    c = [record("Taras", "Melnyk", "1960-01-01", "m")]
    assert duplicates.best_comparison(a, b, 0.8) is not None
    assert duplicates.best_comparison(a, c, 0.8) is None
    assert duplicates.best_comparison(a, c, 0.8, bound=False) is None
    assert duplicates.best_comparison(a, c) is not None  # no threshold: the comparison itself


def test_import_reports_each_batch(world):
    rows = [record("Olena", "Koval", "1988-11-02", "f"), record("Taras", "Melnyk", "1960", "m")]
    rows.append(record("Dawit", "Tesfay", "1979-05-14", "m"))
    seen = []
    do_import_clients(
        acting_user=world.case_manager_a,
        rows=rows,
        batch_size=2,
        on_batch=lambda so_far: seen.append((so_far.rows, so_far.created)),
    )
    assert seen == [(2, 2), (3, 3)]


def test_a_shared_name_pair_key_ranks_before_a_rarer_name_and_year_key(world, client_of):
    # same given and family name, another year: shares only the name-pair key
    namesake = client_of(family_name="Zhukov", given_names="Anastasiya", birth_year=1989)
    # same given name and year, another family name: shares only a name-and-year key
    same_year = client_of(family_name="Petrenko", given_names="Anastasiya", birth_year=1988)
    for i in range(3):  # the name-pair key is held by more clients than the other
        client_of(family_name="Zhukov", given_names="Anastasiya", birth_year=1960 + i)
    keys = sorted(keys_for_records([record("Anastasiya", "Zhukov", "1988")]))
    ranked = ranked_client_ids([keys], world.municipality_a.pk)[0]
    assert ranked.index(namesake.pk) < ranked.index(same_year.pk)


def _ranked_one_client_at_a_time(keys, postings, exclude):
    """The ranking as the README states it, client by client (slow, plain)."""
    usable = [k for k in dict.fromkeys(keys) if 0 < len(postings[k]) <= duplicates.KEY_ROWS_MAX]
    holders = {c for k in usable for c in postings[k]} - {exclude}
    shared = {c: [k for k in usable if c in postings[k]] for c in holders}

    def rarity(c):  # added up key by key (sum() would round differently)
        total = 0.0
        for k in shared[c]:
            total += 1.0 / len(postings[k])
        return total

    multi = sorted(
        (c for c in holders if len(shared[c]) >= 2),
        key=lambda c: (
            -len(shared[c]),
            not any(k.startswith("n:") for k in shared[c]),
            -rarity(c),
            c,
        ),
    )
    single = sorted(
        (c for c in holders if len(shared[c]) == 1 and len(postings[shared[c][0]]) <= 300),
        key=lambda c: (not shared[c][0].startswith("n:"), len(postings[shared[c][0]]), c),
    )
    return (multi + single)[: duplicates.RANK_CAP]


def test_ranking_matches_the_stated_order_on_random_postings():
    rng = random.Random(5)
    for _ in range(400):
        keys = [f"{rng.choice('ny')}:{rng.randint(0, 7)}" for _ in range(rng.randint(1, 6))]
        postings = {
            k: sorted(rng.sample(range(1, 400), rng.choice([1, 2, 5, 30, 150, 299, 300, 301])))
            for k in keys
        }
        exclude = rng.choice([0, rng.randint(1, 400)])
        expected = _ranked_one_client_at_a_time(keys, postings, exclude)
        assert duplicates._ranked(keys, postings, exclude) == expected
