from django.contrib import admin

from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.bodies.models import AdvisoryBody
from infitah.core.admin import ScopedAdmin


@admin.register(AdvisoryBody)
class AdvisoryBodyAdmin(ScopedAdmin):
    view_action = "territories.view_collectivity_backoffice"
    change_action = add_action = delete_action = "territories.change_collectivity"
    list_display = ["__str__", "collectivity", "kind", "legal_basis"]
    list_filter = ["kind"]
    list_select_related = ["collectivity"]
    autocomplete_fields = ["collectivity"]

    def scope_queryset(self, request, queryset):
        if is_network_coordinator(request.user):
            return queryset
        return queryset.filter(collectivity__in=collectivities_where(request.user, STAFF_ROLES))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if (
            db_field.name == "collectivity"
            and not request.user.is_superuser
            and not is_network_coordinator(request.user)
        ):
            field.queryset = field.queryset.filter(pk__in=collectivities_where(request.user, STAFF_ROLES))
        return field
