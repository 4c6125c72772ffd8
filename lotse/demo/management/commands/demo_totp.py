"""Print the current TOTP code of a demo user, so the demo can be tried without a phone."""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from lotse.accounts.models import User


class Command(BaseCommand):
    help = "Print the current TOTP code of a demo user (addresses ending in .example only)."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email: str, **options):
        if not email.endswith(".example"):
            raise CommandError("Only demo users (…@….example) have codes printed.")
        user = User.objects.filter(email__iexact=email).first()
        authenticator = (
            Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
            if user
            else None
        )
        if authenticator is None:
            raise CommandError(f"{email} has no authenticator.")
        counter = int(timezone.now().timestamp()) // 30
        self.stdout.write(
            format_hotp_value(hotp_value(decrypt(authenticator.data["secret"]), counter))
        )
