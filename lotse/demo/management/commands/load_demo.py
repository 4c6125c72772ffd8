"""Load the demo: Stadt Troisdorf and the Ennepe-Ruhr-Kreis, isolated from each other."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.mfa.utils import decrypt
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from lotse.accounts.models import Location, Organisation, Role, User
from lotse.cases.models import Case, PhaseTransition
from lotse.core.defaults import seed_municipality
from lotse.core.extensions import app_modules, load_demo_extras
from lotse.core.models import ClosureReason, District, Municipality
from lotse.demo.generate import make_cases, make_client
from lotse.people.models import Client

DEMO_PASSWORD = "Lotse-Demo-2026!"  # noqa: S105  (printed for the demo on purpose)

TROISDORF_DISTRICTS = [
    "Altenrath",
    "Bergheim",
    "Eschmar",
    "Friedrich-Wilhelms-Hütte",
    "Kriegsdorf",
    "Müllekoven",
    "Oberlar",
    "Rotter See",
    "Sieglar",
    "Spich",
    "Troisdorf-Mitte",
    "Troisdorf-West",
]
TROISDORF_ORGANISATIONS = [
    ("Stadt Troisdorf – Kommunales Integrationsmanagement", Organisation.Kind.INTEGRATION_CENTRE),
    ("Ausländer- und Einbürgerungsbehörde Troisdorf", Organisation.Kind.IMMIGRATION_AUTHORITY),
    ("Jobcenter Rhein-Sieg, Geschäftsstelle Troisdorf", Organisation.Kind.JOBCENTER),
    ("Agentur für Arbeit, Geschäftsstelle Troisdorf", Organisation.Kind.EMPLOYMENT_AGENCY),
    ("Stadt Troisdorf – Soziales und Jugend", Organisation.Kind.MUNICIPAL),
    ("AWO Migrationsberatung Troisdorf", Organisation.Kind.WELFARE),
    ("Caritas Fachdienst Integration und Migration", Organisation.Kind.WELFARE),
    ("Diakonie Jugendmigrationsdienst", Organisation.Kind.WELFARE),
    ("Internationaler Bund, Standort Troisdorf", Organisation.Kind.WELFARE),
    ("Afghanischer Kulturverein Troisdorf e. V.", Organisation.Kind.MSO),
    ("Syrisch-Deutscher Familienverein e. V.", Organisation.Kind.MSO),
    ("Sportverein Troisdorf-Sieglar e. V.", Organisation.Kind.CLUB),
    ("Evangelische Kirchengemeinde Troisdorf", Organisation.Kind.RELIGIOUS),
    ("DITIB Moschee Troisdorf", Organisation.Kind.RELIGIOUS),
]
# Seed 004: 7.0 case-management positions across the Kreis's nine towns.
EN_KREIS_TOWNS = [
    ("Breckerfeld", "0.30"),
    ("Ennepetal", "0.75"),
    ("Gevelsberg", "0.75"),
    ("Hattingen", "1.00"),
    ("Herdecke", "0.50"),
    ("Schwelm", "0.65"),
    ("Sprockhövel", "0.65"),
    ("Wetter (Ruhr)", "0.65"),
    ("Witten", "1.75"),
]


class Command(BaseCommand):
    help = "Load the demo municipalities (skipped if they exist; --reset loads them anew)."

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, default=300)
        parser.add_argument("--reset", action="store_true")

    def handle(self, *args, clients: int, reset: bool, **options):
        if Municipality.objects.filter(slug="troisdorf").exists() and not reset:
            self.stdout.write("The demo data is already loaded.")
        else:
            with transaction.atomic():
                if reset:
                    self._delete_demo()
                self._load(clients)
        self._print_logins()

    def _delete_demo(self) -> None:
        municipalities = Municipality.objects.filter(slug__in=["troisdorf", "ennepe-ruhr-kreis"])
        for module in reversed(app_modules("demo")):
            if hasattr(module, "delete"):
                module.delete(municipalities)
        PhaseTransition.objects.filter(case__municipality__in=municipalities).delete()
        Case.objects.filter(municipality__in=municipalities).delete()
        Client.objects.filter(municipality__in=municipalities).delete()
        User.objects.filter(organisation__municipality__in=municipalities).delete()
        Location.objects.filter(organisation__municipality__in=municipalities).delete()
        Organisation.objects.filter(municipality__in=municipalities).delete()
        for model in (District, ClosureReason):
            model.objects.filter(municipality__in=municipalities).delete()
        municipalities.delete()

    def _load(self, client_count: int) -> None:
        rng = random.Random(2026)  # noqa: S311  (synthetic data)
        today = timezone.localdate()

        troisdorf = Municipality.objects.create(
            name="Stadt Troisdorf", slug="troisdorf", kind=Municipality.Kind.TOWN
        )
        seed_municipality(troisdorf)
        districts = District.objects.bulk_create(
            District(municipality=troisdorf, code=f"d{i:02d}", labels={"de": name}, position=i)
            for i, name in enumerate(TROISDORF_DISTRICTS)
        )
        by_name = {d.labels["de"]: d for d in districts}
        orgs = {
            name: Organisation.objects.create(municipality=troisdorf, name=name, kind=kind)
            for name, kind in TROISDORF_ORGANISATIONS
        }
        kim = orgs[TROISDORF_ORGANISATIONS[0][0]]
        rathaus = Location.objects.create(
            organisation=kim,
            name="Rathaus Troisdorf",
            address="Kölner Straße 176, 53840 Troisdorf",
            district=by_name["Troisdorf-Mitte"],
            fte=Decimal("1.0"),
        )
        haus_int = Location.objects.create(
            organisation=kim,
            name="Haus International (Mehrgenerationenhaus)",
            address="Friedrich-Wilhelms-Hütte, 53840 Troisdorf",
            district=by_name["Friedrich-Wilhelms-Hütte"],
            fte=Decimal("1.0"),
        )
        authority = orgs["Ausländer- und Einbürgerungsbehörde Troisdorf"]
        awo = orgs["AWO Migrationsberatung Troisdorf"]

        people = [
            ("anna.schneider", "Anna", "Schneider", kim, rathaus, Role.CASE_MANAGER, False),
            ("leyla.demir", "Leyla", "Demir", kim, haus_int, Role.CASE_MANAGER, False),
            ("jonas.weber", "Jonas", "Weber", kim, rathaus, Role.TEAM_LEAD, False),
            ("anya.delen", "Anya", "Delen", kim, None, Role.COORDINATOR, False),
            ("tim.becker", "Tim", "Becker", authority, None, Role.AUTHORITY_STAFF, False),
            ("sara.yilmaz", "Sara", "Yılmaz", awo, None, Role.PARTNER_STAFF, False),
            ("it.admin", "Petra", "Hoffmann", kim, None, Role.ADMINISTRATOR, True),
        ]
        users = {
            key: self._user(f"{key}@troisdorf.example", first, last, org, loc, role, admin)
            for key, first, last, org, loc, role, admin in people
        }
        case_managers = [users["anna.schneider"], users["leyla.demir"]]
        self._clients(
            rng, troisdorf, kim, districts, case_managers, [rathaus, haus_int], client_count, today
        )

        kreis = Municipality.objects.create(
            name="Ennepe-Ruhr-Kreis", slug="ennepe-ruhr-kreis", kind=Municipality.Kind.KREIS
        )
        seed_municipality(kreis)
        ki = Organisation.objects.create(
            municipality=kreis,
            name="Ennepe-Ruhr-Kreis – Kommunales Integrationszentrum",
            kind=Organisation.Kind.INTEGRATION_CENTRE,
        )
        towns, locations = [], []
        for i, (town, fte) in enumerate(EN_KREIS_TOWNS):
            district = District.objects.create(
                municipality=kreis, code=f"t{i:02d}", labels={"de": town}, position=i
            )
            towns.append(district)
            locations.append(
                Location.objects.create(
                    organisation=ki,
                    name=f"Case Management {town}",
                    district=district,
                    fte=Decimal(fte),
                )
            )
        en_users = [
            self._user(
                "verena.eberhardt@en-kreis.example",
                "Verena",
                "Eberhardt",
                ki,
                None,
                Role.COORDINATOR,
                False,
            ),
            self._user(
                "miriam.venn@en-kreis.example",
                "Miriam",
                "Venn",
                ki,
                locations[8],
                Role.CASE_MANAGER,
                False,
            ),
            self._user(
                "it.admin@en-kreis.example", "Frank", "Richter", ki, None, Role.ADMINISTRATOR, True
            ),
        ]
        self._clients(rng, kreis, ki, towns, [en_users[1]], locations, client_count // 3, today)
        for municipality in (troisdorf, kreis):
            load_demo_extras(municipality, rng=rng, stdout=self.stdout)

    def _user(self, email, first, last, organisation, location, role, admin) -> User:
        user = User.objects.create_user(
            username=email,
            email=email,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            organisation=organisation,
            location=location,
            role=role,
            is_administrator=admin,
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        if user.needs_mfa:
            TOTP.activate(user, generate_totp_secret())
        return user

    def _clients(
        self, rng, municipality, organisation, districts, managers, locations, count, today: dt.date
    ) -> None:
        clients = Client.objects.bulk_create(
            make_client(
                rng,
                municipality=municipality,
                organisation=organisation,
                districts=districts,
                created_by=managers[0],
                today=today,
            )
            for _ in range(count)
        )
        reasons = list(ClosureReason.objects.filter(municipality=municipality))
        pairs = list(
            make_cases(
                rng,
                clients,
                case_managers=managers,
                locations=locations,
                closure_reasons=reasons,
                today=today,
                cases_per_client=1.2,
            )
        )
        Case.objects.bulk_create(case for case, _steps in pairs)
        # The cases have their keys now; each step refers to its case object.
        PhaseTransition.objects.bulk_create(step for _case, steps in pairs for step in steps)

    def _print_logins(self) -> None:
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD})")
        self.stdout.write(
            "Roles that see client data log in with a TOTP code: add the secret to an"
        )
        self.stdout.write(
            "authenticator app, or print the current code: .venv/bin/lotse demo_totp EMAIL\n"
        )
        users = (
            User.objects.filter(email__endswith=".example")
            .select_related("organisation__municipality")
            .order_by("organisation__municipality__name", "pk")
        )
        secrets = {
            a.user_id: decrypt(a.data["secret"])
            for a in Authenticator.objects.filter(type=Authenticator.Type.TOTP, user__in=users)
        }
        for user in users:
            secret = secrets.get(user.pk, "–")
            self.stdout.write(
                f"  {user.organisation.municipality.name:20} {user.get_role_display():28} "
                f"{user.email:40} TOTP secret: {secret}"
            )
