"""A municipality's administrator edits its configurable lists here."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lotse.core.forms import ConfigItemForm
from lotse.core.models import CONFIG_LISTS
from lotse.core.views_helpers import require_perm


def _model(kind: str):
    try:
        return CONFIG_LISTS[kind]
    except KeyError:
        raise Http404 from None


@require_perm("core.manage_configuration")
def index(request):
    lists = [(kind, model._meta.verbose_name_plural) for kind, model in CONFIG_LISTS.items()]
    return render(request, "core/settings_index.html", {"lists": lists})


@require_perm("core.manage_configuration")
def item_list(request, kind: str):
    model = _model(kind)
    items = model.objects.filter(municipality_id=request.user.organisation.municipality_id)
    return render(
        request,
        "core/settings_list.html",
        {"kind": kind, "title": model._meta.verbose_name_plural, "items": items},
    )


@require_perm("core.manage_configuration")
def item_edit(request, kind: str, pk: int | None = None):
    model = _model(kind)
    municipality = request.user.organisation.municipality
    instance = get_object_or_404(model, pk=pk, municipality=municipality) if pk else None
    form = ConfigItemForm(
        request.POST or None, model=model, municipality=municipality, instance=instance
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("Saved."))
        return redirect("core:settings-list", kind=kind)
    return render(
        request,
        "core/settings_edit.html",
        {"kind": kind, "title": model._meta.verbose_name, "form": form, "instance": instance},
    )
