"""The write side of co-monitoring (namespace "monitoring"): the names desk, committee, add_update and update are
the contract the public part links to."""

from django.urls import path

from infitah.monitoring import committee_views, views

app_name = "monitoring"

urlpatterns = [
    # The programs whose desk the person opens (linked from the signed-in menu of staff).
    path("desks/", views.desks, name="desks"),
    # A program's monitoring desk: updates due, contested updates to answer (staff), updates to review (co-monitors).
    path("desk/<int:program_pk>/", views.desk, name="desk"),
    path("desk/<int:program_pk>/committee/", committee_views.committee, name="committee"),
    path("desk/<int:program_pk>/committee/edit/", committee_views.committee_edit, name="edit_committee"),
    path("desk/<int:program_pk>/committee/members/add/", committee_views.member_edit, name="add_member"),
    path("desk/<int:program_pk>/committee/members/<int:pk>/", committee_views.member_edit, name="edit_member"),
    path(
        "desk/<int:program_pk>/committee/members/<int:pk>/remove/", committee_views.member_remove, name="remove_member"
    ),
    path("desk/<int:program_pk>/weights/", committee_views.weights, name="weights"),
    # ?milestone=<key> for a milestone's update.
    path("desk/<int:program_pk>/commitments/<uuid:commitment_key>/update/", views.add_update, name="add_update"),
    # One update, public: its evidence, reviews, contests and replies (forms for those who may act).
    path("updates/<int:pk>/", views.update_detail, name="update"),
    path("updates/<int:pk>/review/", views.review, name="review"),
    path("updates/<int:pk>/reply/", views.reply, name="reply"),
]
