"""Resources (namespace "resources", under resources/). The names list and detail are a contract with the other
apps."""

from django.urls import path

from infitah.resources import views

app_name = "resources"

urlpatterns = [
    path("", views.resource_list, name="list"),
    path("new/", views.resource_new, name="new"),
    path("<int:pk>/", views.resource_detail, name="detail"),
    path("<int:pk>/version/", views.version_new, name="new_version"),
    path("files/<int:pk>/", views.download, name="download"),
]
