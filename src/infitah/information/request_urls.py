"""Addresses of the request part of access to information (see urls.py for the shared names)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
