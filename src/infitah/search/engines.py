"""Matching and ranking on each database, from the same parsed terms.

- PostgreSQL: `search_entry.search_vector` (generated: the title's words weighted A, the text's B; GIN index) is
  matched with `@@` against a tsquery of the terms; a title hit is the same term restricted to weight A.
- SQLite: the FTS5 table `search_entry_fts` (columns `title_key`, `text_key`) is matched with MATCH; a title hit
  is the same term restricted to the `title_key` column.

Relevance is the number of terms found in the title (every result has every term somewhere), the same integer
on both engines; neither bm25 nor ts_rank is used, so the same data gives the same order everywhere.
"""

from typing import Any

from django.db import connection
from django.db.models import BooleanField, IntegerField, QuerySet, Value
from django.db.models.expressions import RawSQL

from infitah.search.terms import Query, fts5_term, tsquery_term


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def matching(entries: QuerySet, query: Query) -> QuerySet:
    """The entries having every term, annotated with `relevance` (their title hits)."""
    if _postgres():
        found = RawSQL('"search_entry"."search_vector" @@ %s::tsquery', [query.tsquery()], BooleanField())
        hits = [
            RawSQL(
                'CASE WHEN "search_entry"."search_vector" @@ %s::tsquery THEN 1 ELSE 0 END',
                [tsquery_term(term, prefix, "A")],
                IntegerField(),
            )
            for term, prefix in query.each()
        ]
        entries = entries.alias(found=found).filter(found=True)
    else:
        entries = entries.filter(
            pk__in=RawSQL("SELECT rowid FROM search_entry_fts WHERE search_entry_fts MATCH %s", [query.fts5()])
        )
        hits = [
            RawSQL(
                'CASE WHEN "search_entry"."id" IN '
                "(SELECT rowid FROM search_entry_fts WHERE search_entry_fts MATCH %s) THEN 1 ELSE 0 END",
                [fts5_term(term, prefix, "title_key")],
                IntegerField(),
            )
            for term, prefix in query.each()
        ]
    relevance: Any = Value(0)
    for hit in hits:
        relevance = relevance + hit
    return entries.annotate(relevance=relevance)
