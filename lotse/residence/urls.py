from django.urls import path

from . import views

app_name = "residence"
urlpatterns = [
    path("", views.index, name="index"),
    path("precheck/<str:check>/", views.precheck, name="precheck"),
    path("precheck/<str:check>/client/<int:pk>/consent/", views.consent, name="consent"),
]
