from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import Association, Representative, Role, RoleAssignment, User
from infitah.accounts.roles import assignable_roles, collectivities_where, is_network_coordinator
from infitah.core.admin import ScopedAdmin
from infitah.core.permissions import can


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


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(ScopedAdmin):
    # One rule decides every page and every save: ScopedAdmin asks it about the object as stored (to
    # open it) and again about the object as submitted (to save it), which refuses a forged POST.
    view_action = change_action = add_action = delete_action = "accounts.assign_role"
    list_display = ["user", "role", "collectivity", "granted_by", "granted_at"]
    list_filter = ["role"]
    list_select_related = ["user", "collectivity", "granted_by"]
    search_fields = ["user__email", "user__full_name", "collectivity__search_key"]
    autocomplete_fields = ["collectivity"]
    raw_id_fields = ["user"]
    readonly_fields = ["granted_by", "granted_at"]

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
        return field

    def save_model(self, request, obj, form, change):
        if not change:
            obj.granted_by = request.user
        super().save_model(request, obj, form, change)


class RepresentativeInline(admin.TabularInline):
    model = Representative
    extra = 0
    raw_id_fields = ["user"]

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
