from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "lotse.people"
    label = "people"
    verbose_name = _("Clients")

    def ready(self) -> None:
        from lotse.people import permissions  # noqa: F401  (registers the rules)
