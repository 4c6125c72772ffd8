from __future__ import annotations

import datetime as dt
import secrets

from django.contrib import messages
from django.core import signing
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from lotse.audit.actions import do_log_access
from lotse.cases.permissions import cases_visible_to
from lotse.core.forms import TableFileForm
from lotse.core.tables import ImportFileError, read_table, write_csv
from lotse.core.views_helpers import paginate, require_perm
from lotse.people import actions, import_file, imports, scans
from lotse.people.duplicates import Pair, best_comparison, find_candidates, percent
from lotse.people.forms import ClientForm, HouseholdMemberForm, MergeForm, ReasonForm
from lotse.people.indexing import search_condition
from lotse.people.models import Client, ClientMerge, ClientSearchToken, HouseholdMember
from lotse.people.permissions import access_client, clients_visible_to

_SIGNER_SALT = "lotse.people.client-form"


def _today() -> dt.date:
    return dt.date.today()  # noqa: DTZ011  (a calendar date in the server's zone)


def search_clients(user, query: str):
    """Clients the user may see whose names match every word of `query` (a word that
    is a year matches the birth year). Each word is an index range scan on the
    search tokens, never a scan of all records."""
    clients = clients_visible_to(user)
    municipality_id = user.organisation.municipality_id
    for word in query.split()[:4]:
        if word.isdigit() and len(word) == 4:
            clients = clients.filter(birth_year=int(word))
            continue
        condition = search_condition(word)
        if condition is None:
            continue
        hits = ClientSearchToken.objects.filter(municipality_id=municipality_id).filter(condition)
        clients = clients.filter(pk__in=hits.values("client_id"))
    return clients


@require_perm("people.view_client_list")
def client_list(request):
    query = request.GET.get("q", "").strip()[:100]
    clients = search_clients(request.user, query) if query else clients_visible_to(request.user)
    page = paginate(
        request,
        clients.select_related("district").order_by("family_name", "given_names", "pk"),
    )
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
            "can_add": request.user.has_perm("people.add_client"),
            "can_merge": request.user.has_perm("people.merge_clients"),
        },
    )


@require_perm("people.view_client_list")
def client_detail(request, pk: int):
    try:
        client = access_client(request, pk)
    except Http404:
        merged = Client.objects.filter(pk=pk, merged_into__isnull=False).first()
        if merged and clients_visible_to(request.user).filter(pk=merged.merged_into_id).exists():
            messages.info(request, _("This record was merged into the one shown here."))
            return redirect("people:detail", pk=merged.merged_into_id)
        raise
    cases = cases_visible_to(request.user).filter(client=client).select_related("case_manager")
    visible = clients_visible_to(request.user)
    household = client.household.select_related("member").all()
    merges = (
        ClientMerge.objects.filter(survivor=client)
        .select_related("merged", "merged_by", "undone_by")
        .order_by("-merged_at")
    )
    can_merge = request.user.has_perm("people.merge_clients")
    return render(
        request,
        "people/client_detail.html",
        {
            "client": client,
            "cases": cases,
            "household": [
                (entry, visible.filter(pk=entry.member_id).exists() if entry.member_id else False)
                for entry in household
            ],
            "household_form": HouseholdMemberForm(visible=visible, client=client),
            "markers": client.vulnerability_markers.all(),
            "merges": merges,
            "distinct": actions.noted_as_other_people(client, visible) if can_merge else [],
            "can_change": request.user.has_perm("people.change_client", client),
            "can_merge": can_merge,
        },
    )


def _form_context(form, candidates=None, confirmed="", **extra):
    return {"form": form, "candidates": candidates or [], "confirmed": confirmed, **extra}


@require_perm("people.add_client")
def client_create(request):
    municipality = request.user.organisation.municipality
    form = ClientForm(request.POST or None, municipality=municipality, today=_today())
    if request.method == "POST" and form.is_valid():
        candidates = find_candidates(request.user, form.matching_record(), limit=10)
        shown = {str(c.client.pk) for c in candidates}
        confirmed = set(filter(None, request.POST.get("confirmed", "").split(",")))
        if candidates and not shown <= confirmed:
            do_log_access(
                acting_user=request.user,
                action="people.client.searched",
                object_type="people.client",
                object_id=",".join(sorted(shown))[:60],
                detail="duplicate check",
                request=request,
            )
            return render(
                request,
                "people/client_form.html",
                _form_context(form, candidates, ",".join(sorted(shown)), creating=True),
            )
        with transaction.atomic():
            client = actions.do_create_client(
                acting_user=request.user, data=form.action_data(), request=request
            )
            if request.user.has_perm("people.merge_clients"):
                # saved anyway by who may decide on duplicates: a verdict the scan heeds;
                # anyone else's pairs stay for the team lead's scan to catch
                for candidate in candidates:
                    actions.do_mark_not_duplicate(
                        acting_user=request.user,
                        first=client,
                        second=candidate.client,
                        request=request,
                    )
        messages.success(request, _("The client record was created."))
        return redirect("people:detail", pk=client.pk)
    return render(request, "people/client_form.html", _form_context(form, creating=True))


# The checked rows of an import waiting for decisions on its possible duplicates, with
# an id that the review form sends back (another tab may have started another import).
_IMPORT_SESSION_KEY = "people.import"


@require_perm("people.add_client")
def client_import(request):
    """Upload a file of clients: every row checked as the form checks it, then the
    duplicate check; rows that may be recorded already wait for the user's decision."""
    form = TableFileForm(request.POST or None, request.FILES or None)
    context: dict = {"form": form, "columns": import_file.COLUMNS}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            table = read_table(upload.read(), upload.name, max_rows=import_file.MAX_ROWS)
            rows = import_file.read_rows(table)
        except ImportFileError as error:
            form.add_error("file", str(error))
            return render(request, "people/import.html", context)
        good, bad = import_file.check_rows(
            rows, municipality=request.user.organisation.municipality, today=_today()
        )
        if bad:
            context.update(file_name=upload.name, errors=bad)
            return render(request, "people/import.html", context)
        # expired sessions may hold an abandoned import's rows: they go now
        request.session.clear_expired()
        request.session[_IMPORT_SESSION_KEY] = {
            "id": secrets.token_urlsafe(12),
            "name": upload.name,
            "rows": rows,
        }
        return _import_or_review(request, good, {})
    return render(request, "people/import.html", context)


@require_perm("people.add_client")
def client_import_review(request):
    """Decide on the rows held back as possible duplicates, then import."""
    pending = request.session.get(_IMPORT_SESSION_KEY)
    if pending is None:
        messages.info(request, _("There is no import waiting for your decision."))
        return redirect("people:import")
    if request.method == "POST" and request.POST.get("import") != pending["id"]:
        messages.warning(
            request,
            _("That page belonged to another import. Please decide for the import shown here."),
        )
        return redirect("people:import-review")
    if request.method == "POST" and request.POST.get("action") == "cancel":
        del request.session[_IMPORT_SESSION_KEY]
        messages.info(request, _("The import was cancelled. Nothing was saved."))
        return redirect("people:list")
    good, bad = import_file.check_rows(
        [tuple(row) for row in pending["rows"]],
        municipality=request.user.organisation.municipality,
        today=_today(),
    )
    if bad:  # the lists changed since the upload (a district no longer active ...)
        del request.session[_IMPORT_SESSION_KEY]
        form = TableFileForm()
        context = {"form": form, "columns": import_file.COLUMNS, "errors": bad}
        return render(request, "people/import.html", {**context, "file_name": pending["name"]})
    decisions: dict[int, set[int] | None] = {}
    if request.method == "POST":
        # the rows shown, each with the records shown for it ("3=12.15;7=9"): a ticked
        # row is another person than those records, the others are not created
        created = set(request.POST.getlist("create"))
        for part in request.POST.get("shown", "").split(";"):
            index, _sep, ids = part.partition("=")
            if index.isdigit() and int(index) < len(good):
                seen = {int(pk) for pk in ids.split(".") if pk.isdigit()}
                decisions[int(index)] = seen if index in created else None
    return _import_or_review(request, good, decisions)


def _import_or_review(request, good, decisions: dict[int, set[int] | None]):
    """Import if every row that may be recorded already has a decision on the records
    now like it; otherwise show those rows with their possible duplicates and reasons.
    `decisions`: by row index, the records seen for a row created anyway, None for a
    row not to create."""
    user = request.user
    scope = clients_visible_to(user)
    municipality_id = user.organisation.municipality_id
    records = [row.record for row in good]

    def check() -> list[imports.HeldBack]:
        creating = [i for i, seen in decisions.items() if seen is not None]
        return imports.find_held_back(scope, records, municipality_id, creating)

    held = check()
    # a row created anyway that is now like a record not shown then: decide again
    outdated = [
        h.index
        for h in held
        if decisions.get(h.index) and not {c.client.pk for c in h.candidates} <= decisions[h.index]
    ]
    for index in outdated:
        del decisions[index]
    if outdated:
        held = check()
        messages.warning(request, _("Since the check, more possible duplicates turned up."))
    elif all(h.index in decisions for h in held):
        try:
            with transaction.atomic():
                result = imports.do_import_clients(
                    acting_user=user,
                    rows=records,
                    scope=scope,
                    create_anyway={i: s for i, s in decisions.items() if s is not None},
                    skip={i for i, seen in decisions.items() if seen is None},
                )
                if result.held_back:  # a record was added since the check: look again
                    raise imports.ChangedSinceCheck
        except imports.ChangedSinceCheck:
            held = check()
            messages.warning(request, _("Since the check, more possible duplicates turned up."))
        else:
            del request.session[_IMPORT_SESSION_KEY]
            messages.success(
                request,
                ngettext(
                    "Import finished: %(created)s client created.",
                    "Import finished: %(created)s clients created.",
                    result.created,
                )
                % {"created": result.created},
            )
            if result.skipped_rows:
                numbers = ", ".join(str(good[i].row) for i in result.skipped_rows)
                messages.info(
                    request,
                    ngettext(
                        "Not created, as possibly recorded already or twice in the file: "
                        "row %(rows)s.",
                        "Not created, as possibly recorded already or twice in the file: "
                        "rows %(rows)s.",
                        len(result.skipped_rows),
                    )
                    % {"rows": numbers},
                )
            return redirect("people:list")
    shown = {c.client.pk for h in held for c in h.candidates}
    do_log_access(
        acting_user=user,
        action="people.client.searched",
        object_type="people.client",
        object_id=",".join(str(pk) for pk in sorted(shown))[:60],
        detail=f"duplicate check of an import ({len(good)} rows)",
        request=request,
    )
    pending = request.session[_IMPORT_SESSION_KEY]
    return render(
        request,
        "people/import_review.html",
        {
            "import_id": pending["id"],
            "name": pending["name"],
            "rows": len(good),
            "held": imports.review_rows(held, records, [row.row for row in good]),
            "others": len(good) - len(held),
            "shown": ";".join(
                f"{h.index}=" + ".".join(str(c.client.pk) for c in h.candidates) for h in held
            ),
            "create_anyway": {i for i, seen in decisions.items() if seen is not None},
        },
    )


@require_perm("people.add_client")
def client_import_template(request):
    """An empty CSV file with the import's columns."""
    response = HttpResponse(
        write_csv(import_file.COLUMN_NAMES, []), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="clients-template.csv"'
    return response


@require_perm("people.view_client_list")
def client_edit(request, pk: int):
    client = access_client(request, pk, log=request.method == "GET")
    if not request.user.has_perm("people.change_client", client):
        raise Http404
    municipality = request.user.organisation.municipality
    conflict = None
    if request.method == "POST":
        form = ClientForm(request.POST, instance=client, municipality=municipality, today=_today())
        if form.is_valid():
            try:
                original = signing.loads(form.cleaned_data.get("original") or "", salt=_SIGNER_SALT)
            except signing.BadSignature:
                original = None
            try:
                actions.do_change_client(
                    acting_user=request.user,
                    client=client,
                    data=form.action_data(),
                    version=form.cleaned_data.get("version") or 0,
                    original=original,
                    request=request,
                )
            except actions.Conflict as error:
                conflict = error
                data = request.POST.copy()
                data["version"] = str(error.client.version)
                data["original"] = signing.dumps(actions.snapshot(error.client), salt=_SIGNER_SALT)
                form = ClientForm(
                    data, instance=error.client, municipality=municipality, today=_today()
                )
                form.is_valid()
            else:
                messages.success(request, _("The changes were saved."))
                return redirect("people:detail", pk=client.pk)
    else:
        form = ClientForm(
            instance=client,
            municipality=municipality,
            today=_today(),
            initial={
                "version": client.version,
                "original": signing.dumps(actions.snapshot(client), salt=_SIGNER_SALT),
            },
        )
    return render(
        request,
        "people/client_form.html",
        _form_context(form, client=client, conflict=conflict, creating=False),
    )


@require_POST
@require_perm("people.view_client_list")
def household_add(request, pk: int):
    client = access_client(request, pk, log=False)
    if not request.user.has_perm("people.change_client", client):
        raise Http404
    form = HouseholdMemberForm(
        request.POST, visible=clients_visible_to(request.user), client=client
    )
    if form.is_valid():
        actions.do_add_household_member(
            acting_user=request.user,
            client=client,
            member=form.cleaned_data["member"],
            name=form.cleaned_data["name"].strip(),
            relation=form.cleaned_data["relation"].strip(),
            birth_year=form.cleaned_data["birth_year"],
            request=request,
        )
        messages.success(request, _("The household member was added."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect(reverse("people:detail", args=[client.pk]) + "#h-household")


@require_POST
@require_perm("people.view_client_list")
def household_remove(request, pk: int, entry: int):
    client = access_client(request, pk, log=False)
    if not request.user.has_perm("people.change_client", client):
        raise Http404
    item = get_object_or_404(HouseholdMember, pk=entry, client=client)
    actions.do_remove_household_member(acting_user=request.user, entry=item, request=request)
    messages.success(request, _("The household member was removed."))
    return redirect(reverse("people:detail", args=[client.pk]) + "#h-household")


# --- duplicates and merges (team leads) --------------------------------------------


SCAN_PAGE_SIZE = 50


@require_perm("people.merge_clients")
def duplicate_scan(request):
    """The latest scan's possible duplicates, page by page; how far a running scan got."""
    user = request.user
    latest, finished = scans.latest_scans(user)
    if request.htmx and request.GET.get("status"):  # the running scan's status, polled
        request.lotse_poll = True  # keeps no session alive (accounts.middleware)
        if not scans.is_busy(latest):  # done or stopped: the whole page anew
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
            return response
        context = {"latest": latest, "finished": finished, "busy": True}
        return render(request, "people/_duplicate_scan_status.html", context)
    page = None
    if finished is not None:
        page = paginate(request, scans.open_pairs(user, finished), SCAN_PAGE_SIZE)
        do_log_access(
            acting_user=user,
            action="people.client.searched",
            object_type="people.client",
            object_id="*",
            detail=f"duplicate scan {finished.pk}",
            request=request,
        )
    return render(
        request,
        "people/duplicates.html",
        {
            "latest": latest,
            "finished": finished,
            "busy": scans.is_busy(latest),
            "page_obj": page,
            "pairs": scans.pairs_to_show(list(page)) if page is not None else [],
            "decided": _decided_pair(request),
        },
    )


@require_POST
@require_perm("people.merge_clients")
def duplicate_scan_start(request):
    scans.do_start_scan(acting_user=request.user, request=request)
    return redirect("people:duplicates")


def _scan_page_url(page: str) -> str:
    """The scan page, at the page of pairs a decision was made on."""
    url = reverse("people:duplicates")
    return f"{url}?page={page}" if page.isdigit() and len(page) < 10 and page != "1" else url


def _pair(request, first: int, second: int) -> tuple[Client, Client]:
    if first == second:
        raise Http404
    visible = clients_visible_to(request.user).select_related("district")
    found = {c.pk: c for c in visible.filter(pk__in=[first, second])}
    if len(found) != 2:
        raise Http404
    return found[first], found[second]


@require_perm("people.merge_clients")
def merge(request, first: int, second: int):
    a, b = _pair(request, first, second)
    form = MergeForm(request.POST or None, first=a, second=b)
    if request.method == "POST" and form.is_valid():
        survivor, gone = (a, b) if form.cleaned_data["survivor"] == str(a.pk) else (b, a)
        try:
            actions.do_merge_clients(
                acting_user=request.user,
                survivor=survivor,
                merged=gone,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        except actions.MergeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("The records were merged. You can undo this on the client's page.")
            )
            return redirect("people:detail", pk=survivor.pk)
    if request.method == "GET":
        for client in (a, b):
            do_log_access(
                acting_user=request.user, action="people.client.viewed", obj=client, request=request
            )
    result = best_comparison(a.matching_records(), b.matching_records())
    rows = actions.compared_rows(a, b)
    return render(
        request,
        "people/merge.html",
        {
            "a": a,
            "b": b,
            "form": form,
            "rows": rows,
            "score": percent(result.score) if result else 0,
            "match": Pair(a, b, result.score, result.reasons) if result else None,
            "decision": actions.decision_on(a, b),
            "cases_a": a.cases.count(),
            "cases_b": b.cases.count(),
            "open_a": reverse("people:detail", args=[a.pk]),
            "open_b": reverse("people:detail", args=[b.pk]),
        },
    )


@require_POST
@require_perm("people.merge_clients")
def not_duplicate(request, first: int, second: int):
    """Note two records as different people; the scan page then offers to take it back."""
    a, b = _pair(request, first, second)
    actions.do_mark_not_duplicate(acting_user=request.user, first=a, second=b, request=request)
    url = _scan_page_url(request.POST.get("page", ""))
    separator = "&" if "?" in url else "?"
    return redirect(f"{url}{separator}decided={a.pk}.{b.pk}")


@require_POST
@require_perm("people.merge_clients")
def not_duplicate_undo(request, first: int, second: int):
    a, b = _pair(request, first, second)
    user = request.user
    if actions.do_unmark_not_duplicate(acting_user=user, first=a, second=b, request=request):
        messages.success(request, _("Taken back: the pair counts as a possible duplicate again."))
    page = request.POST.get("page")
    if page is None:
        return redirect("people:merge", first=a.pk, second=b.pk)
    return redirect(_scan_page_url(page))


def _decided_pair(request) -> tuple[Client, Client] | None:
    """The pair just noted as different people (?decided=first.second), if the user may
    see both records and the verdict still stands."""
    first, _dot, second = request.GET.get("decided", "").partition(".")
    if not (first.isdigit() and second.isdigit() and len(first + second) < 20):
        return None
    try:
        a, b = _pair(request, int(first), int(second))
    except Http404:
        return None
    return (a, b) if actions.decision_on(a, b) else None


@require_perm("people.merge_clients")
def merge_undo(request, pk: int):
    visible = clients_visible_to(request.user)
    record = get_object_or_404(
        ClientMerge.objects.select_related("survivor", "merged", "merged_by"),
        pk=pk,
        survivor__in=visible,
        undone_at__isnull=True,
    )
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            kept = actions.do_undo_merge(
                acting_user=request.user,
                merge=record,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        except actions.MergeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The merge was undone: there are two records again."))
            if kept:
                messages.warning(
                    request,
                    _("Changed since the merge and therefore kept: %(fields)s")
                    % {"fields": ", ".join(kept)},
                )
            return redirect("people:detail", pk=record.survivor_id)
    return render(request, "people/merge_undo.html", {"merge": record, "form": form})
