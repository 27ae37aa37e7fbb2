"""The back office: Django's admin, with every page asking `can()` and every list scoped.

Staff of one collectivity see and change only their collectivity's objects; the same rules as the
public views decide, so there is no second permission system to keep in step.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from infitah.core.permissions import can

# Called after every add, change and delete made through a ScopedAdmin, as listener(request, objects, action,
# message) with action "add", "change" or "delete" (before the deletion). The participation app's audit log
# registers here, so the back office is audited without the core depending on it.
_admin_listeners = []


def register_admin_listener(listener):
    if listener not in _admin_listeners:
        _admin_listeners.append(listener)


def _tell_listeners(request, objects, action, message=""):
    for listener in _admin_listeners:
        listener(request, list(objects), action, message)


class InfitahAdminSite(admin.AdminSite):
    site_header = _("Infitah back office")
    site_title = _("Infitah back office")
    index_title = _("Back office")

    def has_permission(self, request):
        return can(request.user, "backoffice.access")


class InfitahAdminConfig(AdminConfig):
    default_site = "infitah.core.admin.InfitahAdminSite"


class ScopedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose permissions come from `can()`.

    Subclasses name the actions, and `scope_queryset(request, queryset)` restricts the list to what
    the user may see; `has_*_permission(obj)` then checks each object through `can()`.
    """

    view_action = None
    change_action = None
    add_action = None
    delete_action = None

    def scope_queryset(self, request, queryset):
        raise NotImplementedError

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return self.scope_queryset(request, queryset)

    def _can(self, request, action, obj=None):
        return bool(action) and can(request.user, action, obj)

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._can(request, self.view_action, obj) or self.has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._can(request, self.change_action, obj)

    def has_add_permission(self, request):
        return self._can(request, self.add_action)

    def has_delete_permission(self, request, obj=None):
        return self._can(request, self.delete_action, obj)

    def save_model(self, request, obj, form, change):
        # The forms limit choices to the user's collectivities; this also refuses a forged POST.
        if not self._can(request, self.change_action if change else self.add_action, obj):
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        _tell_listeners(request, [obj], "add", message)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        _tell_listeners(request, [obj], "change", message)
        return entry

    def log_deletions(self, request, queryset):
        entries = super().log_deletions(request, queryset)
        _tell_listeners(request, queryset, "delete")
        return entries
