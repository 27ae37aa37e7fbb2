"""Co-evaluation's pages (namespace "evaluation"); the openness index has its own (index_urls.py)."""

from django.urls import path

from infitah.evaluation import framework_views, record_views, views

app_name = "evaluation"

urlpatterns = [
    path("frameworks/", framework_views.framework_list, name="frameworks"),
    path("frameworks/new/", framework_views.new_version, name="new_framework"),
    path("frameworks/<int:version>/", framework_views.framework_detail, name="framework"),
    path("frameworks/<int:version>/texts/", framework_views.edit_texts, name="framework_texts"),
    path("frameworks/<int:version>/status/", framework_views.change_status, name="framework_status"),
    path("frameworks/<int:version>/indicators/new/", framework_views.edit_indicator, name="add_indicator"),
    path("frameworks/<int:version>/indicators/<int:pk>/", framework_views.edit_indicator, name="edit_indicator"),
    path("campaigns/", views.campaign_list, name="campaigns"),
    path("campaigns/new/", views.new_campaign, name="new_campaign"),
    path("campaigns/<int:pk>/", views.campaign_detail, name="campaign"),
    path("campaigns/<int:pk>/reconcile/<int:indicator_pk>/", views.reconcile, name="reconcile"),
    path("campaigns/<int:pk>/findings/new/", record_views.add_finding, name="add_finding"),
    path("campaigns/<int:pk>/commitments/<uuid:key>/", record_views.assess_commitment, name="assess_commitment"),
    # party: "self" or "independent"
    path("campaigns/<int:pk>/<str:party>/", views.assessment_detail, name="assessment"),
    path("campaigns/<int:pk>/<str:party>/submit/", views.submit, name="submit"),
    path("campaigns/<int:pk>/<str:party>/<int:indicator_pk>/", views.edit_score, name="score"),
]
