"""The events' back office: an event with its agenda, findings and materials; its registrations read-only.

Scoped per collectivity: staff of a collectivity manage its events; the network's own events (no collectivity)
belong to the network coordinators.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.core.admin import ScopedAdmin
from infitah.core.permissions import can
from infitah.core.translation import tr
from infitah.events.agenda import Item, check_agenda, event_window
from infitah.events.announcements import announce_published
from infitah.events.models import AgendaItem, Event, Finding, Registration, TrainingMaterial
from infitah.events.registrations import fill_free_seats
from infitah.events.rules import EDITORS, READERS
from infitah.participation.attachments import check_upload


class EventInline(admin.TabularInline):
    extra = 0

    def has_view_permission(self, request, obj=None):
        return can(request.user, "events.view_attendance", obj) or can(request.user, "events.manage_event", obj)

    def has_change_permission(self, request, obj=None):
        return can(request.user, "events.manage_event", obj)

    def has_add_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)


class AgendaFormSet(forms.models.BaseInlineFormSet):
    """Checks the whole agenda at once: inside the event's hours, in order, no overlap unless parallel."""

    def clean(self):
        super().clean()
        event = self.instance
        if not (event.starts_at and event.ends_at):
            return
        rows = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("title"):
                continue
            parent = data.get("parent")
            rows.append(
                (
                    form,
                    Item(
                        form,
                        parent and parent.pk,
                        data.get("starts_at"),
                        data.get("ends_at"),
                        data.get("is_parallel", False),
                    ),
                )
            )
        # Items are checked in their display order; sub-items refer to their parent by the saved row's key.
        rows.sort(key=lambda row: row[0].cleaned_data.get("order") or 0)
        by_pk = {form.instance.pk: item for form, item in rows if form.instance.pk}
        items = [item._replace(parent=by_pk[item.parent].key if item.parent in by_pk else None) for _f, item in rows]
        problems = check_agenda(items, *event_window(event.starts_at, event.ends_at))
        for form, messages in problems.items():
            for message in messages:
                form.add_error(None, message)
        if problems:
            raise ValidationError(_("The agenda has problems: see the items marked below."))


class AgendaItemInline(EventInline):
    model = AgendaItem
    formset = AgendaFormSet
    fields = ["order", "starts_at", "ends_at", "title", "speakers", "description", "parent", "is_parallel"]
    fk_name = "event"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "parent":
            event_id = request.resolver_match.kwargs.get("object_id")
            field.queryset = (
                AgendaItem.objects.filter(event_id=event_id, parent__isnull=True)
                if event_id
                else AgendaItem.objects.none()
            )
        return field


class FindingInline(EventInline):
    model = Finding
    fields = ["order", "text", "axes", "commitments"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if not request.user.is_superuser and not is_network_coordinator(request.user):
            where = collectivities_where(request.user, EDITORS)
            field.queryset = field.queryset.filter(program__collectivity__in=where)
        return field


class MaterialForm(forms.ModelForm):
    class Meta:
        model = TrainingMaterial
        fields = ["title", "file"]

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded and hasattr(uploaded, "content_type"):  # a new upload, not the stored file
            check_upload(uploaded)
            self.instance.original_name = uploaded.name[:255]
        return uploaded


class MaterialInline(EventInline):
    model = TrainingMaterial
    form = MaterialForm
    fields = ["title", "file"]


class RegistrationInline(EventInline):
    model = Registration
    fields = ("user", "status", "category", "gender", "age_band", "attended", "created_at")
    readonly_fields = fields
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


class EventForm(forms.ModelForm):
    online_url = forms.URLField(
        label=_("online link"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("Shown only to confirmed participants and staff."),
    )

    class Meta:
        model = Event
        fields = [
            "collectivity", "kind", "format", "title", "description", "is_published", "starts_at", "ends_at", "place",
            "online_url", "capacity", "registration_closes_at", "program", "phase", "advisory_body",
            "quorum_required", "members_present", "minutes", "minutes_status",
        ]  # fmt: skip

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        data = super().clean()
        coordinating = self.user is None or self.user.is_superuser or is_network_coordinator(self.user)
        if not coordinating and not data.get("collectivity"):
            self.add_error("collectivity", _("Choose the collectivity that organises the event."))
        return data


@admin.register(Event)
class EventAdmin(ScopedAdmin):
    view_action = "events.view_attendance"
    change_action = add_action = delete_action = "events.manage_event"
    form = EventForm
    list_display = ["display_title", "collectivity", "kind", "starts_at", "capacity", "is_published"]
    list_filter = ["kind", "format", "is_published"]
    list_select_related = ["collectivity"]
    search_fields = ["collectivity__search_key", "collectivity__code"]
    date_hierarchy = "starts_at"
    inlines = [AgendaItemInline, FindingInline, MaterialInline, RegistrationInline]
    fieldsets = [
        (None, {"fields": ["collectivity", "kind", "format", "title", "description", "is_published"]}),
        (_("When and where"), {"fields": ["starts_at", "ends_at", "place", "online_url"]}),
        (_("Registration"), {"fields": ["capacity", "registration_closes_at"]}),
        (_("Program"), {"fields": ["program", "phase"]}),
        (_("Advisory-body meeting"), {"fields": ["advisory_body", "quorum_required", "members_present"]}),
        (_("Minutes"), {"fields": ["minutes", "minutes_status"]}),
    ]

    @admin.display(description=_("title"))
    def display_title(self, obj):
        return tr(obj.title)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)

        class ScopedForm(form):
            def __init__(self, *args, **inner):
                super().__init__(*args, user=request.user, **inner)

        return ScopedForm

    def scope_queryset(self, request, queryset):
        if is_network_coordinator(request.user):
            return queryset
        return queryset.filter(collectivity__in=collectivities_where(request.user, READERS))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if request.user.is_superuser or is_network_coordinator(request.user):
            return field
        where = collectivities_where(request.user, EDITORS)
        if db_field.name == "collectivity":
            field.queryset = field.queryset.filter(pk__in=where)
        elif db_field.name in ("program", "advisory_body"):
            field.queryset = field.queryset.filter(collectivity__in=where)
        return field

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "is_published" in form.changed_data or (not change and obj.is_published):
            announce_published(obj, request.user)
        if change and "capacity" in form.changed_data:
            with transaction.atomic():
                fill_free_seats(Event.objects.select_for_update().get(pk=obj.pk))
