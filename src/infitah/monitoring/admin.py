"""Co-monitoring in the back office: the progress updates of the staff's collectivities, read-only.

Writing, reviewing and answering are explicit acts on the site (the desk and the update's page, with their checks,
notifications and audit log), not fields edited here.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.core.admin import ScopedAdmin
from infitah.monitoring.models import ProgressUpdate


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(ScopedAdmin):
    view_action = "territories.view_collectivity_backoffice"
    list_display = ["__str__", "program", "completion", "review_state", "author", "created_at"]
    list_filter = ["review_state", "completion"]
    list_select_related = ["program", "author"]
    date_hierarchy = "as_of"
    readonly_fields = (
        "program",
        "commitment_key",
        "milestone_key",
        "as_of",
        "completion",
        "percent",
        "narrative",
        "decrease_reason",
        "evidence_links",
        "author",
        "review_state",
        "created_at",
        "public_page",
    )
    fields = readonly_fields

    def scope_queryset(self, request, queryset):
        if is_network_coordinator(request.user):
            return queryset
        return queryset.filter(program__collectivity__in=collectivities_where(request.user, STAFF_ROLES))

    @admin.display(description=_("public page (review and answer there)"))
    def public_page(self, obj):
        url = reverse("monitoring:update", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, url)
