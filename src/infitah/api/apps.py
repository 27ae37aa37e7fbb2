from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "infitah.api"
    label = "api"
    verbose_name = "API"
