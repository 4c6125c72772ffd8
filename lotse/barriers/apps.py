from django.apps import AppConfig


class BarriersConfig(AppConfig):
    name = "lotse.barriers"
