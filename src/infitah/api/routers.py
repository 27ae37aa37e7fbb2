"""The router an app publishes its part of the API with.

Each app owns its operations and schemas (<app>/api.py); the api package assembles them (urls.py) and keeps what
they share: the error format (problems.py), the common schemas (schemas.py) and this router.
"""

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from ninja import Router
from ninja.pagination import paginate

from infitah.api.auth import StaffToken
from infitah.api.listing import sortable
from infitah.api.pagination import pages_sorted_by
from infitah.api.problems import Problem, documented, documented_write

View = TypeVar("View", bound=Callable)


class AppRouter(Router):
    def __init__(self, name: str, *, tags: list[str]) -> None:
        super().__init__(tags=tags)
        self.name = name

    def add_api_operation(
        self, path: str, methods: list[str], view_func: Callable, *, operation_id: str | None = None, **options: Any
    ) -> None:
        # Clients generate code from the operation ids: they stay infitah_api_<name>_<function>, as published
        # when each app's operations were a module of the api package.
        operation_id = operation_id or f"infitah_api_{self.name}_{view_func.__name__}"
        super().add_api_operation(path, methods, view_func, operation_id=operation_id, **options)

    def paged(
        self,
        path: str,
        schema: type,
        *,
        summary: str,
        not_found: bool = False,
        ordering: Mapping[str, str] | Sequence[str] = (),
        **options: Any,
    ) -> Callable[[View], View]:
        """GET `path` answers a page of a list of `schema` (`?page=`, `?page_size=`, `?lang=`, and `?ordering=` by
        the `ordering` names: a sequence of model fields, or public name → model field); the view returns a
        queryset in its default order, which ends with the primary key."""
        pages = pages_sorted_by(sortable(ordering))

        def register(view: View) -> View:
            # The schema is a class chosen at run time: mypy cannot read list[schema] as a type, ninja can.
            response = documented(200, list[schema], not_found=not_found)  # type: ignore[valid-type]
            response[400] = Problem  # an unknown ordering or language
            return self.get(path, response=response, summary=summary, **options)(paginate(pages)(view))

        return register

    def one(self, path: str, schema: Any, *, summary: str, **options: Any) -> Callable[[View], View]:
        """GET `path` answers one `schema`, or a problem when the path names nothing public."""
        return self.get(path, response=documented(200, schema, not_found=True), summary=summary, **options)

    def write(
        self,
        method: str,
        path: str,
        schema: Any,
        *,
        summary: str,
        status: int = 200,
        extra_responses: dict[int, Any] | None = None,
        **options: Any,
    ) -> Callable[[View], View]:
        """A staff write: `method` on `path` with a bearer token (auth.StaffToken), answering `status` with
        `schema`, or a problem (400, 401, 403, 404, 422, 429, and `extra_responses`, e.g. 409)."""
        response = {**documented_write(status, schema), **(extra_responses or {})}
        return self.api_operation([method], path, response=response, summary=summary, auth=StaffToken(), **options)
