from django.urls import path

from lotse.documents import views

app_name = "documents"
urlpatterns = [
    path("case/<int:case_pk>/upload/", views.upload, name="upload"),
    path("<int:pk>/download/", views.download, name="download"),
    path("<int:pk>/delete/", views.delete, name="delete"),
]
