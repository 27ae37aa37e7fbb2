"""The news back office, scoped like the news desk: staff see and change their collectivity's news, the network
coordinators the network's. Images are uploaded on the news desk (where they are checked), not here."""

from django import forms
from django.contrib import admin
from django.db import models

from infitah.accounts.roles import collectivities_where
from infitah.core.admin import ScopedAdmin
from infitah.news import selectors
from infitah.news.models import NewsItem, WeeklyDigestLog
from infitah.news.rules import WRITERS
from infitah.territories.models import Collectivity


@admin.register(NewsItem)
class NewsItemAdmin(ScopedAdmin):
    change_action = add_action = delete_action = "news.manage"
    list_display = ["__str__", "collectivity", "status", "published_at", "is_illustrative"]
    list_filter = ["status", "is_illustrative"]
    date_hierarchy = "published_at"
    readonly_fields = ["image", "image_type", "author", "notified_at", "created_at", "updated_at"]
    search_fields = ["title", "summary"]
    formfield_overrides = {models.URLField: {"form_class": forms.URLField, "assume_scheme": "https"}}

    def scope_queryset(self, request, queryset):
        return queryset.filter(pk__in=selectors.manageable(request.user).values("pk"))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "collectivity" and not request.user.is_superuser:
            kwargs["queryset"] = Collectivity.objects.filter(pk__in=collectivities_where(request.user, WRITERS))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(WeeklyDigestLog)
class WeeklyDigestLogAdmin(admin.ModelAdmin):
    """Platform administrators only: who got which week's digest (nothing of its content)."""

    list_display = ["user", "iso_year", "iso_week", "sent_at", "notification_count", "news_count"]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return False

    has_add_permission = has_delete_permission = has_change_permission
