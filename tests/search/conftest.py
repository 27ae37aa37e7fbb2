"""One corpus for every search test, on SQLite and on PostgreSQL alike: what is public, what is not, in several
languages and spellings."""

import datetime
from types import SimpleNamespace

import pytest

from infitah.events.models import EventKind
from infitah.programs.phases import Phase
from infitah.search import indexing
from tests.events.factories import EventFactory, in_days
from tests.factories import CharterCommitmentFactory, CommuneFactory, MembershipFactory
from tests.information.factories import filed_request
from tests.programs.factories import AxisFactory, CommitmentFactory, ProgramFactory


@pytest.fixture
def corpus(db):
    tetouan = CommuneFactory(code="C51101", name={"ar": "جماعة تطوان", "fr": "Commune de Tétouan"})
    safi = CommuneFactory(code="C42101", name={"ar": "جماعة آسفي", "fr": "Commune de Safi"})
    for commune in (tetouan, safi):
        MembershipFactory(collectivity=commune)
    program = ProgramFactory(
        collectivity=tetouan,
        phase=Phase.IMPLEMENTATION,
        title={"ar": "برنامج انفتاح تطوان", "fr": "Programme d'ouverture de Tétouan"},
        summary={"ar": "ملخص", "fr": "Résumé"},
    )
    axis = AxisFactory(program=program)
    accountability = CommitmentFactory(
        axis=axis,
        title={"ar": "تعزيز المُساءلة في تدبير الميزانية", "fr": "Renforcer la redevabilité budgétaire"},
        problem={"ar": "ضعف نشر تقارير الأداء", "fr": "Peu de rapports publiés"},
        description={"ar": "نشر تقارير آداء المصالح كل سنة", "fr": "Publier chaque année les rapports de performance"},
        principles=["accountability"],
    )
    portal = CommitmentFactory(
        axis=axis,
        title={"ar": "بوابة الشفافية", "fr": "Portail de la transparence"},
        problem={"ar": "المعلومة متفرقة", "fr": "L'information est dispersée"},
        description={
            "ar": "بوابة تعزز المسائلة والمشاركة المواطنة",
            "fr": "Un portail pour la participation citoyenne et la redevabilité",
        },
        principles=["transparency", "digitalisation"],
    )
    safi_program = ProgramFactory(collectivity=safi, phase=Phase.EVALUATION)
    safi_commitment = CommitmentFactory(
        axis=AxisFactory(program=safi_program),
        title={"ar": "المساءلة المحلية بآسفي", "fr": "Redevabilité locale à Safi"},
        description={"ar": "لقاءات سنوية", "fr": "Rencontres annuelles"},
        principles=["accountability"],
    )
    draft = ProgramFactory(collectivity=tetouan, phase=Phase.PREPARATION)
    hidden_commitment = CommitmentFactory(
        axis=AxisFactory(program=draft),
        title={"ar": "المساءلة السرية", "fr": "Redevabilité brouillon zanzibar"},
        description={"ar": "مسودة", "fr": "Brouillon zanzibar"},
    )
    workshop = EventFactory(
        collectivity=safi,
        kind=EventKind.WORKSHOP,
        title={"ar": "ورشة المشاركة المواطنة", "fr": "Atelier de participation citoyenne"},
        description={"ar": "ورشة حول المساءلة", "fr": "Un atelier sur la redevabilité"},
        starts_at=in_days(-400),
        ends_at=in_days(-400) + datetime.timedelta(hours=3),
    )
    unpublished = EventFactory(
        collectivity=safi,
        is_published=False,
        title={"ar": "لقاء غير منشور", "fr": "Réunion zanzibar non publiée"},
        description={"ar": "سري", "fr": "zanzibar"},
    )
    request = filed_request(tetouan, subject="Zanzibar budget annex", description="The zanzibar annex.")
    request.is_public = False
    request.save()
    charter = CharterCommitmentFactory(
        number=7, title={"ar": "ترسيخ قيم المساءلة", "fr": "Ancrer la redevabilité"}, text={"ar": "نص", "fr": "Texte"}
    )
    indexing.rebuild()
    return SimpleNamespace(
        tetouan=tetouan,
        safi=safi,
        program=program,
        accountability=accountability,
        portal=portal,
        safi_commitment=safi_commitment,
        hidden_commitment=hidden_commitment,
        workshop=workshop,
        unpublished=unpublished,
        request=request,
        charter=charter,
    )
