from django.urls import path

from lotse.barriers import views

app_name = "barriers"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("report/<int:case_pk>/", views.report, name="report"),
]
