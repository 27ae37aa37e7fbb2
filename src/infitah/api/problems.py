"""One error format for the whole API: problem details (RFC 9457), served as application/problem+json.

Every refusal carries `type` (about:blank: the HTTP status says it all), `title` (the status's name), `status` and
`detail` (a sentence in the request's language); an invalid request also lists `invalid_params`, each parameter
with the reason. The parameters every operation takes are bounded here (ids, page numbers, version numbers, codes,
search words), so nothing a client sends can overflow a database integer or reach it with a NUL character.
"""

import json
import logging
from collections.abc import Callable, Iterable, Sequence
from http import HTTPStatus
from typing import Annotated, Any, NoReturn, TypeVar

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

logger = logging.getLogger(__name__)

MEDIA_TYPE = "application/problem+json"

# Ids are BigAutoField keys: PostgreSQL's bigint and SQLite's INTEGER both end at 2**63 - 1.
MAX_ID = 2**63 - 1
# Version numbers are PositiveIntegerField: PostgreSQL's integer ends at 2**31 - 1. Page numbers stop there too,
# so that (page - 1) * page size stays far below what SQLite can hold as an OFFSET.
MAX_NUMBER = 2**31 - 1
PAGE_SIZE = 100

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Number = Annotated[int, Field(ge=1, le=MAX_NUMBER)]
# PostgreSQL refuses text holding a NUL character; the longest code or search worth sending is short.
NO_NUL = r"^[^\x00]*$"
Code = Annotated[str, Field(max_length=32, pattern=NO_NUL)]
Words = Annotated[str, Field(max_length=200, pattern=NO_NUL)]


class InvalidParam(Schema):
    name: str = Field(description="The parameter, as named in this schema (e.g. page, program_id)")
    reason: str = Field(description="Why its value was refused")


class Problem(Schema):
    type: str = Field(description="about:blank: the status code says what kind of problem it is")
    title: str = Field(description="The name of the status code, e.g. Not Found")
    status: int = Field(description="The HTTP status code")
    detail: str = Field(description="What went wrong with this request, in the request's language")


class ValidationProblem(Problem):
    invalid_params: list[InvalidParam] = Field(description="Each refused parameter, with the reason")


def documented(
    status: int = 200, schema: Any = None, *, not_found: bool = False, invalid: bool = True
) -> dict[int, Any]:
    """The `response` of an operation: its success and every problem it can answer with."""
    responses = {status: schema}
    if not_found:
        responses[404] = Problem
    if invalid:
        responses[422] = ValidationProblem
    # Every operation is rate-limited (limits.py).
    responses[429] = Problem
    return responses


def documented_write(status: int, schema: Any = None, *, not_found: bool = True) -> dict[int, Any]:
    """The `response` of a staff write: also 400 (a body that is not JSON), 401 (no valid token) and 403 (not
    staff where it writes)."""
    return {**documented(status, schema, not_found=not_found), 400: Problem, 401: Problem, 403: Problem}


Row = TypeVar("Row", bound=Model)


def first_or_404(queryset: QuerySet[Row], detail: str) -> Row:
    """The first row of `queryset`, or a 404 problem whose detail (a sentence in the request's language) says
    what was not found."""
    row = queryset.first()
    if row is None:
        raise HttpError(404, detail)
    return row


def response(status: int, detail: str, **extra: Any) -> HttpResponse:
    body = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status, "detail": str(detail)}
    body.update(extra)
    return HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=f"{MEDIA_TYPE}; charset=utf-8"
    )


def _parameter_name(location: Sequence[str | int]) -> str:
    """ninja reports ("query", "page") or ("path", "program_id"); the client knows the last part."""
    names = [str(part) for part in location[1:] if not isinstance(part, int)]
    return names[-1] if names else str(location[0])


def invalid_parameters(errors: Iterable[dict[str, Any]]) -> list[dict[str, str]]:
    refused: dict[str, str] = {}
    for error in errors:
        name = _parameter_name(error.get("loc", ("request",)))
        refused.setdefault(name, error.get("msg", ""))
    return [{"name": name, "reason": reason} for name, reason in refused.items()]


def refuse_invalid(error: DjangoValidationError, location: str = "body") -> NoReturn:
    """A model's ValidationError (full_clean) as the API's 422 problem, each field in invalid_params."""
    errors = (
        [
            {
                "loc": (location, field if field != NON_FIELD_ERRORS else "body"),
                "msg": " ".join(str(m) for m in messages),
            }
            for field, messages in error.message_dict.items()
        ]
        if hasattr(error, "error_dict")
        else [{"loc": (location,), "msg": " ".join(error.messages)}]
    )
    raise ValidationError(errors)


def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    params = invalid_parameters(exc.errors)
    detail = _("These parameters are not valid: %(names)s.") % {"names": ", ".join(p["name"] for p in params)}
    return response(422, detail, invalid_params=params)


def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return response(exc.status_code, exc.message)


def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    problem = response(
        401, _("This operation needs a valid API token: send it as Authorization: Bearer followed by the token.")
    )
    problem["WWW-Authenticate"] = 'Bearer realm="infitah"'
    return problem


def on_throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    # ninja adds Retry-After (the seconds until the current window ends) to this answer.
    return response(429, _("Too many requests: wait until the time given in Retry-After, then try again."))


def on_not_found(request: HttpRequest, exc: Exception | None = None) -> HttpResponse:
    return response(404, _("There is nothing at this address of the API."))


def on_server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    if settings.DEBUG:
        raise exc  # the developer's debug page
    logger.error("API error on %s", request.path, exc_info=exc)
    return response(500, _("The server failed to answer. The error was recorded; please try again later."))


# ninja types a handler as taking the exception or its class; it only ever passes the exception raised.
Handler = Callable[[HttpRequest, Any], HttpResponse]


def install(api: NinjaAPI) -> None:
    handlers: list[tuple[type[Exception], Handler]] = [
        (ValidationError, on_validation_error),
        (AuthenticationError, on_unauthenticated),
        (Throttled, on_throttled),
        (HttpError, on_http_error),
        (Http404, on_not_found),
        (Exception, on_server_error),
    ]
    for exception, handler in handlers:
        api.add_exception_handler(exception, handler)
