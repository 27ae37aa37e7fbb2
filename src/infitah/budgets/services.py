"""The acts on budgets: ask for an import, run it (in the task worker), publish a draft.

An import never touches a published budget: it replaces the lines of the year's draft, in one transaction, and
only when every row of the file is valid. Publishing a draft replaces the year's published budget, which needs a
note saying why.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from infitah.accounts.models import User
from infitah.budgets import checking, reading
from infitah.budgets.models import Budget, BudgetImport, BudgetLine, BudgetStatus, ImportStatus
from infitah.participation.attachments import check_upload, megabytes
from infitah.participation.audit import audit
from infitah.participation.filetypes import extension_of
from infitah.territories.models import Collectivity

logger = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024
EXTENSIONS = ("csv", "xlsx")


def check_file(uploaded: Any) -> None:
    """A budget file: a CSV or XLSX file of at most 5 MB whose content matches its extension."""
    if extension_of(uploaded.name) not in EXTENSIONS:
        raise ValidationError(_("Choose a .csv or .xlsx file."), code="type")
    if uploaded.size > MAX_BYTES:
        raise ValidationError(
            _("The file is too large: %(size)s MB; the limit is %(limit)s MB."),
            params={"size": megabytes(uploaded.size), "limit": megabytes(MAX_BYTES)},
            code="too_large",
        )
    if extension_of(uploaded.name) == "csv":
        _check_text(uploaded)
    check_upload(uploaded)


def _check_text(uploaded: Any) -> None:
    """A text file in another encoding than UTF-8 is told so (a program renamed .csv, holding NUL bytes, is left to
    check_upload, which refuses it for not being what its extension claims)."""
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    if b"\x00" in data:
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("The file is not UTF-8 text: save it again as “CSV UTF-8” and import it again."), code="encoding"
        ) from error


def request_import(
    user: User, collectivity: Collectivity, year: int, uploaded: Any, source_note: str = ""
) -> BudgetImport:
    """Keep the (checked) file and queue its import for the worker once the transaction commits."""
    from infitah.budgets.tasks import run_import

    uploaded.seek(0)
    job = BudgetImport.objects.create(
        collectivity=collectivity,
        year=year,
        filename=uploaded.name[:255],
        content=uploaded.read(),
        source_note=source_note,
        language=translation.get_language() or "ar",
        requested_by=user,
    )
    transaction.on_commit(lambda: run_import.enqueue(job.pk))
    return job


def _write(job_id: int, **fields: Any) -> None:
    """Straight to the row: the page polling it reads each step at once."""
    BudgetImport.objects.filter(pk=job_id).update(**fields)


def run_import(job_id: int) -> int | None:
    """Read, check and import one file; the errors are written in the language of the person who sent it. Returns
    the number of lines imported, or None when nothing was."""
    job = BudgetImport.objects.select_related("collectivity", "requested_by").filter(pk=job_id).first()
    if job is None or not job.is_working:
        return None
    _write(job.pk, status=ImportStatus.RUNNING, progress=5)
    try:
        with translation.override(job.language):
            return _import(job)
    except Exception:  # noqa: BLE001 - any failure is shown on the import's page and logged
        logger.exception("budget import %s failed", job.pk)
        with translation.override(job.language):  # the cause is logged, not shown
            reason = _("An unexpected error stopped the import.")
        _write(
            job.pk,
            status=ImportStatus.FAILED,
            errors=[[None, reason]],
            content=b"",
            finished_at=timezone.now(),
        )
        return None


def _import(job: BudgetImport) -> int | None:
    try:
        rows = reading.read(job.filename, bytes(job.content))
    except reading.FileRefused as refused:
        _refuse(job, [checking.RowError(None, refused.message)])
        return None
    _write(job.pk, progress=40)
    lines, errors = checking.check(rows)
    _write(job.pk, progress=70)
    if errors:
        _refuse(job, errors)
        return None
    with transaction.atomic():
        budget, _created = Budget.objects.select_for_update().get_or_create(
            collectivity=job.collectivity, year=job.year, status=BudgetStatus.DRAFT
        )
        budget.source_note = job.source_note
        budget.save(update_fields=["source_note"])
        budget.lines.all().delete()
        BudgetLine.objects.bulk_create(
            BudgetLine(
                budget=budget,
                section=line.section,
                direction=line.direction,
                chapter_code=line.chapter_code,
                label_ar=line.label_ar,
                label_fr=line.label_fr,
                planned=line.planned,
                executed=line.executed,
            )
            for line in lines
        )
        _write(
            job.pk,
            status=ImportStatus.DONE,
            progress=100,
            imported_lines=len(lines),
            errors=[],
            content=b"",
            finished_at=timezone.now(),
        )
        audit(job.requested_by, "budgets.import_budget", budget, {"file": job.filename, "lines": len(lines)})
    return len(lines)


def _refuse(job: BudgetImport, errors: list[checking.RowError]) -> None:
    _write(
        job.pk,
        status=ImportStatus.REFUSED,
        progress=100,
        content=b"",  # the errors are kept, the file is not: a corrected one is sent again
        errors=[[error.line, error.reason] for error in errors],
        finished_at=timezone.now(),
    )


class PublicationRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@transaction.atomic
def publish(user: User | None, draft: Budget, note: str = "") -> Budget:
    """Make the draft the year's published budget; replacing an already published one needs a note. Audited."""
    draft = Budget.objects.select_for_update().get(pk=draft.pk)
    if draft.status != BudgetStatus.DRAFT:
        raise PublicationRefused(_("This budget is already published."))
    if not draft.lines.exists():
        raise PublicationRefused(_("A budget without lines cannot be published."))
    previous = Budget.objects.filter(
        collectivity_id=draft.collectivity_id, year=draft.year, status=BudgetStatus.PUBLISHED
    ).first()
    note = note.strip()
    if previous is not None and not note:
        raise PublicationRefused(
            _("The %(year)s budget is already published: say why it is replaced (this note is shown with it).")
            % {"year": draft.year}
        )
    if previous is not None:
        previous.delete()
    draft.status = BudgetStatus.PUBLISHED
    draft.republication_note = note if previous is not None else ""
    draft.published_at = timezone.now()
    draft.save(update_fields=["status", "republication_note", "published_at"])
    audit(user, "budgets.publish_budget", draft, {"replaced": previous is not None, "note": draft.republication_note})
    return draft
