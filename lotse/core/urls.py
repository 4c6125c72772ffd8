from django.urls import path

from lotse.core import settings_views, views

app_name = "core"
urlpatterns = [
    path("", views.start, name="start"),
    path("todo/", views.todo, name="todo"),
    path("settings/", settings_views.index, name="settings"),
    path("settings/<slug:kind>/", settings_views.item_list, name="settings-list"),
    path("settings/<slug:kind>/new/", settings_views.item_edit, name="settings-add"),
    path("settings/<slug:kind>/<int:pk>/", settings_views.item_edit, name="settings-edit"),
    path("healthz", views.healthz, name="healthz"),
]
