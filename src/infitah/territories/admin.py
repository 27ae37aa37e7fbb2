from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.core.admin import ScopedAdmin
from infitah.core.translation import tr
from infitah.territories.models import (
    CharterCommitment,
    CharterSection,
    Collectivity,
    CommitmentStanding,
    Membership,
    Network,
    Partner,
)


@admin.register(Collectivity)
class CollectivityAdmin(ScopedAdmin):
    view_action = "territories.view_collectivity_backoffice"
    change_action = "territories.change_collectivity"
    add_action = "territories.add_collectivity"
    delete_action = "territories.add_collectivity"
    list_display = ["code", "display_name", "kind", "parent", "population", "census_year"]
    list_filter = ["kind"]
    search_fields = ["code", "search_key"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    readonly_fields = []

    def scope_queryset(self, request, queryset):
        if is_network_coordinator(request.user):
            return queryset
        return queryset.filter(pk__in=collectivities_where(request.user, STAFF_ROLES))

    def get_readonly_fields(self, request, obj=None):
        # Collectivity staff edit their profile, not the reference data that identifies them.
        if request.user.is_superuser or is_network_coordinator(request.user):
            return []
        return ["code", "kind", "province_type", "parent"]

    @admin.display(description=_("name"))
    def display_name(self, obj):
        return tr(obj.name)


class NetworkAdmin(ScopedAdmin):
    view_action = change_action = add_action = delete_action = "territories.manage_network"

    def scope_queryset(self, request, queryset):
        return queryset if is_network_coordinator(request.user) else queryset.none()


class StandingInline(admin.TabularInline):
    model = CommitmentStanding
    extra = 0

    def has_view_permission(self, request, obj=None):
        return True

    has_change_permission = has_add_permission = has_delete_permission = has_view_permission


@admin.register(Membership)
class MembershipAdmin(NetworkAdmin):
    list_display = ["collectivity", "joined_on", "cohort", "status", "is_illustrative"]
    list_filter = ["status", "collectivity__kind"]
    list_select_related = ["collectivity"]
    search_fields = ["collectivity__search_key", "collectivity__code"]
    autocomplete_fields = ["collectivity"]
    inlines = [StandingInline]


admin.site.register(Network, NetworkAdmin)
admin.site.register(CharterSection, NetworkAdmin)
admin.site.register(CharterCommitment, NetworkAdmin)
admin.site.register(Partner, NetworkAdmin)
