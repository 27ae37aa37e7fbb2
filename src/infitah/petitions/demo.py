"""Demo data of petitions, loaded by `infitah demo` after the territories (their collectivities, populations and
logins), every petition made through the services with explicit dates and marked illustrative:

- citizens of Marrakech-Safi (a region of 4.5 million: 500 signatures, 25 in each of its eight prefectures and
  provinces) collecting signatures: seven provinces past their 5%, Youssoufia under it;
- citizens of Safi (a commune of 308,508: 200 signatures) deposited and declared admissible by the commune's bureau,
  on the agenda of its next ordinary session;
- the demo association's petition to the region, with an illustrative extract of its statutes as eligibility
  document, declared inadmissible with its reasoned notice.

Signers are demo accounts with generated ID numbers: the numbers are only hashed, never kept. `load()` only adds
what is missing: a second call writes nothing.
"""

from __future__ import annotations

import datetime
from typing import Any

from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils.translation import gettext as _

from infitah.accounts.models import Association, User
from infitah.petitions import counting, eligibility_documents, services
from infitah.petitions.models import Petition
from infitah.territories.models import Collectivity

MARRAKECH_SAFI, SAFI, YOUSSOUFIA = "07", "07007001", "07008"
CITIZEN = "citizen@infitah.example"
ASSOCIATION_REPRESENTATIVE = "association@infitah.example"
FOCAL_SAFI = "focal.safi@infitah.example"
COUNCIL_REGION = "council.marrakech-safi@infitah.example"
SIGNERS = 200
PER_PROVINCE = 26  # above the 25 a province needs
UNDER_SHARE = 9  # Youssoufia: under its 25
# The association's eligibility document: an illustrative extract, no officer named.
STATUTES_EXTRACT = (
    "جمعية تجريبية — مقتطف من القانون الأساسي (وثيقة توضيحية)\n"
    "Association de démonstration — extrait des statuts (document illustratif)\n"
    "Article 3 : l'association a pour objet la formation et la sensibilisation au droit d'accès à l'information.\n"
    "Article 4 : son siège est à Marrakech.\n"
)

REGION_PETITION: dict[str, Any] = {
    "title": "نقل عمومي جهوي يربط أقاليم الجهة بمراكش",
    "subject": (
        "نطلب من مجلس الجهة إحداث خطوط نقل عمومي جهوي منتظمة تربط مراكز الأقاليم الثمانية بمدينة مراكش وبمدينة آسفي."
    ),
    "reasons": "يضطر سكان الأقاليم البعيدة إلى التنقل لساعات للوصول إلى المستشفى الجامعي والجامعة والإدارات الجهوية.",
    "objectives": "خطوط يومية بأسعار مناسبة وجدول زمني منشور قبل نهاية السنة المقبلة.",
}
SAFI_PETITION: dict[str, Any] = {
    "title": "Un parc public pour le quartier Jrifat",
    "subject": "Aménager le terrain vague de Jrifat en parc public avec aire de jeux et éclairage.",
    "reasons": "Le quartier n'a aucun espace vert; les enfants jouent dans la rue.",
    "objectives": "Un parc ouvert aux habitants, entretenu par la commune, dans un délai de deux ans.",
}
ASSOCIATION_PETITION: dict[str, Any] = {
    "title": "إحداث مرصد جهوي للحق في الحصول على المعلومات",
    "subject": "نطلب من مجلس الجهة إحداث مرصد جهوي يتتبع طلبات الحصول على المعلومات ويصدر تقريرا سنويا.",
    "reasons": "تتأخر أجوبة عدد من الإدارات عن الآجال القانونية دون أن يعلم المرتفقون بذلك.",
    "objectives": "تقرير سنوي منشور ومؤشرات واضحة حول الآجال.",
}
INADMISSIBLE_REASONS = (
    "الطلب لا يندرج ضمن اختصاصات الجهة: تتبع تطبيق القانون 31.13 يعود إلى لجنة الحق في الحصول على المعلومات. "
    "Le bureau déclare la pétition irrecevable : le suivi de la loi 31-13 relève de la Commission du droit "
    "d'accès à l'information, non des compétences propres de la région."
)


def _say(stdout: OutputWrapper | None, text: str) -> None:
    if stdout is not None:
        stdout.write(text)


def _signers() -> list[User]:
    users = []
    for number in range(1, SIGNERS + 1):
        email = f"signer{number:03d}@infitah.example"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, password=None, full_name=f"Signataire {number:03d}")
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        users.append(user)
    return users


def _id_number(petition: Petition, index: int) -> str:
    """A generated, well-formed ID number (two letters, six digits); it is only hashed."""
    return f"DM{petition.pk % 100:02d}{index:04d}"


def _region_petition(region: Collectivity, agent: User, signers: list[User]) -> Petition:
    petition = services.draft_petition(
        agent,
        region,
        respects_constitution=True,
        is_illustrative=True,
        today=datetime.date(2026, 10, 5),
        **REGION_PETITION,
    )
    petition = services.open_signing(agent, petition, today=datetime.date(2026, 10, 12))
    signer = iter(signers)
    index = 0
    for province in counting.provinces_of(region):
        commune = Collectivity.objects.filter(parent=province, kind="commune").order_by("code").first()
        if commune is None:
            continue
        for _n in range(UNDER_SHARE if province.code == YOUSSOUFIA else PER_PROVINCE):
            index += 1
            services.sign(
                next(signer),
                petition,
                full_name=f"Signataire {index:03d}",
                national_id=_id_number(petition, index),
                basis="residence",
                commune=commune,
            )
    return petition


def _safi_petition(safi: Collectivity, agent: User, bureau: User, signers: list[User]) -> Petition:
    petition = services.draft_petition(
        agent, safi, respects_constitution=True, is_illustrative=True, today=datetime.date(2026, 9, 1), **SAFI_PETITION
    )
    petition = services.open_signing(agent, petition, today=datetime.date(2026, 9, 7))
    for index, signer in enumerate(signers, start=1):
        services.sign(
            signer,
            petition,
            full_name=f"Signataire {index:03d}",
            national_id=_id_number(petition, index),
            basis="residence",
            commune=safi,
        )
    petition = services.deposit(agent, petition, today=datetime.date(2026, 10, 12))
    return services.rule_admissible(
        bureau, petition, committee="Commission de l'urbanisme et de l'environnement", today=datetime.date(2026, 11, 9)
    )


def _association_petition(region: Collectivity, representative: User, bureau: User) -> Petition | None:
    association = Association.objects.filter(representatives=representative).first()
    if association is None:
        return None
    petition = services.draft_petition(
        representative,
        region,
        respects_constitution=True,
        association=association,
        is_illustrative=True,
        today=datetime.date(2026, 8, 24),
        **ASSOCIATION_PETITION,
    )
    eligibility_documents.record(
        representative,
        petition,
        files=[ContentFile(STATUTES_EXTRACT.encode(), name="statuts-extrait.txt")],
        constituted_on=datetime.date(2015, 3, 2),
        seat_or_branch="مراكش",
        related_activity="التكوين والتحسيس في مجال الحق في الحصول على المعلومات منذ 2015.",
        in_good_standing=True,
    )
    petition = services.deposit(representative, petition, today=datetime.date(2026, 9, 14))
    return services.rule_inadmissible(bureau, petition, reasons=INADMISSIBLE_REASONS, today=datetime.date(2026, 10, 26))


def load(stdout: OutputWrapper | None = None) -> list[tuple[str, str]]:
    """Create the demo petitions once; the logins are the territories' (agent, association, bureaus)."""
    places = {c.code: c for c in Collectivity.objects.filter(code__in=[MARRAKECH_SAFI, SAFI])}
    people = {
        u.email: u
        for u in User.objects.filter(email__in=[CITIZEN, ASSOCIATION_REPRESENTATIVE, FOCAL_SAFI, COUNCIL_REGION])
    }
    if len(places) < 2 or len(people) < 4:
        return []
    if Petition.objects.filter(is_illustrative=True, title=REGION_PETITION["title"]).exists():
        return []
    with transaction.atomic():
        signers = _signers()
        region, safi = places[MARRAKECH_SAFI], places[SAFI]
        _region_petition(region, people[CITIZEN], signers)
        _safi_petition(safi, people[CITIZEN], people[FOCAL_SAFI], signers)
        _association_petition(region, people[ASSOCIATION_REPRESENTATIVE], people[COUNCIL_REGION])
    _say(stdout, _("Petitions: three illustrative petitions created."))
    return []
