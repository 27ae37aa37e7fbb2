"""The public API, version 1: read-only, no authentication, described by /api/v1/openapi.json.

The docs page (/api/v1/docs) is Swagger UI served from the files shipped inside django-ninja ("ninja" is in
INSTALLED_APPS for that), so nothing loads from a CDN; the online validator badge, which would call
validator.swagger.io, is switched off.
"""

from ninja import NinjaAPI, Swagger

from infitah.api import bodies, consultations, events, programs, territories

api = NinjaAPI(
    title="Infitah open data API",
    version="1",
    description=(
        "Public, read-only data of the Moroccan network of open territorial collectivities. "
        "Translated texts come as an object keyed by language code (ar, fr, en, zgh). "
        "Lists are paginated: `?page=N`, the answer holds `items` and the total `count`."
    ),
    urls_namespace="api-v1",
    docs=Swagger(settings={"validatorUrl": None}),
)
api.add_router("/", territories.router)
api.add_router("/", programs.router)
api.add_router("/", consultations.router)
api.add_router("/", events.router)
api.add_router("/", bodies.router)
