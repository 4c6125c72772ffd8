from django.urls import path

from lotse.appointments import views

app_name = "appointments"
urlpatterns = [
    path("", views.appointment_list, name="list"),
    path("new/", views.appointment_edit, name="add"),
    path("<int:pk>/", views.appointment_detail, name="detail"),
    path("<int:pk>/edit/", views.appointment_edit, name="edit"),
    path("<int:pk>/calendar.ics", views.appointment_ics, name="ics"),
    path("calendar.ics", views.calendar_ics, name="calendar-ics"),
    path("interpreters/", views.interpreter_list, name="interpreters"),
    path("interpreters/new/", views.interpreter_edit, name="interpreter-add"),
    path("interpreters/<int:pk>/", views.interpreter_edit, name="interpreter-edit"),
    path("case/<int:case_pk>/languages/", views.case_languages, name="case-languages"),
    path("case/<int:case_pk>/follow-ups/new/", views.follow_up_add, name="followup-add"),
    path("follow-ups/<int:pk>/", views.follow_up_detail, name="followup"),
]
