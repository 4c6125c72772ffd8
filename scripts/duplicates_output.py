"""Print what candidate search and an import decide against a kept bench data set,
one JSON line per lookup or import row, so that two versions of the code can be
compared with `diff` (same candidates, order, scores, reasons, rows held back).

    DATABASE_URL=postgres://... .venv/bin/python scripts/duplicates_output.py \
        --slug bench-duplicates-varied --lookups 1000 --import-rows 1000 > new.jsonl
    PYTHONPATH=/tmp/old-tree DATABASE_URL=... python scripts/duplicates_output.py ... > old.jsonl

The import runs in a transaction that is rolled back. Probes and rows come from a
fixed seed: half are another spelling of a stored client, half new people.
"""

from __future__ import annotations

import argparse
import json
import os
import sys


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--slug", default="bench-duplicates-varied")
    parser.add_argument("--lookups", type=int, default=1000)
    parser.add_argument("--import-rows", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=4242)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lotse.settings")
    import django

    django.setup()
    from django.db import transaction

    from lotse.accounts.models import User
    from lotse.people import duplicates
    from lotse.people.imports import do_import_clients
    from lotse.people.management.commands.bench_duplicates import Command, People

    print(f"# code: {duplicates.__file__}", file=sys.stderr)
    lead = User.objects.get(username=f"{args.slug}@lotse.invalid")
    people = People(args.seed, varied=True)
    sample = Command()._stored_sample(lead.organisation.municipality, people, 2000)
    out = sys.stdout

    def line(kind: str, i: int, record: dict, candidates) -> None:
        found = [[c.client.pk, repr(c.score), list(c.reasons)] for c in candidates]
        out.write(json.dumps({"kind": kind, "i": i, "record": record, "found": found}) + "\n")

    for i in range(args.lookups):
        p = people.rng.choice(sample) if i % 2 == 0 else people.person()
        record = people.record(p, variant=True)
        line("lookup", i, record, duplicates.find_candidates(lead, record, 10))

    rows = [
        people.record(people.rng.choice(sample), variant=True)
        if people.rng.random() < 0.1
        else people.record(people.person(), variant=False)
        for _ in range(args.import_rows)
    ]
    held: list = []
    with transaction.atomic():
        result = do_import_clients(
            acting_user=lead, rows=rows, on_held_back=lambda row, c: held.append((row, c))
        )
        transaction.set_rollback(True)
    for i, (row, candidates) in enumerate(held):
        line("held_back", i, row, candidates)
    out.write(json.dumps({"kind": "import", "rows": result.rows, "held": result.held_back}) + "\n")


if __name__ == "__main__":
    main()
