from django.urls import path

from lotse.cases import views

app_name = "cases"
urlpatterns = [
    path("<int:pk>/", views.case_detail, name="detail"),
    path("open/<int:client_pk>/", views.open_case, name="open"),
    path("<int:pk>/step/", views.transition, name="transition"),
    path("<int:pk>/edit/", views.case_edit, name="edit"),
    path("<int:pk>/assessments/new/", views.assessment_add, name="assessment-add"),
    path("assessments/<int:pk>/", views.assessment_detail, name="assessment"),
    path("<int:pk>/goal-agreements/new/", views.agreement_add, name="agreement-add"),
    path("goal-agreements/<int:pk>/", views.agreement_detail, name="agreement"),
    path("goal-agreements/<int:pk>/pdf/", views.agreement_pdf, name="agreement-pdf"),
    path("goals/<int:pk>/review/", views.goal_review, name="goal-review"),
    path("approvals/<int:pk>/", views.approval_decide, name="approval"),
    path("<int:pk>/handover/", views.handover, name="handover"),
    path("<int:pk>/transfer/", views.transfer, name="transfer"),
    path("transfers/<int:pk>/", views.transfer_decide, name="transfer-decide"),
]
