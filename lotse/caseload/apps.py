from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseloadConfig(AppConfig):
    name = "lotse.caseload"
    verbose_name = _("Caseload")

    def ready(self) -> None:
        from lotse.caseload import permissions  # noqa: F401  (registers the rules)
