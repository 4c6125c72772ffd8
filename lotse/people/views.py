from __future__ import annotations

from django.db.models import Q
from django.shortcuts import render

from lotse.audit.actions import do_log_access
from lotse.cases.permissions import cases_visible_to
from lotse.core.views_helpers import paginate, require_perm
from lotse.people.permissions import access_client, clients_visible_to


@require_perm("people.view_client_list")
def client_list(request):
    query = request.GET.get("q", "").strip()[:100]
    clients = clients_visible_to(request.user).select_related("district")
    if query:
        for word in query.split()[:4]:
            clients = clients.filter(
                Q(family_name__icontains=word)
                | Q(given_names__icontains=word)
                | Q(name_original_script__icontains=word)
            )
    page = paginate(request, clients.order_by("family_name", "given_names", "pk"))
    do_log_access(
        acting_user=request.user,
        action="people.client.searched" if query else "people.client.listed",
        object_type="people.client",
        object_id="*",
        detail=query,
        request=request,
    )
    return render(
        request,
        "people/client_list.html",
        {
            "page_obj": page,
            "query": query,
            "query_prefix": f"q={query}&" if query else "",
        },
    )


@require_perm("people.view_client_list")
def client_detail(request, pk: int):
    client = access_client(request, pk)
    cases = cases_visible_to(request.user).filter(client=client).select_related("case_manager")
    return render(request, "people/client_detail.html", {"client": client, "cases": cases})
