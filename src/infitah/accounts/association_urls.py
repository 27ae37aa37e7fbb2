from django.urls import path

from infitah.accounts import views

app_name = "associations"

urlpatterns = [
    path("", views.association_list, name="list"),
    path("register/", views.association_register, name="register"),
    path("<int:pk>/", views.association_detail, name="detail"),
]
