"""The router an app publishes its part of the API with.

Each app owns its operations and schemas (<app>/api.py); the api package assembles them (urls.py) and keeps what
they share: the error format (problems.py), the common schemas (schemas.py) and this router.
"""

from collections.abc import Callable
from typing import Any

from ninja import Router


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
