"""Possible duplicates: found among the records the user may see, with reasons,
before saving; the scan over the organisation; merge and undo with nothing lost."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from lotse.accounts.models import Role
from lotse.audit.actions import do_log_access
from lotse.audit.models import AccessLogEntry
from lotse.consents.models import Consent
from lotse.core.models import VulnerabilityMarker
from lotse.people import actions, duplicates, scans
from lotse.people.duplicates import best_comparison, find_candidates, scan_pairs
from lotse.people.models import (
    Client,
    ClientBlockingKey,
    DuplicateScan,
    DuplicateScanPair,
    HouseholdMember,
)
from lotse.people.permissions import clients_visible_to
from tests.conftest import make_case, make_client, make_user


def record(given, family, dob=None, gender=None, **extra):
    return {
        "given_names": given,
        "family_name": family,
        "date_of_birth": dob,
        "gender": gender,
        **extra,
    }


def test_transliterated_name_with_placeholder_date_is_a_candidate_with_reasons(world, client_of):
    existing = client_of(
        family_name="Al-Hassan",
        given_names="Mohammed",
        gender="m",
        birth_year=1990,
        birth_month=3,
        birth_day=5,
    )
    found = find_candidates(world.case_manager_a, record("Muhammad", "Alhasan", "1990-03-05", "m"))
    assert [c.client for c in found] == [existing]
    # written differently, so never "the same": the same after transliteration, or alike
    assert {"given_name_phonetic", "given_name_transliterated"} & set(found[0].reasons)
    assert "given_name_exact" not in found[0].reasons
    assert found[0].agreeing


def test_name_in_original_script_finds_the_latin_record(world, client_of):
    existing = client_of(
        family_name="Shevchenko", given_names="Taras", birth_year=1985, birth_month=7, birth_day=12
    )
    found = find_candidates(world.case_manager_a, record("Тарас", "Шевченко", "1985-07-12"))
    assert [c.client for c in found] == [existing]


def test_swapped_names_and_swapped_day_month_are_found(world, client_of):
    existing = client_of(
        family_name="Celik",
        given_names="Ayse",
        gender="f",
        birth_year=1992,
        birth_month=4,
        birth_day=11,
    )
    found = find_candidates(world.case_manager_a, record("Çelik", "Ayşe", "1992-11-04", "f"))
    assert [c.client for c in found] == [existing]


def test_father_and_son_or_siblings_are_not_candidates(world, client_of):
    client_of(
        family_name="Ahmadi",
        given_names="Mohammad",
        gender="m",
        birth_year=1965,
        birth_month=1,
        birth_day=1,
        birth_date_placeholder=True,
    )
    client_of(
        family_name="Ahmadi",
        given_names="Hamid",
        gender="m",
        birth_year=1990,
        birth_month=5,
        birth_day=2,
    )
    assert (
        find_candidates(world.case_manager_a, record("Mohammad", "Ahmadi", "1990-05-02", "m")) == []
    )


def test_common_name_and_birth_year_alone_is_not_a_duplicate(world, client_of):
    client_of(family_name="Ahmadi", given_names="Mohammad", gender="m", birth_year=1990)
    assert find_candidates(world.case_manager_a, record("Mohammad", "Ahmadi", "1990", "m")) == []


def test_candidates_never_include_records_the_user_may_not_see(world, client_of):
    hidden = client_of(
        family_name="Haddad",
        given_names="Nour",
        created_by=world.other_case_manager_a,
        birth_year=1991,
        birth_month=2,
        birth_day=3,
    )
    probe = record("Nour", "Haddad", "1991-02-03")
    assert hidden not in clients_visible_to(world.case_manager_a)
    assert all(c.client != hidden for c in find_candidates(world.case_manager_a, probe))
    assert [c.client for c in find_candidates(world.other_case_manager_a, probe)] == [hidden]
    # another municipality's record of the same person is never shown either
    assert all(
        c.client != world.client_b
        for c in find_candidates(world.case_manager_a, record("Olena", "Koval"))
    )
    assert find_candidates(world.coordinator_a, probe) == []


def test_find_candidates_accepts_a_queryset_scope_for_imports(world, client_of):
    existing = client_of(
        family_name="Karimi", given_names="Zahra", birth_year=1995, birth_month=6, birth_day=7
    )
    scope = Client.objects.filter(organisation=world.kim_a)
    found = find_candidates(scope, record("Sahra", "Karimi", "1995-06-07"), 5)
    assert [c.client for c in found] == [existing]


def test_create_shows_warning_with_reasons_before_saving_and_user_decides(
    world, client_of, logged_in
):
    existing = client_of(
        family_name="Al-Hassan",
        given_names="Mohammed",
        gender="m",
        birth_year=1990,
        birth_month=3,
        birth_day=5,
    )
    http = logged_in(world.case_manager_a)
    data = {
        "family_name": "Alhasan",
        "given_names": "Muhammad",
        "gender": "m",
        "date_of_birth": "05.03.1990",
    }
    response = http.post(reverse("people:create"), data)
    assert response.status_code == 200
    assert [c.client for c in response.context["candidates"]] == [existing]
    page = response.content.decode()
    assert reverse("people:detail", args=[existing.pk]) in page
    assert Client.objects.filter(family_name="Alhasan").count() == 0
    # save anyway
    confirmed = response.context["confirmed"]
    response = http.post(reverse("people:create"), {**data, "confirmed": confirmed})
    assert response.status_code == 302
    assert Client.objects.filter(family_name="Alhasan").count() == 1


def test_keys_follow_edits(world, client_of):
    c = client_of(family_name="Rahimi", given_names="Farid")
    before = set(c.blocking_keys.values_list("key", flat=True))
    actions.do_change_client(
        acting_user=world.case_manager_a,
        client=c,
        data={"family_name": "Nazari"},
        version=c.version,
    )
    after = set(ClientBlockingKey.objects.filter(client=c).values_list("key", flat=True))
    assert before and after and before != after


# --- merge ---------------------------------------------------------------------


def _rows_of(client):
    return {
        "cases": set(client.cases.values_list("pk", flat=True)),
        "consents": set(Consent.objects.filter(client=client).values_list("pk", flat=True)),
        "household": set(
            HouseholdMember.objects.filter(client=client).values_list("pk", flat=True)
        ),
        "household_of": set(
            HouseholdMember.objects.filter(member=client).values_list("pk", flat=True)
        ),
        "markers": set(client.vulnerability_markers.values_list("pk", flat=True)),
    }


def _consent(client, world):
    return Consent.objects.create(
        client=client,
        purpose=Consent._meta.get_field("purpose").choices[0][0],
        recipient=world.welfare_a,
        given_on=dt.date(2026, 1, 10),
        recorded_by=world.case_manager_a,
    )


def test_merge_and_undo_round_trip_loses_nothing(world, client_of):
    a = world.client_a
    b = client_of(
        family_name="Hadad",
        given_names="Nur",
        phone="0228 5",
        notes="Kommt dienstags.",
        birth_year=1991,
        birth_month=2,
        birth_day=3,
    )
    case_b = make_case(b, world.case_manager_a)
    consent_b = _consent(b, world)
    other = client_of(family_name="Haddad", given_names="Lina")
    HouseholdMember.objects.create(client=b, member=other, relation="Tochter")
    HouseholdMember.objects.create(client=other, member=b, relation="Mutter")
    marker = VulnerabilityMarker.objects.filter(municipality=world.municipality_a).first()
    b.vulnerability_markers.add(marker)
    do_log_access(acting_user=world.case_manager_a, action="people.client.viewed", obj=b)
    a_before, b_before = _rows_of(a), _rows_of(b)
    snap_a, snap_b = actions.snapshot(a), actions.snapshot(b)
    log_before = AccessLogEntry.objects.filter(
        object_type="people.client", object_id=str(b.pk)
    ).count()

    merge = actions.do_merge_clients(
        acting_user=world.team_lead_a, survivor=a, merged=b, reason="Same passport"
    )
    a.refresh_from_db()
    b.refresh_from_db()
    assert b.merged_into == a
    assert case_b in a.cases.all() and not b.cases.exists()
    assert consent_b in Consent.objects.filter(client=a)
    assert a.phone == "0228 5" and "Kommt dienstags." in a.notes
    assert "Hadad, Nur" in a.aliases
    assert (a.birth_year, a.birth_month, a.birth_day) == (1991, 2, 3)
    assert marker in a.vulnerability_markers.all()
    assert merge.merged_by == world.team_lead_a and merge.reason == "Same passport"
    assert b not in clients_visible_to(world.team_lead_a)
    assert not ClientBlockingKey.objects.filter(client=b).exists()
    assert (
        AccessLogEntry.objects.filter(object_type="people.client", object_id=str(b.pk)).count()
        > log_before
    )
    # the other spelling now finds the survivor
    assert [
        c.client for c in find_candidates(world.team_lead_a, record("Nur", "Hadad", "1991-02-03"))
    ] == [a]

    kept = actions.do_undo_merge(
        acting_user=world.team_lead_a, merge=merge, reason="Different father's name"
    )
    a.refresh_from_db()
    b.refresh_from_db()
    assert kept == []
    assert b.merged_into is None
    assert _rows_of(a) == a_before and _rows_of(b) == b_before
    for snap, client in ((snap_a, a), (snap_b, b)):
        assert actions.snapshot(client) == snap
    merge.refresh_from_db()
    assert merge.undone_by == world.team_lead_a and merge.undo_reason
    assert ClientBlockingKey.objects.filter(client=b).exists()


def test_undo_keeps_a_field_changed_after_the_merge(world, client_of):
    a = world.client_a
    b = client_of(family_name="Hadad", given_names="Nur", phone="0228 5")
    merge = actions.do_merge_clients(
        acting_user=world.team_lead_a, survivor=a, merged=b, reason="x"
    )
    a.refresh_from_db()
    actions.do_change_client(
        acting_user=world.team_lead_a, client=a, data={"phone": "0151 9"}, version=a.version
    )
    kept = actions.do_undo_merge(acting_user=world.team_lead_a, merge=merge, reason="y")
    a.refresh_from_db()
    assert a.phone == "0151 9"
    assert kept


def test_merge_views_for_team_lead(world, client_of, logged_in):
    b = client_of(family_name="Hadad", given_names="Nour")
    http = logged_in(world.team_lead_a)
    assert http.get(reverse("people:merge", args=[world.client_a.pk, b.pk])).status_code == 200
    response = http.post(
        reverse("people:merge", args=[world.client_a.pk, b.pk]),
        {"survivor": str(world.client_a.pk)},
    )
    assert response.status_code == 200 and "reason" in response.context["form"].errors
    response = http.post(
        reverse("people:merge", args=[world.client_a.pk, b.pk]),
        {"survivor": str(world.client_a.pk), "reason": "same person"},
    )
    assert response.status_code == 302
    b.refresh_from_db()
    assert b.merged_into_id == world.client_a.pk
    # the old address leads to the surviving record
    assert http.get(reverse("people:detail", args=[b.pk]))["Location"] == reverse(
        "people:detail", args=[world.client_a.pk]
    )
    merge = b.merges_gone.get()
    response = http.post(reverse("people:merge-undo", args=[merge.pk]), {"reason": "mistake"})
    assert response.status_code == 302
    b.refresh_from_db()
    assert b.merged_into is None


def test_case_manager_cannot_merge(world, client_of, logged_in):
    b = client_of(family_name="Hadad", given_names="Nour")
    http = logged_in(world.case_manager_a)
    response = http.post(
        reverse("people:merge", args=[world.client_a.pk, b.pk]),
        {"survivor": str(b.pk), "reason": "x"},
    )
    assert response.status_code == 404
    b.refresh_from_db()
    assert b.merged_into is None


def four_spellings_of_one_person(client_of):
    for given in ("Mohammed", "Muhammad", "Mohamad", "Mohammad"):
        client_of(
            family_name="Al-Hassan", given_names=given, birth_year=1990, birth_month=3, birth_day=5
        )


def _scan(http, callbacks):
    """Start a scan from the page, as a team lead does; the worker's task runs at commit."""
    with callbacks(execute=True):
        answer = http.post(reverse("people:duplicate-scan-start"))
    assert answer.status_code == 302
    return DuplicateScan.objects.latest("started_at", "id")


def test_scan_finds_pairs_and_remembers_not_the_same_person(
    world, client_of, logged_in, django_capture_on_commit_callbacks
):
    x = client_of(
        family_name="Al-Hassan", given_names="Mohammed", birth_year=1990, birth_month=3, birth_day=5
    )
    y = client_of(
        family_name="Alhasan", given_names="Muhammad", birth_year=1990, birth_month=3, birth_day=5
    )
    client_of(family_name="Ahmadi", given_names="Hamid", birth_year=1990)
    pairs = scan_pairs(clients_visible_to(world.team_lead_a), world.municipality_a.pk)
    assert [(p.first, p.second) for p in pairs] == [(x, y)]

    http = logged_in(world.team_lead_a)
    page = http.get(reverse("people:duplicates")).content.decode()
    assert "Es wurde noch keine Dublettensuche durchgeführt" in page
    scan = _scan(http, django_capture_on_commit_callbacks)
    assert scan.status == DuplicateScan.Status.DONE
    assert (scan.pairs_found, scan.started_by) == (1, world.team_lead_a)
    page = http.get(reverse("people:duplicates")).content.decode()
    assert reverse("people:merge", args=[x.pk, y.pk]) in page
    assert "1 mögliche Dublette zu prüfen" in page

    http.post(reverse("people:not-duplicate", args=[x.pk, y.pk]))
    page = http.get(reverse("people:duplicates")).content.decode()
    assert reverse("people:merge", args=[x.pk, y.pk]) not in page
    assert scan_pairs(clients_visible_to(world.team_lead_a), world.municipality_a.pk) == []

    again = _scan(http, django_capture_on_commit_callbacks)  # keeps only its own pairs
    assert again.pk != scan.pk and again.pairs_found == 0
    assert not DuplicateScanPair.objects.exists()
    assert DuplicateScan.objects.count() == 2


def test_a_pair_noted_as_different_people_can_be_taken_back(
    world, client_of, logged_in, django_capture_on_commit_callbacks
):
    x = client_of(
        family_name="Al-Hassan", given_names="Mohammed", birth_year=1990, birth_month=3, birth_day=5
    )
    y = client_of(
        family_name="Alhasan", given_names="Muhammad", birth_year=1990, birth_month=3, birth_day=5
    )
    http = logged_in(world.team_lead_a)
    _scan(http, django_capture_on_commit_callbacks)
    compare = reverse("people:merge", args=[x.pk, y.pk])
    undo = reverse("people:not-duplicate-undo", args=[x.pk, y.pk])
    listed = f'href="{compare}"'

    answer = http.post(reverse("people:not-duplicate", args=[x.pk, y.pk]), {"page": "1"})
    page = http.get(answer.url).content.decode()
    assert listed not in page  # the pair has left the list ...
    assert (
        f"Al-Hassan, Mohammed (Nr. {x.pk}) und Alhasan, Muhammad (Nr. {y.pk}) sind zwei "
        "verschiedene Personen"
    ) in page
    assert undo in page  # ... and the page offers to take the verdict back

    answer = http.post(undo, {"page": "1"})
    assert answer.url == reverse("people:duplicates")
    page = http.get(answer.url).content.decode()
    assert listed in page and undo not in page
    assert AccessLogEntry.objects.filter(
        object_id=str(x.pk), detail=f"maybe the same person as {y.pk} again"
    ).exists()

    # the client page lists the verdict, with the way back to the comparison
    http.post(reverse("people:not-duplicate", args=[x.pk, y.pk]))
    page = http.get(reverse("people:detail", args=[x.pk])).content.decode()
    assert "Als andere Personen vermerkt" in page and f'href="{compare}"' in page
    http.post(undo, {"page": "1"})

    # the comparison page tells of a verdict on record and takes it back there too
    http.post(reverse("people:not-duplicate", args=[x.pk, y.pk]))
    page = http.get(compare).content.decode()
    assert "Als zwei verschiedene Personen vermerkt von" in page and undo in page
    assert http.post(undo).url == compare
    assert actions.decision_on(x, y) is None
    assert "Als zwei verschiedene Personen vermerkt" not in http.get(compare).content.decode()


def test_the_undo_notice_names_no_record_the_viewer_may_not_see(world, client_of, logged_in):
    x = client_of(family_name="Haddad", given_names="Nour", birth_year=1990)
    hidden = make_client(
        world.municipality_a,
        world.welfare_a,
        world.partner_staff_a,
        family_name="Verborgen",
        given_names="Nour",
    )
    assert not clients_visible_to(world.team_lead_a).filter(pk=hidden.pk).exists()
    actions.do_mark_not_duplicate(acting_user=world.team_lead_a, first=x, second=hidden)
    http = logged_in(world.team_lead_a)
    page = http.get(reverse("people:duplicates"), {"decided": f"{x.pk}.{hidden.pk}"})
    assert page.status_code == 200 and "Verborgen" not in page.content.decode()
    answer = http.post(reverse("people:not-duplicate-undo", args=[x.pk, hidden.pk]))
    assert answer.status_code == 404
    assert actions.decision_on(x, hidden) is not None


def test_the_merge_page_shows_codes_and_dates_as_people_read_them_and_marks_differences(
    world, client_of, logged_in
):
    a = client_of(
        family_name="Haddad",
        given_names="Nour",
        birth_year=1990,
        birth_month=3,
        birth_day=5,
        nationalities="IQ, SY",
        country_of_birth="IQ",
        languages="ar, ku",
        arrival_date=dt.date(2016, 4, 30),
    )
    b = client_of(
        family_name="Hadad",
        given_names="Nour",
        birth_year=1990,
        birth_month=3,
        birth_day=5,
        nationalities="IQ",
        country_of_birth="IQ",
        languages="ar, ku",
    )
    http = logged_in(world.team_lead_a)
    response = http.get(reverse("people:merge", args=[a.pk, b.pk]))
    rows = {row.label: row for row in response.context["rows"]}
    assert (rows["Geburtsdatum"].first, rows["Geburtsdatum"].differs) == ("05.03.1990", False)
    assert not {"Geburtsjahr", "Geburtsmonat", "Geburtstag"} & rows.keys()
    assert (rows["Staatsangehörigkeiten"].first, rows["Staatsangehörigkeiten"].second) == (
        "Irak, Syrien",
        "Irak",
    )
    assert rows["Staatsangehörigkeiten"].differs
    assert rows["Gesprochene Sprachen"].first == "Arabisch, Kurdisch"
    assert not rows["Gesprochene Sprachen"].differs
    assert rows["Ankunft in Deutschland"].first == "30.04.2016"
    page = response.content.decode()
    assert page.count('<span class="badge differs">') == sum(r.differs for r in rows.values())

    with translation.override("en"):
        english = {row.label: row for row in actions.compared_rows(a, b)}
    assert english["nationalities"].first == "Iraq, Syria"


def test_the_scan_finds_every_pair_that_comparing_all_pairs_finds(world, client_of):
    people = [
        ("Mohammed", "Al-Hassan", 1990, 3, 5),
        ("Muhammad", "Alhasan", 1990, 3, 5),
        ("Mohamad", "Al Hasan", 1990, 5, 3),  # day and month swapped
        ("Taras", "Shevchenko", 1985, 7, 12),
        ("Taras", "Schewtschenko", 1985, 7, 12),
        ("Ayse", "Celik", 1979, None, None),
        ("Ayşe", "Çelik", 1979, 1, 1),
        ("Jürgen", "Müller", 1970, 1, 9),
        ("Juergen", "Mueller", 1970, 1, 9),
        ("Hamid", "Ahmadi", 1990, 2, 2),
        ("Hamed", "Ahmadi", 1960, 2, 2),  # father: a generation apart
    ]
    clients = [
        client_of(given_names=g, family_name=f, birth_year=y, birth_month=m, birth_day=d)
        for g, f, y, m, d in people
    ]
    expected = {
        (a.pk, b.pk)
        for i, a in enumerate(clients)
        for b in clients[i + 1 :]
        if best_comparison(a.matching_records(), b.matching_records(), settings.DUPLICATE_THRESHOLD)
    }
    assert len(expected) >= 5
    scan = scan_pairs(clients_visible_to(world.team_lead_a), world.municipality_a.pk, limit=None)
    assert {(p.first.pk, p.second.pk) for p in scan} == expected


@pytest.mark.parametrize("part_size", [1, 2, 5])
def test_a_scan_in_parts_finds_every_pair_even_when_one_record_has_more_pairs_than_a_part(
    world, client_of, part_size
):
    four_spellings_of_one_person(client_of)  # the first record alone has three pairs
    scope = clients_visible_to(world.team_lead_a)
    whole = {(p.first.pk, p.second.pk) for p in scan_pairs(scope, world.municipality_a.pk)}
    found: list[tuple[int, int]] = []
    after = (0, 0)
    while True:
        part = scan_pairs(scope, world.municipality_a.pk, max_pairs=part_size, after=after)
        assert part.compared <= part_size
        found += [(p.first.pk, p.second.pk) for p in part]
        if part.complete:
            break
        assert part.next_after is not None
        after = part.next_after
    assert len(found) == len(whole) == 6 and set(found) == whole


def test_the_background_scan_covers_every_part_and_lists_all_pairs_best_first(
    world, client_of, logged_in, monkeypatch, django_capture_on_commit_callbacks
):
    four_spellings_of_one_person(client_of)  # six pairs
    scope = clients_visible_to(world.team_lead_a)
    whole = scan_pairs(scope, world.municipality_a.pk)
    assert whole.complete and len(whole) == 6  # every two of the four spellings

    first = scan_pairs(scope, world.municipality_a.pk, max_pairs=4)
    assert not first.complete
    second = scan_pairs(scope, world.municipality_a.pk, max_pairs=4, after=first.next_after)
    assert second.complete
    pairs = [(p.first.pk, p.second.pk) for p in [*first, *second]]
    assert sorted(pairs) == sorted((p.first.pk, p.second.pk) for p in whole)

    # one scan compares at most 4 pairs: the background scan goes on part after part
    monkeypatch.setattr(duplicates, "MAX_SCAN_PAIRS", 4)
    http = logged_in(world.team_lead_a)
    scan = _scan(http, django_capture_on_commit_callbacks)
    assert scan.status == DuplicateScan.Status.DONE
    assert scan.parts_done == 2
    assert scan.pairs_found == 6
    assert scan.pairs_compared == 6
    stored = list(scan.pairs.values_list("first_id", "second_id"))
    assert sorted(stored) == sorted((p.first.pk, p.second.pk) for p in whole)

    page = http.get(reverse("people:duplicates")).content.decode()
    shown = [
        (p.first.pk, p.second.pk)
        for p in whole
        if reverse("people:merge", args=[p.first.pk, p.second.pk]) in page
    ]
    assert len(shown) == 6
    positions = [page.index(reverse("people:merge", args=pair)) for pair in pairs]
    best = sorted(whole, key=lambda p: -p.score)[0]
    assert min(positions) == page.index(
        reverse("people:merge", args=[best.first.pk, best.second.pk])
    )


def test_scan_pages_keep_their_place_and_hide_what_the_viewer_may_not_see(
    world, client_of, logged_in, monkeypatch, django_capture_on_commit_callbacks
):
    four_spellings_of_one_person(client_of)  # six pairs
    http = logged_in(world.team_lead_a)
    scan = _scan(http, django_capture_on_commit_callbacks)
    best = scan.pairs.order_by("-score")[0]
    merged_away, kept = best.first, best.second
    # a record of another organisation (never in team lead A's scope) in a kept pair
    other = make_client(
        world.municipality_a,
        world.welfare_a,
        world.partner_staff_a,
        family_name="Al-Hassan",
        given_names="Mohammed",
        birth_year=1990,
        birth_month=3,
        birth_day=5,
    )
    scan.pairs.create(first=kept, second=other, score=0.99)
    page = http.get(reverse("people:duplicates")).content.decode()
    assert reverse("people:detail", args=[other.pk]) not in page

    # a merged record's pairs leave the list
    actions.do_merge_clients(
        acting_user=world.team_lead_a, survivor=kept, merged=merged_away, reason="Pass"
    )
    page = http.get(reverse("people:duplicates")).content.decode()
    assert reverse("people:detail", args=[merged_away.pk]) not in page

    # a decision on page 2 returns to page 2
    monkeypatch.setattr("lotse.people.views.SCAN_PAGE_SIZE", 1)
    page = http.get(reverse("people:duplicates"), {"page": 2}).content.decode()
    assert "Seite 2" in page
    second = scans.open_pairs(world.team_lead_a, scan)[1]
    assert reverse("people:merge", args=[second.first_id, second.second_id]) in page
    answer = http.post(
        reverse("people:not-duplicate", args=[second.first_id, second.second_id]), {"page": "2"}
    )
    assert answer.url == (
        f"{reverse('people:duplicates')}?page=2&decided={second.first_id}.{second.second_id}"
    )
    answer = http.post(
        reverse("people:not-duplicate", args=[second.first_id, second.second_id]), {"page": "x"}
    )
    assert answer.url == (
        f"{reverse('people:duplicates')}?decided={second.first_id}.{second.second_id}"
    )


def test_a_running_scan_is_not_started_twice_and_a_stopped_one_may_be_restarted(
    world, client_of, logged_in
):
    client_of(
        family_name="Al-Hassan", given_names="Mohammed", birth_year=1990, birth_month=3, birth_day=5
    )
    client_of(
        family_name="Alhasan", given_names="Muhammad", birth_year=1990, birth_month=3, birth_day=5
    )
    http = logged_in(world.team_lead_a)
    http.post(reverse("people:duplicate-scan-start"))  # its task comes at commit: never here
    http.post(reverse("people:duplicate-scan-start"))
    first = DuplicateScan.objects.get()
    page = http.get(reverse("people:duplicates")).content.decode()
    assert "wartet auf den Start" in page
    assert reverse("people:duplicate-scan-start") not in page

    DuplicateScan.objects.update(updated_at=timezone.now() - dt.timedelta(hours=2))
    page = http.get(reverse("people:duplicates")).content.decode()
    assert "wurde nicht zu Ende geführt" in page
    http.post(reverse("people:duplicate-scan-start"))
    second = DuplicateScan.objects.latest("started_at", "id")
    assert second != first
    first.refresh_from_db()
    assert first.status == DuplicateScan.Status.FAILED
    scans.run_scan(first.pk)  # the stale scan's task, late: does nothing
    first.refresh_from_db()
    assert (first.status, first.pairs_compared) == (DuplicateScan.Status.FAILED, 0)
    scans.run_scan(second.pk)
    scans.run_scan(second.pk)  # a task run twice does the work once
    second.refresh_from_db()
    assert (second.status, second.pairs_found) == (DuplicateScan.Status.DONE, 1)


def test_a_scan_taken_for_stopped_during_a_long_part_gives_way_to_its_restart(
    world, client_of, monkeypatch
):
    four_spellings_of_one_person(client_of)
    monkeypatch.setattr(duplicates, "MAX_SCAN_PAIRS", 2)  # three parts
    old = scans.do_start_scan(acting_user=world.team_lead_a)
    real_scan_pairs = scans.scan_pairs
    restarted = []

    def slow_first_part(*args, **kwargs):
        part = real_scan_pairs(*args, **kwargs)
        if not restarted:  # the part outlasts the limit: a team lead starts the scan anew
            DuplicateScan.objects.filter(pk=old.pk).update(
                updated_at=timezone.now() - scans.STALE_AFTER[DuplicateScan.Status.RUNNING]
            )
            restarted.append(scans.do_start_scan(acting_user=world.team_lead_a))
        return part

    monkeypatch.setattr(scans, "scan_pairs", slow_first_part)
    scans.run_scan(old.pk)
    old.refresh_from_db()
    # the old run stops after its part and does not call itself done
    assert (old.status, old.parts_done) == (DuplicateScan.Status.FAILED, 0)
    new = restarted[0]
    assert new.pk != old.pk
    scans.run_scan(new.pk)
    new.refresh_from_db()
    assert (new.status, new.pairs_found) == (DuplicateScan.Status.DONE, 6)
    assert scans.latest_scans(world.team_lead_a) == (new, new)


def test_a_scan_that_breaks_off_is_marked_as_stopped(world, client_of, monkeypatch):
    client_of(family_name="Al-Hassan", given_names="Mohammed", birth_year=1990)

    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(scans, "scan_pairs", broken)
    scan = scans.do_start_scan(acting_user=world.team_lead_a)
    with pytest.raises(RuntimeError):
        scans.run_scan(scan.pk)
    scan.refresh_from_db()
    assert scan.status == DuplicateScan.Status.FAILED
    assert scans.is_busy(scan) is False


def test_another_organisation_sees_neither_the_scan_nor_its_pairs(
    world, client_of, logged_in, django_capture_on_commit_callbacks
):
    client_of(
        family_name="Al-Hassan", given_names="Mohammed", birth_year=1990, birth_month=3, birth_day=5
    )
    client_of(
        family_name="Alhasan", given_names="Muhammad", birth_year=1990, birth_month=3, birth_day=5
    )
    scan = _scan(logged_in(world.team_lead_a), django_capture_on_commit_callbacks)
    assert scan.pairs_found == 1
    other_lead = make_user(world.welfare_a, Role.TEAM_LEAD)
    page = logged_in(other_lead).get(reverse("people:duplicates")).content.decode()
    assert "Es wurde noch keine Dublettensuche durchgeführt" in page
    assert "Al-Hassan" not in page


def test_a_scan_of_a_user_who_has_left_compares_nothing(world, client_of):
    client_of(family_name="Al-Hassan", given_names="Mohammed", birth_year=1990)
    client_of(family_name="Alhasan", given_names="Muhammad", birth_year=1990)
    scan = scans.do_start_scan(acting_user=world.team_lead_a)
    world.team_lead_a.is_active = False
    world.team_lead_a.save()
    scans.run_scan(scan.pk)
    scan.refresh_from_db()
    assert scan.status == DuplicateScan.Status.FAILED
    assert not scan.pairs.exists()


def test_scan_page_queries_do_not_grow_with_pairs(
    world, client_of, logged_in, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    for given in ("Omar", "Umar", "Omer", "Omarr", "Oumar", "Omaar"):
        client_of(
            family_name="Khalil", given_names=given, birth_year=1980, birth_month=4, birth_day=9
        )
    http = logged_in(world.team_lead_a)
    scan = _scan(http, django_capture_on_commit_callbacks)
    assert scan.pairs_found >= 10
    with django_assert_max_num_queries(15):
        page = http.get(reverse("people:duplicates")).content.decode()
    assert page.count("Vergleichen und zusammenführen") == scan.pairs_found


@pytest.mark.parametrize(("persona", "verdict"), [("team_lead_a", True), ("case_manager_a", False)])
def test_saving_anyway_is_a_verdict_only_from_who_may_decide_on_duplicates(
    world, client_of, logged_in, persona, verdict
):
    existing = client_of(
        family_name="Al-Hassan", given_names="Mohammed", birth_year=1990, birth_month=3, birth_day=5
    )
    http = logged_in(getattr(world, persona))
    data = {"family_name": "Alhasan", "given_names": "Muhammad", "date_of_birth": "05.03.1990"}
    warned = http.post(reverse("people:create"), data)
    assert warned.status_code == 200 and warned.context["candidates"]
    saved = http.post(reverse("people:create"), {**data, "confirmed": str(existing.pk)})
    assert saved.status_code == 302
    created = Client.objects.get(family_name="Alhasan")
    # a team lead's verdict keeps the pair from the scan; a case manager's hasty click
    # leaves it there for the team lead to see
    assert (actions.decision_on(created, existing) is not None) is verdict
    found = scan_pairs(clients_visible_to(world.team_lead_a), world.municipality_a.pk)
    assert bool(found) is not verdict


def test_a_match_is_shown_as_100_percent_only_when_it_is_whole():
    assert duplicates.Candidate(Client(), 0.996).percent == 99
    assert duplicates.Candidate(Client(), 1.0).percent == 100


def test_codes_that_are_no_country_or_language_are_refused(world, logged_in):
    http = logged_in(world.case_manager_a)
    answer = http.post(
        reverse("people:create"),
        {
            "family_name": "Kaya",
            "nationalities": "QQ, SY",
            "country_of_birth": "Syrien",
            "languages": "zz, ar",
        },
    )
    errors = answer.context["form"].errors
    assert errors["nationalities"] == [
        "QQ: Bitte verwenden Sie zweistellige Ländercodes wie SY, UA."
    ]
    assert errors["country_of_birth"] == [
        "SYRIEN: Bitte verwenden Sie einen zweistelligen Ländercode wie SY."
    ]
    assert errors["languages"] == ["zz: Bitte verwenden Sie Sprachcodes wie ar, fa, uk."]
    assert not Client.objects.filter(family_name="Kaya").exists()

    # what German records hold beyond ISO: stateless, states of birth that are gone;
    # but no pseudo-country and no group of states
    answer = http.post(
        reverse("people:create"),
        {"family_name": "Kaya", "nationalities": "XX", "country_of_birth": "YU"},
    )
    assert answer.status_code == 302
    page = http.get(answer.url).content.decode()
    assert "staatenlos" in page and "Jugoslawien (ehemals)" in page
    answer = http.post(reverse("people:create"), {"family_name": "Demir", "nationalities": "EU"})
    assert "nationalities" in answer.context["form"].errors


def test_a_running_scans_status_is_polled_and_the_page_reloads_when_it_is_done(
    world, client_of, logged_in
):
    four_spellings_of_one_person(client_of)
    http = logged_in(world.team_lead_a)
    scan = scans.do_start_scan(acting_user=world.team_lead_a)  # its task comes at commit
    page = http.get(reverse("people:duplicates")).content.decode()
    assert 'hx-trigger="every 5s"' in page
    logged = AccessLogEntry.objects.count()
    poll = {"HTTP_HX_REQUEST": "true"}
    answer = http.get(reverse("people:duplicates"), {"status": "1"}, **poll)
    assert answer.status_code == 200 and "wartet auf den Start" in answer.content.decode()
    assert "<html" not in answer.content.decode()  # the status alone
    assert AccessLogEntry.objects.count() == logged  # no client data, nothing to log

    # looking again by itself is no activity: it keeps no idle session alive
    session = http.session
    session["lotse_refreshed_at"] = 0
    session.save()
    http.get(reverse("people:duplicates"), {"status": "1"}, **poll)
    assert http.session["lotse_refreshed_at"] == 0
    http.get(reverse("people:duplicates"))
    assert http.session["lotse_refreshed_at"] > 0

    scans.run_scan(scan.pk)
    answer = http.get(reverse("people:duplicates"), {"status": "1"}, **poll)
    assert answer.status_code == 204 and answer["HX-Refresh"] == "true"
    assert 'hx-trigger="every 5s"' not in http.get(reverse("people:duplicates")).content.decode()
