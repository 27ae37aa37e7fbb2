"""Access to information in the back office."""

from django.contrib import admin

from infitah.information.models import ResponseTemplate

# --- request side: begin ---


@admin.register(ResponseTemplate)
class ResponseTemplateAdmin(admin.ModelAdmin):
    """The response templates officers start from (Arabic and French): kept by the platform's administrators."""

    list_display = ["__str__", "use", "collectivity"]
    list_filter = ["use"]
    list_select_related = ["collectivity"]
    raw_id_fields = ["collectivity"]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    has_change_permission = has_delete_permission = has_view_permission

    def has_add_permission(self, request):
        return request.user.is_superuser


# --- request side: end ---
