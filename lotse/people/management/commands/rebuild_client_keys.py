from django.core.management.base import BaseCommand

from lotse.people.indexing import rebuild
from lotse.people.models import Client


class Command(BaseCommand):
    help = "Rebuild the duplicate-check and search keys of every client (after bulk loads)."

    def handle(self, *args, **options) -> None:
        count = rebuild(Client.objects.all())
        self.stdout.write(f"keys rebuilt for {count} clients")
