"""The courses' back office: a course's description, audience, organiser, completion rule and publication.

Scoped per collectivity like the events: the focal point and editors manage their collectivity's courses; the
network's own courses (no organiser) belong to the network coordinators. Sessions are attached on the course's
sessions page (only the organiser's training events); enrolments are read on its participants page.
"""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.core.admin import ScopedAdmin
from infitah.core.translation import tr
from infitah.training.models import Course
from infitah.training.rules import ORGANISERS


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = [
            "collectivity", "title", "description", "audience", "principles", "sessions_required", "is_published",
        ]  # fmt: skip

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        data = super().clean()
        coordinating = self.user is None or self.user.is_superuser or is_network_coordinator(self.user)
        if not coordinating and not data.get("collectivity"):
            self.add_error("collectivity", _("Choose the collectivity that organises the course."))
        return data


@admin.register(Course)
class CourseAdmin(ScopedAdmin):
    view_action = "training.view_participants"
    change_action = add_action = delete_action = "training.manage_course"
    form = CourseForm
    list_display = ["display_title", "collectivity", "audience", "is_published"]
    list_filter = ["audience", "is_published"]
    list_select_related = ["collectivity"]
    search_fields = ["collectivity__search_key", "collectivity__code"]

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
        return queryset.filter(collectivity__in=collectivities_where(request.user, STAFF_ROLES))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "collectivity" and not (request.user.is_superuser or is_network_coordinator(request.user)):
            field.queryset = field.queryset.filter(pk__in=collectivities_where(request.user, ORGANISERS))
        return field
