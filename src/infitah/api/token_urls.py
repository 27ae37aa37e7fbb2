from django.urls import path

from infitah.api import token_views

app_name = "api"

urlpatterns = [
    path("", token_views.token_list, name="tokens"),
    path("<int:pk>/revoke/", token_views.revoke, name="revoke_token"),
]
