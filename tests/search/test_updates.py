"""The index follows the content in the background: a save or a deletion enqueues the rewrite of that document
(run at once by the tests' task backend, after the commit), and the command rebuilds everything."""

import io

import pytest
from django.core.management import CommandError, call_command

from infitah.core.search import bulk_changes
from infitah.programs.phases import Phase
from infitah.search.models import Entry
from infitah.search.selectors import Filters, results
from infitah.search.terms import parse
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def found(query, language="fr"):
    return [(entry.kind, entry.object_id) for entry in results(parse(query), Filters(), language)]


def test_a_saved_change_is_found_after_the_background_task(corpus, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        corpus.workshop.title = {"ar": "ورشة", "fr": "Atelier quetzal"}
        corpus.workshop.save()
    assert found("quetzal") == [("events.event", corpus.workshop.pk)]


def test_an_event_published_enters_and_unpublished_leaves(corpus, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        corpus.unpublished.is_published = True
        corpus.unpublished.save()
    assert found("zanzibar") == [("events.event", corpus.unpublished.pk)]
    with django_capture_on_commit_callbacks(execute=True):
        corpus.unpublished.is_published = False
        corpus.unpublished.save()
    assert found("zanzibar") == []
    assert not Entry.objects.filter(kind="events.event", object_id=corpus.unpublished.pk).exists()


def test_a_deleted_row_leaves_the_index(corpus, django_capture_on_commit_callbacks):
    pk = corpus.charter.pk
    with django_capture_on_commit_callbacks(execute=True):
        corpus.charter.delete()
    assert not Entry.objects.filter(kind="territories.chartercommitment", object_id=pk).exists()


def test_a_new_row_is_written_in_each_language_it_has(corpus, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        event = EventFactory(collectivity=corpus.safi, title={"ar": "لقاء", "fr": "Rencontre"})
    languages = set(Entry.objects.filter(kind="events.event", object_id=event.pk).values_list("language", flat=True))
    # English and Tamazight have no text of their own: their renderings fall back and are not stored again.
    assert languages == {"ar", "fr"}


def test_nothing_is_enqueued_without_a_commit_nor_for_rows_nobody_searches(corpus, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        corpus.tetouan.membership.save()  # memberships are not a searchable model
    assert callbacks == []


def test_bulk_changes_hold_the_updates_and_rebuild_once_at_the_end(corpus, django_capture_on_commit_callbacks):
    program = corpus.program
    with django_capture_on_commit_callbacks() as callbacks, bulk_changes():
        program.title = {"fr": "Programme ocelot"}
        program.save()
        assert found("ocelot") == []
    assert callbacks == []
    assert found("ocelot") == [("programs.program", program.pk)]


def test_the_command_rebuilds_the_index_or_one_kind(corpus):
    Entry.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_search_index", "--kind", "events.event", stdout=out)
    assert set(Entry.objects.values_list("kind", flat=True)) == {"events.event"}
    assert "Search index rebuilt: 1 documents." in out.getvalue()
    assert "[" not in out.getvalue()  # no progress bar when the output is not a terminal
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert found("redevabilité") != []


def test_the_command_refuses_an_unknown_kind(corpus):
    with pytest.raises(CommandError, match="unknown kinds: nope"):
        call_command("rebuild_search_index", "--kind", "nope", stdout=io.StringIO())


def test_a_program_leaving_the_public_phases_leaves_the_index(corpus, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        corpus.program.phase = Phase.PREPARATION
        corpus.program.save()
    assert ("programs.program", corpus.program.pk) not in found("tetouan")
    assert found("redevabilite budgetaire") == []  # its commitments left with it


def test_a_program_leaving_preparation_brings_its_commitments_in(corpus, django_capture_on_commit_callbacks):
    draft = corpus.hidden_commitment.program
    with django_capture_on_commit_callbacks(execute=True):
        draft.phase = Phase.CO_CREATION
        draft.save()
    assert found("zanzibar") == [("programs.commitment", corpus.hidden_commitment.pk)]
    with django_capture_on_commit_callbacks(execute=True):
        draft.phase = Phase.PREPARATION
        draft.save()
    assert found("zanzibar") == []


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_command_draws_a_progress_bar_on_a_terminal(corpus):
    out = Terminal()
    call_command("rebuild_search_index", "--kind", "programs.commitment", stdout=out)
    assert "programs.commitment" in out.getvalue() and "[##############################] 3/3" in out.getvalue()
