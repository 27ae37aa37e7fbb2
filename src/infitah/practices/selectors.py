"""TEMP stub of the practices app's contract (its branch replaces this file): no practice shared or adopted yet."""

from collections.abc import Iterable


def capacity_counts(collectivity_ids: Iterable[int]) -> dict[int, dict]:
    """Per collectivity: {"shared": published practices, "adopted": adoptions declared} (2 queries in the real app)."""
    return {collectivity_id: {"shared": 0, "adopted": 0} for collectivity_id in collectivity_ids}
