"""Import rules: all or nothing, every bad row reported, re-import updates."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook

from lotse.core.models import District, FieldOfAction
from lotse.directory.actions import do_import_offers
from lotse.directory.demo import DEMO_FILE
from lotse.directory.models import Offer
from lotse.directory.spreadsheet import COLUMN_NAMES

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Reasons are asserted in English here; the German ones in their own test."""
    from django.utils import translation

    with translation.override("en"):
        yield


HEADER = "external_key;organisation;title;fields_of_action;districts;languages;valid_from;title_ar"


def csv_bytes(*rows: str) -> bytes:
    return ("\n".join([HEADER, *rows]) + "\n").encode("utf-8")


def run(world, data: bytes, name: str = "offers.csv"):
    return do_import_offers(
        acting_user=world.coordinator_a,
        municipality=world.municipality_a,
        filename=name,
        data=data,
    )


def test_good_file_creates_offers_with_lists_and_translations(world):
    result = run(
        world,
        csv_bytes(
            "k1;AWO A;Sprachcafé;language;Mitte;de, ar;01.02.2026;مقهى اللغة",
            "k2;awo a;Beratung;residence;all;de;2026-03-01;",
        ),
    )
    assert result.ok and result.created == 2
    offer = Offer.objects.get(external_key="k1")
    assert offer.organisation == world.welfare_a
    assert list(offer.fields_of_action.values_list("code", flat=True)) == ["language"]
    assert list(offer.districts.all()) == [world.district_a]
    assert offer.language_codes == ["de", "ar"]
    assert offer.translations == {"ar": {"title": "مقهى اللغة", "description": ""}}
    assert offer.valid_from.isoformat() == "2026-02-01"


def test_mixed_good_and_bad_rows_change_nothing_and_report_each_bad_row(world):
    Offer.objects.create(
        municipality=world.municipality_a,
        organisation=world.welfare_a,
        title="Alt",
        external_key="k1",
    )
    result = run(
        world,
        csv_bytes(
            "k1;AWO A;Neu;language;Mitte;de;;",
            "k2;Unbekannter Verein;Kurs;language;Mitte;de;;",
            "k3;AWO A;;nonsense;Mitte;de;31.02.2026;",
            "",
            "k1;AWO A;Doppelt;language;Mitte;de;;",
            "k5;AWO A;Gut;language;Nirgendwo;d3;;",
        ),
    )
    assert not result.ok
    assert [e.row for e in result.errors] == [3, 4, 6, 7]
    reasons = {e.row: " | ".join(e.reasons) for e in result.errors}
    assert "Unbekannter Verein" in reasons[3]
    assert "title" in reasons[4] and "nonsense" in reasons[4] and "31.02.2026" in reasons[4]
    assert "row 2" in reasons[6]
    assert "Nirgendwo" in reasons[7] and "d3" in reasons[7]
    # Nothing changed: the good first row did not update the existing offer.
    assert Offer.objects.get().title == "Alt"


def test_errors_are_reported_in_the_ui_language(world, settings):
    from django.utils import translation

    with translation.override("de"):
        result = run(world, csv_bytes("k2;Unbekannter Verein;Kurs;;;;;"))
    assert "unbekannte Organisation" in result.errors[0].reasons[0]


def test_reimporting_the_same_file_updates_instead_of_duplicating(world):
    data = csv_bytes("k1;AWO A;Sprachcafé;language;Mitte;de;;")
    assert run(world, data).created == 1
    changed = csv_bytes("k1;AWO A;Sprachcafé am Mittwoch;work;;de;;")
    result = run(world, changed)
    assert (result.created, result.updated) == (0, 1)
    offer = Offer.objects.get()
    assert offer.title == "Sprachcafé am Mittwoch"
    assert list(offer.fields_of_action.values_list("code", flat=True)) == ["work"]
    assert not offer.districts.exists()


def test_keys_are_per_municipality(world):
    run(world, csv_bytes("k1;AWO A;Sprachcafé;;;;;"))
    result = do_import_offers(
        acting_user=world.admin_b,
        municipality=world.municipality_b,
        filename="offers.csv",
        data=csv_bytes("k1;AWO A;Sprachcafé;;;;;"),
    )
    # AWO A belongs to municipality A: B cannot import offers for it.
    assert not result.ok and "AWO A" in result.errors[0].reasons[0]
    assert Offer.objects.count() == 1


def test_xlsx_import_and_export_round_trip(world, client):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["external_key", "organisation", "title", "valid_until", "registration_required"])
    sheet.append(["x1", "AWO A", "Kurs", "2027-06-30", "ja"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = run(world, buffer.getvalue(), "offers.xlsx")
    assert result.ok, result.errors
    client.force_login(world.coordinator_a)
    response = client.get("/offers/export.xlsx")
    exported = load_workbook(io.BytesIO(response.content)).active
    rows = list(exported.iter_rows(values_only=True))
    assert list(rows[0]) == COLUMN_NAMES
    assert rows[1][0] == "x1" and rows[1][COLUMN_NAMES.index("registration_required")] == "ja"
    again = io.BytesIO(response.content)
    assert run(world, again.getvalue(), "again.xlsx").updated == 1
    assert Offer.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("offers.pdf", b"%PDF", "XLSX or CSV"),
        ("offers.xlsx", b"not a zip", "XLSX"),
        ("offers.csv", b"title;organisation\nx;y\n", "external_key"),
        ("offers.csv", b"external_key;organisation;title;colour\n", "colour"),
    ],
)
def test_unreadable_files_change_nothing_with_a_reason(world, name, data, expected):
    result = run(world, data, name)
    assert not result.ok and expected in result.file_error
    assert not Offer.objects.exists()


def test_import_page_lists_bad_rows_and_keeps_data(world, client):
    client.force_login(world.coordinator_a)
    upload = io.BytesIO(csv_bytes("k1;AWO A;Gut;;;;;", "k2;AWO A;;;;;;"))
    upload.name = "offers.csv"
    response = client.post("/offers/import/", {"file": upload})
    assert response.status_code == 200
    assert "Zeile 3" in response.content.decode()
    assert not Offer.objects.exists()


def test_demo_file_imports_for_troisdorf(db):
    from lotse.accounts.models import Location, Organisation
    from lotse.core.defaults import seed_municipality
    from lotse.core.models import Municipality
    from lotse.demo.management.commands.load_demo import (
        TROISDORF_DISTRICTS,
        TROISDORF_ORGANISATIONS,
    )

    troisdorf = Municipality.objects.create(name="Stadt Troisdorf", slug="troisdorf", kind="town")
    seed_municipality(troisdorf)
    for i, name in enumerate(TROISDORF_DISTRICTS):
        District.objects.create(municipality=troisdorf, code=f"d{i:02d}", labels={"de": name})
    orgs = [
        Organisation.objects.create(municipality=troisdorf, name=name, kind=kind)
        for name, kind in TROISDORF_ORGANISATIONS
    ]
    for place in ("Rathaus Troisdorf", "Haus International (Mehrgenerationenhaus)"):
        Location.objects.create(organisation=orgs[0], name=place)
    result = do_import_offers(
        acting_user=None,
        municipality=troisdorf,
        filename=DEMO_FILE.name,
        data=DEMO_FILE.read_bytes(),
    )
    assert result.ok, result.errors
    assert result.created >= 20
    assert Offer.objects.filter(text_language="ar").exists()
    assert FieldOfAction.objects.filter(municipality=troisdorf).count() == 10
