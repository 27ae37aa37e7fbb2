from django.urls import path

from infitah.bodies import views

app_name = "bodies"

urlpatterns = [
    path("", views.body_list, name="list"),
    path("<int:pk>/", views.body_detail, name="detail"),
    path("<int:pk>/opinions/new/", views.submit, name="submit"),
    path("opinions/<int:pk>/", views.opinion_detail, name="opinion"),
    path("opinions/<int:pk>/acknowledge/", views.acknowledge_view, name="acknowledge"),
    path("opinions/<int:pk>/answer/", views.answer_view, name="answer"),
    path("opinions/<int:pk>/commitments/", views.commitments_view, name="opinion_commitments"),
]
