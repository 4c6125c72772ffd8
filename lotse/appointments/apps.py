from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    name = "lotse.appointments"
