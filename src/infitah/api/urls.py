from ninja import NinjaAPI

from infitah.api import territories

api = NinjaAPI(
    title="Infitah open data API",
    version="1",
    description="Public, read-only data of the Moroccan network of open territorial collectivities.",
    urls_namespace="api-v1",
)
api.add_router("/", territories.router)
