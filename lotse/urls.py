from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("lotse.core.urls")),
    path("clients/", include("lotse.people.urls")),
    path("cases/", include("lotse.cases.urls")),
    path("contacts/", include("lotse.contacts.urls")),
    path("appointments/", include("lotse.appointments.urls")),
    path("consents/", include("lotse.consents.urls")),
    path("offers/", include("lotse.directory.urls")),
    path("directory/", include("lotse.directory.public_urls")),
    path("referrals/", include("lotse.referrals.urls")),
    path("documents/", include("lotse.documents.urls")),
    path("letters/", include("lotse.letters.urls")),
    path("conferences/", include("lotse.conferences.urls")),
    path("barriers/", include("lotse.barriers.urls")),
    path("caseload/", include("lotse.caseload.urls")),
    path("residence/", include("lotse.residence.urls")),
    path("naturalisation/", include("lotse.naturalisation.urls")),
    path("audit/", include("lotse.audit.urls")),
    path("users/", include("lotse.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
