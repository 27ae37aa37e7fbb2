"""Texts of the demo's co-monitoring: Marrakech-Safi's follow-up committee and a year (2024) of progress updates.
Illustrative: the program's story is the seed article's; these updates, reviews and names are not official."""

from infitah.territories.demo.content import ILLUSTRATIVE_AR, ILLUSTRATIVE_FR

CONSTITUTED_ON = "2024-03-15"
COMMITTEE = {
    "mandate": {
        "ar": "تتبع تنفيذ التزامات برنامج الانفتاح ومراجعة تقارير التقدم التي تنشرها الجهة. " + ILLUSTRATIVE_AR,
        "fr": "Suivre la mise en œuvre des engagements du programme d'ouverture et examiner les mises à jour "
        "d'avancement publiées par la région. " + ILLUSTRATIVE_FR,
    },
}

# (seat, name, role, account e-mail or None, is the demo association's representative)
MEMBERS = [
    ("elected", "Khadija Bennani", {"ar": "نائبة الرئيس", "fr": "Vice-présidente du conseil"}, None, False),
    ("elected", "Youssef Amrani", {"ar": "عضو المجلس", "fr": "Membre du conseil"}, None, False),
    (
        "civil_society",
        "Omar Tazi",
        {"ar": "ممثل الجمعية", "fr": "Représentant de l'association"},
        "association@infitah.example",
        True,
    ),
    (
        "civil_society",
        "",  # the body member's own name, from their account
        {"ar": "عضو هيئة المساواة", "fr": "Membre de l'instance de l'équité"},
        "body.member@infitah.example",
        False,
    ),
    (
        "staff",
        "",  # the focal point's own name, from their account
        {"ar": "نقطة الارتكاز", "fr": "Point focal"},
        "focal.marrakech-safi@infitah.example",
        False,
    ),
]


def _text(ar, fr):
    return {"ar": f"{ar} ({ILLUSTRATIVE_AR})", "fr": f"{fr} ({ILLUSTRATIVE_FR})"}


CONFIRMED, CONTESTED, AWAITING = "confirmed", "contested", "awaiting"

# Per update: (axis position, commitment position, milestone position, as_of, completion, percent, narrative,
# review): positions count from 0 in the adopted version; review is CONFIRMED, AWAITING or
# (CONTESTED, comment, reply).
UPDATES = [
    (
        0,
        0,
        0,
        "2024-03-28",
        "complete",
        100,
        _text(
            "أُطلقت صفحة منشورات المجلس على موقع الجهة.",
            "La page des publications du conseil est en ligne sur le site de la région.",
        ),
        CONFIRMED,
    ),
    (
        0,
        0,
        1,
        "2024-09-30",
        "substantial",
        60,
        _text(
            "نُشرت مقررات دورة يوليوز جزئيا؛ ما تبقى قيد المراجعة.",
            "Les décisions de la session de juillet sont en partie publiées ; le reste est en relecture.",
        ),
        CONFIRMED,
    ),
    (
        0,
        1,
        0,
        "2024-02-20",
        "complete",
        100,
        _text(
            "عُيّن الشخص المكلف بتلقي طلبات الحصول على المعلومات.",
            "La personne chargée des demandes d'accès à l'information est désignée.",
        ),
        CONFIRMED,
    ),
    (
        0,
        1,
        1,
        "2024-10-15",
        "complete",
        100,
        _text(
            "نُشر التقرير الأول حول طلبات الحصول على المعلومات.",
            "Le premier rapport sur les demandes d'accès à l'information est publié.",
        ),
        (
            CONTESTED,
            "Le rapport ne compte pas les demandes refusées ni leurs motifs : il n'est pas complet.",
            "Les demandes refusées et leurs motifs ont été ajoutés au rapport le 4 novembre 2024 (annexe 2).",
        ),
    ),
    (
        1,
        0,
        0,
        "2024-04-25",
        "complete",
        100,
        _text(
            "اعتمدت الهيئات الاستشارية الثلاث برامج عملها.",
            "Les trois instances consultatives ont adopté leur programme de travail.",
        ),
        CONFIRMED,
    ),
    (
        1,
        0,
        1,
        "2024-12-20",
        "limited",
        50,
        _text(
            "نُشرت آراء هيئة المساواة؛ آراء الهيئتين الأخريين في الطريق.",
            "Les avis de l'instance de l'équité sont publiés ; ceux des deux autres instances suivent.",
        ),
        AWAITING,
    ),
    (
        1,
        1,
        0,
        "2024-03-15",
        "complete",
        100,
        _text("نُصبت لجنة التتبع المشتركة.", "Le comité de suivi conjoint est installé."),
        CONFIRMED,
    ),
    (
        2,
        0,
        0,
        "2024-12-16",
        "complete",
        100,
        _text("أُطلقت النسخة التجريبية لمنصة العرائض.", "La version pilote de la plateforme des pétitions est lancée."),
        CONFIRMED,
    ),
    (
        2,
        1,
        0,
        "2024-06-28",
        "limited",
        40,
        _text("جُردت المعطيات القابلة للنشر.", "Les données publiables sont inventoriées."),
        CONFIRMED,
    ),
    (
        2,
        1,
        0,
        "2024-10-30",
        "complete",
        100,
        _text("نُشرت أول مجموعة معطيات مفتوحة.", "Le premier jeu de données ouvertes est publié."),
        CONFIRMED,
    ),
]

CONFIRM_COMMENT = "Vérifié sur le site de la région."
# The first milestone counts double in its commitment's progress: the page is what the publications hang on.
WEIGHTS = [(0, 0, 0, 2)]
