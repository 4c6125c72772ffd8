from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResidenceConfig(AppConfig):
    name = "lotse.residence"
    label = "residence"
    verbose_name = _("Residence and naturalisation")

    def ready(self) -> None:
        from lotse.residence import permissions  # noqa: F401  (registers the rules)
