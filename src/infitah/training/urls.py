from django.urls import path

from infitah.training import organiser_views, views

app_name = "training"

urlpatterns = [
    path("", views.course_list, name="list"),
    path("capacity/", views.capacity_table, name="capacity"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("<int:pk>/", views.course_detail, name="detail"),
    path("<int:pk>/enrol/", views.enrol, name="enrol"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/certificate/<str:language>/", views.certificate, name="certificate"),
    path("<int:pk>/participants/", organiser_views.participants, name="participants"),
    path("<int:pk>/participants/confirm/", organiser_views.confirm_completions, name="confirm"),
    path(
        "<int:pk>/participants/<int:enrolment_pk>/complete/",
        organiser_views.complete_by_hand,
        name="complete_by_hand",
    ),
    path("<int:pk>/sessions/", organiser_views.sessions, name="sessions"),
    path("<int:pk>/sessions/<int:session_pk>/detach/", organiser_views.detach_session, name="detach_session"),
]
