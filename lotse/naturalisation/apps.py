from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NaturalisationConfig(AppConfig):
    name = "lotse.naturalisation"
    label = "naturalisation"
    verbose_name = _("Naturalisation")

    def ready(self) -> None:
        from lotse.naturalisation import permissions  # noqa: F401  (registers the rules)
