from django.urls import path

from lotse.conferences import views

app_name = "conferences"
urlpatterns = [
    path("<int:pk>/", views.conference_detail, name="detail"),
    path("<int:pk>/notes/", views.note_add, name="note-add"),
    path("<int:pk>/end/", views.conference_end, name="end"),
    path("case/<int:case_pk>/new/", views.conference_create, name="create"),
]
