"""Checking the rows of an imported budget file: every bad row is reported with its line number and the reason, in
the reader's language; a file with any error imports nothing.

Sections and directions are accepted in English, French or Arabic. Amounts in MAD: digits (Western or
Arabic-Indic), spaces between thousands, one decimal separator (`,` or `.`; with both, the last one is the
decimal separator), at most two decimals, never negative; "1,500" and "1.500" are refused as ambiguous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from infitah.budgets.models import AMOUNT_DIGITS, Direction, Section
from infitah.budgets.reading import Row

SECTIONS = {
    "operating": Section.OPERATING,
    "fonctionnement": Section.OPERATING,
    "تسيير": Section.OPERATING,
    "التسيير": Section.OPERATING,
    "investment": Section.INVESTMENT,
    "investissement": Section.INVESTMENT,
    "équipement": Section.INVESTMENT,
    "equipement": Section.INVESTMENT,
    "تجهيز": Section.INVESTMENT,
    "التجهيز": Section.INVESTMENT,
}
DIRECTIONS = {
    "revenue": Direction.REVENUE,
    "revenues": Direction.REVENUE,
    "recettes": Direction.REVENUE,
    "recette": Direction.REVENUE,
    "مداخيل": Direction.REVENUE,
    "المداخيل": Direction.REVENUE,
    "expenditure": Direction.EXPENDITURE,
    "expenditures": Direction.EXPENDITURE,
    "dépenses": Direction.EXPENDITURE,
    "depenses": Direction.EXPENDITURE,
    "dépense": Direction.EXPENDITURE,
    "نفقات": Direction.EXPENDITURE,
    "النفقات": Direction.EXPENDITURE,
}
CHAPTER = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-/]{0,19}$")
LABEL_LENGTH = 300
# Arabic-Indic (٠…٩) and Eastern Arabic-Indic (۰…۹) digits, the Arabic decimal and thousands separators, spaces.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,", " \u00a0\u202f\u2009'")
NUMBER = re.compile(r"^\d+(\.\d+)?$")
# "1,500" or "1.500": one separator followed by exactly three digits is a thousand in one country and one and a half
# in another; a misread amount is off by a thousand times, so the file must say.
AMBIGUOUS = re.compile(r"^\d{1,3}[.,]\d{3}$")
LARGEST = Decimal(10) ** (AMOUNT_DIGITS - 2)


class NotAnAmount(ValueError):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse_amount(text: str) -> Decimal:
    """The amount a person typed, or NotAnAmount with the reason (in the reader's language)."""
    cleaned = text.translate(DIGITS)
    negative = cleaned.startswith("-") or (cleaned.startswith("(") and cleaned.endswith(")"))
    cleaned = cleaned.strip("-()")
    if AMBIGUOUS.match(cleaned):
        raise NotAnAmount(
            _(
                "“%(value)s” could be read two ways (thousands or decimals): write it without a thousands separator, "
                "or with two decimals."
            )
            % {"value": text[:40]}
        )
    if "," in cleaned and "." in cleaned:
        thousands = "," if cleaned.rfind(".") > cleaned.rfind(",") else "."
        cleaned = cleaned.replace(thousands, "").replace(",", ".")
    elif cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    elif cleaned.count(",") > 1:
        cleaned = cleaned.replace(",", "")
    elif cleaned.count(".") > 1:
        cleaned = cleaned.replace(".", "")
    if not NUMBER.match(cleaned):
        raise NotAnAmount(_("“%(value)s” is not a number.") % {"value": text[:40]})
    if negative:
        raise NotAnAmount(_("“%(value)s” is negative: amounts are zero or more.") % {"value": text[:40]})
    try:
        amount = Decimal(cleaned)
    except InvalidOperation as error:  # pragma: no cover - the pattern admits only decimals
        raise NotAnAmount(_("“%(value)s” is not a number.") % {"value": text[:40]}) from error
    if amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise NotAnAmount(_("“%(value)s” has more than two decimals.") % {"value": text[:40]})
    if amount >= LARGEST:
        raise NotAnAmount(_("“%(value)s” is too large.") % {"value": text[:40]})
    return amount


@dataclass(frozen=True)
class CheckedLine:
    line: int
    section: str
    direction: str
    chapter_code: str
    label_ar: str
    label_fr: str
    planned: Decimal
    executed: Decimal | None


@dataclass(frozen=True)
class RowError:
    line: int | None  # None: the whole file
    reason: str


def check(rows: list[Row]) -> tuple[list[CheckedLine], list[RowError]]:
    """The lines to import, and every error of every row (an import happens only when there is none)."""
    lines: list[CheckedLine] = []
    errors: list[RowError] = []
    seen: dict[tuple[str, str, str], int] = {}
    for row in rows:
        reasons, line = _check_row(row)
        if line is not None:
            key = (line.section, line.direction, line.chapter_code.casefold())
            if key in seen:
                reasons.append(
                    _("The chapter %(chapter)s appears twice in this section and direction (also line %(other)s).")
                    % {"chapter": line.chapter_code, "other": seen[key]}
                )
            else:
                seen[key] = row.line
        errors.extend(RowError(row.line, reason) for reason in reasons)
        if not reasons and line is not None:
            lines.append(line)
    return lines, errors


def _check_row(row: Row) -> tuple[list[str], CheckedLine | None]:
    cells = row.cells
    reasons: list[str] = []
    if row.extra:
        reasons.append(_("The line has more cells than the header has columns."))
    section = SECTIONS.get(cells["section"].casefold())
    if section is None:
        reasons.append(
            _("Unknown section “%(value)s”: write operating or investment.") % {"value": cells["section"][:40]}
            if cells["section"]
            else _("The section is missing.")
        )
    direction = DIRECTIONS.get(cells["direction"].casefold())
    if direction is None:
        reasons.append(
            _("Unknown direction “%(value)s”: write revenue or expenditure.") % {"value": cells["direction"][:40]}
            if cells["direction"]
            else _("The direction is missing.")
        )
    chapter = cells["chapter"]
    if not chapter:
        reasons.append(_("The chapter is missing."))
    elif not CHAPTER.match(chapter):
        reasons.append(
            _("The chapter code “%(value)s” must be up to 20 letters, digits, dots or dashes.")
            % {"value": chapter[:40]}
        )
    label_ar, label_fr = cells["label_ar"], cells["label_fr"]
    if not label_ar and not label_fr:
        reasons.append(_("The chapter needs a label, in Arabic or in French."))
    if len(label_ar) > LABEL_LENGTH or len(label_fr) > LABEL_LENGTH:
        reasons.append(_("A label is longer than %(count)s characters.") % {"count": LABEL_LENGTH})
    planned = _amount(cells["planned"], "planned", reasons, required=True)
    executed = _amount(cells["executed"], "executed", reasons, required=False)
    if reasons or section is None or direction is None or planned is None:
        return reasons, (
            None
            if section is None or direction is None or not chapter
            else CheckedLine(row.line, section, direction, chapter, "", "", Decimal(0), None)
        )
    return reasons, CheckedLine(row.line, section, direction, chapter, label_ar, label_fr, planned, executed)


def _amount(text: str, column: str, reasons: list[str], *, required: bool) -> Decimal | None:
    if not text:
        if required:
            reasons.append(_("The amount in the column %(column)s is missing.") % {"column": column})
        return None
    try:
        return parse_amount(text)
    except NotAnAmount as error:
        reasons.append(_("Column %(column)s: %(reason)s") % {"column": column, "reason": error.reason})
        return None
