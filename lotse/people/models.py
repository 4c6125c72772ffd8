"""The client record (Ratsuchende/r).

Only the names are required: everything else is optional because a case may not
need it (data minimisation, Art. 5(1)(c) GDPR). A birth date is often partly
unknown for refugees, so year, month and day are stored separately.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    FEMALE = "f", _("female")
    MALE = "m", _("male")
    DIVERSE = "x", _("diverse / not stated")


class ResidenceStatus(models.TextChoices):
    TITLE = "title", _("Residence title")
    SETTLEMENT = "settlement", _("Settlement permit")
    TOLERATION = "toleration", _("Toleration (Duldung)")
    PERMISSION_TO_STAY = "gestattung", _("Permission to stay (asylum procedure)")
    EU = "eu", _("EU citizen / freedom of movement")
    GERMAN = "german", _("German citizen")
    UNKNOWN = "unknown", _("Unknown")


class ContactChannel(models.TextChoices):
    PHONE = "phone", _("phone")
    EMAIL = "email", _("e-mail")
    MESSENGER = "messenger", _("messenger")
    LETTER = "letter", _("letter")
    IN_PERSON = "in_person", _("in person")


class ClientQuerySet(models.QuerySet["Client"]):
    def current(self) -> ClientQuerySet:
        """Records that were not merged into another one."""
        return self.filter(merged_into__isnull=True)


def client_name(family_name: str, given_names: str) -> str:
    """How a client is named in lists ("Haddad, Amal"), also for lists read as plain rows."""
    return f"{family_name}, {given_names}" if given_names else family_name


class Client(models.Model):
    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.PROTECT, related_name="clients"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="clients",
        verbose_name=_("responsible organisation"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    family_name = models.CharField(_("family name"), max_length=150)
    given_names = models.CharField(_("given names"), max_length=150, blank=True)
    name_original_script = models.CharField(
        _("name in original script"), max_length=300, blank=True
    )
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    birth_month = models.PositiveSmallIntegerField(_("month of birth"), null=True, blank=True)
    birth_day = models.PositiveSmallIntegerField(_("day of birth"), null=True, blank=True)
    birth_date_placeholder = models.BooleanField(
        _("day and month are a placeholder"),
        default=False,
        help_text=_("The 01.01. in the papers stands for an unknown day and month."),
    )
    aliases = models.TextField(
        _("other spellings and aliases"),
        blank=True,
        help_text=_("One per line: family name, given names"),
    )
    country_of_birth = models.CharField(_("country of birth"), max_length=2, blank=True)
    nationalities = models.CharField(
        _("nationalities"), max_length=60, blank=True, help_text=_("ISO codes, e.g. SY, UA")
    )
    languages = models.CharField(_("languages spoken"), max_length=100, blank=True)
    preferred_language = models.CharField(
        _("language for documents"), max_length=8, blank=True, default="de"
    )
    interpreter_needed = models.BooleanField(_("needs an interpreter"), default=False)
    district = models.ForeignKey(
        "core.District",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("district"),
    )
    street = models.CharField(_("street and number"), max_length=150, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("town"), max_length=100, blank=True)
    arrival_date = models.DateField(_("arrival in Germany"), null=True, blank=True)
    residence_status = models.CharField(
        _("residence status"), max_length=12, choices=ResidenceStatus.choices, blank=True
    )
    residence_title = models.CharField(
        _("residence title or document"),
        max_length=100,
        blank=True,
        help_text=_("e.g. Aufenthaltserlaubnis, Niederlassungserlaubnis, Blaue Karte EU"),
    )
    residence_purpose = models.CharField(
        _("purpose / legal basis"),
        max_length=100,
        blank=True,
        help_text=_("e.g. § 25 Abs. 2 AufenthG"),
    )
    residence_valid_until = models.DateField(_("residence valid until"), null=True, blank=True)
    passport_valid_until = models.DateField(_("passport valid until"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    messenger = models.CharField(_("messenger"), max_length=60, blank=True)
    preferred_channel = models.CharField(
        _("preferred contact channel"), max_length=12, choices=ContactChannel.choices, blank=True
    )
    vulnerability_markers = models.ManyToManyField(
        "core.VulnerabilityMarker", blank=True, verbose_name=_("vulnerability markers")
    )
    notes = models.TextField(_("notes"), blank=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_records",
        verbose_name=_("merged into"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    objects = ClientQuerySet.as_manager()

    class Meta:
        verbose_name = _("client")
        verbose_name_plural = _("clients")
        ordering = ["family_name", "given_names"]
        indexes = [
            models.Index(fields=["municipality", "family_name"], name="client_tenant_name"),
            models.Index(fields=["organisation", "family_name"], name="client_org_name"),
            models.Index(fields=["municipality", "birth_year"], name="client_tenant_year"),
            models.Index(
                fields=["municipality", "residence_valid_until"], name="client_residence_expiry"
            ),
            models.Index(
                fields=["municipality", "passport_valid_until"], name="client_passport_expiry"
            ),
        ]

    def __str__(self) -> str:
        return client_name(self.family_name, self.given_names)

    @property
    def date_of_birth(self) -> str | None:
        """ISO form of what is known: YYYY-MM-DD, YYYY-MM or YYYY (a placeholder 01.01. is YYYY)."""
        return iso_date_of_birth(
            self.birth_year, self.birth_month, self.birth_day, self.birth_date_placeholder
        )

    @property
    def date_of_birth_display(self) -> str:
        if not self.birth_year:
            return ""
        if self.birth_date_placeholder:
            return _("01.01.%(year)s (placeholder)") % {"year": self.birth_year}
        if self.birth_month and self.birth_day:
            return f"{self.birth_day:02d}.{self.birth_month:02d}.{self.birth_year}"
        if self.birth_month:
            return f"{self.birth_month:02d}.{self.birth_year}"
        return str(self.birth_year)

    @property
    def address(self) -> str:
        town = " ".join(part for part in (self.postcode, self.city) if part)
        return ", ".join(part for part in (self.street, town) if part)

    def alias_names(self) -> list[tuple[str, str]]:
        """(family name, given names) of each alias line."""
        found = []
        for line in self.aliases.splitlines():
            line = line.strip()
            if not line:
                continue
            family, _sep, given = line.partition(",")
            found.append((family.strip(), given.strip()))
        return found

    def matching_records(self) -> list[dict]:
        """The record in the shape of lotse.people.matching, once per spelling we know."""
        return matching_records_of(
            given_names=self.given_names,
            family_name=self.family_name,
            name_original_script=self.name_original_script,
            aliases=self.aliases,
            date_of_birth=self.date_of_birth,
            gender=self.gender,
            country_of_birth=self.country_of_birth,
            nationalities=self.nationalities,
        )


def iso_date_of_birth(
    year: int | None, month: int | None, day: int | None, placeholder: bool
) -> str | None:
    if not year:
        return None
    if placeholder:
        return f"{year:04d}"
    parts = [f"{year:04d}"]
    if month:
        parts.append(f"{month:02d}")
        if day:
            parts.append(f"{day:02d}")
    return "-".join(parts)


def matching_records_of(
    *,
    given_names: str,
    family_name: str,
    name_original_script: str,
    aliases: str,
    date_of_birth: str | None,
    gender: str,
    country_of_birth: str,
    nationalities: str,
) -> list[dict]:
    """Client.matching_records from plain values (the candidate search reads rows)."""
    base = {
        "date_of_birth": date_of_birth,
        "gender": gender or None,
        "country_of_birth": country_of_birth or None,
        "nationality": (nationalities.split(",")[0].strip() or None) if nationalities else None,
    }
    records = [{**base, "given_names": given_names, "family_name": family_name}]
    if name_original_script:
        words = name_original_script.split()
        records.append(
            {**base, "given_names": " ".join(words[:-1]), "family_name": words[-1]}
            if len(words) > 1
            else {**base, "given_names": "", "family_name": words[0]}
        )
    for line in aliases.splitlines():
        line = line.strip()
        if line:
            family, _sep, given = line.partition(",")
            records.append({**base, "given_names": given.strip(), "family_name": family.strip()})
    return records


class HouseholdMember(models.Model):
    """Someone the client lives with: another client record, or a plain entry."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="household")
    member = models.ForeignKey(
        Client,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="household_of",
        verbose_name=_("client record"),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    relation = models.CharField(_("relation"), max_length=60, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)

    class Meta:
        verbose_name = _("household member")
        verbose_name_plural = _("household members")
        ordering = ["id"]

    def __str__(self) -> str:
        return str(self.member) if self.member_id else self.name


class ClientBlockingKey(models.Model):
    """One row per client and blocking key (lotse.people.matching.blocking_keys).

    Candidate search looks keys up in the (municipality, key) index instead of
    comparing a new record with every client.
    """

    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="blocking_keys")
    key = models.CharField(max_length=40)

    class Meta:
        # client in the index too: candidate search reads the index alone (index-only scan)
        indexes = [
            models.Index(fields=["municipality", "key", "client"], name="client_block_key_client")
        ]
        constraints = [
            models.UniqueConstraint(fields=["client", "key"], name="client_block_unique"),
        ]

    def __str__(self) -> str:
        return self.key


class ClientSearchToken(models.Model):
    """Words of a client's names, normalised ("w:...") and as phonetic codes ("p:..."),
    so the client search is an index range scan, not a scan of every record."""

    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="search_tokens")
    token = models.CharField(max_length=40)

    class Meta:
        indexes = [models.Index(fields=["municipality", "token"], name="client_search_token")]
        constraints = [
            models.UniqueConstraint(fields=["client", "token"], name="client_token_unique"),
        ]

    def __str__(self) -> str:
        return self.token


class ClientMerge(models.Model):
    """Two records of one person joined: who, when, why, and what it takes to undo it.

    The merged record is kept (marked ``merged_into``), so its access-log entries
    still point at a row; ``moved`` lists every row that was moved to the surviving
    record, ``filled`` the survivor's fields taken over, with their earlier values.
    """

    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.PROTECT, related_name="+"
    )
    survivor = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="merges_kept")
    merged = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="merges_gone")
    reason = models.CharField(_("reason"), max_length=300)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    merged_at = models.DateTimeField(auto_now_add=True)
    moved = models.JSONField(default=dict)
    filled = models.JSONField(default=dict)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)
    undo_reason = models.CharField(_("reason for undoing"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("merge of client records")
        verbose_name_plural = _("merges of client records")
        ordering = ["-merged_at", "-id"]

    def __str__(self) -> str:
        return f"{self.merged_id} -> {self.survivor_id}"


class DuplicateDecision(models.Model):
    """A team lead's verdict on a pair from the duplicate scan: not the same person."""

    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    first = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="duplicate_decision_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.first_id} != {self.second_id}"


class DuplicateScan(models.Model):
    """One run of a team lead's duplicate scan, done in the background: it compares
    the pairs of the organisation's records that share a blocking key, part after
    part, and keeps the possible duplicates it found (DuplicateScanPair)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting to start")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED)
    parts_done = models.PositiveIntegerField(default=0)
    pairs_compared = models.PositiveBigIntegerField(default=0)
    pairs_found = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "-started_at"], name="duplicate_scan_latest")
        ]

    def __str__(self) -> str:
        return f"duplicate scan {self.pk} ({self.status})"


class DuplicateScanPair(models.Model):
    """A possible duplicate a scan found: two records, the first with the lower number."""

    scan = models.ForeignKey(DuplicateScan, on_delete=models.CASCADE, related_name="pairs")
    first = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scan", "first", "second"], name="duplicate_scan_pair")
        ]
        indexes = [models.Index(fields=["scan", "-score"], name="duplicate_scan_pair_best")]

    def __str__(self) -> str:
        return f"{self.first_id} ~ {self.second_id} ({self.score:.2f})"
