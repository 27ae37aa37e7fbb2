"""The programs' back office: the draft (program, planned dates, axes, commitments, milestones) is edited here.

Phase changes, publishing and the council's adoption are not fields: they are explicit, confirmed and recorded
actions on their own pages, linked from the program's form. Published versions are shown read-only.
"""

from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import Role
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.core.admin import ScopedAdmin
from infitah.core.arabic import normalise
from infitah.core.permissions import can
from infitah.core.translation import tr
from infitah.programs.models import (
    Axis,
    Commitment,
    CouncilAdoption,
    Milestone,
    PhaseDates,
    PhaseTransition,
    Program,
    ProgramVersion,
)
from infitah.programs.phases import Phase
from infitah.programs.selectors import DRAFT_READERS

EDITORS = {Role.FOCAL_POINT, Role.EDITOR}


class DraftInline(admin.TabularInline):
    """Rows of the draft, editable by whoever may change the program they belong to."""

    extra = 0

    def has_view_permission(self, request, obj=None):
        return can(request.user, "programs.view_draft", obj)

    def has_change_permission(self, request, obj=None):
        return can(request.user, "programs.change_program", obj)

    def has_add_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)


class RecordInline(admin.TabularInline):
    """What was recorded (phase changes, adoptions): read by those who read the draft, never edited here."""

    extra = 0
    can_delete = False

    def has_view_permission(self, request, obj=None):
        return can(request.user, "programs.view_draft", obj)

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PhaseDatesInline(DraftInline):
    model = PhaseDates
    fields = ["phase", "planned_start", "planned_end"]
    verbose_name_plural = _("planned dates of the phases (the actual dates come from the phase changes)")


class AxisInline(DraftInline):
    model = Axis
    fields = ["order", "title", "description"]


class TransitionInline(RecordInline):
    model = PhaseTransition
    fields = readonly_fields = ("at", "from_phase", "to_phase", "by", "reason")


class AdoptionInline(RecordInline):
    model = CouncilAdoption
    fields = readonly_fields = (
        "version",
        "session_name",
        "adopted_on",
        "decision_number",
        "votes_for",
        "votes_against",
        "votes_abstain",
        "recorded_by",
    )


class ProgramScopedAdmin(ScopedAdmin):
    view_action = "programs.view_draft"
    change_action: str | None = "programs.change_program"
    add_action: str | None = "programs.change_program"
    delete_action: str | None = "programs.change_program"
    collectivity_path = "program__collectivity"

    def scope_queryset(self, request, queryset):
        if is_network_coordinator(request.user):
            return queryset
        where = collectivities_where(request.user, DRAFT_READERS)
        return queryset.filter(**{f"{self.collectivity_path}__in": where})


@admin.register(Program)
class ProgramAdmin(ProgramScopedAdmin):
    add_action = "programs.add_program"
    delete_action = "programs.delete_program"
    collectivity_path = "collectivity"
    list_display = ["display_title", "collectivity", "phase", "reference_version", "created_at"]
    list_filter = ["phase", "collectivity__kind"]
    list_select_related = ["collectivity", "reference_version"]
    search_fields = ["collectivity__search_key", "collectivity__code"]
    fields = ["collectivity", "title", "summary", "phase", "reference_version"]
    readonly_fields = ["phase", "reference_version"]
    # The phase, versions and adoption change only through their own confirmed pages, linked at the top.
    change_form_template = "admin/programs/program/change_form.html"
    inlines = [PhaseDatesInline, AxisInline, TransitionInline, AdoptionInline]

    @admin.display(description=_("title"))
    def display_title(self, obj):
        return tr(obj.title)

    def get_inlines(self, request, obj):
        # A new program has nothing recorded yet.
        return self.inlines if obj is not None else [PhaseDatesInline, AxisInline]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        program = self.get_object(request, object_id)
        links = []
        if program is not None:
            links.append((reverse("programs:detail", args=[program.pk]), _("Public page")))
            commitments = reverse("admin:programs_commitment_changelist") + f"?program__id__exact={program.pk}"
            links.append((commitments, _("Commitments and milestones")))
            for action, url_name, label in (
                ("programs.transition", "programs:transition", _("Change the phase")),
                ("programs.publish_version", "programs:publish", _("Publish a version")),
                ("programs.record_adoption", "programs:adopt", _("Record the council's adoption")),
            ):
                if can(request.user, action, program):
                    links.append((reverse(url_name, args=[program.pk]), label))
        extra_context = {**(extra_context or {}), "program_actions": links}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and not (request.user.is_superuser or is_network_coordinator(request.user)):
            fields.append("collectivity")  # a program does not move to another collectivity
        return fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "collectivity" and not request.user.is_superuser:
            field.queryset = field.queryset.filter(pk__in=collectivities_where(request.user, EDITORS))
        return field


class MilestoneInline(DraftInline):
    model = Milestone
    fields = ["order", "title", "due_date", "deliverable"]


@admin.register(Commitment)
class CommitmentAdmin(ProgramScopedAdmin):
    list_display = ["display_title", "program", "axis", "start_date", "end_date"]
    list_filter = ["program__phase", ("program", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["program__collectivity", "axis"]
    search_fields = ["search_key"]
    filter_horizontal = ["associations"]
    fieldsets = [
        (None, {"fields": ["axis", "order", "title", "principles"]}),
        (_("What and why"), {"fields": ["problem", "description", "activities"]}),
        (_("When"), {"fields": ["start_date", "end_date"]}),
        (_("Who"), {"fields": ["lead_unit", "associations", "other_actors"]}),
        (_("Results and means"), {"fields": ["expected_results", "indicators", "budget_estimate"]}),
        (_("Origin"), {"fields": ["credit"]}),
    ]
    readonly_fields = ["credit"]
    inlines = [MilestoneInline]

    @admin.display(description=_("title"))
    def display_title(self, obj):
        return tr(obj.title)

    @admin.display(description=_("adapted from"))
    def credit(self, obj):
        credit = obj.adapted_from_credit if obj else None
        if not credit:
            return "—"
        return format_html("{} — {}, {}", tr(credit["commitment"]), tr(credit["collectivity"]), tr(credit["program"]))

    def get_search_results(self, request, queryset, search_term):
        # The stored key is folded (core.arabic.normalise): fold the words typed too.
        return super().get_search_results(request, queryset, normalise(search_term))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "axis":
            axes = Axis.objects.select_related("program__collectivity").exclude(program__phase=Phase.CLOSED)
            if not request.user.is_superuser:
                axes = axes.filter(program__collectivity__in=collectivities_where(request.user, EDITORS))
            field.queryset = axes.order_by("program_id", "order", "pk")
            field.label_from_instance = lambda axis: f"{tr(axis.program.title)} — {tr(axis.title)}"
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "associations":
            field.queryset = field.queryset.filter(is_verified=True)
        return field


@admin.register(ProgramVersion)
class ProgramVersionAdmin(ProgramScopedAdmin):
    """Published versions, read-only: a version is frozen the moment it is published."""

    change_action = add_action = delete_action = None
    list_display = ["__str__", "program", "phase", "published_at", "published_by"]
    list_select_related = ["program__collectivity", "published_by"]
    fields = readonly_fields = ("program", "number", "phase", "published_at", "published_by", "note", "public_page")

    @admin.display(description=_("public page"))
    def public_page(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("Open the published version"))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST":
            messages.error(
                request, _("A published version cannot be changed: edit the draft and publish a new version.")
            )
            return redirect(request.path)
        return super().change_view(request, object_id, form_url, extra_context)
