"""Coverage (Bestandsaufnahme, seed 002): offers per district and field of action.

A cell counts the offers that serve the district and belong to the field of
action; an empty cell is a gap. Offers without districts are counted in a row
of their own, so they are visible but do not hide a gap.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.db.models import QuerySet

from lotse.core.models import District, FieldOfAction
from lotse.directory.models import Offer

OUTLINES_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Row:
    district: District | None  # None: offers without a district
    counts: list[int]
    total: int  # distinct offers serving the district


@dataclass(frozen=True)
class Matrix:
    fields: list[FieldOfAction]
    rows: list[Row]
    gaps: int  # empty cells among the district rows

    def count(self, district_id: int | None, field_id: int) -> int:
        for row in self.rows:
            if (row.district.pk if row.district else None) == district_id:
                return row.counts[[f.pk for f in self.fields].index(field_id)]
        raise KeyError(district_id)

    def header(self) -> list[str]:
        return ["district", *(f.label for f in self.fields), "total"]

    def table(self, no_district_label: str) -> list[list]:
        return [
            [row.district.label if row.district else no_district_label, *row.counts, row.total]
            for row in self.rows
        ]


def coverage_matrix(offers: QuerySet[Offer], municipality) -> Matrix:
    """Counts for the given (already filtered) offers: three queries in all."""
    fields = list(FieldOfAction.objects.filter(municipality=municipality, active=True))
    districts = list(District.objects.filter(municipality=municipality, active=True))
    offer_ids = set(offers.values_list("pk", flat=True))
    field_links = Offer.fields_of_action.through.objects.filter(offer_id__in=offer_ids)
    district_links = Offer.districts.through.objects.filter(offer_id__in=offer_ids)
    fields_of: dict[int, set[int]] = {}
    for offer_id, field_id in field_links.values_list("offer_id", "fieldofaction_id"):
        fields_of.setdefault(offer_id, set()).add(field_id)
    districts_of: dict[int, set[int]] = {}
    for offer_id, district_id in district_links.values_list("offer_id", "district_id"):
        districts_of.setdefault(offer_id, set()).add(district_id)

    def row_for(district: District | None, members: set[int]) -> Row:
        counts = [sum(1 for o in members if f.pk in fields_of.get(o, ())) for f in fields]
        return Row(district=district, counts=counts, total=len(members))

    rows = [
        row_for(d, {o for o in offer_ids if d.pk in districts_of.get(o, ())}) for d in districts
    ]
    gaps = sum(1 for row in rows for c in row.counts if c == 0)
    nowhere = {o for o in offer_ids if not districts_of.get(o)}
    if nowhere:
        rows.append(row_for(None, nowhere))
    return Matrix(fields=fields, rows=rows, gaps=gaps)


def coverage_offers(offers: QuerySet[Offer], today: dt.date) -> QuerySet[Offer]:
    """Offers that count for coverage: not expired and not yet to start."""
    from django.db.models import Q

    return offers.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today)).filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=today)
    )


# --- the schematic district map ---------------------------------------------


@cache
def _outlines(slug: str) -> dict | None:
    path = OUTLINES_DIR / f"districts_{slug}.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class MapShape:
    label: str
    points: str
    label_x: str  # strings, so the page's number format cannot turn 1.5 into 1,5
    label_y: str
    count_y: str
    count: int
    shade: int  # 0 (gap) .. 4 (most offers)


@dataclass(frozen=True)
class DistrictMap:
    view_box: str
    shapes: list[MapShape]
    note: str


def shade(count: int, highest: int) -> int:
    if count == 0 or highest == 0:
        return 0
    return min(4, 1 + (3 * (count - 1)) // max(1, highest - 1)) if highest > 1 else 4


def district_map(municipality, counts: dict[int, int]) -> DistrictMap | None:
    """Polygons for the municipality's districts (matched by German name or code),
    shaded by ``counts`` (district id -> number). None without bundled outlines."""
    data = _outlines(municipality.slug)
    if data is None:
        return None
    districts = District.objects.filter(municipality=municipality, active=True)
    by_name = {}
    for d in districts:
        by_name[d.code] = d
        by_name[d.labels.get("de", d.code)] = d
    highest = max(counts.values(), default=0)
    shapes = []
    for name, points in data["districts"].items():
        district = by_name.get(name)
        if district is None:
            continue
        pairs = [tuple(float(v) for v in p.split(",")) for p in points.split()]
        count = counts.get(district.pk, 0)
        x = sum(x for x, _y in pairs) / len(pairs)
        y = sum(y for _x, y in pairs) / len(pairs)
        shapes.append(
            MapShape(
                label=district.label,
                points=points,
                label_x=f"{x:.1f}",
                label_y=f"{y - 4:.1f}",
                count_y=f"{y + 16:.1f}",
                count=count,
                shade=shade(count, highest),
            )
        )
    return DistrictMap(view_box=data["viewBox"], shapes=shapes, note=data.get("note", ""))
