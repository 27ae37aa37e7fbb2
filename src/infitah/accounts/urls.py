from django.urls import path

from infitah.accounts import views

app_name = "accounts"

urlpatterns = [
    path("home/", views.home, name="home"),
    path("profile/", views.profile, name="profile"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("profile/my-data.json", views.download_my_data, name="my_data"),
    path("profile/delete/", views.delete_account, name="delete"),
    path("privacy/", views.privacy, name="privacy"),
]
