"""Words for matching, the same when indexing and when querying, on every database.

Both engines receive words already cut and normalised here (`core.arabic.normalise`, then runs of letters and
digits, separated by single spaces): PostgreSQL's `simple` parser and SQLite's FTS5 `unicode61` tokenizer find
exactly those words again. A query's terms are quoted lexemes, cast as they are (no parser): a user's `"`, `*`,
`:`, `OR`, `NEAR(`, `&|!` or `--` are at most plain words, never operators.
"""

import re
from dataclasses import dataclass

from infitah.core.arabic import normalise

MAX_QUERY_LENGTH = 200
# Longer "words" are noise (a pasted hash, a run of one letter); PostgreSQL refuses lexemes past 2 KB anyway.
MAX_WORD_LENGTH = 60
_WORD = re.compile(r"[^\W_]+")
# The Arabic definite article, alone or after a joined conjunction or preposition (و ف ب ك, ل + ال = لل): "الميثاق",
# "والمساءلة" and "للمساءلة" are looked for as "ميثاق" and "مساءلة". Only when three letters or more remain.
_ARTICLE = re.compile("^(?:[وفبك]?ال|لل)(?=...)")


def words(text: str | None) -> list[str]:
    """The normalised words of `text`, in order, without a leading Arabic article."""
    return [_ARTICLE.sub("", word) for word in _WORD.findall(normalise(text)) if len(word) <= MAX_WORD_LENGTH]


def key(text: str | None) -> str:
    """What the index stores for `text`: its normalised words separated by single spaces."""
    return " ".join(words(text))


@dataclass(frozen=True)
class Query:
    terms: tuple[str, ...]  # every term must be found; the last one also as the beginning of a word

    def __bool__(self) -> bool:
        return bool(self.terms)

    def matches(self, word: str) -> bool:
        """Whether a normalised word of a document is one the query looks for (for highlighting)."""
        if not self.terms:
            return False
        return word in self.terms[:-1] or word.startswith(self.terms[-1])

    def each(self) -> list[tuple[str, bool]]:
        """(term, whether it is looked for as the beginning of a word): the last term is."""
        return [(term, index == len(self.terms) - 1) for index, term in enumerate(self.terms)]

    def fts5(self) -> str:
        """The FTS5 MATCH expression finding documents with every term (title or text)."""
        return " AND ".join(fts5_term(term, prefix) for term, prefix in self.each())

    def tsquery(self) -> str:
        """The tsquery finding documents with every term (title or text)."""
        return " & ".join(tsquery_term(term, prefix) for term, prefix in self.each())


def parse(text: str | None) -> Query:
    """The query's terms: normalised, without repeats, in the order typed."""
    return Query(tuple(dict.fromkeys(words(text))))


def fts5_term(term: str, prefix: bool, column: str = "") -> str:
    """One term as an FTS5 string (quotes doubled, so nothing in it is an operator), optionally one column's."""
    quoted = '"' + term.replace('"', '""') + '"' + ("*" if prefix else "")
    return f"{column} : {quoted}" if column else quoted


def tsquery_term(term: str, prefix: bool, weight: str = "") -> str:
    """One term as a tsquery lexeme (cast with `::tsquery`: no parser or dictionary touches it); `weight` "A" is
    the title's."""
    quoted = "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"
    suffix = ("*" if prefix else "") + weight
    return f"{quoted}:{suffix}" if suffix else quoted
