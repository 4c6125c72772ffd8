from django.urls import path

from lotse.people import views

app_name = "people"
urlpatterns = [
    path("", views.client_list, name="list"),
    path("<int:pk>/", views.client_detail, name="detail"),
]
