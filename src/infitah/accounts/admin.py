from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from infitah.accounts import links
from infitah.accounts.invitations import mail_invitation
from infitah.accounts.models import Association, Invitation, Representative, Role, RoleAssignment, User
from infitah.accounts.roles import assignable_roles, collectivities_where, is_network_coordinator
from infitah.core.admin import ScopedAdmin
from infitah.core.permissions import can

# Names no one: the person chosen may be someone the staff member is not allowed to know of.
NOT_LINKED = _(
    "Choose a person linked to this collectivity (search by name or e-mail address), or invite them by e-mail "
    "from the invitations page: once they accept, you can choose them."
)
ASSOCIATION_NOT_LINKED = _(
    "Choose an association seated in this collectivity, or one that accepted its invitation through a representative."
)


def people_chooser(field, queryset):
    """Limit a person field to `queryset`, with a refusal that names no one."""
    field.queryset = queryset
    field.error_messages = {**field.error_messages, "invalid_choice": NOT_LINKED}
    return field


def association_chooser(field, queryset):
    field.queryset = queryset
    field.error_messages = {**field.error_messages, "invalid_choice": ASSOCIATION_NOT_LINKED}
    return field


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Accounts are the platform administrators' business only."""

    ordering = ["email"]
    list_display = ["email", "full_name", "is_active", "is_superuser", "date_joined"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["full_name", "preferred_language", "residence", "gender", "age_band"]}),
        (_("Access"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    autocomplete_fields = ["residence"]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    has_change_permission = has_delete_permission = has_view_permission

    def has_add_permission(self, request):
        return request.user.is_superuser

    # The choosers' search (autocomplete) of the other back-office forms: only people linked to the staff
    # member's collectivities.
    def may_choose(self, request):
        return can(request.user, "accounts.choose_people")

    def chooser_queryset(self, request):
        return links.people_choosable_by(request.user)


class RoleAssignmentForm(forms.ModelForm):
    request = None

    class Meta:
        model = RoleAssignment
        fields = ["user", "role", "collectivity"]

    def clean(self):
        data = super().clean()
        user, collectivity = data.get("user"), data.get("collectivity")
        if self.request.user.is_superuser or user is None or collectivity is None:
            return data
        if not links.is_linked(user.pk, collectivity.pk):
            self.add_error("user", NOT_LINKED)
        return data


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(ScopedAdmin):
    # One rule decides every page and every save: ScopedAdmin asks it about the object as stored (to
    # open it) and again about the object as submitted (to save it), which refuses a forged POST.
    change_action = add_action = delete_action = "accounts.assign_role"
    # The focal point reads every role of their collectivity (their own included), and changes the ones they grant.
    view_action = "accounts.view_role"
    form = RoleAssignmentForm
    list_display = ["user", "role", "collectivity", "granted_by", "granted_at"]
    list_filter = ["role"]
    list_select_related = ["user", "collectivity", "granted_by"]
    search_fields = ["user__email", "user__full_name", "collectivity__search_key"]
    autocomplete_fields = ["user", "collectivity"]
    readonly_fields = ["granted_by", "granted_at"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"request": request})

    def scope_queryset(self, request, queryset):
        if is_network_coordinator(request.user):
            return queryset
        return queryset.filter(collectivity__in=collectivities_where(request.user, {Role.FOCAL_POINT}))

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "role" and not request.user.is_superuser:
            allowed = {
                r
                for cid in (collectivities_where(request.user, set(Role)) or {None})
                for r in assignable_roles(request.user, cid)
            }
            kwargs["choices"] = [(r.value, r.label) for r in Role if r in allowed]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if (
            db_field.name == "collectivity"
            and not request.user.is_superuser
            and not is_network_coordinator(request.user)
        ):
            field.queryset = field.queryset.filter(pk__in=collectivities_where(request.user, {Role.FOCAL_POINT}))
        if db_field.name == "user":
            people_chooser(field, links.people_choosable_by(request.user))
        return field

    def save_model(self, request, obj, form, change):
        if not change:
            obj.granted_by = request.user
        super().save_model(request, obj, form, change)


class RepresentativeInline(admin.TabularInline):
    model = Representative
    extra = 0
    autocomplete_fields = ["user"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if not request.user.is_superuser:
            # A representative is someone linked to the association's seat (or to the staff's collectivities,
            # for a new association).
            people = links.people_linked_to({obj.seat_id}) if obj else links.people_choosable_by(request.user)
            people_chooser(formset.form.base_fields["user"], people)
        return formset

    def has_view_permission(self, request, obj=None):
        return obj is None or can(request.user, "accounts.change_association", obj)

    has_change_permission = has_add_permission = has_delete_permission = has_view_permission


@admin.register(Association)
class AssociationAdmin(ScopedAdmin):
    change_action = "accounts.change_association"
    add_action = "accounts.verify_association"
    delete_action = "accounts.verify_association"
    list_display = ["__str__", "seat", "registration_date", "is_verified"]
    list_filter = ["is_verified"]
    list_select_related = ["seat"]
    search_fields = ["name"]
    autocomplete_fields = ["seat"]
    readonly_fields = ["verified_by", "verified_at"]
    inlines = [RepresentativeInline]
    actions = ["verify_selected"]

    def scope_queryset(self, request, queryset):
        if is_network_coordinator(request.user):
            return queryset
        return queryset.filter(seat__in=collectivities_where(request.user, {Role.FOCAL_POINT, Role.EDITOR}))

    # The choosers' search (an advisory body's association seats): associations linked to the staff's collectivities.
    def may_choose(self, request):
        return can(request.user, "accounts.choose_people")

    def chooser_queryset(self, request):
        return links.associations_choosable_by(request.user)

    @admin.action(description=_("Mark the selected associations as verified"))
    def verify_selected(self, request, queryset):
        count = 0
        for association in queryset.filter(is_verified=False):
            if can(request.user, "accounts.verify_association", association):
                association.verify(request.user)
                # Bulk actions bypass the change form, so they are written to the log (and audit) here.
                self.log_change(request, association, [{"changed": {"fields": ["is_verified"]}}])
                count += 1
        self.message_user(request, _("%(count)d association(s) verified.") % {"count": count})


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["collectivity", "email"]
        help_texts = {"email": _("The person receives a link to accept; until they do, nothing names them.")}


@admin.register(Invitation)
class InvitationAdmin(ScopedAdmin):
    """Invite a person by e-mail: once they accept, staff may choose them (a role, a body seat...)."""

    view_action = add_action = delete_action = "accounts.invite"
    form = InvitationForm
    list_display = ["email", "collectivity", "created_at", "accepted_at", "association"]
    list_filter = [("accepted_at", admin.EmptyFieldListFilter)]
    list_select_related = ["collectivity", "association"]
    search_fields = ["email"]
    autocomplete_fields = ["collectivity"]

    def scope_queryset(self, request, queryset):
        if is_network_coordinator(request.user):
            return queryset
        return queryset.filter(collectivity__in=collectivities_where(request.user, links.CHOOSERS))

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["collectivity", "email", "invited_by", "created_at", "accepted_at", "association"]

    def get_fields(self, request, obj=None):
        return ["collectivity", "email"] if obj is None else self.get_readonly_fields(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "collectivity" and not (request.user.is_superuser or is_network_coordinator(request.user)):
            field.queryset = field.queryset.filter(pk__in=collectivities_where(request.user, links.CHOOSERS))
        return field

    def save_model(self, request, obj, form, change):
        obj.invited_by = request.user
        super().save_model(request, obj, form, change)
        mail_invitation(obj)
