"""Background work. Notifications go through the task queue so a slow mail server
never holds up a page; the demo's worker runs them beside the web server."""

from __future__ import annotations

from django.core.mail import send_mail
from django.tasks import task


@task()
def send_notification(recipient: str, subject: str, body: str) -> None:
    send_mail(subject, body, None, [recipient])
