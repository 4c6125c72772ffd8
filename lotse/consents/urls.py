from django.urls import path

from lotse.consents import views

app_name = "consents"
urlpatterns = [
    path("case/<int:case_pk>/new/", views.consent_create, name="create"),
    path("<int:pk>/withdraw/", views.consent_withdraw, name="withdraw"),
    path("<int:pk>/form.pdf", views.consent_pdf, name="pdf"),
]
