from django.urls import path

from lotse.contacts import views

app_name = "contacts"
urlpatterns = [
    path("case/<int:case_pk>/", views.contact_list, name="list"),
    path("case/<int:case_pk>/new/", views.contact_add, name="add"),
]
