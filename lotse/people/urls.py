from django.urls import path

from lotse.people import views

app_name = "people"
urlpatterns = [
    path("", views.client_list, name="list"),
    path("new/", views.client_create, name="create"),
    path("import/", views.client_import, name="import"),
    path("import/review/", views.client_import_review, name="import-review"),
    path("import/template.csv", views.client_import_template, name="import-template"),
    path("<int:pk>/", views.client_detail, name="detail"),
    path("<int:pk>/edit/", views.client_edit, name="edit"),
    path("<int:pk>/household/", views.household_add, name="household-add"),
    path(
        "<int:pk>/household/<int:entry>/remove/",
        views.household_remove,
        name="household-remove",
    ),
    path("duplicates/", views.duplicate_scan, name="duplicates"),
    path("duplicates/scan/", views.duplicate_scan_start, name="duplicate-scan-start"),
    path("duplicates/<int:first>/<int:second>/", views.merge, name="merge"),
    path(
        "duplicates/<int:first>/<int:second>/distinct/",
        views.not_duplicate,
        name="not-duplicate",
    ),
    path(
        "duplicates/<int:first>/<int:second>/distinct/undo/",
        views.not_duplicate_undo,
        name="not-duplicate-undo",
    ),
    path("merges/<int:pk>/undo/", views.merge_undo, name="merge-undo"),
]
