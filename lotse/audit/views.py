"""The access log, for a municipality's administrators: read and export."""

from __future__ import annotations

import csv
import datetime as dt

from django import forms
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from lotse.audit.actions import do_log_access
from lotse.audit.models import AccessLogEntry
from lotse.core.views_helpers import paginate, require_perm


class LogFilter(forms.Form):
    who = forms.CharField(label=_("Who"), required=False, max_length=100)
    action = forms.CharField(label=_("Action"), required=False, max_length=80)
    record = forms.CharField(label=_("Record"), required=False, max_length=60)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


def _entries(request):
    entries = AccessLogEntry.objects.filter(
        municipality_id=request.user.organisation.municipality_id
    )
    form = LogFilter(request.GET or None)
    if form.is_valid():
        data = form.cleaned_data
        if data["who"]:
            entries = entries.filter(user_label__icontains=data["who"])
        if data["action"]:
            entries = entries.filter(action__startswith=data["action"])
        if data["record"]:
            entries = entries.filter(object_id=data["record"])
        if data["since"]:
            entries = entries.filter(at__date__gte=data["since"])
        if data["until"]:
            entries = entries.filter(at__date__lte=data["until"])
    return form, entries


@require_perm("audit.view_access_log")
def log(request):
    form, entries = _entries(request)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/log.html",
        {
            "form": form,
            "page_obj": paginate(request, entries, 100),
            "query_prefix": f"{query.urlencode()}&" if query else "",
            "export_query": query.urlencode(),
        },
    )


class _Echo:
    def write(self, value):
        return value


@require_perm("audit.view_access_log")
def export(request):
    """CSV of the filtered log, streamed so a year of entries needs little memory."""
    _form, entries = _entries(request)
    do_log_access(
        acting_user=request.user,
        action="audit.accesslog.exported",
        object_type="audit.accesslogentry",
        object_id="*",
        detail=request.GET.urlencode(),
        request=request,
    )
    writer = csv.writer(_Echo())
    header = [
        "at",
        "user",
        "organisation",
        "action",
        "verb",
        "record_type",
        "record",
        "detail",
        "ip_address",
    ]

    def rows():
        yield writer.writerow(header)
        for e in entries.order_by("at", "id").iterator(chunk_size=2000):
            yield writer.writerow(
                [
                    e.at.isoformat(),
                    e.user_label,
                    e.organisation_label,
                    e.action,
                    e.verb,
                    e.object_type,
                    e.object_id,
                    e.detail,
                    e.ip_address or "",
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    stamp = dt.date.today().isoformat()  # noqa: DTZ011
    response["Content-Disposition"] = f'attachment; filename="access-log-{stamp}.csv"'
    return response
