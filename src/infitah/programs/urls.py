from django.urls import path

from infitah.programs import actions, drafting, views

app_name = "programs"

urlpatterns = [
    path("", views.program_list, name="list"),
    path("of/<str:code>/", views.program_list, name="list_of"),
    path("commitments/", views.library, name="library"),
    path("commitments/<int:pk>/", views.commitment_detail, name="commitment"),
    path("commitments/<int:pk>/copy/", actions.copy, name="copy"),
    path("<int:pk>/", views.program_detail, name="detail"),
    path("<int:pk>/versions/", views.version_list, name="versions"),
    path("<int:pk>/versions/<int:number>/", views.version_detail, name="version"),
    path("<int:pk>/compare/", views.compare, name="compare"),
    path("<int:pk>/phase/", actions.change_phase, name="transition"),
    path("<int:pk>/publish/", actions.publish, name="publish"),
    path("<int:pk>/adopt/", actions.adopt, name="adopt"),
    path("<int:pk>/draft/", drafting.draft, name="draft"),
    path("<int:pk>/draft/axes/new/", drafting.edit_axis, name="add_axis"),
    path("<int:pk>/draft/axes/<int:axis_pk>/", drafting.edit_axis, name="edit_axis"),
    path("<int:pk>/draft/axes/<int:axis_pk>/commitments/new/", drafting.edit_commitment, name="add_commitment"),
    path("<int:pk>/draft/commitments/<int:commitment_pk>/", drafting.edit_commitment, name="edit_commitment"),
    path("<int:pk>/draft/axes/<int:item_pk>/delete/", drafting.delete_draft_item, {"kind": "axis"}, name="delete_axis"),
    path(
        "<int:pk>/draft/commitments/<int:item_pk>/delete/",
        drafting.delete_draft_item,
        {"kind": "commitment"},
        name="delete_commitment",
    ),
]
