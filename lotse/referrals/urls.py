from django.urls import path

from lotse.referrals import views

app_name = "referrals"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("network/", views.network, name="network"),
    path("network/export.csv", views.network_export, name="network-export"),
    path("<int:pk>/", views.incoming_detail, name="incoming"),
    path("<int:pk>/answer/", views.incoming_answer, name="answer"),
    path("<int:pk>/send/", views.referral_send, name="send"),
    path("case/<int:case_pk>/new/", views.referral_create, name="create"),
    path("case/<int:case_pk>/offers/", views.offer_options, name="offers"),
]
