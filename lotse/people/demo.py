"""Demo data: the base demo bulk-creates clients, so their lookup keys are built here."""

from __future__ import annotations

from lotse.people.indexing import rebuild
from lotse.people.models import Client


def load(municipality, *, rng, stdout) -> None:
    count = rebuild(Client.objects.filter(municipality=municipality))
    stdout.write(f"people: duplicate and search keys for {count} clients of {municipality}")
