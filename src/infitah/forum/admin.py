"""The forum's back office: the network coordinators manage the categories (translated name and description,
slug, order, members only). Threads and replies are moderated on their pages (hide, lock, pin), where the
moderation log records it."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from infitah.accounts.roles import is_network_coordinator
from infitah.core.admin import ScopedAdmin
from infitah.core.translation import tr
from infitah.forum.models import Category


@admin.register(Category)
class CategoryAdmin(ScopedAdmin):
    view_action = change_action = add_action = delete_action = "forum.moderate"
    list_display = ["display_name", "slug", "order", "members_only"]
    list_editable = ["order"]
    list_filter = ["members_only"]
    search_fields = ["slug"]

    def scope_queryset(self, request, queryset):
        return queryset if is_network_coordinator(request.user) else queryset.none()

    @admin.display(description=_("name"))
    def display_name(self, obj):
        return tr(obj.name)
