from django.urls import path

from infitah.accounts import views

app_name = "accounts"

urlpatterns = [
    path("home/", views.home, name="home"),
    path("profile/", views.profile, name="profile"),
]
