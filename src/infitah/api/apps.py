from infitah.core import capabilities


class ApiConfig(capabilities.CapabilityConfig):
    name = "infitah.api"
    label = "api"
    verbose_name = "API"
