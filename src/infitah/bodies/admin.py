"""The bodies' back office: a body with its members (inline), and its opinions, read-only.

Acknowledging an opinion and recording the council's answer are explicit acts on the opinion's public page (with
a confirmation, the notification of the member and the audit log), not fields edited here.
"""

from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.bodies.models import SINGLE_SEAT_ROLES, AdvisoryBody, BodyMember, Opinion, bureau_role_taken
from infitah.core.admin import ScopedAdmin
from infitah.core.permissions import can


def _scoped(request, queryset, path="collectivity"):
    if is_network_coordinator(request.user):
        return queryset
    return queryset.filter(**{f"{path}__in": collectivities_where(request.user, STAFF_ROLES)})


class BodyMemberFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE") or data.get("left_on"):
                continue
            role = data.get("bureau_role")
            if role in SINGLE_SEAT_ROLES:
                if role in seen:
                    form.add_error("bureau_role", bureau_role_taken(role))
                seen.add(role)


class BodyMemberInline(admin.TabularInline):
    model = BodyMember
    formset = BodyMemberFormSet
    extra = 0
    fields = ["user", "full_name", "seat_type", "association", "bureau_role", "gender", "joined_on", "left_on"]
    autocomplete_fields = ["association"]
    raw_id_fields = ["user"]

    def has_view_permission(self, request, obj=None):
        return can(request.user, "territories.view_collectivity_backoffice", obj)

    def has_change_permission(self, request, obj=None):
        return can(request.user, "bodies.manage_members", obj)

    def has_add_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)


@admin.register(AdvisoryBody)
class AdvisoryBodyAdmin(ScopedAdmin):
    view_action = "territories.view_collectivity_backoffice"
    change_action = add_action = delete_action = "territories.change_collectivity"
    list_display = ["__str__", "collectivity", "kind", "legal_basis", "mandate_start", "mandate_end"]
    list_filter = ["kind"]
    list_select_related = ["collectivity"]
    autocomplete_fields = ["collectivity"]
    inlines = [BodyMemberInline]
    fields = [
        "collectivity",
        "kind",
        "name",
        "legal_basis",
        "description",
        ("mandate_start", "mandate_end"),
        "rules_of_procedure",
    ]

    def scope_queryset(self, request, queryset):
        return _scoped(request, queryset)

    def get_inline_instances(self, request, obj=None):
        # A form posted without the members' rows (a script changing only the body's fields) leaves the members
        # as they are instead of failing on the missing rows.
        if request.method == "POST" and "members-TOTAL_FORMS" not in request.POST:
            return []
        return super().get_inline_instances(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if (
            db_field.name == "collectivity"
            and not request.user.is_superuser
            and not is_network_coordinator(request.user)
        ):
            field.queryset = field.queryset.filter(pk__in=collectivities_where(request.user, STAFF_ROLES))
        return field


@admin.register(Opinion)
class OpinionAdmin(ScopedAdmin):
    view_action = "territories.view_collectivity_backoffice"
    list_display = ["__str__", "body", "kind", "status", "submitted_at", "due_on", "answered_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["body__collectivity"]
    date_hierarchy = "submitted_at"
    readonly_fields = [
        "body",
        "kind",
        "title",
        "text",
        "member_name",
        "submitted_at",
        "response_days",
        "due_on",
        "status",
        "acknowledged_at",
        "response",
        "council_session",
        "answered_at",
        "public_page",
    ]
    fields = readonly_fields

    def scope_queryset(self, request, queryset):
        return _scoped(request, queryset, "body__collectivity")

    @admin.display(description=_("public page (acknowledge and answer there)"))
    def public_page(self, obj):
        url = reverse("bodies:opinion", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, url)
