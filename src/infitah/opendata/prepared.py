"""Exports of large datasets, prepared in the background into storage and kept until the rows change.

A dataset above the threshold (exports.background_threshold) is not written while the visitor waits: the first
download asks for it (a PreparedExport row, a task), the page says it is being prepared, and once the task has
written the file every download serves it from storage. One file per dataset, format and language (text cells
such as titles are in the language of the address); it is prepared again when the dataset's `updated` moves past
the version it holds, or the next day for a dataset that records no update.
"""

from __future__ import annotations

import datetime
import logging

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from infitah.core.datasets import Dataset, dataset
from infitah.opendata import exports
from infitah.opendata.formats import FORMATS, Format
from infitah.opendata.models import PreparedExport, PreparedExportState
from infitah.opendata.selectors import row_count

logger = logging.getLogger(__name__)

# A preparation that has not finished after this long is taken to have died with its worker and asked again.
GIVE_UP_AFTER = datetime.timedelta(hours=2)


def version(chosen: Dataset) -> str:
    last = chosen.last_updated()
    if last is None:
        return f"day:{timezone.localdate().isoformat()}"
    return last.isoformat()


def is_large(chosen: Dataset, rows: int | None) -> bool:
    """`rows`: selectors.row_count(chosen), None when not counted (never large)."""
    return rows is not None and rows > exports.background_threshold()


def current(chosen: Dataset, format: Format, language: str) -> PreparedExport | None:
    """The export of the dataset's current version, ready or being prepared; None when none was asked for."""
    export = PreparedExport.objects.filter(dataset=chosen.key, format=format.key, language=language).first()
    if export is None or export.version != version(chosen):
        return None
    return export


def _needs_asking(export: PreparedExport, wanted: str, now: datetime.datetime) -> bool:
    if export.version != wanted or export.state == PreparedExportState.FAILED:
        return True
    if export.state == PreparedExportState.READY:
        return not default_storage.exists(export.file)
    return now - export.requested_at > GIVE_UP_AFTER


def requested(chosen: Dataset, format: Format, language: str) -> PreparedExport:
    """The export of the dataset's current version, asking for it (once) when it is missing or stale."""
    from infitah.opendata import tasks

    wanted, now = version(chosen), timezone.now()
    fields = {"version": wanted, "state": PreparedExportState.PREPARING, "requested_at": now, "prepared_at": None}
    try:
        with transaction.atomic():
            export, created = PreparedExport.objects.select_for_update().get_or_create(
                dataset=chosen.key, format=format.key, language=language, defaults=fields
            )
            ask = created or _needs_asking(export, wanted, now)
            if ask and not created:
                for name, value in fields.items():
                    setattr(export, name, value)
                export.save()
    except IntegrityError:  # another request created it between our read and our write: it asked for it
        return PreparedExport.objects.get(dataset=chosen.key, format=format.key, language=language)
    if ask:
        tasks.prepare_export.enqueue(chosen.key, format.key, language, wanted)
        export.refresh_from_db()
    return export


def prepare(key: str, format_key: str, language: str, wanted: str) -> PreparedExport | None:
    """Write the file (the task's work); None when the dataset has moved on since it was asked for."""
    chosen, format = dataset(key), FORMATS[format_key]
    export = PreparedExport.objects.filter(dataset=key, format=format_key, language=language).first()
    if export is None or export.version != wanted:
        return None
    try:
        with translation.override(language), exports.temporary_file() as out:
            exports.write(chosen, format, out)
            out.seek(0)
            name = default_storage.save(f"open-data/{key}/{exports.filename(chosen, format)}", File(out))
    except Exception:
        logger.exception("open data: preparing %s.%s failed", key, format_key)
        PreparedExport.objects.filter(pk=export.pk, version=wanted).update(state=PreparedExportState.FAILED)
        raise
    previous = export.file
    updated = PreparedExport.objects.filter(pk=export.pk, version=wanted).update(
        state=PreparedExportState.READY, file=name, prepared_at=timezone.now(), rows=row_count(chosen)
    )
    if not updated:  # asked again for a newer version meanwhile: this file is already stale
        default_storage.delete(name)
        return None
    if previous and previous != name:
        default_storage.delete(previous)
    export.refresh_from_db()
    return export
