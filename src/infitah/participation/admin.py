"""Read-only back-office views of the audit log, the reports and the comments, scoped by collectivity.

Moderation itself happens on the public pages (hide with a reason), so that it is logged the same way
wherever it is done; the back office is for reading.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.core.admin import ScopedAdmin
from infitah.participation.models import AuditLogEntry, Comment, Report


class ReadOnlyScopedAdmin(ScopedAdmin):
    def scope_queryset(self, request, queryset):
        if is_network_coordinator(request.user):
            return queryset
        return queryset.filter(collectivity__in=collectivities_where(request.user, STAFF_ROLES))

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(ReadOnlyScopedAdmin):
    view_action = "participation.view_audit"
    list_display = ["created_at", "actor_repr", "action", "target_repr", "collectivity"]
    list_filter = ["action"]
    list_select_related = ["collectivity"]
    search_fields = ["actor_repr", "target_repr", "action"]
    date_hierarchy = "created_at"
    fields = (
        "created_at",
        "actor_repr",
        "action",
        "content_type",
        "object_id",
        "target_repr",
        "collectivity",
        "changes",
    )
    readonly_fields = fields


@admin.register(Report)
class ReportAdmin(ReadOnlyScopedAdmin):
    view_action = "participation.moderate"
    list_display = ["created_at", "reason", "content_type", "collectivity", "resolved_at", "moderate_link"]
    list_filter = ["reason", ("resolved_at", admin.EmptyFieldListFilter)]
    list_select_related = ["collectivity", "content_type"]
    fields = ("created_at", "reason", "details", "content_type", "object_id", "collectivity", "resolved_at")
    readonly_fields = fields

    @admin.display(description=_("moderate"))
    def moderate_link(self, report):
        label = f"{report.content_type.app_label}.{report.content_type.model}"
        url = reverse("participation:moderate", args=[label, report.object_id])
        return format_html('<a href="{}">{}</a>', url, pgettext("link", "Open"))


@admin.register(Comment)
class CommentAdmin(ReadOnlyScopedAdmin):
    view_action = "participation.moderate"
    list_display = ["created_at", "author", "__str__", "is_hidden", "collectivity"]
    list_filter = ["is_hidden"]
    list_select_related = ["author", "collectivity"]
    search_fields = ["body"]
    fields = (
        "created_at",
        "author",
        "body",
        "content_type",
        "object_id",
        "collectivity",
        "is_hidden",
        "hidden_category",
        "hidden_reason",
        "hidden_at",
    )
    readonly_fields = fields
