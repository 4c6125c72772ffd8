from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db.models import Count, OuterRef, QuerySet, Subquery, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lotse.accounts.actions import (
    EditConflict,
    do_change_location,
    do_change_organisation,
    do_change_user,
    do_create_location,
    do_create_organisation,
    do_create_user,
)
from lotse.accounts.forms import LocationForm, OrganisationForm, UserForm
from lotse.accounts.models import Location, Organisation, User
from lotse.core.views_helpers import paginate, require_perm


def _municipality_users(request):
    return User.objects.filter(
        organisation__municipality_id=request.user.organisation.municipality_id
    ).select_related("organisation", "location")


@require_perm("accounts.manage_users")
def user_list(request):
    page = paginate(request, _municipality_users(request).order_by("last_name", "first_name"))
    return render(request, "accounts/user_list.html", {"page_obj": page})


@require_perm("accounts.manage_users")
def user_create(request):
    municipality = request.user.organisation.municipality
    form = UserForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.fields}
        user = do_create_user(
            acting_user=request.user, base_url=request.build_absolute_uri("/"), **fields
        )
        messages.success(
            request,
            _("%(user)s was created and has been sent a link to set a password.") % {"user": user},
        )
        return redirect("accounts:list")
    return render(request, "accounts/user_form.html", {"form": form, "creating": True})


@require_perm("accounts.manage_users")
def user_edit(request, pk: int):
    user = get_object_or_404(_municipality_users(request), pk=pk)
    form = UserForm(
        request.POST or None, instance=user, municipality=request.user.organisation.municipality
    )
    if request.method == "POST" and form.is_valid():
        if user.pk == request.user.pk and not form.cleaned_data.get("is_active", True):
            form.add_error("is_active", _("You cannot deactivate your own account."))
        else:
            do_change_user(
                acting_user=request.user, user=form.save(commit=False), changed=form.changed_data
            )
            messages.success(request, _("Saved."))
            return redirect("accounts:list")
    return render(request, "accounts/user_form.html", {"form": form, "creating": False})


# Organisations and locations of the administrator's municipality ------------------------


def _municipality_organisations(request: HttpRequest) -> QuerySet[Organisation]:
    return Organisation.objects.filter(municipality_id=request.user.organisation.municipality_id)


def _stored_value(obj: Organisation | Location, name: str) -> str:
    display = getattr(obj, f"get_{name}_display", None)
    value = display() if display else getattr(obj, name)
    return "–" if value in (None, "") else str(value)


def _conflict(form: forms.ModelForm, current: Organisation | Location, fields: list[str]) -> None:
    """Keep the user's input, say what is stored now, and arm the form to overwrite it."""
    stored = "; ".join(
        f"{current._meta.get_field(name).verbose_name}: {_stored_value(current, name)}"
        for name in fields
    )
    form.data = form.data.copy()
    form.data["version"] = str(current.version)
    form.add_error(
        None,
        _(
            "Someone else saved this record while you were editing it. Stored now: %(stored)s. "
            "Your input was not saved; save again to replace the stored values with it."
        )
        % {"stored": stored},
    )


@require_perm("accounts.manage_users")
def organisation_list(request: HttpRequest) -> HttpResponse:
    # Subqueries, not joins: joining locations and members would multiply the FTE sum.
    locations = Location.objects.filter(organisation=OuterRef("pk")).order_by()
    members = User.objects.filter(organisation=OuterRef("pk")).order_by()
    organisations = _municipality_organisations(request).annotate(
        location_count=Subquery(
            locations.values("organisation").annotate(n=Count("pk")).values("n")
        ),
        total_fte=Subquery(locations.values("organisation").annotate(s=Sum("fte")).values("s")),
        member_count=Subquery(members.values("organisation").annotate(n=Count("pk")).values("n")),
    )
    return render(request, "accounts/organisation_list.html", {"organisations": organisations})


@require_perm("accounts.manage_users")
def organisation_create(request: HttpRequest) -> HttpResponse:
    municipality = request.user.organisation.municipality
    form = OrganisationForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        organisation = do_create_organisation(
            acting_user=request.user, name=form.cleaned_data["name"], kind=form.cleaned_data["kind"]
        )
        messages.success(request, _("%(name)s was created.") % {"name": organisation})
        return redirect("accounts:organisation-edit", pk=organisation.pk)
    return render(request, "accounts/organisation_form.html", {"form": form, "creating": True})


@require_perm("accounts.manage_users")
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(_municipality_organisations(request), pk=pk)
    title = str(organisation)
    form = OrganisationForm(
        request.POST or None,
        instance=organisation,
        municipality=request.user.organisation.municipality,
    )
    if request.method == "POST" and form.is_valid():
        try:
            do_change_organisation(
                acting_user=request.user,
                organisation=form.instance,
                expected_version=form.cleaned_data["version"] or 0,
                changed=form.changed_data,
            )
        except EditConflict:
            _conflict(form, Organisation.objects.get(pk=pk), ["name", "kind"])
        else:
            messages.success(request, _("Saved."))
            return redirect("accounts:organisations")
    locations = Location.objects.filter(organisation_id=pk).select_related("district")
    return render(
        request,
        "accounts/organisation_form.html",
        {
            "form": form,
            "creating": False,
            "title": title,
            "organisation": organisation,
            "locations": locations,
        },
    )


@require_perm("accounts.manage_users")
def location_create(request: HttpRequest, organisation_pk: int) -> HttpResponse:
    organisation = get_object_or_404(_municipality_organisations(request), pk=organisation_pk)
    form = LocationForm(request.POST or None, municipality=organisation.municipality)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        do_create_location(
            acting_user=request.user,
            organisation=organisation,
            name=data["name"],
            address=data["address"],
            district=data["district"],
            fte=data["fte"],
        )
        messages.success(request, _("Saved."))
        return redirect("accounts:organisation-edit", pk=organisation.pk)
    return render(
        request,
        "accounts/location_form.html",
        {"form": form, "creating": True, "organisation": organisation},
    )


@require_perm("accounts.manage_users")
def location_edit(request: HttpRequest, pk: int) -> HttpResponse:
    location = get_object_or_404(
        Location.objects.select_related("organisation").filter(
            organisation__municipality_id=request.user.organisation.municipality_id
        ),
        pk=pk,
    )
    organisation = location.organisation
    title = str(location)
    form = LocationForm(
        request.POST or None, instance=location, municipality=organisation.municipality_id
    )
    if request.method == "POST" and form.is_valid():
        try:
            do_change_location(
                acting_user=request.user,
                location=form.instance,
                expected_version=form.cleaned_data["version"] or 0,
                changed=form.changed_data,
            )
        except EditConflict:
            _conflict(form, Location.objects.get(pk=pk), ["name", "address", "district", "fte"])
        else:
            messages.success(request, _("Saved."))
            return redirect("accounts:organisation-edit", pk=organisation.pk)
    return render(
        request,
        "accounts/location_form.html",
        {"form": form, "creating": False, "title": title, "organisation": organisation},
    )
