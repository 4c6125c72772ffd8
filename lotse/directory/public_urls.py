from django.urls import path

from lotse.directory import public_views

app_name = "public_directory"
urlpatterns = [
    path("", public_views.index, name="index"),
    path("confirm/<str:token>/", public_views.confirm, name="confirm"),
    path("<slug:slug>/", public_views.municipality_directory, name="municipality"),
]
