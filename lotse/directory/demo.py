"""Demo offers for Troisdorf: the bundled file is imported like a coordinator would."""

from __future__ import annotations

from pathlib import Path

from lotse.accounts.models import Organisation
from lotse.directory.actions import do_import_offers
from lotse.directory.models import ContactPerson, Offer

DEMO_FILE = Path(__file__).resolve().parent / "data" / "demo_offers_troisdorf.csv"

CONTACT_PERSONS = [
    ("AWO Migrationsberatung Troisdorf", "Meryem Aksoy", "Migrationsberaterin"),
    ("Caritas Fachdienst Integration und Migration", "Thomas Klein", "Fachdienstleitung"),
    ("Diakonie Jugendmigrationsdienst", "Julia Brandt", "Jugendmigrationsdienst"),
    ("Internationaler Bund, Standort Troisdorf", "Markus Hahn", "Standortleitung"),
    ("Afghanischer Kulturverein Troisdorf e. V.", "Farid Ahmadi", "Vorsitzender"),
    ("Syrisch-Deutscher Familienverein e. V.", "Rania Haddad", "Vorsitzende"),
    ("Evangelische Kirchengemeinde Troisdorf", "Pfarrerin Sabine Vogt", "Gemeindebüro"),
]


def load(municipality, *, rng, stdout) -> None:
    if municipality.slug != "troisdorf":
        return
    organisations = {o.name: o for o in Organisation.objects.filter(municipality=municipality)}
    for org_name, name, role in CONTACT_PERSONS:
        organisation = organisations.get(org_name)
        if organisation is None:
            continue
        local = name.split()[-1].lower()
        ContactPerson.objects.get_or_create(
            organisation=organisation,
            name=name,
            defaults={"role": role, "email": f"{local}@partner.example", "phone": ""},
        )
    result = do_import_offers(
        acting_user=None,
        municipality=municipality,
        filename=DEMO_FILE.name,
        data=DEMO_FILE.read_bytes(),
    )
    if not result.ok:
        problems = result.file_error or "; ".join(
            f"row {e.row}: {', '.join(e.reasons)}" for e in result.errors
        )
        raise RuntimeError(f"The demo offers file does not import: {problems}")
    stdout.write(f"Directory: {result.created} demo offers imported for {municipality.name}.")


def delete(municipalities) -> None:
    Offer.objects.filter(municipality__in=municipalities).delete()
    ContactPerson.objects.filter(organisation__municipality__in=municipalities).delete()
