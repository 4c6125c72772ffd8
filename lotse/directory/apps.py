from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "lotse.directory"
    verbose_name = _("Directory of offers")

    def ready(self) -> None:
        from lotse.directory import permissions  # noqa: F401  (registers the rules)
