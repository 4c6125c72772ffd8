from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "lotse.demo"
    label = "demo"
    verbose_name = "Demo data"
