from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "lotse.letters"
    verbose_name = _("Letters")

    def ready(self) -> None:
        from lotse.letters import permissions  # noqa: F401  (registers the rules)
