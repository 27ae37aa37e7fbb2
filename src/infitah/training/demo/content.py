"""Texts of the training demo: illustrative courses, sessions and trainees (not an official record)."""
# ruff: noqa: E501 - the demo's texts read best unbroken

ILLUSTRATIVE = {
    "ar": "دورة توضيحية في بيانات العرض.",
    "fr": "Cours illustratif des données de démonstration.",
    "en": "An illustrative course of the demonstration data.",
}


def _described(text):
    return {language: f"{text[language]}\n{ILLUSTRATIVE[language]}" for language in text}


CO_CREATION = {
    "title": {
        "ar": "الخلق المشترك لبرنامج الانفتاح",
        "fr": "Co-créer un programme d'ouverture",
        "en": "Co-creating an openness program",
    },
    "description": _described(
        {
            "ar": "كيف تعد الجماعة برنامج عمل الانفتاح مع جمعيات المجتمع المدني: المحاور الأولية، ورشات الخلق المشترك، الالتزامات والمؤشرات.",
            "fr": "Comment une collectivité prépare son plan d'action d'ouverture avec les associations : axes initiaux, ateliers de co-création, engagements et indicateurs.",
            "en": "How a collectivity prepares its openness action plan with associations: initial axes, co-creation workshops, commitments and indicators.",
        }
    ),
    "created": "2023-03-01T09:00",
}
RABAT_SESSION = {
    "title": {"ar": "الخلق المشترك — الجلسة الحضورية بالرباط", "fr": "Co-création — séance en présentiel à Rabat"},
    "place": {"ar": "الرباط", "fr": "Rabat"},
    "starts": "2023-03-15T09:30",
    "ends": "2023-03-15T16:00",
}
REMOTE_SESSION = {
    "title": {"ar": "الخلق المشترك — جلسة عن بعد", "fr": "Co-création — séance à distance"},
    "online_url": "https://visio.infitah.example/co-creation",
    "starts": "2023-03-29T10:00",
    "ends": "2023-03-29T12:00",
}
LAW_31_13 = {
    "title": {
        "ar": "الحق في الحصول على المعلومات: معالجة الطلبات وفق القانون 31.13",
        "fr": "Accès à l'information : traiter les demandes selon la loi 31-13",
        "en": "Access to information: handling requests under law 31-13",
    },
    "description": _described(
        {
            "ar": "استقبال الطلبات وتسجيلها، الآجال القانونية، الاستثناءات، التظلمات والنشر الاستباقي.",
            "fr": "Recevoir et enregistrer les demandes, délais légaux, exceptions, réclamations et publication proactive.",
            "en": "Receiving and registering requests, legal time limits, exceptions, complaints and proactive publication.",
        }
    ),
    "created": "2023-04-01T09:00",
}
LAW_SESSION = {
    "title": {"ar": "تكوين حول القانون 31.13", "fr": "Formation sur la loi 31-13"},
    "place": {"ar": "مقر الجهة، مراكش", "fr": "Siège de la région, Marrakech"},
    "online_url": "https://visio.infitah.example/loi-31-13",
    "starts": "2023-05-10T10:00",
    "ends": "2023-05-10T13:00",
}
PETITIONS = {
    "title": {
        "ar": "العرائض والمشاركة المواطنة",
        "fr": "Pétitions et participation citoyenne",
        "en": "Petitions and citizen participation",
    },
    "description": _described(
        {
            "ar": "كيف تعد الجمعيات عريضة إلى مجلس الجماعة وتشارك في تتبع برنامج الانفتاح.",
            "fr": "Comment les associations préparent une pétition au conseil et prennent part au suivi du programme d'ouverture.",
            "en": "How associations prepare a petition to the council and take part in monitoring the openness program.",
        }
    ),
    "created": "2023-01-20T09:00",
}
TRAINEE_NAMES = [
    "Khadija Bennani",
    "Rachid El Idrissi",
    "Salma Ouazzani",
    "Hicham Alaoui",
    "Meryem Tahiri",
    "Yassine Berrada",
]
ASSOCIATIONS = [
    {
        "name": {
            "ar": "جمعية الشباب من أجل الحكامة المحلية",
            "fr": "Association des jeunes pour la gouvernance locale",
        },
        "representative": "Zineb Fassi",
    },
    {
        "name": {"ar": "جمعية نساء من أجل المشاركة", "fr": "Association Femmes pour la participation"},
        "representative": "Laila Chafik",
    },
]
