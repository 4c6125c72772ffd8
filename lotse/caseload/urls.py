from django.urls import path

from lotse.caseload import views

app_name = "caseload"
urlpatterns = [
    path("", views.overview, name="overview"),
]
