from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "lotse.core"
    label = "core"
    verbose_name = _("Municipalities and configuration")

    def ready(self) -> None:
        from django.forms import ModelChoiceField

        from lotse.core import lookups, permissions  # noqa: F401  (registers the rules)
        from lotse.core.forms import PlainModelChoiceIterator

        ModelChoiceField.iterator = PlainModelChoiceIterator
        lookups.register()
