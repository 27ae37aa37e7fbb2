"""Writing the index: a source's row becomes one entry per content language whose text exists.

Each row is rendered under every content language in turn; a rendering identical to one already kept is the
fallback of a language without its own text, and is not stored again.
"""

import re

from django.db import transaction
from django.utils import translation

from infitah.core.search import Document, SearchDocuments, source, sources
from infitah.core.translation import content_languages
from infitah.search import terms
from infitah.search.models import Entry

# Enough for any page's text; keeps every row well under PostgreSQL's 1 MB tsvector limit.
MAX_TEXT_LENGTH = 50_000
CHUNK = 500
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")


def renderings(source: SearchDocuments, row) -> list[tuple[str, Document]]:
    """(language, document) for each distinct rendering of `row`, in the order of the content languages."""
    kept: list[tuple[list[str], Document]] = []
    for lang in content_languages():
        with translation.override(lang):
            document = source.document(row)
        for languages, seen in kept:
            if (seen.title, seen.text) == (document.title, document.text):
                languages.append(lang)
                break
        else:
            kept.append(([lang], document))
    return [(written_in(languages, document), document) for languages, document in kept]


def written_in(languages: list[str], document: Document) -> str:
    """The language of a rendering several languages share (plain text, not translated): Arabic if Arabic letters
    are the most, otherwise the first other language that shares it."""
    if len(languages) == 1:
        return languages[0]
    sample = f"{document.title} {document.text[:2000]}"
    arabic = len(_ARABIC_LETTER.findall(sample)) >= len(_LATIN_LETTER.findall(sample))
    if arabic and "ar" in languages:
        return "ar"
    return next((lang for lang in languages if lang != "ar"), languages[0])


def entries_for(source: SearchDocuments, row) -> list[Entry]:
    return [entry(language, document) for language, document in renderings(source, row)]


def entry(language: str, document: Document) -> Entry:
    """The index row of one rendering: its words normalised once, here, for both engines."""
    text = (document.text or "")[:MAX_TEXT_LENGTH]
    title = document.title or ""
    return Entry(
        kind=document.kind,
        object_id=document.object_id,
        language=language,
        collectivity_id=document.collectivity_id,
        principles=" " + " ".join(document.principles) + " " if document.principles else "",
        date=document.date,
        title=title,
        text=text,
        url=document.url,
        title_key=terms.key(title),
        text_key=terms.key(text),
    )


def reindex(kind: str, object_id) -> int:
    """Rewrite the entries of one document from its source; gone if the row is no longer public. The count kept."""
    declared = source(kind)
    if declared is None:
        return 0
    row = declared.rows().filter(pk=object_id).first()
    entries = entries_for(declared, row) if row is not None else []
    with transaction.atomic():
        Entry.objects.filter(kind=kind, object_id=object_id).delete()
        Entry.objects.bulk_create(entries)
    return len(entries)


def kinds() -> list[str]:
    return [declared.kind for declared in sources()]


def rebuild(kinds_wanted=None, progress=None) -> int:
    """Rebuild the index of every kind (or of `kinds_wanted`), in chunks, one transaction per kind. The number of
    documents read. `progress(kind, done, total)` is told after each chunk."""
    documents = 0
    for declared in sources():
        if kinds_wanted and declared.kind not in kinds_wanted:
            continue
        rows = declared.rows()
        total = rows.count() if progress else 0
        done = 0
        with transaction.atomic():
            Entry.objects.filter(kind=declared.kind).delete()
            batch: list[Entry] = []
            for row in rows.iterator(chunk_size=CHUNK):
                batch.extend(entries_for(declared, row))
                done += 1
                if len(batch) >= CHUNK:
                    Entry.objects.bulk_create(batch)
                    batch = []
                    if progress:
                        progress(declared.kind, done, total)
            Entry.objects.bulk_create(batch)
        if progress:
            progress(declared.kind, done, total)
        documents += done
    if not kinds_wanted:
        # Kinds no longer declared (an app removed) leave the index too.
        Entry.objects.exclude(kind__in=kinds()).delete()
    return documents
