"""`infitah serve` collects static files only when their sources changed, so a restart answers in seconds."""

import os

import pytest
from django.contrib.staticfiles.management.commands.collectstatic import Command as CollectStatic

from infitah.core import staticfiles


@pytest.fixture
def static_setup(settings, tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "site.css").write_text("body { color: black; }")
    settings.STATICFILES_DIRS = [sources]
    settings.STATIC_ROOT = tmp_path / "collected"
    settings.STATIC_ROOT.mkdir()
    return sources


def test_the_first_start_collects_and_the_next_start_does_not(static_setup, settings):
    assert staticfiles.collect_if_changed() is True
    assert (settings.STATIC_ROOT / "site.css").read_text() == "body { color: black; }"
    assert staticfiles.collect_if_changed() is False


def test_a_changed_source_file_is_collected_again(static_setup, settings):
    staticfiles.collect_if_changed()
    changed = static_setup / "site.css"
    changed.write_text("body { color: navy; }")
    # collectstatic compares modification times to the second: date the edit a minute later, as a real one is.
    later = changed.stat().st_mtime + 60
    os.utime(changed, (later, later))
    assert staticfiles.collect_if_changed() is True
    assert (settings.STATIC_ROOT / "site.css").read_text() == "body { color: navy; }"


def test_a_new_source_file_is_collected(static_setup, settings):
    staticfiles.collect_if_changed()
    (static_setup / "print.css").write_text("@media print {}")
    assert staticfiles.collect_if_changed() is True
    assert (settings.STATIC_ROOT / "print.css").exists()


class GunicornWouldStart(Exception):
    pass


def test_serve_does_not_collect_when_nothing_changed(static_setup, monkeypatch):
    from django.core.management import call_command

    staticfiles.collect_if_changed()
    collected = []
    monkeypatch.setattr(CollectStatic, "handle", lambda self, **options: collected.append(options))

    def replace_process(*args):
        raise GunicornWouldStart

    # serve sets the public address for the processes it starts: keep it out of this test process.
    monkeypatch.setenv("INFITAH_SITE_URL", "http://127.0.0.1:8123")
    monkeypatch.setattr("os.execv", replace_process)  # stop where gunicorn would replace the test process
    with pytest.raises(GunicornWouldStart):
        call_command("serve", port=8123)
    assert collected == []
