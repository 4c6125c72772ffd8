"""Importing a file of clients in the browser's way (upload, review, import): every bad
row named and nothing saved; possible duplicates shown with reasons before anything is
saved, among the records the user may see only; the user decides per row."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from lotse.audit.models import AccessLogEntry
from lotse.people.models import Client
from tests.conftest import make_client

HEADER = "family_name;given_names;gender;date_of_birth;nationalities;phone;aliases"


def _csv(*lines: str) -> SimpleUploadedFile:
    text = "\n".join([HEADER, *lines]) + "\n"
    return SimpleUploadedFile("klienten.csv", text.encode("utf-8-sig"), "text/csv")


def _upload(http, upload):
    return http.post(reverse("people:import"), {"file": upload})


def _review(http, *, create=(), action="import", page=None, **extra):
    """Send the review form as `page` (default: the review page now) does: the import's
    id, the rows shown, the ticks."""
    pending = http.session["people.import"]
    if page is None:
        page = http.get(reverse("people:import-review")).content.decode()
    shown = page.split('name="shown" value="', 1)[1].split('"', 1)[0]
    data = {"import": pending["id"], "shown": shown, "action": action, **extra}
    data["create"] = [str(i) for i in create]
    return http.post(reverse("people:import-review"), data)


def _names(world) -> set[str]:
    return set(
        Client.objects.filter(organisation=world.kim_a).values_list("family_name", flat=True)
    )


def test_a_file_without_possible_duplicates_is_imported_whole(world, logged_in):
    http = logged_in(world.case_manager_a)
    before = _names(world)
    answer = _upload(
        http,
        _csv(
            "Kovalenko;Olena;w;12.04.1985;UA;0171 555;",
            "Yılmaz;Ayşe;f;1979;TR;;Yilmaz, Ayse | Jilmas, Aische",
        ),
    )
    assert answer.status_code == 302 and answer.url == reverse("people:list")
    assert _names(world) - before == {"Kovalenko", "Yılmaz"}
    olena = Client.objects.get(family_name="Kovalenko")
    assert (olena.gender, olena.birth_year, olena.birth_month, olena.birth_day) == (
        "f",
        1985,
        4,
        12,
    )
    assert (olena.nationalities, olena.phone, olena.created_by) == (
        "UA",
        "0171 555",
        world.case_manager_a,
    )
    ayse = Client.objects.get(family_name="Yılmaz")
    assert ayse.aliases == "Yilmaz, Ayse\nJilmas, Aische"
    assert ayse.blocking_keys.exists()  # found by the next duplicate check
    page = http.get(answer.url).content.decode()
    assert "Import abgeschlossen: 2 Ratsuchende angelegt." in page
    assert "Nicht angelegt" not in page


def test_every_bad_row_is_named_and_nothing_is_saved(world, logged_in):
    http = logged_in(world.case_manager_a)
    before = Client.objects.count()
    answer = _upload(
        http,
        _csv(
            "Kovalenko;Olena;w;12.04.1985;UA;;",
            ";Nour;f;1990;SY;;",
            "Haddad;Samir;q;31.02.1990;Syrien;;",
        ),
    )
    assert answer.status_code == 200
    page = answer.content.decode()
    assert "Es wurde nichts aus klienten.csv importiert" in page
    assert "Zeile 3: Familienname: Dieses Feld ist zwingend erforderlich." in page
    row_4 = next(line for line in page.splitlines() if "Zeile 4" in line)
    assert "Geschlecht „q“: unbekannt; bitte f oder w, m, x oder d verwenden." in row_4
    assert "Geburtsdatum „31.02.1990“: Bitte geben Sie ein existierendes" in row_4
    assert "Staatsangehörigkeiten „Syrien“: SYRIEN: Bitte verwenden Sie" in row_4
    assert "Zeile 2" not in page
    assert Client.objects.count() == before


def test_a_file_that_cannot_be_read_says_why(world, logged_in):
    http = logged_in(world.case_manager_a)
    wrong = SimpleUploadedFile("k.csv", b"name;geburt\nHaddad;1990\n", "text/csv")
    page = _upload(http, wrong).content.decode()
    assert "Pflichtspalten fehlen: family_name" in page
    other = SimpleUploadedFile("k.txt", b"x", "text/plain")
    assert "Bitte laden Sie eine XLSX- oder CSV-Datei hoch" in _upload(http, other).content.decode()


def test_an_xlsx_file_with_date_cells_is_read(world, logged_in):
    import datetime as dt

    book = Workbook()
    sheet = book.active
    sheet.append(["family_name", "given_names", "date_of_birth", "arrival_date"])
    sheet.append(["Shevchenko", "Taras", dt.date(1988, 5, 17), dt.date(2022, 3, 9)])  # date cells
    buffer = io.BytesIO()
    book.save(buffer)
    http = logged_in(world.case_manager_a)
    upload = SimpleUploadedFile("k.xlsx", buffer.getvalue())
    assert _upload(http, upload).status_code == 302
    taras = Client.objects.get(family_name="Shevchenko")
    assert (taras.birth_year, taras.birth_month, taras.birth_day) == (1988, 5, 17)
    assert taras.arrival_date == dt.date(2022, 3, 9)


def test_possible_duplicates_wait_for_the_users_decision_with_reasons(world, client_of, logged_in):
    existing = client_of(
        family_name="Al-Hassan", given_names="Mohammed", birth_year=1990, birth_month=3, birth_day=5
    )
    http = logged_in(world.case_manager_a)
    before = Client.objects.count()
    answer = _upload(
        http,
        _csv(
            "Alhasan;Muhammad;m;05.03.1990;SY;;",  # the existing record, another spelling
            "Kovalenko;Olena;w;12.04.1985;UA;;",
            "Kowalenko;Olena;w;12.04.1985;UA;;",  # the row above again
        ),
    )
    assert answer.status_code == 200
    page = answer.content.decode()
    assert Client.objects.count() == before  # nothing saved before the decision
    assert "3 Zeilen geprüft." in page and "2 Zeilen könnten Personen beschreiben" in page
    assert "Die übrige 1 Zeile wird angelegt." in page
    assert "Zeile 2: Alhasan, Muhammad" in page
    assert reverse("people:detail", args=[existing.pk]) in page
    assert "Geburtsdatum gleich" in page  # the reasons
    assert "Zeile 3 dieser Datei" in page  # the in-file duplicate names its row
    assert AccessLogEntry.objects.filter(
        user=world.case_manager_a,
        object_id=str(existing.pk),
        detail="duplicate check of an import (3 rows)",
    ).exists()

    # row 2 is a different person after all; row 4 is row 3 again (not ticked)
    answer = _review(http, create=[0])
    assert answer.status_code == 302
    assert Client.objects.count() == before + 2
    assert Client.objects.filter(family_name="Alhasan").count() == 1
    assert not Client.objects.filter(family_name="Kowalenko").exists()
    page = http.get(answer.url).content.decode()
    assert "2 Ratsuchende angelegt." in page
    assert "doppelt in der Datei: Zeile 4." in page  # the row not created, by its number
    # a case manager's "another person" is no verdict: the team lead's scan still sees it
    created = Client.objects.get(family_name="Alhasan")
    from lotse.people.actions import decision_on

    assert decision_on(created, existing) is None
    # the import is done: the review has nothing left
    assert http.get(reverse("people:import-review")).url == reverse("people:import")


def test_a_possible_duplicate_added_since_the_check_is_shown_before_anything_is_saved(
    world, client_of, logged_in
):
    client_of(
        family_name="Al-Hassan", given_names="Mohammed", birth_year=1990, birth_month=3, birth_day=5
    )
    http = logged_in(world.case_manager_a)
    _upload(http, _csv("Alhasan;Muhammad;m;05.03.1990;SY;;", "Kovalenko;Olena;w;12.04.1985;UA;;"))
    before = Client.objects.count()
    client_of(
        family_name="Kovalenko",
        given_names="Olena",
        gender="f",
        birth_year=1985,
        birth_month=4,
        birth_day=12,
    )
    pending = http.session["people.import"]
    data = {"import": pending["id"], "shown": "0", "action": "import"}  # the page seen before
    answer = http.post(reverse("people:import-review"), data)
    assert answer.status_code == 200
    assert Client.objects.count() == before + 1  # the new record only: the import saved nothing
    page = answer.content.decode()
    assert "Zeile 3: Kovalenko, Olena" in page


def test_the_check_never_shows_a_record_the_user_may_not_see(world, client_of, logged_in):
    from lotse.people.indexing import sync_keys

    hidden = make_client(
        world.municipality_a,
        world.welfare_a,
        world.partner_staff_a,
        family_name="Al-Hassan",
        given_names="Mohammed",
        birth_year=1990,
        birth_month=3,
        birth_day=5,
    )
    sync_keys([hidden])
    visible = client_of(
        family_name="Kovalenko",
        given_names="Olena",
        gender="f",
        birth_year=1985,
        birth_month=4,
        birth_day=12,
    )
    http = logged_in(world.case_manager_a)
    answer = _upload(
        http, _csv("Alhasan;Muhammad;m;05.03.1990;SY;;", "Kovalenko;Olena;w;12.04.1985;UA;;")
    )
    page = answer.content.decode()
    assert answer.status_code == 200 and "Zeile 3: Kovalenko, Olena" in page  # the review
    assert reverse("people:detail", args=[visible.pk]) in page
    assert "Zeile 2" not in page  # the row that matches only a record one may not see
    assert reverse("people:detail", args=[hidden.pk]) not in page and "Al-Hassan" not in page


def test_a_later_row_like_one_created_anyway_is_shown_before_the_import(
    world, client_of, logged_in
):
    client_of(
        family_name="Al-Hassan",
        given_names="Mohammed",
        gender="m",
        birth_year=1990,
        birth_month=3,
        birth_day=5,
    )
    http = logged_in(world.case_manager_a)
    before = Client.objects.count()
    text = (
        "family_name;given_names;gender;date_of_birth;nationalities;country_of_birth\n"
        "Alhasan;Muhammad Ali;m;05.03.1990;SY;SY\n"  # like the stored record
        "Alhasan;Muhammad Ali;m;1990;SY;SY\n"  # like row 2, not like the stored record
    )
    first = _upload(http, SimpleUploadedFile("k.csv", text.encode(), "text/csv"))
    assert "Zeile 2: Alhasan, Muhammad Ali" in first.content.decode()
    assert "Zeile 3:" not in first.content.decode()
    answer = _review(http, create=[0])  # row 2 is another person: row 3 may be row 2
    assert answer.status_code == 200 and Client.objects.count() == before
    page = answer.content.decode()
    assert "Zeile 3: Alhasan, Muhammad Ali" in page and "Zeile 2 dieser Datei" in page
    answer = _review(http, create=[0], page=page)  # row 3 not ticked: not created
    assert answer.status_code == 302
    assert Client.objects.count() == before + 1


def test_a_review_page_of_an_earlier_upload_changes_nothing(world, client_of, logged_in):
    client_of(
        family_name="Al-Hassan", given_names="Mohammed", birth_year=1990, birth_month=3, birth_day=5
    )
    http = logged_in(world.case_manager_a)
    _upload(http, _csv("Alhasan;Muhammad;m;05.03.1990;SY;;"))
    first_id = http.session["people.import"]["id"]
    _upload(http, _csv("Alhasan;Muhammad;m;05.03.1990;SY;;", "Kovalenko;Olena;w;1985;UA;;"))
    before = Client.objects.count()
    data = {"import": first_id, "shown": "0", "create": ["0"], "action": "import"}
    answer = http.post(reverse("people:import-review"), data)
    assert answer.url == reverse("people:import-review")
    assert Client.objects.count() == before
    assert "gehörte zu einem anderen Import" in http.get(answer.url).content.decode()


def test_files_that_would_fill_the_memory_or_break_the_reader_get_a_message(world, logged_in):
    http = logged_in(world.case_manager_a)
    long_field = "family_name;notes\nFarouk;" + '"' + "x" * 200_000 + '"\n'
    page = _upload(http, SimpleUploadedFile("k.csv", long_field.encode(), "text/csv"))
    assert "Die Datei konnte nicht als CSV gelesen werden" in page.content.decode()

    book = Workbook()
    sheet = book.active
    sheet.append(["family_name"])
    sheet.append(["Farouk"])
    sheet.cell(row=60_000, column=1, value="Far down")
    buffer = io.BytesIO()
    book.save(buffer)
    page = _upload(http, SimpleUploadedFile("k.xlsx", buffer.getvalue()))
    assert "mehr als 10000 leere Zeilen" in page.content.decode()

    twice = SimpleUploadedFile("k.csv", b"family_name;family_name\nFarouk;Faruk\n", "text/csv")
    assert "Doppelt benannte Spalten: family_name" in _upload(http, twice).content.decode()
    assert not Client.objects.filter(family_name__in=["Farouk", "Faruk", "Far down"]).exists()


def test_cancelling_the_review_saves_nothing(world, client_of, logged_in):
    client_of(
        family_name="Al-Hassan", given_names="Mohammed", birth_year=1990, birth_month=3, birth_day=5
    )
    http = logged_in(world.case_manager_a)
    _upload(http, _csv("Alhasan;Muhammad;m;05.03.1990;SY;;", "Kovalenko;Olena;w;1985;UA;;"))
    before = Client.objects.count()
    answer = _review(http, action="cancel")
    assert answer.url == reverse("people:list")
    assert Client.objects.count() == before
    assert http.get(reverse("people:import-review")).url == reverse("people:import")


def test_the_template_has_the_columns_of_the_import(world, logged_in):
    http = logged_in(world.case_manager_a)
    answer = http.get(reverse("people:import-template"))
    header = answer.content.decode("utf-8-sig").splitlines()[0].split(";")
    assert header[:2] == ["family_name", "given_names"] and "date_of_birth" in header


def test_a_duplicate_that_turns_up_during_the_import_rolls_it_back_whole(
    world, client_of, logged_in, monkeypatch
):
    from lotse.people import imports

    client_of(
        family_name="Al-Hassan", given_names="Mohammed", birth_year=1990, birth_month=3, birth_day=5
    )
    real_check = imports.find_held_back
    calls = []

    def check_that_misses_it_once(*args, **kwargs):
        calls.append(1)
        return [] if len(calls) == 1 else real_check(*args, **kwargs)

    monkeypatch.setattr(imports, "find_held_back", check_that_misses_it_once)
    http = logged_in(world.case_manager_a)
    before = Client.objects.count()
    answer = _upload(
        http, _csv("Kovalenko;Olena;w;1985;UA;;", "Alhasan;Muhammad;m;05.03.1990;SY;;")
    )
    assert answer.status_code == 200
    assert Client.objects.count() == before  # Kovalenko was not saved on its own
    page = answer.content.decode()
    assert "Seit der Prüfung sind weitere mögliche Dubletten hinzugekommen" in page
    assert "Zeile 3: Alhasan, Muhammad" in page


def test_german_column_names_are_understood(world, logged_in):
    http = logged_in(world.case_manager_a)
    text = "Familienname;Vorname;Geburtsdatum;Staatsangehörigkeit;PLZ\nBoiko;Iryna;1980;UA;53840\n"
    answer = _upload(http, SimpleUploadedFile("k.csv", text.encode("utf-8"), "text/csv"))
    assert answer.status_code == 302
    iryna = Client.objects.get(family_name="Boiko")
    assert (iryna.given_names, iryna.birth_year, iryna.nationalities, iryna.postcode) == (
        "Iryna",
        1980,
        "UA",
        "53840",
    )
    text = "Nachnahme;Vorname\nBoiko;Iryna\n"
    page = _upload(http, SimpleUploadedFile("k.csv", text.encode(), "text/csv")).content.decode()
    assert "Pflichtspalten fehlen: family_name. Nicht erkannte Spalten: nachnahme." in page


def test_a_team_leads_row_created_anyway_is_a_verdict_against_the_records_shown(
    world, client_of, logged_in
):
    from lotse.people.actions import decision_on

    existing = client_of(
        family_name="Al-Hassan", given_names="Mohammed", birth_year=1990, birth_month=3, birth_day=5
    )
    http = logged_in(world.team_lead_a)
    page = _upload(http, _csv("Alhasan;Muhammad;m;05.03.1990;SY;;")).content.decode()
    assert _review(http, create=[0], page=page).status_code == 302
    assert decision_on(Client.objects.get(family_name="Alhasan"), existing) is not None


def test_a_record_added_after_the_review_was_shown_is_never_judged_unseen(
    world, client_of, logged_in
):
    from lotse.people.actions import decision_on

    client_of(
        family_name="Al-Hassan", given_names="Mohammed", birth_year=1990, birth_month=3, birth_day=5
    )
    http = logged_in(world.team_lead_a)
    page = _upload(http, _csv("Alhasan;Muhammad;m;05.03.1990;SY;;")).content.decode()
    before = Client.objects.count()
    colleague = client_of(  # a colleague records the same person meanwhile
        family_name="Alhassan", given_names="Mohamed", birth_year=1990, birth_month=3, birth_day=5
    )
    answer = _review(http, create=[0], page=page)  # the tick was given on the old page
    assert answer.status_code == 200
    assert Client.objects.count() == before + 1  # the colleague's record only
    text = answer.content.decode()
    assert "Seit der Prüfung sind weitere mögliche Dubletten hinzugekommen" in text
    assert reverse("people:detail", args=[colleague.pk]) in text
    assert "checked" not in text.split("Trotzdem anlegen")[0].rsplit("<input", 1)[1]
    assert not Client.objects.filter(family_name="Alhasan").exists()
    assert all(decision_on(colleague, c) is None for c in Client.objects.all() if c != colleague)
