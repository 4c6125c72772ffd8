from django.urls import path

from lotse.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.user_list, name="list"),
    path("new/", views.user_create, name="create"),
    path("<int:pk>/", views.user_edit, name="edit"),
    path("organisations/", views.organisation_list, name="organisations"),
    path("organisations/new/", views.organisation_create, name="organisation-create"),
    path("organisations/<int:pk>/", views.organisation_edit, name="organisation-edit"),
    path(
        "organisations/<int:organisation_pk>/locations/new/",
        views.location_create,
        name="location-create",
    ),
    path("locations/<int:pk>/", views.location_edit, name="location-edit"),
]
