from django.apps import AppConfig


class ConsentsConfig(AppConfig):
    name = "lotse.consents"
