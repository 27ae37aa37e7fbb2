"""Demo resources, marked illustrative: the network's co-creation guide in Arabic and French (two versions), a
workshop agenda template from Marrakech-Safi (after the seed article's agenda) and the network's methodology for
handling petitions. Files are small OpenDocument texts built in memory and checked like any upload. `load()` only
adds what is missing."""

from __future__ import annotations

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils.translation import gettext as _

from infitah.accounts.models import User
from infitah.resources import services
from infitah.resources.demo.documents import odt
from infitah.resources.models import Resource, ResourceVersion
from infitah.territories.demo.content import ILLUSTRATIVE_AR, ILLUSTRATIVE_FR
from infitah.territories.models import Collectivity

COORDINATOR = "coordinator@infitah.example"
REGION_FOCAL_POINT = "focal.marrakech-safi@infitah.example"
MARRAKECH_SAFI = "07"

GUIDE = {
    "title": {"ar": "دليل الخلق المشترك لبرنامج الانفتاح", "fr": "Guide de la co-création du programme d'ouverture"},
    "description": {
        "ar": "كيف تشرك الجماعة المجتمع المدني والهيئات الاستشارية في إعداد برنامج الانفتاح: التحضير، الورشة، "
        "الخلاصات، والاستشارة حول المسودة. " + ILLUSTRATIVE_AR,
        "fr": "Comment associer la société civile et les instances consultatives à l'élaboration du programme "
        "d'ouverture : préparation, atelier, conclusions, consultation sur le projet. " + ILLUSTRATIVE_FR,
    },
    "kind": "guide",
    "principles": ["citizen_participation", "transparency"],
    "versions": [
        (
            "1.0",
            "2023-03-01",
            "Première version.",
            {
                "ar": [
                    "قبل الورشة: حدد المحاور الأولية وادع الهيئات الاستشارية.",
                    "أثناء الورشة: مجموعات عمل لكل محور.",
                ],
                "fr": [
                    "Avant l'atelier : fixer les axes initiaux, inviter les instances.",
                    "Pendant : un groupe par axe.",
                ],
            },
        ),
        (
            "1.1",
            "2023-09-15",
            "Ajout de la consultation sur le projet et du retour aux participants.",
            {
                "ar": [
                    "قبل الورشة: حدد المحاور الأولية وادع الهيئات الاستشارية.",
                    "أثناء الورشة: مجموعات عمل لكل محور.",
                    "بعد الورشة: انشر الخلاصات واعرض المسودة للاستشارة قبل دورة المجلس.",
                ],
                "fr": [
                    "Avant l'atelier : fixer les axes initiaux, inviter les instances.",
                    "Pendant : un groupe par axe.",
                    "Après : publier les conclusions, consulter sur le projet avant la session du conseil.",
                ],
            },
        ),
    ],
}

AGENDA = {
    "title": {
        "ar": "نموذج جدول أعمال ورشة الإعداد المشترك",
        "fr": "Modèle d'ordre du jour d'un atelier de co-création",
    },
    "description": {
        "ar": "جدول أعمال ورشة 11 أبريل 2023 لجهة مراكش آسفي، جاهز للتكييف. " + ILLUSTRATIVE_AR,
        "fr": "L'ordre du jour de l'atelier du 11 avril 2023 de Marrakech-Safi, prêt à adapter. " + ILLUSTRATIVE_FR,
    },
    "kind": "template",
    "principles": ["citizen_participation"],
    "versions": [
        (
            "2023",
            "2023-04-11",
            "",
            {
                "ar": [
                    "10.30-11.00 استقبال المشاركين والمشاركات",
                    "11.00-11.30 الكلمة الافتتاحية؛ عرض حول الشبكة والجدولة الزمنية؛ تقديم المحاور الأولية",
                    "11.30 ورشة عمل حول المحاور الأولية؛ تقديم النتائج والخلاصات",
                    "13.30 اختتام أشغال الورشة",
                ],
                "fr": [
                    "10h30-11h00 Accueil des participantes et participants",
                    "11h00-11h30 Ouverture ; présentation du réseau et du calendrier ; axes initiaux",
                    "11h30 Atelier sur les axes initiaux ; restitution des résultats et conclusions",
                    "13h30 Clôture",
                ],
            },
        ),
    ],
}

PETITIONS = {
    "title": {"ar": "منهجية معالجة العرائض", "fr": "Méthodologie de traitement des pétitions"},
    "description": {
        "ar": "من الإيداع إلى قرار المجلس: الآجال، قرار المكتب المعلل، والرد على الموقعين. " + ILLUSTRATIVE_AR,
        "fr": "Du dépôt à la décision du conseil : délais, décision motivée du bureau, réponse aux signataires. "
        + ILLUSTRATIVE_FR,
    },
    "kind": "methodology",
    "principles": ["citizen_participation", "accountability"],
    "versions": [
        (
            "1.0",
            "2024-01-20",
            "",
            {
                "fr": [
                    "Accuser réception du dépôt et publier la pétition.",
                    "Le bureau statue sur la recevabilité dans le délai légal, par une décision motivée.",
                    "Inscrire la pétition recevable à l'ordre du jour de la session suivante, "
                    "et en informer les signataires.",
                ],
                "ar": [
                    "الإشعار بالتوصل ونشر العريضة.",
                    "يبت المكتب في قبول العريضة داخل الأجل القانوني بقرار معلل.",
                    "إدراج العريضة المقبولة في جدول أعمال الدورة الموالية وإخبار الموقعين.",
                ],
            },
        ),
    ],
}


def _say(stdout: OutputWrapper | None, text: str) -> None:
    if stdout is not None:
        stdout.write(text)


def load(stdout: OutputWrapper | None = None) -> list[tuple[str, str]]:
    if Resource.objects.filter(is_illustrative=True).exists():
        return []
    people = {u.email: u for u in User.objects.filter(email__in=[COORDINATOR, REGION_FOCAL_POINT])}
    coordinator = people.get(COORDINATOR)
    if coordinator is None:
        return []
    region = Collectivity.objects.filter(code=MARRAKECH_SAFI).first()
    with transaction.atomic():
        _resource(GUIDE, coordinator, None)
        _resource(PETITIONS, coordinator, None)
        if region is not None and people.get(REGION_FOCAL_POINT) is not None:
            _resource(AGENDA, people[REGION_FOCAL_POINT], region)
    _say(stdout, _("Resources: a co-creation guide in two versions, a workshop agenda template, a methodology."))
    return []


def _files(title: dict, label: str, paragraphs: dict) -> dict:
    return {
        code: SimpleUploadedFile(f"{title['fr'][:40]} {label} ({code}).odt", odt(title[code], lines))
        for code, lines in paragraphs.items()
    }


def _resource(data: dict, by: User, publisher: Collectivity | None) -> Resource:
    resource = Resource(
        title=data["title"],
        description=data["description"],
        kind=data["kind"],
        principles=data["principles"],
        publisher=publisher,
        is_illustrative=True,
    )
    first, *later = data["versions"]
    label, on, note, paragraphs = first
    version = ResourceVersion(label=label, released_on=datetime.date.fromisoformat(on), note=note)
    services.publish(by, resource, version, _files(data["title"], label, paragraphs))
    for label, on, note, paragraphs in later:
        version = ResourceVersion(label=label, released_on=datetime.date.fromisoformat(on), note=note)
        services.add_version(by, resource, version, _files(data["title"], label, paragraphs))
    return resource
