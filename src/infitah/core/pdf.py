"""PDF documents rendered from templates with WeasyPrint, in the page's language and direction.

Arabic needs shaping and right-to-left layout: WeasyPrint does both through Pango/HarfBuzz with a system font that
has the glyphs: Noto Sans Arabic and Noto Sans Tifinagh (Debian's fonts-noto-core), else DejaVu Sans. The
self-hosted web fonts are not used here: the @fontsource subsets lose the text layer (pdftotext and screen readers
get broken words). Nothing is fetched: the HTML carries no external URL.

A long document (a consultation report with 10,000 contributions) is laid out in parts: each part is rendered by
WeasyPrint, written to a temporary file and let go, so the worker holds one part's layout at a time whatever the
document's length; the parts are then joined page by page, and the page numbers ("3 / 120") stamped on once the
number of pages is known (core.pdf_join).
"""

from __future__ import annotations

import gc
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.core.files import File
from django.template.loader import render_to_string
from django.utils import translation

from infitah.core import pdf_join


def render_pdf(template_name: str, context: dict[str, Any], language: str) -> bytes:
    """Render `template_name` (which extends core/pdf_base.html) in `language` and return the PDF's bytes: for a
    one- or two-page document (a certificate), numbered by WeasyPrint itself."""
    with translation.override(language):
        return _document(template_name, context).write_pdf()


@contextmanager
def render_pdf_parts(
    template_name: str,
    contexts: Iterable[dict[str, Any]],
    language: str,
    progress: Callable[[int], object] | None = None,
) -> Iterator[File]:
    """One PDF from the template rendered once per context, part after part, as an open temporary file (deleted on
    leaving the block). `contexts` may be a generator: each part's data is read only when it is laid out, and
    `progress(parts done)` is told after each one (layout is the slow step)."""
    with translation.override(language), tempfile.TemporaryDirectory(prefix="infitah-pdf-") as folder:
        parts = []
        for number, context in enumerate(contexts, start=1):
            path = Path(folder) / f"part-{number:05d}.pdf"
            # The parts carry no page numbers: the whole document's are stamped on after joining them.
            with _cycle_collector_paused():
                _document(template_name, {**context, "NUMBERED_AFTER": True}).write_pdf(path)
            parts.append(path)
            if progress is not None:
                progress(number)
        joined = Path(folder) / "document.pdf"
        pdf_join.join(parts, joined, right_to_left=translation.get_language_bidi())
        with joined.open("rb") as file:
            yield File(file, name=joined.name)


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """WeasyPrint makes millions of small objects per part, which Python's cycle collector would scan again and again
    for little garbage (most of it goes when the part is let go); one collection after the part instead."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect()


def _document(template_name: str, context: dict[str, Any]) -> Any:
    from weasyprint import HTML

    html = render_to_string(template_name, {**context, "LANGUAGE_BIDI": translation.get_language_bidi()})
    return HTML(string=html, url_fetcher=_refuse_fetching).render()


def _refuse_fetching(url, *args, **kwargs):
    raise ValueError(f"PDF documents load nothing from outside: {url}")
