from django.urls import path

from infitah.programs import actions, views

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
]
