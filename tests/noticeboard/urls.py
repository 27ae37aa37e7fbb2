from django.urls import path

from tests.noticeboard import views

app_name = "noticeboard"

urlpatterns = [
    path("", views.notice_list, name="list"),
    path("<int:pk>/", views.notice_detail, name="notice"),
]
