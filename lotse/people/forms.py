"""The client form: every field optional except the family name (data minimisation)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from lotse.core import names
from lotse.core.models import District, VulnerabilityMarker
from lotse.people.models import Client

_DOB_FULL = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_DOB_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DOB_MONTH = re.compile(r"^(\d{1,2})\.(\d{4})$")
_DOB_YEAR = re.compile(r"^(\d{4})$")
_ISO_COUNTRY = re.compile(r"^[A-Z]{2}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


def parse_birth_date(text: str, today: dt.date) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) from "TT.MM.JJJJ", "MM.JJJJ", "JJJJ" or ISO; ValueError if impossible."""
    text = text.strip()
    if not text:
        return None, None, None
    if m := _DOB_FULL.match(text):
        day, month, year = (int(g) for g in m.groups())
    elif m := _DOB_ISO.match(text):
        year, month, day = (int(g) for g in m.groups())
    elif m := _DOB_MONTH.match(text):
        month, year = (int(g) for g in m.groups())
        day = None
    elif m := _DOB_YEAR.match(text):
        year, month, day = int(m.group(1)), None, None
    else:
        raise ValueError("format")
    if not 1900 <= year <= today.year:
        raise ValueError("year")
    if month is not None and not 1 <= month <= 12:
        raise ValueError("month")
    if day is not None:
        date = dt.date(year, month, day)  # raises ValueError for 31.02.
        if date > today:
            raise ValueError("future")
    return year, month, day


def _codes(text: str, pattern: re.Pattern, upper: bool) -> list[str]:
    parts = [p.strip() for p in re.split(r"[,;\s]+", text) if p.strip()]
    return [p.upper() if upper else p.lower() for p in parts]


class ClientForm(forms.ModelForm):
    date_of_birth = forms.CharField(
        label=_("Date of birth"),
        required=False,
        max_length=10,
        help_text=_("DD.MM.YYYY, MM.YYYY or only the year, if that is all that is known"),
    )
    # Wider than the two letters stored, so that a country name gets the message
    # asking for a code rather than one about its length.
    country_of_birth = forms.CharField(
        label=_("country of birth"),
        required=False,
        max_length=60,
        help_text=_("ISO code, e.g. SY"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    original = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Client
        fields = [
            "family_name",
            "given_names",
            "name_original_script",
            "aliases",
            "gender",
            "date_of_birth",
            "birth_date_placeholder",
            "nationalities",
            "country_of_birth",
            "languages",
            "preferred_language",
            "interpreter_needed",
            "street",
            "postcode",
            "city",
            "district",
            "arrival_date",
            "residence_status",
            "residence_title",
            "residence_purpose",
            "residence_valid_until",
            "passport_valid_until",
            "phone",
            "email",
            "messenger",
            "preferred_channel",
            "vulnerability_markers",
            "notes",
        ]
        widgets = {
            "aliases": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "arrival_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "residence_valid_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "passport_valid_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "vulnerability_markers": forms.CheckboxSelectMultiple,
            "name_original_script": forms.TextInput(attrs={"dir": "auto", "lang": "und"}),
        }
        help_texts = {
            "nationalities": _("ISO codes, e.g. SY, UA"),
            "country_of_birth": _("ISO code, e.g. SY"),
            "languages": _("Language codes, e.g. ar, ku, de"),
            "name_original_script": _(
                "As written in the passport's own script (Arabic, Cyrillic ...)"
            ),
        }

    def __init__(self, *args, municipality, today: dt.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or dt.date.today()  # noqa: DTZ011  (a calendar date)
        self.fields["district"].queryset = District.objects.filter(
            municipality=municipality, active=True
        )
        self.fields["vulnerability_markers"].queryset = VulnerabilityMarker.objects.filter(
            municipality=municipality, active=True
        )
        self.fields["vulnerability_markers"].required = False
        self.fields["preferred_language"] = forms.ChoiceField(
            label=_("language for documents"),
            choices=[("", "–"), *[(code, name) for code, name in settings.LANGUAGES]],
            required=False,
        )
        if self.instance.pk and not self.is_bound:
            self.initial["date_of_birth"] = self._dob_text(self.instance)

    GROUPS = (
        (
            _("Name"),
            ("family_name", "given_names", "name_original_script", "aliases"),
        ),
        (
            _("Personal details"),
            (
                "gender",
                "date_of_birth",
                "birth_date_placeholder",
                "nationalities",
                "country_of_birth",
                "languages",
                "interpreter_needed",
                "preferred_language",
            ),
        ),
        (_("Address"), ("street", "postcode", "city", "district", "arrival_date")),
        (
            _("Residence"),
            (
                "residence_status",
                "residence_title",
                "residence_purpose",
                "residence_valid_until",
                "passport_valid_until",
            ),
        ),
        (_("Contact"), ("phone", "email", "messenger", "preferred_channel")),
        (_("Vulnerability and notes"), ("vulnerability_markers", "notes")),
    )

    def groups(self) -> list[tuple[str, list]]:
        return [(title, [self[name] for name in names]) for title, names in self.GROUPS]

    @staticmethod
    def _dob_text(client: Client) -> str:
        if not client.birth_year:
            return ""
        if client.birth_month and client.birth_day:
            return f"{client.birth_day:02d}.{client.birth_month:02d}.{client.birth_year}"
        if client.birth_month:
            return f"{client.birth_month:02d}.{client.birth_year}"
        return str(client.birth_year)

    def clean_date_of_birth(self) -> tuple[int | None, int | None, int | None]:
        try:
            return parse_birth_date(self.cleaned_data.get("date_of_birth") or "", self.today)
        except ValueError:
            raise forms.ValidationError(
                _(
                    "Please enter a date of birth that exists and is not in the future: "
                    "DD.MM.YYYY, MM.YYYY or YYYY."
                )
            ) from None

    def clean_nationalities(self) -> str:
        codes = _codes(self.cleaned_data.get("nationalities", ""), _ISO_COUNTRY, True)
        unknown = [c for c in codes if not (_ISO_COUNTRY.match(c) and names.is_country(c))]
        if unknown:
            raise forms.ValidationError(
                _("%(codes)s: please use two-letter country codes such as SY, UA.")
                % {"codes": ", ".join(unknown)}
            )
        return ", ".join(dict.fromkeys(codes))

    def clean_country_of_birth(self) -> str:
        code = (self.cleaned_data.get("country_of_birth") or "").strip().upper()
        if code and not (_ISO_COUNTRY.match(code) and names.is_country(code)):
            raise forms.ValidationError(
                _("%(code)s: please use a two-letter country code such as SY.") % {"code": code}
            )
        return code

    def clean_languages(self) -> str:
        codes = _codes(self.cleaned_data.get("languages", ""), _LANGUAGE, False)
        unknown = [c for c in codes if not (_LANGUAGE.match(c) and names.is_language(c))]
        if unknown:
            raise forms.ValidationError(
                _("%(codes)s: please use language codes such as ar, fa, uk.")
                % {"codes": ", ".join(unknown)}
            )
        return ", ".join(dict.fromkeys(codes))

    def clean_aliases(self) -> str:
        lines = [line.strip() for line in self.cleaned_data.get("aliases", "").splitlines()]
        return "\n".join(line for line in lines if line)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        year, month, day = data.get("date_of_birth") or (None, None, None)
        if data.get("birth_date_placeholder") and not (month == 1 and day == 1):
            self.add_error(
                "birth_date_placeholder",
                _("Only a date of birth of 01.01. can be marked as a placeholder."),
            )
        arrival = data.get("arrival_date")
        if arrival and arrival > self.today:
            self.add_error("arrival_date", _("The arrival date cannot be in the future."))
        if arrival and year and arrival.year < year:
            self.add_error("arrival_date", _("The arrival date is before the date of birth."))
        return data

    def _post_clean(self) -> None:
        # the birth date fields are set from date_of_birth before the model validates
        year, month, day = self.cleaned_data.get("date_of_birth") or (None, None, None)
        self.instance.birth_year, self.instance.birth_month, self.instance.birth_day = (
            year,
            month,
            day,
        )
        super()._post_clean()

    def action_data(self) -> dict[str, Any]:
        """The cleaned values in the shape lotse.people.actions expects."""
        data = {k: v for k, v in self.cleaned_data.items() if k not in {"version", "original"}}
        year, month, day = data.pop("date_of_birth")
        data.update(birth_year=year, birth_month=month, birth_day=day)
        return data

    def matching_record(self) -> dict[str, Any]:
        """The record for lotse.people.duplicates.find_candidates."""
        data = self.cleaned_data
        year, month, day = data.get("date_of_birth") or (None, None, None)
        if not year:
            dob = None
        elif data.get("birth_date_placeholder") or not month or not day:
            dob = f"{year:04d}"
        else:
            dob = f"{year:04d}-{month:02d}-{day:02d}"
        nationalities = (data.get("nationalities") or "").split(",")
        return {
            "given_names": data.get("given_names", ""),
            "family_name": data.get("family_name", ""),
            "name_original_script": data.get("name_original_script", ""),
            "aliases": data.get("aliases", ""),
            "date_of_birth": dob,
            "gender": data.get("gender") or None,
            "country_of_birth": data.get("country_of_birth") or None,
            "nationality": nationalities[0].strip() or None,
        }


class HouseholdMemberForm(forms.Form):
    member = forms.IntegerField(
        label=_("Client number"),
        required=False,
        min_value=1,
        help_text=_("If the person has a client record: its number (see the address of its page)"),
    )
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    relation = forms.CharField(
        label=_("Relation"), max_length=60, required=False, help_text=_("e.g. daughter, spouse")
    )
    birth_year = forms.IntegerField(
        label=_("Year of birth"), required=False, min_value=1900, max_value=2100
    )

    def __init__(self, *args, visible, client: Client, **kwargs):
        super().__init__(*args, **kwargs)
        self.visible, self.client = visible, client

    def clean_member(self) -> Client | None:
        pk = self.cleaned_data.get("member")
        if not pk:
            return None
        member = self.visible.filter(pk=pk).first()
        if member is None or member.pk == self.client.pk:
            raise forms.ValidationError(
                _("There is no other client record with this number that you may see.")
            )
        return member

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("member") and not (data.get("name") or "").strip() and not self.errors:
            raise forms.ValidationError(_("Please give a client number or a name."))
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class MergeForm(ReasonForm):
    survivor = forms.ChoiceField(label=_("Which record is kept?"), widget=forms.RadioSelect)

    def __init__(self, *args, first: Client, second: Client, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].choices = [
            (str(first.pk), _("%(name)s (no. %(pk)s)") % {"name": first, "pk": first.pk}),
            (str(second.pk), _("%(name)s (no. %(pk)s)") % {"name": second, "pk": second.pk}),
        ]
