from django.urls import path

from lotse.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.offer_list, name="list"),
    path("new/", views.offer_edit, name="create"),
    path("<int:pk>/", views.offer_detail, name="detail"),
    path("<int:pk>/edit/", views.offer_edit, name="edit"),
    path("import/", views.offer_import, name="import"),
    path("import/columns/", views.import_help, name="import-help"),
    path("import/template.<str:fmt>", views.template_download, name="template"),
    path("export.<str:fmt>", views.offer_export, name="export"),
    path("coverage/", views.coverage, name="coverage"),
    path("coverage/export.<str:fmt>", views.coverage_export, name="coverage-export"),
    path("stale/", views.stale, name="stale"),
    path("stale/request/", views.request_confirmation, name="request-confirmation"),
    path("contacts/", views.contact_list, name="contacts"),
    path("contacts/new/", views.contact_edit, name="contact-create"),
    path("contacts/<int:pk>/", views.contact_edit, name="contact-edit"),
]
