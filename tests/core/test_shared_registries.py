"""What the current apps contribute, ready for the search, the open-data catalogue and the openness index.

Each registry only ever holds what an anonymous visitor may see (a draft program, a hidden contribution or an
unpublished event is never a search result nor a dataset row), and the index costs the same number of queries for
one collectivity as for many.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from infitah.core.datasets import table
from infitah.core.indicators import indicators, measure
from infitah.core.principles import Principle
from infitah.core.search import documents, sources
from infitah.programs.phases import Phase
from tests.consultations.factories import ContributionFactory, ResponseFactory
from tests.events.factories import EventFactory
from tests.factories import CommuneFactory
from tests.programs.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def test_every_current_capability_makes_its_public_content_searchable():
    assert {source.kind for source in sources()} >= {
        "programs.program",
        "programs.commitment",
        "consultations.contribution",
        "events.event",
        "bodies.advisorybody",
        "bodies.opinion",
    }


def test_search_documents_name_nothing_an_anonymous_visitor_may_not_see():
    ProgramFactory(title={"fr": "Programme en préparation"}, phase=Phase.PREPARATION)
    ProgramFactory(title={"fr": "Programme public"}, phase=Phase.DRAFTING)
    shown = ContributionFactory(body="Publier les comptes rendus")
    ContributionFactory(consultation=shown.consultation, body="Texte masqué par la modération", is_hidden=True)
    EventFactory(title={"fr": "Atelier publié"})
    EventFactory(title={"fr": "Atelier non publié"}, is_published=False)

    with translation.override("fr"):
        found = [(document.kind, document.title, document.text) for document in documents()]

    titles = {title for _kind, title, _text in found}
    texts = {text for _kind, _title, text in found}
    assert {"Programme public", "Atelier publié"} <= titles
    assert not {"Programme en préparation", "Atelier non publié"} & titles
    assert "Publier les comptes rendus" in texts
    assert "Texte masqué par la modération" not in texts


def test_a_dataset_streams_a_header_then_public_rows_only():
    public = ProgramFactory(title={"fr": "Programme public"}, phase=Phase.DRAFTING)
    ProgramFactory(phase=Phase.PREPARATION)
    with translation.override("fr"):
        header, *rows = list(table("programs"))
    assert header == ["id", "collectivity", "title", "phase", "adopted"]
    assert rows == [[public.pk, public.collectivity.code, "Programme public", "drafting", False]]


def test_indicators_measure_each_collectivity_and_leave_out_those_with_nothing_to_measure():
    answered = ContributionFactory()
    ResponseFactory(contribution=answered)
    ContributionFactory(consultation=answered.consultation)
    commune = answered.consultation.collectivity
    yesterday = timezone.now() - datetime.timedelta(days=1)
    EventFactory(collectivity=commune, starts_at=yesterday - datetime.timedelta(hours=3), ends_at=yesterday)
    EventFactory(
        collectivity=commune, starts_at=yesterday - datetime.timedelta(hours=3), ends_at=yesterday, is_published=False
    )
    quiet = CommuneFactory()

    values = measure([commune.pk, quiet.pk])

    assert values["consultations.answered"] == {commune.pk: 0.5}
    assert values["events.held"] == {commune.pk: 1.0}
    assert values["programs.adopted"] == {commune.pk: 0.0}  # a public program, not adopted yet
    assert all(quiet.pk not in by_collectivity for by_collectivity in values.values())
    assert {indicator.principle for indicator in indicators()} <= set(Principle)


def test_the_index_costs_the_same_queries_for_one_collectivity_as_for_many():
    communes = [ContributionFactory().consultation.collectivity for _ in range(4)]
    with CaptureQueriesContext(connection) as one:
        measure(communes[:1])
    with CaptureQueriesContext(connection) as many:
        measure(communes)
    assert len(many) == len(one)
