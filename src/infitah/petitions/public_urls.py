"""The public side's addresses (namespace "petitions", see urls.py): the list and the statistics."""

from django.urls import path

from infitah.petitions import public_views

urlpatterns = [
    path("", public_views.petition_list, name="list"),
    path("statistics/", public_views.statistics_page, name="statistics"),
]
