"""Addresses of the request part of access to information (see urls.py for the shared names)."""

from django.urls import URLPattern, path

from infitah.information import officer_views, request_views

urlpatterns: list[URLPattern] = [
    # ?to=<collectivity code> chooses the collectivity in advance.
    path("requests/new/", request_views.file, name="file"),
    path("requests/mine/", request_views.mine, name="mine"),
    # ?collectivity=<code> for an officer of several collectivities.
    path("queue/", officer_views.queue_page, name="queue"),
    path("requests/<str:reference>/", request_views.request_detail, name="request"),
    path("requests/<str:reference>/filed/", request_views.filed, name="filed"),
    path("requests/<str:reference>/clarify/", request_views.clarify, name="clarify"),
    path("requests/<str:reference>/withdraw/", request_views.withdraw, name="withdraw"),
    path("requests/<str:reference>/complain/", request_views.complain, name="complain"),
    path("requests/<str:reference>/visibility/", request_views.visibility, name="visibility"),
    path("requests/<str:reference>/act/", officer_views.act, name="act"),
    path("requests/<str:reference>/note/", officer_views.note, name="note"),
    path("requests/<str:reference>/complaint_decision/", officer_views.complaint_decision, name="complaint_decision"),
    path("requests/<str:reference>/cdai_referral/", officer_views.cdai_referral, name="cdai_referral"),
]
