from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lotse.accounts.actions import do_change_user, do_create_user
from lotse.accounts.forms import UserForm
from lotse.accounts.models import User
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
