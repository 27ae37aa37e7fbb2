from django.urls import path

from infitah.participation.views import attachments, comments, engagement, moderation, notifications

app_name = "participation"

urlpatterns = [
    path("comments/<str:target>/<int:pk>/", comments.thread, name="comments"),
    path("comments/<int:pk>/edit/", comments.edit, name="edit_comment"),
    path("supports/<str:target>/<int:pk>/", engagement.support, name="support"),
    path("follows/<str:target>/<int:pk>/", engagement.follow, name="follow"),
    path("reports/<str:target>/<int:pk>/", moderation.report, name="report"),
    path("moderate/<str:target>/<int:pk>/", moderation.moderate, name="moderate"),
    path("moderation/", moderation.log, name="network_moderation_log"),
    path("moderation/<str:code>/", moderation.log, name="moderation_log"),
    path("notifications/", notifications.inbox, name="notifications"),
    path("notifications/read/", notifications.mark_read, name="mark_read"),
    path("notifications/<int:pk>/open/", notifications.open_notification, name="open_notification"),
    path("notifications/settings/", notifications.preferences, name="notification_settings"),
    path("attachments/<int:pk>/", attachments.download, name="download"),
    path("attachments/<str:target>/<int:pk>/", attachments.upload, name="attach"),
]
