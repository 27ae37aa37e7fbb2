from django.urls import path

from infitah.forum import views

app_name = "forum"

urlpatterns = [
    path("", views.index, name="index"),
    path("members/", views.members, name="members"),
    path("c/<slug:slug>/", views.category, name="category"),
    path("c/<slug:slug>/new/", views.new_thread, name="new_thread"),
    path("t/<int:pk>/", views.thread, name="thread"),
    path("t/<int:pk>/reply/", views.reply, name="reply"),
    path("t/<int:pk>/moderate/", views.moderate_thread, name="moderate_thread"),
    path("p/<int:pk>/", views.permalink, name="post"),
    path("<str:kind>/<int:pk>/edit/", views.edit, name="edit"),
]
