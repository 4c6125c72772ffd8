"""Staff pages of the directory (mounted at /offers/): list, edit, import/export,
coverage and stale offers. Bound to the user's municipality throughout."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lotse.core.forms import TableFileForm
from lotse.core.models import District, FieldOfAction, TargetGroup
from lotse.core.tables import write_csv
from lotse.core.views_helpers import paginate, require_perm
from lotse.directory import coverage as cov
from lotse.directory import spreadsheet
from lotse.directory.actions import (
    ConflictError,
    do_import_offers,
    do_request_confirmation,
    do_save_contact_person,
    do_save_offer,
)
from lotse.directory.forms import ContactPersonForm, OfferForm
from lotse.directory.models import OFFER_LANGUAGES, stale_before
from lotse.directory.permissions import contact_persons_visible_to, offers_visible_to
from lotse.directory.queries import OfferFilter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(data: bytes, filename: str, fmt: str) -> HttpResponse:
    content_type = XLSX if fmt == "xlsx" else "text/csv; charset=utf-8"
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def _fmt(fmt: str) -> str:
    from django.http import Http404

    if fmt not in ("csv", "xlsx"):
        raise Http404
    return fmt


def _filter_choices(municipality) -> dict:
    return {
        "fields": FieldOfAction.objects.filter(municipality=municipality, active=True),
        "districts": District.objects.filter(municipality=municipality, active=True),
        "target_groups": TargetGroup.objects.filter(municipality=municipality, active=True),
        "offer_languages": OFFER_LANGUAGES,
    }


def _query_prefix(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode() + "&" if params else ""


@require_perm("directory.view_offers")
def offer_list(request):
    today = timezone.localdate()
    municipality = request.user.organisation.municipality
    chosen = OfferFilter.from_params(request.GET)
    offers = chosen.apply(offers_visible_to(request.user), today).select_related("organisation")
    page = paginate(request, offers.order_by("title", "pk"))
    for offer in page:
        offer.stale = offer.is_stale(today)
    return render(
        request,
        "directory/offer_list.html",
        {
            "page_obj": page,
            "chosen": chosen,
            "query_prefix": _query_prefix(request),
            "can_edit": request.user.has_perm("directory.change_offers"),
            **_filter_choices(municipality),
        },
    )


@require_perm("directory.view_offers")
def offer_detail(request, pk: int):
    offer = get_object_or_404(
        offers_visible_to(request.user).select_related("organisation", "location"), pk=pk
    )
    return render(
        request,
        "directory/offer_detail.html",
        {
            "offer": offer,
            "stale": offer.is_stale(timezone.localdate()),
            "can_edit": request.user.has_perm("directory.change_offers"),
        },
    )


@require_perm("directory.change_offers")
def offer_edit(request, pk: int | None = None):
    municipality = request.user.organisation.municipality
    instance = get_object_or_404(offers_visible_to(request.user), pk=pk) if pk else None
    form = OfferForm(request.POST or None, instance=instance, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        offer, m2m = form.apply()
        try:
            offer = do_save_offer(
                acting_user=request.user,
                offer=offer,
                m2m=m2m,
                version=form.cleaned_data.get("version"),
            )
        except ConflictError:
            form.add_error(
                None,
                _(
                    "Someone else has saved this offer since you opened it. Your changes "
                    "were not saved; please reload the page and enter them again."
                ),
            )
        else:
            messages.success(request, _("Saved."))
            return redirect("directory:detail", pk=offer.pk)
    return render(request, "directory/offer_form.html", {"form": form, "offer": instance})


# --- import and export ------------------------------------------------------


@require_perm("directory.change_offers")
def offer_import(request):
    form = TableFileForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = do_import_offers(
            acting_user=request.user,
            municipality=request.user.organisation.municipality,
            filename=upload.name,
            data=upload.read(),
        )
        if result.ok:
            messages.success(
                request,
                _("Import finished: %(created)s offers added, %(updated)s updated.")
                % {"created": result.created, "updated": result.updated},
            )
            return redirect("directory:list")
    return render(request, "directory/import.html", {"form": form, "result": result})


@require_perm("directory.view_offers")
def import_help(request):
    return render(
        request,
        "directory/import_help.html",
        {
            "columns": spreadsheet.COLUMNS,
            "separator": spreadsheet.LIST_SEPARATOR,
            **_filter_choices(request.user.organisation.municipality),
        },
    )


@require_perm("directory.view_offers")
def template_download(request, fmt: str):
    fmt = _fmt(fmt)
    header = spreadsheet.COLUMN_NAMES
    if fmt == "csv":
        return _download(write_csv(header, []), "offers-template", fmt)
    notes = [(c.name, str(c.help)) for c in spreadsheet.COLUMNS]
    data = spreadsheet.write_xlsx(header, [], _("Offers"), notes=notes)
    return _download(data, "offers-template", fmt)


@require_perm("directory.view_offers")
def offer_export(request, fmt: str):
    fmt = _fmt(fmt)
    chosen = OfferFilter.from_params(request.GET)
    offers = (
        chosen.apply(offers_visible_to(request.user), timezone.localdate())
        .select_related("organisation", "location")
        .prefetch_related("fields_of_action", "target_groups", "districts")
        .order_by("title", "pk")
    )
    rows = [spreadsheet.offer_to_row(o) for o in offers]
    header = spreadsheet.COLUMN_NAMES
    if fmt == "csv":
        return _download(write_csv(header, rows), "offers", fmt)
    return _download(spreadsheet.write_xlsx(header, rows, _("Offers")), "offers", fmt)


# --- coverage ---------------------------------------------------------------


def _coverage(request):
    municipality = request.user.organisation.municipality
    params = request.GET
    chosen = OfferFilter(
        target_group=OfferFilter.from_params(params).target_group,
        language=OfferFilter.from_params(params).language,
    )
    today = timezone.localdate()
    offers = cov.coverage_offers(chosen.apply(offers_visible_to(request.user), today), today)
    return municipality, chosen, cov.coverage_matrix(offers, municipality)


@require_perm("directory.view_offers")
def coverage(request):
    municipality, chosen, matrix = _coverage(request)
    field_id = OfferFilter.from_params(request.GET).field
    field = next((f for f in matrix.fields if f.pk == field_id), None)
    if field is not None:
        counts = {
            r.district.pk: matrix.count(r.district.pk, field.pk) for r in matrix.rows if r.district
        }
    else:
        counts = {r.district.pk: r.total for r in matrix.rows if r.district}
    return render(
        request,
        "directory/coverage.html",
        {
            "matrix": matrix,
            "chosen": chosen,
            "map_field": field,
            "district_map": cov.district_map(municipality, counts),
            "query": request.GET.urlencode(),
            **_filter_choices(municipality),
        },
    )


@require_perm("directory.view_offers")
def coverage_export(request, fmt: str):
    fmt = _fmt(fmt)
    _municipality, _chosen, matrix = _coverage(request)
    header = [_("District"), *(f.label for f in matrix.fields), _("Offers in all")]
    rows = matrix.table(_("No district given"))
    if fmt == "csv":
        return _download(write_csv(header, rows), "coverage", fmt)
    return _download(spreadsheet.write_xlsx(header, rows, _("Coverage")), "coverage", fmt)


# --- stale offers -----------------------------------------------------------


@require_perm("directory.change_offers")
def stale(request):
    today = timezone.localdate()
    offers = (
        OfferFilter(stale_only=True)
        .apply(offers_visible_to(request.user), today)
        .select_related("organisation", "contact_person")
        .order_by("last_confirmed_on", "title")
    )
    return render(
        request,
        "directory/stale.html",
        {"page_obj": paginate(request, offers, per_page=100), "cutoff": stale_before(today)},
    )


@require_POST
@require_perm("directory.change_offers")
def request_confirmation(request):
    ids = [int(v) for v in request.POST.getlist("offer") if v.isdigit()]
    offers = list(
        offers_visible_to(request.user)
        .filter(pk__in=ids)
        .select_related("organisation", "contact_person")
        .prefetch_related("organisation__contact_persons")
    )
    if not offers:
        messages.warning(request, _("Please choose at least one offer."))
        return redirect("directory:stale")
    asked, without = do_request_confirmation(
        acting_user=request.user, offers=offers, base_url=request.build_absolute_uri("/")
    )
    if asked:
        messages.success(
            request, _("A confirmation request was sent for %(n)s offers.") % {"n": asked}
        )
    if without:
        messages.warning(
            request,
            _("%(n)s offers have no contact person with an e-mail address.") % {"n": without},
        )
    return redirect("directory:stale")


# --- contact persons --------------------------------------------------------


@require_perm("directory.change_offers")
def contact_list(request):
    people = contact_persons_visible_to(request.user).select_related("organisation")
    return render(request, "directory/contact_list.html", {"page_obj": paginate(request, people)})


@require_perm("directory.change_offers")
def contact_edit(request, pk: int | None = None):
    instance = get_object_or_404(contact_persons_visible_to(request.user), pk=pk) if pk else None
    form = ContactPersonForm(
        request.POST or None,
        instance=instance,
        municipality=request.user.organisation.municipality,
    )
    if request.method == "POST" and form.is_valid():
        do_save_contact_person(acting_user=request.user, person=form.save(commit=False))
        messages.success(request, _("Saved."))
        return redirect("directory:contacts")
    return render(request, "directory/contact_form.html", {"form": form, "person": instance})
