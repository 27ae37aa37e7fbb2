"""Join PDF parts into one document, page after page, with continuous page numbers and the parts' bookmarks.

pikepdf (qpdf) copies a page's content by reference and reads it from its part's file only while writing the
joined file, so joining 2,000 pages costs the pages' small dictionaries, not their text and fonts: the parts stay
open until the joined file is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path

import pikepdf

# The page numbers, as core/pdf_base.html sets them (9 pt, #555, centred in the bottom margin, on WeasyPrint's
# baseline there), written in Helvetica: one of the PDF's standard fonts, which every reader has, so stamping a
# thousand pages costs a few lines of content each, not a layout pass. Its advance widths, in 1/1000 of the size:
FOLIO_SIZE = 9
FOLIO_BASELINE = 25.48  # points above the page's bottom edge
FOLIO_GREY = 0.333
HELVETICA_WIDTHS = {**dict.fromkeys("0123456789", 556), " ": 278, "/": 278}


def join(parts: Sequence[Path], destination: Path, *, numbered: bool = True, right_to_left: bool = False) -> int:
    """Write `parts` as one PDF to `destination`, its pages numbered "3 / 120" when `numbered`; returns the number
    of pages. The document's language and title are the first part's; each part's bookmarks point into the joined
    pages."""
    with ExitStack() as open_files:
        joined = open_files.enter_context(pikepdf.new())
        bookmarks: list[pikepdf.OutlineItem] = []
        for number, path in enumerate(parts):
            part = open_files.enter_context(pikepdf.open(path))
            if number == 0:
                _take_document_fields(part, joined)
            offset = len(joined.pages)
            joined.pages.extend(part.pages)
            bookmarks += _bookmarks_of(part, joined, offset)
        total = len(joined.pages)
        if numbered:
            _number_pages(joined, right_to_left)
        if bookmarks:
            with joined.open_outline() as outline:
                outline.root.extend(bookmarks)
        joined.save(destination)
    return total


def folio(number: int, total: int, right_to_left: bool) -> str:
    """A page number as a reader sees it: in a right-to-left page the bidirectional algorithm sets "3 / 120" (as
    WeasyPrint lays out `counter(page) " / " counter(pages)`) from right to left, so it reads "120 / 3" on paper."""
    return f"{total} / {number}" if right_to_left else f"{number} / {total}"


def _number_pages(joined: pikepdf.Pdf, right_to_left: bool) -> None:
    font = joined.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Name.WinAnsiEncoding,
        )
    )
    total = len(joined.pages)
    for number, page in enumerate(joined.pages, start=1):
        text = folio(number, total, right_to_left)
        width = sum(HELVETICA_WIDTHS[character] for character in text) * FOLIO_SIZE / 1000
        left, _bottom, right, _top = (float(value) for value in page.mediabox)
        x = (left + right - width) / 2
        name = page.add_resource(font, pikepdf.Name.Font, prefix="Folio")
        # The page's own drawing leaves its coordinate system changed (WeasyPrint flips it): enclosed in q … Q.
        page.contents_add(pikepdf.Stream(joined, b"q\n"), prepend=True)
        stamp = f"Q q {FOLIO_GREY} g BT {name} {FOLIO_SIZE} Tf {x:.2f} {FOLIO_BASELINE} Td ({text}) Tj ET Q\n"
        page.contents_add(pikepdf.Stream(joined, stamp.encode("ascii")))


def _take_document_fields(part: pikepdf.Pdf, joined: pikepdf.Pdf) -> None:
    """The language (screen readers choose their voice by it) and the title, author and producer."""
    if "/Lang" in part.Root:
        joined.Root.Lang = part.Root.Lang
    for key, value in part.docinfo.items():
        joined.docinfo[key] = value


def _bookmarks_of(part: pikepdf.Pdf, joined: pikepdf.Pdf, offset: int) -> list[pikepdf.OutlineItem]:
    """The part's bookmarks (WeasyPrint makes one per heading), their targets moved to the joined pages."""
    page_numbers: dict[tuple[int, int], int] = {page.obj.objgen: index for index, page in enumerate(part.pages)}

    def moved(item: pikepdf.OutlineItem) -> pikepdf.OutlineItem:
        destination = item.destination
        target: pikepdf.Array | int | None = None
        if isinstance(destination, pikepdf.Array) and len(destination) > 0:
            index = page_numbers.get(destination[0].objgen)
            if index is not None:
                # Same place on the page (WeasyPrint's /XYZ left top zoom), on the joined document's page.
                target = pikepdf.Array([joined.pages[offset + index].obj, *list(destination)[1:]])
        copy = pikepdf.OutlineItem(str(item.title), destination=target)
        copy.children.extend(moved(child) for child in item.children)
        return copy

    with part.open_outline() as outline:
        return [moved(item) for item in outline.root]
