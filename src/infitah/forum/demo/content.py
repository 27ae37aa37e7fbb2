"""Demo data of the forum, loaded by `infitah demo` after the territories, programs, events and bodies (and the
practices, when installed): five categories and illustrative threads between Marrakech-Safi's staff, Safi's staff,
the Marrakech association and the coordinator, in Arabic and French. One links a commitment of the region's
program, one the co-creation practice (only when the practices app is installed), one mentions a member.
`load()` only adds what is missing."""

from __future__ import annotations

import datetime

from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.accounts.models import User
from infitah.forum import links, services, text
from infitah.forum.models import Category, Thread
from infitah.programs.models import Commitment
from infitah.territories.models import Collectivity

MARRAKECH_SAFI, SAFI = "07", "07007001"
COORDINATOR = "coordinator@infitah.example"
FOCAL_REGION = "focal.marrakech-safi@infitah.example"
INFORMATION_REGION = "information.marrakech-safi@infitah.example"
FOCAL_SAFI = "focal.safi@infitah.example"
ASSOCIATION = "association@infitah.example"

CATEGORIES = [
    (
        "co-creation",
        {"ar": "الإعداد التشاركي للبرامج", "fr": "Co-création des programmes", "en": "Co-creation of programs"},
        {
            "ar": "تبادل التجارب حول ورشات الإعداد المشترك لبرامج الانفتاح.",
            "fr": "Échanges sur les ateliers de co-création des programmes d'ouverture.",
        },
        False,
    ),
    (
        "access-to-information",
        {"ar": "الحق في الحصول على المعلومات", "fr": "Accès à l'information", "en": "Access to information"},
        {
            "ar": "تطبيق القانون 31.13: الطلبات، الآجال، النشر الاستباقي.",
            "fr": "Appliquer la loi 31.13 : demandes, délais, publication proactive.",
        },
        False,
    ),
    (
        "petitions",
        {"ar": "العرائض", "fr": "Pétitions", "en": "Petitions"},
        {"ar": "استقبال العرائض ومعالجتها داخل المجالس.", "fr": "Recevoir et traiter les pétitions dans les conseils."},
        False,
    ),
    (
        "digital-tools",
        {"ar": "الأدوات الرقمية", "fr": "Outils numériques", "en": "Digital tools"},
        {
            "ar": "فضاء خاص بالأعضاء لتبادل الأدوات والحلول التقنية.",
            "fr": "Espace réservé aux membres pour partager outils et solutions techniques.",
        },
        True,
    ),
    (
        "open-data",
        {"ar": "البيانات المفتوحة", "fr": "Données ouvertes", "en": "Open data"},
        {"ar": "نشر البيانات المفتوحة وإعادة استعمالها.", "fr": "Publier et réutiliser les données ouvertes."},
        False,
    ),
]


def _say(stdout: OutputWrapper | None, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def _at(days_ago: int, hour: int = 10) -> datetime.datetime:
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def _categories() -> dict[str, Category]:
    made = {}
    for order, (slug, name, description, members_only) in enumerate(CATEGORIES, start=1):
        made[slug], _created = Category.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "order": order * 10, "members_only": members_only},
        )
    return made


def load(stdout: OutputWrapper | None = None) -> list[tuple[str, str]]:
    """Create the demo forum once; the logins are the territories' demo people."""
    people = {
        u.email: u
        for u in User.objects.filter(email__in=[COORDINATOR, FOCAL_REGION, INFORMATION_REGION, FOCAL_SAFI, ASSOCIATION])
    }
    places = {c.code: c for c in Collectivity.objects.filter(code__in=[MARRAKECH_SAFI, SAFI])}
    if len(people) < 5 or len(places) < 2:
        return []
    categories = _categories()
    if Thread.objects.filter(is_illustrative=True).exists():
        return []
    with transaction.atomic():
        made = _threads(categories, people, places)
        Thread.objects.filter(pk__in=[thread.pk for thread in made]).update(is_illustrative=True)
    _say(stdout, _("Forum: five categories and illustrative threads created."))
    return []


def _threads(categories, people, places) -> list[Thread]:
    region, safi = places[MARRAKECH_SAFI], places[SAFI]
    commitment = (
        Commitment.objects.public().filter(program__collectivity=region).order_by("axis__order", "order").first()
    )
    focal, info, safi_focal = people[FOCAL_REGION], people[INFORMATION_REGION], people[FOCAL_SAFI]
    association, coordinator = people[ASSOCIATION], people[COORDINATOR]

    workshop = services.start_thread(
        focal,
        categories["co-creation"],
        "كيف نُشرك الجمعيات في تتبع التزامات البرنامج؟",
        "نشرنا في جهة مراكش-آسفي التزاما حول إشراك الجمعيات في تتبع تنفيذ البرنامج.\n\n"
        "نود أن نعرف كيف نظمت الجماعات الأخرى لقاءات التتبع: كم مرة في السنة؟ وبأي أدوات؟ "
        "التفاصيل على صفحة الالتزام: https://infitah.example/ar/programs/",
        collectivity_id=region.pk,
        commitment=commitment,
        now=_at(12),
    )
    services.reply(
        safi_focal,
        workshop,
        "À Safi, nous avons repris cet engagement dans notre propre programme. Nous réunissons les associations "
        "deux fois par an, avec un tableau de suivi partagé.\n\nLe compte rendu de la dernière réunion est public.",
        collectivity_id=safi.pk,
        now=_at(11),
    )
    services.reply(
        association,
        workshop,
        f"شكرا {text.mention(focal.display_name, focal.pk)} على المبادرة. جمعيتنا مستعدة للمشاركة في لجنة التتبع، "
        "ونقترح أن تنشر محاضر اللقاءات باللغتين العربية والفرنسية.",
        now=_at(10),
    )

    requests = services.start_thread(
        association,
        categories["access-to-information"],
        "Délai de réponse aux demandes d'information : comment le suivez-vous ?",
        "Notre association a déposé plusieurs demandes d'information. Le registre public nous aide beaucoup.\n\n"
        "Comment les collectivités organisent-elles le suivi interne des délais de vingt jours ?",
        now=_at(8),
    )
    services.reply(
        info,
        requests,
        "نعتمد في الجهة على سجل الطلبات في المنصة: كل طلب يظهر مع أجله القانوني، ونتلقى تذكيرا قبل انقضاء الأجل.",
        collectivity_id=region.pk,
        now=_at(7),
    )

    made = [workshop, requests]
    practice = None
    practices = links.linkable_practices()
    if practices is not None:
        practice = practices.filter(collectivity=region).first() or practices.first()
    if practice is not None:
        made += [
            services.start_thread(
                coordinator,
                categories["co-creation"],
                "Méthode des ateliers de co-création : retours d'expérience",
                "La méthode des ateliers de co-création de Marrakech-Safi est dans la bibliothèque "
                "des bonnes pratiques.\n\n"
                "Les membres qui l'ont adoptée peuvent partager ici ce qui a marché et ce qu'ils ont adapté.",
                practice_id=practice.pk,
                now=_at(6),
            )
        ]

    made.append(
        services.start_thread(
            safi_focal,
            categories["open-data"],
            "Quels jeux de données publier en premier ?",
            "Nous préparons notre premier catalogue de données ouvertes. Budget, marchés publics, équipements : "
            "par quoi avez-vous commencé ?",
            collectivity_id=safi.pk,
            now=_at(4),
        )
    )
    made.append(
        services.start_thread(
            focal,
            categories["digital-tools"],
            "أدوات البث المباشر لدورات المجلس",
            "ما هي الأدوات التي تستعملونها لبث دورات المجلس مباشرة؟ هذا الفضاء خاص بأعضاء الشبكة.",
            collectivity_id=region.pk,
            now=_at(3),
        )
    )
    return made
