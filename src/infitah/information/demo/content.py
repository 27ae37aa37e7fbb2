"""The texts of the access-to-information demo: requests written as citizens write them (in Arabic or French), the
officers' replies, and the catalogue of what the region and Safi publish unasked. Every text is invented.

Dates are not here: each story says how many working days before the day the demo is loaded the request was
received, and how many working days after receipt each act happened, so the demo reads the same whatever day it
runs (the overdue request stays overdue, the fresh ones stay within their time).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from infitah.territories.demo.content import ILLUSTRATIVE_AR, ILLUSTRATIVE_FR

REGION = "07"  # Marrakech-Safi
SAFI = "07007001"  # the commune of Safi

# Who asks. The citizen is the territories' demo login; the two others have no password (they only exist so the
# register does not show one person asking everything).
CITIZEN = "citizen@infitah.example"
OTHER_REQUESTERS = {
    "requester.aitlahcen@infitah.example": "Youssef Ait Lahcen",
    "requester.ouhammou@infitah.example": "Khadija Ouhammou",
}
YOUSSEF, KHADIJA = OTHER_REQUESTERS

# The requesters' identity as the law's form asks for it. The ID numbers are invented ("ZZ" is no issuing region).
IDENTITIES = {
    CITIZEN: ("Amina Lahlou", "ZZ104233", "12, derb Sidi Bouloukat, Marrakech"),
    YOUSSEF: ("Youssef Ait Lahcen", "ZZ208871", "Hay Al Matar, Safi"),
    KHADIJA: ("Khadija Ouhammou", "ZZ317460", "Douar Laazib, Tahannaout"),
}

# The Safi information officer the territories' demo does not create.
SAFI_OFFICER = ("information.safi@infitah.example", "Meryem Chafik")


class Act(NamedTuple):
    act: str  # an act of information.states
    day: int  # working days after receipt (0: the day of receipt)
    fields: dict[str, Any] = {}


class Remedy(NamedTuple):
    """The requester's complaint to the head, the head's decision and, maybe, the referral to the CDAI."""

    after_reply: int  # working days after the reply the complaint is filed
    text: str
    decision: str
    reasons: str
    decided_after: int  # working days after the complaint
    cdai_after: int | None = None  # calendar days after the head's decision, when referred to the CDAI


class Story(NamedTuple):
    key: str
    place: str
    requester: str
    received_ago: int  # working days before the day the demo is loaded
    subject: str
    description: str
    acts: tuple[Act, ...] = ()
    kind: str = "ordinary"
    urgency_reason: str = ""
    access_form: str = "email"
    publish_name: bool = False
    remedy: Remedy | None = None
    note: str = ""  # an information officer's internal note


def ar(text: str) -> str:
    return f"{text}\n\n{ILLUSTRATIVE_AR}"


def fr(text: str) -> str:
    return f"{text}\n\n{ILLUSTRATIVE_FR}"


# The publication the "already published" refusal points to (the region's budget entry below).
BUDGET_URL = "https://marrakech-safi.infitah.example/publications/budget.pdf"

STORIES: tuple[Story, ...] = (
    # --- Marrakech-Safi region -------------------------------------------------------------------------------------
    Story(
        "region-received",
        REGION,
        CITIZEN,
        received_ago=2,
        subject="لائحة الجمعيات المستفيدة من دعم الجهة خلال السنة الماضية",
        description=ar(
            "أطلب لائحة الجمعيات التي استفادت من منح الجهة خلال السنة المالية الماضية، مع مبلغ كل منحة والمشروع "
            "المدعوم."
        ),
    ),
    Story(
        "region-urgent",
        REGION,
        YOUSSEF,
        received_ago=1,
        kind="urgent",
        urgency_reason="أسر متضررة من الفيضانات يجب إيواؤها قبل موسم الأمطار: الأمر يتعلق بسلامة أشخاص.",
        subject="مخطط الإيواء المؤقت للأسر المتضررة من الفيضانات بإقليم الحوز",
        description=ar("أطلب مخطط الإيواء المؤقت المعتمد ولائحة مراكز الإيواء المفتوحة وطاقتها الاستيعابية."),
        acts=(Act("start", 1),),
    ),
    Story(
        "region-extended",
        REGION,
        CITIZEN,
        received_ago=17,
        subject="Marchés du transport scolaire rural des trois dernières années",
        description=fr(
            "Je demande les dossiers des marchés de transport scolaire rural passés par la Région au cours des trois "
            "dernières années : cahiers des charges, procès-verbaux d'ouverture des plis et contrats signés."
        ),
        access_form="copy",
        acts=(
            Act("start", 1),
            Act(
                "extend",
                15,
                {
                    "message": "حجم الوثائق المطلوبة كبير (ثلاث سنوات من الصفقات) ويتعين استشارة الشركات المتعاقدة "
                    "بشأن المعطيات التي تخصها، لذلك تم تمديد الأجل مرة واحدة طبقا للمادة 16."
                },
            ),
        ),
    ),
    Story(
        "region-clarification",
        REGION,
        KHADIJA,
        received_ago=6,
        subject="ميزانية برنامج دعم التشغيل",
        description=ar("أريد معرفة ميزانية برنامج دعم التشغيل وكيف صرفت."),
        acts=(
            Act(
                "ask_clarification",
                2,
                {
                    "message": "تدبر الجهة برنامجين لدعم التشغيل: هل تقصدين برنامج تشغيل الشباب أم برنامج دعم "
                    "التعاونيات، وعن أية سنة؟"
                },
            ),
        ),
    ),
    Story(
        "region-answered",
        REGION,
        CITIZEN,
        received_ago=40,
        publish_name=True,
        subject="محاضر اجتماعات هيئة المساواة وتكافؤ الفرص ومقاربة النوع",
        description=ar("أطلب محاضر اجتماعات هيئة المساواة وتكافؤ الفرص ومقاربة النوع منذ تنصيبها."),
        acts=(
            Act("start", 1),
            Act("ask_clarification", 2, {"message": "هل تطلبين المحاضر فقط أم أيضا آراء الهيئة المرفوعة إلى المجلس؟"}),
            Act("clarify", 4, {"message": "المحاضر والآراء معا من فضلكم."}),
            Act(
                "answer",
                12,
                {
                    "response": "تجدون رفقته محاضر الاجتماعات الستة للهيئة والآراء الثلاثة التي رفعتها إلى مجلس "
                    "الجهة، مرسلة إلى عنوانكم الإلكتروني."
                },
            ),
        ),
    ),
    Story(
        "region-already-published",
        REGION,
        YOUSSEF,
        received_ago=30,
        subject="الميزانية المعتمدة للجهة للسنة الجارية",
        description=ar("أطلب نسخة من ميزانية الجهة المصادق عليها للسنة الجارية، حسب الأبواب."),
        acts=(
            Act(
                "refuse",
                3,
                {
                    "ground": "already_published",
                    "published_at": BUDGET_URL,
                    "response": "الميزانية المعتمدة منشورة في فهرس النشر الاستباقي للجهة، على الرابط المبين.",
                },
            ),
        ),
    ),
    Story(
        "region-partial",
        REGION,
        CITIZEN,
        received_ago=45,
        subject="المستفيدون من برنامج دعم المقاولات الصغيرة جدا",
        description=ar("أطلب لائحة المستفيدين من برنامج دعم المقاولات الصغيرة جدا ومبلغ الدعم الممنوح لكل منهم."),
        acts=(
            Act("start", 1),
            Act(
                "answer_partially",
                14,
                {
                    "response": "نوافيكم بعدد المستفيدين حسب الإقليم والقطاع، وبالمبالغ الإجمالية الممنوحة.",
                    "ground": "private_life",
                    "withheld": "أسماء المستفيدين وعناوينهم، لأنها معطيات شخصية تحميها المادة 7.",
                },
            ),
        ),
        remedy=Remedy(
            after_reply=5,
            text=ar("أسماء المقاولات المستفيدة من مال عام ليست من الحياة الخاصة؛ أطلب على الأقل أسماء المقاولات."),
            decision="partly_upheld",
            reasons="تسلم أسماء المقاولات ذات الشخصية المعنوية ومبالغ الدعم؛ وتبقى أسماء الأشخاص الذاتيين محجوبة.",
            decided_after=8,
        ),
    ),
    Story(
        "region-withdrawn",
        REGION,
        KHADIJA,
        received_ago=12,
        subject="برنامج الدورات التكوينية لفائدة الجمعيات",
        description=ar("أطلب برنامج الدورات التكوينية التي تنظمها الجهة لفائدة الجمعيات هذه السنة."),
        acts=(Act("start", 1), Act("withdraw", 3, {"message": "وجدت البرنامج في موقع الجهة، شكرا."})),
    ),
    # --- The commune of Safi ----------------------------------------------------------------------------------------
    Story(
        "safi-urgent-answered",
        SAFI,
        YOUSSEF,
        received_ago=10,
        kind="urgent",
        urgency_reason="السكان ما زالوا يقيمون في بناية مهددة بالانهيار: الأمر يتعلق بحياتهم وسلامتهم.",
        subject="تقرير الخبرة حول بناية آيلة للسقوط بالمدينة القديمة",
        description=ar("أطلب تقرير الخبرة التقنية حول البناية الواقعة بدرب الصمعة والإجراءات المقررة."),
        acts=(
            Act("start", 0),
            Act(
                "answer",
                2,
                {"response": "تجدون رفقته تقرير الخبرة وقرار الإفراغ المؤقت وموعد بدء أشغال التدعيم."},
            ),
        ),
    ),
    Story(
        "safi-refused-cdai",
        SAFI,
        CITIZEN,
        received_ago=60,
        subject="Rapport d'inspection du marché de gros de Safi",
        description=fr("Je demande le rapport de l'inspection menée au marché de gros de fruits et légumes de Safi."),
        acts=(
            Act("start", 1),
            Act(
                "refuse",
                18,
                {
                    "ground": "administrative_investigation",
                    "response": "التقرير جزء من بحث إداري ما زال جاريا؛ يمكن إعادة تقديم الطلب بعد اختتامه.",
                },
            ),
        ),
        remedy=Remedy(
            after_reply=6,
            text=fr("L'inspection est close depuis des mois selon la presse locale : je conteste le refus."),
            decision="dismissed",
            reasons="البحث الإداري لم يختتم بعد، والتقرير لم يحل على الجماعة بصيغته النهائية.",
            decided_after=8,
            cdai_after=10,
        ),
    ),
    Story(
        "safi-transferred",
        SAFI,
        KHADIJA,
        received_ago=15,
        subject="تصميم التهيئة الجديد لحي سيدي بوزيد",
        description=ar("أطلب مشروع تصميم التهيئة الجديد لحي سيدي بوزيد والمساحات المخصصة للمرافق العمومية."),
        acts=(
            Act(
                "transfer",
                4,
                {
                    "transferred_to": "الوكالة الحضرية لآسفي",
                    "response": "إعداد تصاميم التهيئة من اختصاص الوكالة الحضرية؛ أحيل طلبكم عليها وأخبرناها بتاريخ "
                    "توصلنا به.",
                },
            ),
        ),
    ),
    Story(
        "safi-overdue",
        SAFI,
        CITIZEN,
        received_ago=32,
        subject="عقد التدبير المفوض لجمع النفايات المنزلية",
        description=ar("أطلب نسخة من عقد التدبير المفوض لجمع النفايات المنزلية وملاحقه وتقارير المراقبة السنوية."),
        acts=(Act("start", 2),),
        note="Le service de la propreté n'a pas encore transmis les avenants : relancé par téléphone.",
    ),
    Story(
        "safi-not-held",
        SAFI,
        YOUSSEF,
        received_ago=25,
        subject="Étude de faisabilité du port de plaisance de Safi",
        description=fr("Je demande l'étude de faisabilité du futur port de plaisance de Safi."),
        acts=(
            Act(
                "declare_not_held",
                6,
                {"response": "الجماعة لم تنجز هذه الدراسة ولا تتوفر عليها؛ أنجزتها جهة أخرى لم تحل نسخة منها."},
            ),
        ),
    ),
    Story(
        "safi-received",
        SAFI,
        CITIZEN,
        received_ago=0,
        subject="عدد رخص البناء المسلمة خلال السنة الماضية حسب المقاطعة",
        description=ar("أطلب عدد رخص البناء والسكن المسلمة خلال السنة الماضية، حسب المقاطعة ونوع البناء."),
    ),
)


class Entry(NamedTuple):
    place: str
    category: str  # a PublicationCategory key
    title: dict[str, str]
    url: str
    updated_ago: int  # calendar days before the day the demo is loaded
    owner: str


# One entry is stale (public contracts: updated 150 days ago, stale after 90); the others are within their time.
ENTRIES: tuple[Entry, ...] = (
    Entry(
        REGION,
        "missions-organisation",
        {"ar": "الهيكل التنظيمي لإدارة الجهة واختصاصات مصالحها", "fr": "Organigramme de l'administration régionale"},
        "https://marrakech-safi.infitah.example/publications/organigramme.pdf",
        120,
        "Direction générale des services",
    ),
    Entry(
        REGION,
        "budget",
        {"ar": "الميزانية المعتمدة للسنة الجارية", "fr": "Budget adopté de l'année en cours"},
        BUDGET_URL,
        60,
        "Direction des affaires financières",
    ),
    Entry(
        REGION,
        "council-decisions",
        {"ar": "مقررات الدورة العادية الأخيرة لمجلس الجهة", "fr": "Délibérations de la dernière session ordinaire"},
        "https://marrakech-safi.infitah.example/publications/deliberations.pdf",
        40,
        "Secrétariat du conseil",
    ),
    Entry(
        REGION,
        "public-contracts",
        {"ar": "طلبات العروض المفتوحة ونتائجها", "fr": "Appels d'offres ouverts et résultats"},
        "https://marrakech-safi.infitah.example/publications/marches.html",
        150,
        "Service des marchés",
    ),
    Entry(
        REGION,
        "information-officers",
        {"ar": "الأشخاص المكلفون بالحصول على المعلومات", "fr": "Les chargés de l'accès à l'information"},
        "https://marrakech-safi.infitah.example/acces-information.html",
        30,
        "Direction générale des services",
    ),
    Entry(
        SAFI,
        "missions-organisation",
        {"ar": "اختصاصات الجماعة ومصالحها", "fr": "Compétences et services de la commune"},
        "https://safi.infitah.example/commune/organisation.html",
        200,
        "Direction des services",
    ),
    Entry(
        SAFI,
        "budget",
        {"ar": "ميزانية الجماعة وحسابها الإداري", "fr": "Budget et compte administratif de la commune"},
        "https://safi.infitah.example/commune/budget.pdf",
        90,
        "Division financière",
    ),
    Entry(
        SAFI,
        "services-procedures",
        {"ar": "دليل المساطر الإدارية والوثائق المطلوبة", "fr": "Guide des procédures et pièces à fournir"},
        "https://safi.infitah.example/commune/procedures.html",
        45,
        "Bureau d'ordre et guichet unique",
    ),
)
