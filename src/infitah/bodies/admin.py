"""The bodies' back office: a body with its members (inline), and its opinions, read-only.

Acknowledging an opinion and recording the council's answer are explicit acts on the opinion's public page (with
a confirmation, the notification of the member and the audit log), not fields edited here.
"""

from django.contrib import admin
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from infitah.accounts import links
from infitah.accounts.admin import ASSOCIATION_NOT_LINKED, NOT_LINKED, association_chooser, people_chooser
from infitah.accounts.models import STAFF_ROLES, Association, User
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.bodies.models import SINGLE_SEAT_ROLES, AdvisoryBody, BodyMember, Opinion, bureau_role_taken
from infitah.core.admin import ScopedAdmin
from infitah.core.permissions import can


def _scoped(request, queryset, path="collectivity"):
    if is_network_coordinator(request.user):
        return queryset
    return queryset.filter(**{f"{path}__in": collectivities_where(request.user, STAFF_ROLES)})


class BodyMemberFormSet(BaseInlineFormSet):
    """A body's members. A person or an association newly named on the body (whose names then become public)
    must belong to the body's collectivity or have accepted its invitation; the refusal names no one."""

    request = None

    def clean(self):
        super().clean()
        self._check_consent()
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

    def _check_consent(self):
        if self.request is None or self.request.user.is_superuser:
            return
        collectivity_id = self.instance.collectivity_id
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            user, association = data.get("user"), data.get("association")
            if user and "user" in form.changed_data and not links.is_linked(user.pk, collectivity_id):
                form.add_error("user", NOT_LINKED)
            if (
                association
                and "association" in form.changed_data
                and not links.association_is_linked(association.pk, collectivity_id)
            ):
                form.add_error("association", ASSOCIATION_NOT_LINKED)


class BodyMemberInline(admin.TabularInline):
    model = BodyMember
    formset = BodyMemberFormSet
    extra = 0
    fields = ["user", "full_name", "seat_type", "association", "bureau_role", "gender", "joined_on", "left_on"]
    autocomplete_fields = ["user", "association"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset = type(formset.__name__, (formset,), {"request": request})
        if not request.user.is_superuser:
            # The choices: people and associations linked to the body's collectivity (to the staff's own, for a
            # new body); the formset checks the collectivity the body is saved in.
            fields = formset.form.base_fields
            if obj is not None:
                # Those already seated stay valid choices, so the body's form saves as it was.
                people = User.objects.filter(
                    Q(pk__in=links.people_linked_to({obj.collectivity_id}).values("pk")) | Q(body_seats__body=obj)
                ).distinct()
                associations = Association.objects.filter(
                    Q(pk__in=links.associations_linked_to({obj.collectivity_id}).values("pk")) | Q(body_seats__body=obj)
                ).distinct()
            else:
                people = links.people_choosable_by(request.user)
                associations = links.associations_choosable_by(request.user)
            people_chooser(fields["user"], people)
            association_chooser(fields["association"], associations)
        return formset

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
    readonly_fields = (
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
    )
    fields = readonly_fields

    def scope_queryset(self, request, queryset):
        return _scoped(request, queryset, "body__collectivity")

    @admin.display(description=_("public page (acknowledge and answer there)"))
    def public_page(self, obj):
        url = reverse("bodies:opinion", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, url)
