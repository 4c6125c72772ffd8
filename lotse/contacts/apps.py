from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "lotse.contacts"
