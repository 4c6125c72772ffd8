from django.urls import path

from lotse.cases import views

app_name = "cases"
urlpatterns = [
    path("<int:pk>/", views.case_detail, name="detail"),
    path("open/<int:client_pk>/", views.open_case, name="open"),
]
