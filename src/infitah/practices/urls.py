"""Good practices (namespace "practices", under practices/). The names list, detail and submit are a contract
with the other apps."""

from django.urls import path

from infitah.practices import views

app_name = "practices"

urlpatterns = [
    path("", views.practice_list, name="list"),
    path("new/", views.practice_submit, name="submit"),
    path("desk/", views.desk, name="desk"),
    path("<int:pk>/", views.practice_detail, name="detail"),
    path("<int:pk>/edit/", views.practice_edit, name="edit"),
    path("<int:pk>/adopt/", views.practice_adopt, name="adopt"),
    path("<int:pk>/<slug:act>/", views.practice_act, name="act"),
]
