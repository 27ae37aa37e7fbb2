from django.urls import path

from infitah.council import staff_views, views

app_name = "council"

urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("sessions.ics", views.ical, name="ical"),
    path("decisions.atom", views.feed, name="feed"),
    path("members/<str:code>/", views.member_sessions, name="member_sessions"),
    path("members/<str:code>/new/", staff_views.session_form, name="add_session"),
    path("sessions/<int:pk>/", views.session, name="session"),
    path("sessions/<int:pk>/edit/", staff_views.session_form, name="edit_session"),
    path("sessions/<int:session_pk>/points/new/", staff_views.point_form, name="add_point"),
    path("points/<int:pk>/edit/", staff_views.point_form, name="edit_point"),
    path("sessions/<int:session_pk>/decisions/new/", staff_views.decision_form, name="add_decision"),
    path("decisions/<int:pk>/", views.decision, name="decision"),
    path("decisions/<int:pk>/edit/", staff_views.decision_form, name="edit_decision"),
]
