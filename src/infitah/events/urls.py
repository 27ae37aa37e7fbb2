from django.urls import path

from infitah.events import actions, agenda_views, findings, views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("calendar/<int:year>/<int:month>/", views.calendar_month, name="calendar"),
    path("feed.ics", views.feed_ics, name="feed_ics"),
    path("feed.atom", views.feed_atom, name="feed_atom"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/register/", actions.register_view, name="register"),
    path("<int:pk>/cancel/", actions.cancel_view, name="cancel"),
    path("<int:pk>/attendance/", actions.attendance, name="attendance"),
    path("<int:pk>/attendance/statistics/", actions.attendance_stats, name="stats"),
    path("<int:pk>/certificate/<str:language>/", actions.certificate, name="certificate"),
    path("<int:pk>/minutes/", actions.minutes, name="minutes"),
    path("<int:pk>/minutes/review/", actions.review_minutes, name="review_minutes"),
    path("<int:pk>/agenda/", agenda_views.agenda, name="agenda"),
    path("<int:pk>/agenda/new/", agenda_views.edit_item, name="add_agenda_item"),
    path("<int:pk>/agenda/<int:item_pk>/", agenda_views.edit_item, name="edit_agenda_item"),
    path("<int:pk>/agenda/<int:item_pk>/delete/", agenda_views.delete_item, name="delete_agenda_item"),
    path("<int:pk>/findings/", findings.findings, name="findings"),
    path("<int:pk>/findings/new/", findings.edit_finding, name="add_finding"),
    path("<int:pk>/findings/<int:finding_pk>/", findings.edit_finding, name="edit_finding"),
    path("<int:pk>/findings/<int:finding_pk>/delete/", findings.delete_finding, name="delete_finding"),
    path("materials/<int:pk>/", actions.material, name="material"),
]
