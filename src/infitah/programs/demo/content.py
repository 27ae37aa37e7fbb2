"""Texts of the demo programs. Illustrative: the seed article names the co-creation workshop of 11 April 2023, the
initial axes and the October 2023 council session; the axes, commitments and milestones below are invented to
show the platform and say so on the program's page.
"""

from infitah.territories.demo.content import ILLUSTRATIVE_AR, ILLUSTRATIVE_FR

REGION_PROGRAM = {
    "title": {
        "ar": "برنامج الانفتاح لجهة مراكش آسفي 2024–2026",
        "fr": "Programme d'ouverture de la Région Marrakech-Safi 2024–2026",
        "en": "Openness program of the Marrakech-Safi region 2024–2026",
    },
    "summary": {
        "ar": "برنامج أُعدّ بشكل مشترك مع الهيئات الاستشارية الثلاث المحدثة لدى مجلس الجهة وجمعيات المجتمع المدني، "
        "في إطار برنامج دعم الجماعات الترابية المنفتحة. " + ILLUSTRATIVE_AR,
        "fr": "Programme co-construit avec les trois instances consultatives du conseil régional et les associations "
        "de la société civile, dans le cadre du programme d'appui aux collectivités territoriales ouvertes. "
        + ILLUSTRATIVE_FR,
    },
}

# (phase, planned start, planned end)
REGION_PLANNED = [
    ("preparation", "2023-01-02", "2023-03-31"),
    ("co_creation", "2023-04-01", "2023-05-15"),
    ("drafting", "2023-05-01", "2023-06-30"),
    ("public_consultation", "2023-07-01", "2023-09-15"),
    ("adoption", "2023-09-15", "2023-10-31"),
    ("implementation", "2024-01-01", "2026-12-31"),
    ("evaluation", "2027-01-01", "2027-03-31"),
]

AXES_V1 = [
    {
        "ar": "الشفافية والحق في الوصول إلى المعلومة",
        "fr": "Transparence et droit d'accès à l'information",
    },
    {
        "ar": "المشاركة المواطنة مع الهيئات الاستشارية",
        "fr": "Participation citoyenne avec les instances consultatives",
    },
    {
        "ar": "رقمنة الخدمات",
        "fr": "Digitalisation des services",
    },
]
# After the workshop the second axis took in co-monitoring with associations (a change the comparison shows).
AXIS_2_V2 = {
    "ar": "المشاركة المواطنة والتتبع المشترك مع الهيئات الاستشارية والجمعيات",
    "fr": "Participation citoyenne et co-suivi avec les instances consultatives et les associations",
}

# Per axis (by position): commitments with their milestones (due date, title, deliverable).
COMMITMENTS = [
    [
        {
            "key": "council-publication",
            "title": {
                "ar": "نشر جداول أعمال دورات المجلس ومقرراته في آجال معقولة",
                "fr": "Publier les ordres du jour et les décisions des sessions du conseil "
                "dans des délais raisonnables",
            },
            "problem": {
                "ar": "يصعب على المواطنين والجمعيات معرفة ما يُعرض على مجلس الجهة وما يقرره.",
                "fr": "Les citoyens et les associations savent mal ce qui est soumis au conseil régional "
                "et ce qu'il décide.",
            },
            "description": {
                "ar": "صفحة منشورات المجلس على موقع الجهة: جداول الأعمال قبل كل دورة والمقررات بعدها.",
                "fr": "Une page des publications du conseil sur le site de la région : ordres du jour avant chaque "
                "session, décisions après.",
            },
            "principles": ["transparency", "access_to_information"],
            "dates": ("2024-01-01", "2025-06-30"),
            "lead_unit": {"ar": "مديرية شؤون المجلس", "fr": "Direction des affaires du conseil"},
            "budget": "80000",
            "milestones": [
                (
                    "2024-03-31",
                    {"ar": "إطلاق صفحة منشورات المجلس", "fr": "Lancement de la page des publications"},
                    {"ar": "صفحة على موقع الجهة", "fr": "Page sur le site de la région"},
                ),
                (
                    "2024-07-31",
                    {"ar": "نشر مقررات دورة يوليوز", "fr": "Publication des décisions de juillet"},
                    {"ar": "مقررات منشورة", "fr": "Décisions publiées"},
                ),
            ],
        },
        {
            "key": "information-office",
            "title": {
                "ar": "إحداث مكتب للحصول على المعلومات وسجل عمومي للطلبات (القانون 31.13)",
                "fr": "Créer un bureau d'accès à l'information et un registre public des demandes (loi 31-13)",
            },
            "problem": {
                "ar": "طلبات الحصول على المعلومات تصل بطرق متفرقة ولا يُعرف مآلها.",
                "fr": "Les demandes d'information arrivent par des voies dispersées et leur suite n'est pas connue.",
            },
            "description": {
                "ar": "تعيين الشخص المكلف وتكوينه، ونشر سجل الطلبات والأجوبة وآجالها.",
                "fr": "Désigner et former la personne chargée, publier le registre des demandes, réponses et délais.",
            },
            "principles": ["access_to_information", "accountability"],
            "dates": ("2024-01-01", "2024-12-31"),
            "lead_unit": {"ar": "المديرية العامة للمصالح", "fr": "Direction générale des services"},
            "budget": "150000",
            "milestones": [
                (
                    "2024-02-29",
                    {"ar": "تعيين الشخص المكلف", "fr": "Désignation de la personne chargée"},
                    {"ar": "قرار التعيين", "fr": "Arrêté de désignation"},
                ),
                (
                    "2024-09-30",
                    {"ar": "نشر أول تقرير عن الطلبات", "fr": "Premier rapport sur les demandes"},
                    {"ar": "تقرير منشور", "fr": "Rapport publié"},
                ),
            ],
        },
    ],
    [
        {
            "key": "advisory-bodies",
            "title": {
                "ar": "برنامج عمل سنوي للهيئات الاستشارية الثلاث وآراء منشورة",
                "fr": "Un programme annuel pour les trois instances consultatives et des avis publiés",
            },
            "problem": {
                "ar": "الهيئات الاستشارية محدثة لكن أشغالها وآراؤها غير معروفة لدى العموم.",
                "fr": "Les instances consultatives existent mais leurs travaux et avis sont peu connus.",
            },
            "description": {
                "ar": "اجتماعات منتظمة لهيئات الشباب والمساواة ومقاربة النوع والتنمية الاقتصادية، "
                "ونشر آرائها وأجوبة المجلس.",
                "fr": "Des réunions régulières des instances jeunesse, égalité et genre, développement économique, et "
                "la publication de leurs avis et des réponses du conseil.",
            },
            "principles": ["citizen_participation", "accountability"],
            "dates": ("2024-01-01", "2026-12-31"),
            "lead_unit": {"ar": "كتابة المجلس", "fr": "Secrétariat du conseil"},
            "associations": True,
            "milestones": [
                (
                    "2024-04-30",
                    {"ar": "اعتماد برامج عمل الهيئات", "fr": "Programmes de travail des instances adoptés"},
                    {"ar": "ثلاثة برامج عمل", "fr": "Trois programmes de travail"},
                ),
                (
                    "2024-12-31",
                    {"ar": "نشر آراء السنة الأولى", "fr": "Avis de la première année publiés"},
                    {"ar": "آراء وأجوبة منشورة", "fr": "Avis et réponses publiés"},
                ),
            ],
        },
        {
            "key": "joint-committee",
            "title": {
                "ar": "لجنة مشتركة لتتبع البرنامج من المنتخبين والمجتمع المدني",
                "fr": "Un comité mixte élus–société civile de suivi du programme",
            },
            "description": {
                "ar": "لجنة تجتمع كل ستة أشهر على الأقل وتنشر تقارير التتبع.",
                "fr": "Un comité qui se réunit au moins tous les six mois et publie ses rapports de suivi.",
            },
            "principles": ["citizen_participation", "accountability"],
            "dates": ("2024-01-01", "2026-12-31"),
            "lead_unit": {"ar": "نقطة الارتكاز للانفتاح", "fr": "Point focal ouverture"},
            "associations": True,
            "milestones": [
                (
                    "2024-03-15",
                    {"ar": "تنصيب اللجنة", "fr": "Installation du comité"},
                    {"ar": "محضر التنصيب", "fr": "Procès-verbal d'installation"},
                ),
            ],
        },
    ],
    [
        {
            "key": "petitions-platform",
            "title": {
                "ar": "منصة رقمية للعرائض والشكايات",
                "fr": "Une plateforme numérique des pétitions et réclamations",
            },
            "problem": {
                "ar": "تقديم العرائض والشكايات يتطلب التنقل إلى مقر الجهة.",
                "fr": "Déposer une pétition ou une réclamation oblige à se déplacer au siège de la région.",
            },
            "description": {
                "ar": "إيداع العرائض والشكايات وتتبعها عبر الإنترنت، بالعربية والأمازيغية والفرنسية.",
                "fr": "Déposer et suivre pétitions et réclamations en ligne, en arabe, amazighe et français.",
            },
            "principles": ["digitalisation", "citizen_participation"],
            "dates": ("2024-06-01", "2025-12-31"),
            "lead_unit": {"ar": "قسم نظم المعلومات", "fr": "Service des systèmes d'information"},
            "budget": "600000",
            "milestones": [
                (
                    "2024-12-31",
                    {"ar": "نسخة تجريبية", "fr": "Version pilote"},
                    {"ar": "منصة تجريبية", "fr": "Plateforme pilote"},
                ),
                (
                    "2025-09-30",
                    {"ar": "تعميم المنصة", "fr": "Généralisation"},
                    {"ar": "منصة مفتوحة للجميع", "fr": "Plateforme ouverte à tous"},
                ),
            ],
        },
        {
            "key": "open-data",
            "title": {
                "ar": "نشر بيانات الجهة المفتوحة: الميزانية والصفقات",
                "fr": "Publier les données ouvertes de la région : budget et marchés",
            },
            "description": {
                "ar": "نشر الميزانية وتنفيذها والصفقات العمومية بصيغ مفتوحة قابلة لإعادة الاستعمال.",
                "fr": "Publier le budget, son exécution et les marchés publics "
                "dans des formats ouverts et réutilisables.",
            },
            "principles": ["digitalisation", "transparency"],
            "dates": ("2024-03-01", "2025-12-31"),
            "lead_unit": {"ar": "مديرية الميزانية", "fr": "Direction du budget"},
            "budget": "120000",
            "milestones": [
                (
                    "2024-10-31",
                    {"ar": "أول مجموعة بيانات", "fr": "Premier jeu de données"},
                    {"ar": "ميزانية 2024 بصيغة CSV", "fr": "Budget 2024 en CSV"},
                ),
            ],
        },
    ],
]

# (date-time, target phase, reason)
REGION_STORY = {
    "created": "2023-01-17T10:00",
    "co_creation": (
        "2023-04-11T11:00",
        {
            "ar": "ورشة الإعداد المشترك لبرنامج الجهة المنفتحة مع أعضاء الهيئات الاستشارية الثلاث بمقر الجهة: "
            "تقديم المحاور الأولية والعمل عليها في مجموعات.",
            "fr": "Atelier de co-construction du programme au siège de la région avec les membres des trois instances "
            "consultatives : présentation des axes initiaux et travail en groupes.",
        },
    ),
    "version_1": (
        "2023-04-11T14:00",
        {
            "ar": "المحاور الأولية كما قُدّمت في ورشة 11 أبريل 2023.",
            "fr": "Les axes initiaux présentés à l'atelier du 11 avril 2023.",
        },
    ),
    "drafting": (
        "2023-05-02T09:00",
        {
            "ar": "إدماج خلاصات الورشة وتشكيل فريق تحرير مشترك مع الجمعيات.",
            "fr": "Conclusions de l'atelier intégrées ; équipe de rédaction commune avec les associations.",
        },
    ),
    "version_2": (
        "2023-07-03T09:00",
        {
            "ar": "مسودة البرنامج: الالتزامات ومراحل إنجازها، وتوسيع المحور الثاني ليشمل التتبع المشترك.",
            "fr": "Projet de programme : engagements et jalons ; le deuxième axe s'étend au co-suivi.",
        },
    ),
    "public_consultation": (
        "2023-07-03T10:00",
        {
            "ar": "فتح الاستشارة العمومية حول المسودة (النسخة 2) من 3 يوليوز إلى 15 شتنبر 2023.",
            "fr": "Consultation publique ouverte sur le projet (version 2) du 3 juillet au 15 septembre 2023.",
        },
    ),
    "adoption": (
        "2023-09-18T09:00",
        {
            "ar": "اختتام الاستشارة العمومية وإحالة المسودة على مجلس الجهة.",
            "fr": "Consultation close ; le projet est transmis au conseil régional.",
        },
    ),
    "implementation": (
        "2024-01-02T09:00",
        {
            "ar": "انطلاق التنفيذ مع ميزانية 2024.",
            "fr": "Début de la mise en œuvre avec le budget 2024.",
        },
    ),
}

ADOPTION = {
    "at": "2023-10-02T17:00",
    "session_name": {"ar": "الدورة العادية لشهر أكتوبر 2023", "fr": "Session ordinaire d'octobre 2023"},
    "decision_number": "07/2023/115 (illustratif)",
    "votes": (58, 0, 3),
}

COMMUNE_PROGRAM = {
    "title": {"ar": "برنامج الانفتاح لجماعة آسفي", "fr": "Programme d'ouverture de la commune de Safi"},
    "summary": {
        "ar": "برنامج جماعي يستلهم التزامات جهة مراكش آسفي. " + ILLUSTRATIVE_AR,
        "fr": "Programme communal inspiré des engagements de la région Marrakech-Safi. " + ILLUSTRATIVE_FR,
    },
    "axis": {"ar": "شفافية أشغال المجلس الجماعي", "fr": "Transparence des travaux du conseil communal"},
    "lead_unit": {"ar": "قسم شؤون المجلس الجماعي", "fr": "Division des affaires du conseil communal"},
    "created": "2023-11-06T10:00",
    "co_creation": (
        "2024-02-13T10:00",
        {
            "ar": "لقاء تشاوري أول مع جمعيات المدينة.",
            "fr": "Première rencontre de concertation avec les associations de la ville.",
        },
    ),
    "version_1": (
        "2024-03-20T09:00",
        {"ar": "المحور الأول والالتزام المقتبس من الجهة.", "fr": "Premier axe et engagement adapté de la région."},
    ),
    "drafting": (
        "2024-03-20T10:00",
        {"ar": "بداية تحرير المسودة.", "fr": "Début de la rédaction du projet."},
    ),
}
