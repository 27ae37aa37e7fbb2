"""The public API, version 1: public reads without authentication, staff writes with a bearer token (auth.py),
rate-limited (limits.py), described by /api/v1/openapi.json.

The docs page (/api/v1/docs) is Swagger UI served from the files shipped inside django-ninja ("ninja" is in
INSTALLED_APPS for that), so nothing loads from a CDN; the online validator badge, which would call
validator.swagger.io, is switched off.

Every refusal, from an operation or from the address itself (no such path, a method other than GET), is a
problem details document (see problems.py), and the schema documents it under application/problem+json.
"""

from functools import wraps
from typing import cast

from django.urls import URLPattern, path, re_path
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Router, Swagger

from infitah.api import limits, problems
from infitah.core.capabilities import api_routers


class InfitahAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status, response in operation["responses"].items():
                    if int(status) >= 400 and "content" in response:
                        response["content"] = {problems.MEDIA_TYPE: response["content"].popitem()[1]}
        return schema

    def _get_urls(self):
        patterns = [_problem_for_wrong_method(pattern) for pattern in super()._get_urls()]
        # Anything else under the API's prefix: a problem, not the site's HTML "page not found".
        return [*patterns, re_path(r"", problems.on_not_found, name="not-found")]


def _problem_for_wrong_method(pattern):
    if not isinstance(pattern, URLPattern):
        return pattern
    view = pattern.callback

    @wraps(view)
    def answering_problems(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405:
            allowed = response["Allow"]
            detail = (
                _("This address only answers GET requests.")
                if allowed == "GET"
                else _("This address only answers these methods: %(methods)s.") % {"methods": allowed}
            )
            problem = problems.response(405, detail)
            problem["Allow"] = allowed
            return problem
        return response

    return URLPattern(pattern.pattern, answering_problems, pattern.default_args, pattern.name)


api = InfitahAPI(
    title="Infitah open data API",
    version="1",
    description=(
        "Public data of the Moroccan network of open territorial collectivities, and writes for their staff. "
        "Translated texts come as an object keyed by language code (ar, fr, en, zgh). "
        "Lists are paginated: the answer holds `items`, the total `count`, and `next`/`previous`, the addresses of "
        "the neighbouring pages (null at either end); walk a list by following `next` (a `cursor`: as fast on the "
        "last page of 100,000 rows as on the first). `page_size` takes 100 at most; `?page=N` still works, deeper "
        "pages costing more. Every refusal is a problem details document (RFC 9457, `application/problem+json`): "
        "`type`, `title`, `status`, `detail`, and for invalid parameters `invalid_params`, each with its `name` and "
        "`reason`. Ids and numbers start at 1; a page past the last one is an empty page. "
        "\n\n**Writes** (POST, PATCH) need an API token, created by staff on their account's API tokens page and "
        "sent as `Authorization: Bearer <token>`; a token acts on the collectivities where its owner holds a role. "
        "A missing, unknown, revoked or expired token answers 401; an object of another collectivity answers 404. "
        "\n\n**Rate limits**, in fixed windows: anonymous reads 600 a minute per address, reads with a token 1200 "
        "a minute per token, writes 60 a minute per token (the platform may set other values). Over the limit the "
        "answer is 429 with `Retry-After`, the seconds until the window ends."
    ),
    urls_namespace="api-v1",
    docs=Swagger(settings={"validatorUrl": None}),
    throttle=[limits.FixedWindowLimit()],
)
problems.install(api)
# Each installed app's router (its capability declares it), in INSTALLED_APPS order.
for _label, router in api_routers():
    # api_routers() yields what each capability names by its dotted path (import_string): a ninja Router.
    api.add_router("/", cast(Router, router))

urlpatterns = [path("", api.urls)]
