"""Addresses of the publication part of access to information (see urls.py for the shared names)."""

from django.urls import URLPattern, path

from infitah.information import publication_views

urlpatterns: list[URLPattern] = [
    path("publication/", publication_views.catalogue, name="catalogue"),
    path("publication/entries/<int:pk>/edit/", publication_views.edit_entry, name="edit_entry"),
    path("publication/entries/<int:pk>/delete/", publication_views.delete, name="delete_entry"),
    path("publication/<str:code>/", publication_views.member_catalogue, name="member_catalogue"),
    path("publication/<str:code>/add/", publication_views.add_entry, name="add_entry"),
]
