from django.urls import path

from lotse.letters import views

app_name = "letters"
urlpatterns = [
    path("<int:case_pk>/<slug:kind>/", views.letter, name="letter"),
]
