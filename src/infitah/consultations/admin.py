"""The consultations' back office, scoped to the staff's collectivities. Answers are given on the public
answering page (with its checks and notifications); here they are read, and the consultation's settings edited."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.consultations.models import Consultation, Contribution, ContributionRevision, Response
from infitah.consultations.rules import EDITORS
from infitah.core.admin import ScopedAdmin
from infitah.core.permissions import can
from infitah.core.translation import tr
from infitah.programs.models import Program, ProgramVersion
from infitah.programs.phases import Phase


class ConsultationScopedAdmin(ScopedAdmin):
    view_action = "consultations.view_backoffice"
    collectivity_path = "collectivity"

    def scope_queryset(self, request, queryset):
        if is_network_coordinator(request.user):
            return queryset
        where = collectivities_where(request.user, STAFF_ROLES)
        return queryset.filter(**{f"{self.collectivity_path}__in": where})


@admin.register(Consultation)
class ConsultationAdmin(ConsultationScopedAdmin):
    change_action = "consultations.change_consultation"
    add_action = "consultations.open_consultation"
    list_display = ["display_title", "collectivity", "opens_at", "closes_at", "response_days"]
    list_select_related = ["collectivity"]
    list_filter = ["residents_only", "accepts_proposals"]
    fields = [
        "program",
        "version",
        "title",
        "description",
        "rules",
        "opens_at",
        "closes_at",
        "accepts_proposals",
        "residents_only",
        "response_days",
    ]

    @admin.display(description=_("title"))
    def display_title(self, obj):
        return tr(obj.title)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        own = None if request.user.is_superuser else collectivities_where(request.user, EDITORS)
        if db_field.name == "program":
            programs = Program.objects.public().exclude(phase=Phase.CLOSED)
            field.queryset = programs if own is None else programs.filter(collectivity__in=own)
        elif db_field.name == "version":
            versions = ProgramVersion.objects.without_snapshot().select_related("program")
            field.queryset = versions if own is None else versions.filter(program__collectivity__in=own)
            field.label_from_instance = lambda version: f"{tr(version.program.title)} — {version}"
        return field


class ResponseInline(admin.StackedInline):
    model = Response
    fk_name = "contribution"
    extra = 0
    can_delete = False
    fields = readonly_fields = ("outcome", "reason", "commitment_key", "merged_into", "answered_by", "answered_at")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class RevisionInline(admin.TabularInline):
    """The text before each edit or the withdrawal by the author (read-only, like the contribution)."""

    model = ContributionRevision
    extra = 0
    can_delete = False
    fields = readonly_fields = ("action", "changed_by", "changed_at", "title", "body", "problem", "expected_results")

    def has_view_permission(self, request, obj=None):
        # obj: the contribution; its history is for the moderators of its collectivity (None: may this person
        # moderate anywhere? — the contribution itself is then reached through the scoped ContributionAdmin).
        return can(request.user, "participation.moderate", obj)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Contribution)
class ContributionAdmin(ConsultationScopedAdmin):
    """Contributions are read here; they are hidden through moderation and answered on the answering page."""

    list_display = ["__str__", "consultation", "kind", "author", "is_hidden", "created_at"]
    list_select_related = ["consultation", "author"]
    list_filter = ["kind", "is_hidden"]
    readonly_fields = (
        "consultation",
        "kind",
        "author",
        "association",
        "axis_key",
        "commitment_key",
        "title",
        "body",
        "problem",
        "expected_results",
        "principles",
        "is_hidden",
        "hidden_category",
        "hidden_reason",
        "created_at",
        "edited_at",
        "withdrawn_at",
    )
    fields = readonly_fields
    inlines = [ResponseInline, RevisionInline]


@admin.register(Response)
class ResponseAdmin(ConsultationScopedAdmin):
    collectivity_path = "contribution__collectivity"
    list_display = ["contribution", "outcome", "answered_by", "answered_at"]
    list_select_related = ["contribution", "answered_by"]
    list_filter = ["outcome"]
    fields = readonly_fields = (
        "contribution",
        "outcome",
        "reason",
        "commitment_key",
        "merged_into",
        "answered_by",
        "answered_at",
    )
