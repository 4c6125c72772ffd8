from django.urls import path

from . import views

app_name = "naturalisation"
urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("export.csv", views.export, name="export"),
    path("applications/", views.application_list, name="applications"),
    path("applications/new/", views.application_create, name="application-create"),
    path("applications/<int:pk>/", views.application_detail, name="application"),
    path("applications/<int:pk>/step/", views.application_step, name="application-step"),
    path("applications/<int:pk>/client/", views.application_client, name="application-client"),
    path("applications/<int:pk>/letter/<str:kind>.pdf", views.letter, name="letter"),
    path("settings/", views.settings_view, name="settings"),
    path("campaigns/", views.campaign_list, name="campaigns"),
    path("campaigns/<int:pk>/", views.campaign_detail, name="campaign"),
    path("campaigns/<int:pk>/import/", views.campaign_import, name="campaign-import"),
    path("campaigns/<int:pk>/letters.pdf", views.campaign_letters, name="campaign-letters"),
    path(
        "campaigns/<int:pk>/entries/<int:entry_pk>/response/",
        views.campaign_response,
        name="campaign-response",
    ),
    path("campaigns/<int:pk>/slots/", views.campaign_slot, name="campaign-slot"),
    path("campaigns/<int:pk>/slots/<int:slot_pk>/book/", views.slot_book, name="slot-book"),
    path("campaigns/<int:pk>/end/", views.campaign_end, name="campaign-end"),
]
