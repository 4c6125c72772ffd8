from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BarriersConfig(AppConfig):
    name = "lotse.barriers"
    verbose_name = _("Barrier reports")

    def ready(self) -> None:
        from lotse.barriers import permissions  # noqa: F401  (registers the rules)
