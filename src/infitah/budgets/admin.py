"""Budgets in the back office: read-only, scoped to the staff's collectivities (a budget is written by importing a
file and published on the site, where every row is checked)."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.roles import collectivities_where
from infitah.budgets.models import Budget, BudgetLine
from infitah.core.admin import ScopedAdmin


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    fields = readonly_fields = ("section", "direction", "chapter_code", "label_ar", "label_fr", "planned", "executed")
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Budget)
class BudgetAdmin(ScopedAdmin):
    view_action = "budgets.manage_budget"
    list_display = ["__str__", "collectivity", "year", "status", "published_at", "is_illustrative"]
    list_filter = ["status", "year", "is_illustrative"]
    list_select_related = ["collectivity"]
    search_fields = ["collectivity__code"]
    readonly_fields = (
        "collectivity",
        "year",
        "status",
        "source_note",
        "republication_note",
        "is_illustrative",
        "published_at",
        "site_page",
    )
    fields = readonly_fields
    inlines = [BudgetLineInline]

    def scope_queryset(self, request, queryset):
        return queryset.filter(collectivity__in=collectivities_where(request.user, STAFF_ROLES))

    @admin.display(description=_("its page (import and publish there)"))
    def site_page(self, obj):
        url = reverse("budgets:manage", args=[obj.collectivity.code])
        return format_html('<a href="{}">{}</a>', url, url)
