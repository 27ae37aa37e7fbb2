"""The petitions' back office: the law's signature thresholds, which platform administrators keep in step with the
law (a band applies from its effective date; a new reading of the law is a new band, not an edit of the old one).
Petitions themselves are handled on their pages, where the law's order is enforced."""

from django.contrib import admin

from infitah.petitions.models import ThresholdRule


@admin.register(ThresholdRule)
class ThresholdRuleAdmin(admin.ModelAdmin):
    """Platform administrators only: one band decides every petition to every collectivity of its kind."""

    list_display = [
        "kind",
        "population_min",
        "population_max",
        "arrondissements",
        "signatures",
        "province_share",
        "effective_from",
        "source",
        "to_verify",
    ]
    list_filter = ["kind", "to_verify"]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    has_change_permission = has_delete_permission = has_add_permission = has_view_permission
