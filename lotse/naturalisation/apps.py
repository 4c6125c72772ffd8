from django.apps import AppConfig


class NaturalisationConfig(AppConfig):
    name = "lotse.naturalisation"
