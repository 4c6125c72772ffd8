from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("lotse.core.urls")),
    path("clients/", include("lotse.people.urls")),
    path("cases/", include("lotse.cases.urls")),
    path("audit/", include("lotse.audit.urls")),
    path("users/", include("lotse.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
