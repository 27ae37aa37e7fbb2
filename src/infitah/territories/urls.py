from django.urls import path

from infitah.territories import views

app_name = "territories"

urlpatterns = [
    path("", views.network, name="network"),
    path("members/<str:code>/", views.member, name="member"),
    path("members/<str:code>/contact/", views.contact, name="contact"),
    path("charter/", views.charter, name="charter"),
]
