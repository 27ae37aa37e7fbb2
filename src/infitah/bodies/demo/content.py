"""Texts of the demo advisory bodies of Marrakech-Safi (illustrative people and associations, not real ones)."""

# The three advisory bodies of the Marrakech-Safi regional council, named as in the article.
REGION_ADVISORY_BODIES = {
    "youth": {
        "ar": "الهيئة الاستشارية الخاصة بالسياسات العمومية الجهوية المندمجة للشباب",
        "fr": "Instance consultative chargée des politiques publiques régionales intégrées de la jeunesse",
        "en": "Advisory body on integrated regional public policies for youth",
    },
    "equality": {
        "ar": "الهيئة الاستشارية للمساواة ومقاربة النوع",
        "fr": "Instance consultative de l'égalité et de l'approche genre",
        "en": "Advisory body on equality and the gender approach",
    },
    "economic": {
        "ar": "الهيئة الاستشارية للتنمية الاقتصادية الجهوية",
        "fr": "Instance consultative du développement économique régional",
        "en": "Advisory body on regional economic development",
    },
}
REGION_ADVISORY_BODIES_BASIS = {
    "ar": "القانون التنظيمي 111.14، المادة 117",
    "fr": "loi organique 111-14, art. 117",
    "en": "organic law 111-14, art. 117",
}

MANDATE = ("2022-01-01", "2027-12-31")

DESCRIPTIONS = {
    "equality": {
        "ar": "تبدي الهيئة رأيها في قضايا المساواة وتكافؤ الفرص ومقاربة النوع في برامج الجهة وميزانيتها، بشراكة مع "
        "فعاليات المجتمع المدني.",
        "fr": "L'instance donne son avis sur l'égalité, l'équité et l'approche genre dans les programmes et le budget "
        "de la région, en partenariat avec la société civile.",
    },
    "youth": {
        "ar": "تدرس الهيئة القضايا الجهوية المتعلقة بالشباب وتقدم اقتراحات للمجلس.",
        "fr": "L'instance étudie les questions régionales relatives aux jeunes et fait des propositions au conseil.",
    },
    "economic": {
        "ar": "تضم الهيئة الفاعلين الاقتصاديين بالجهة وتدرس القضايا ذات الطابع الاقتصادي.",
        "fr": "L'instance réunit les acteurs économiques de la région et étudie les questions à caractère économique.",
    },
}

RULES_OF_PROCEDURE = {
    "ar": "المادة 1: تجتمع الهيئة في دورة عادية مرة كل ثلاثة أشهر على الأقل.\n"
    "المادة 2: لا تصح اجتماعات الهيئة إلا بحضور أكثر من نصف أعضائها.\n"
    "المادة 3: يعد المقرر محاضر الاجتماعات وتنشر على منصة الانفتاح.\n"
    "المادة 4: ترفع الهيئة آراءها وتوصياتها إلى رئيس المجلس، الذي يوافيها بجواب معلل.",
    "fr": "Article 1 : l'instance se réunit en session ordinaire au moins une fois par trimestre.\n"
    "Article 2 : l'instance ne délibère valablement qu'en présence de plus de la moitié de ses membres.\n"
    "Article 3 : le rapporteur rédige les procès-verbaux, publiés sur la plateforme.\n"
    "Article 4 : l'instance adresse ses avis et recommandations au président du conseil, qui lui répond de façon "
    "motivée.",
}

ASSOCIATIONS = [
    {"ar": "جمعية نساء الحوز للتنمية", "fr": "Association des femmes d'Al Haouz pour le développement"},
    {"ar": "شبكة شباب آسفي المبادر", "fr": "Réseau des jeunes entreprenants de Safi"},
    {"ar": "جمعية الصويرة للاقتصاد الاجتماعي", "fr": "Association d'Essaouira pour l'économie sociale"},
]

# (full name, seat type, bureau role, gender, association index or None)
MEMBERS = {
    "equality": [
        ("لطيفة بناني", "association", "president", "female", 0),
        ("عبد الرحيم العلمي", "expert", "vice_president", "male", None),
        # The rapporteur is the demo login (DEMO_MEMBER), added separately.
        ("نعيمة الزهراوي", "association", "member", "female", 0),
        ("سعيد أوبلا", "academic", "member", "male", None),
        ("حليمة الصديقي", "civil_servant", "member", "female", None),
        ("إدريس المنصوري", "association", "member", "male", -1),
        ("سناء الحمداوي", "youth_representative", "member", "female", 1),
    ],
    "youth": [
        ("أيوب الرحماني", "youth_representative", "president", "male", 1),
        ("خديجة الوزاني", "youth_representative", "vice_president", "female", 1),
        ("ياسين بلقاسم", "association", "rapporteur", "male", -1),
        ("هاجر الإدريسي", "youth_representative", "member", "female", None),
        ("أنس التازي", "expert", "member", "male", None),
        ("سلمى الشرقاوي", "academic", "member", "female", None),
        ("زكرياء الفيلالي", "association", "member", "male", 1),
        ("مريم الكتاني", "youth_representative", "member", "", None),
    ],
    "economic": [
        ("محمد السوسي", "economic_actor", "president", "male", None),
        ("فاطمة الزهراء الغزالي", "economic_actor", "vice_president", "female", None),
        ("عثمان بنجلون", "expert", "rapporteur", "male", None),
        ("رشيدة العمراني", "association", "member", "female", 2),
        ("يوسف الكراوي", "economic_actor", "member", "male", None),
        ("نادية الشاوي", "academic", "member", "female", None),
        ("حمزة الطاهري", "civil_servant", "member", "male", None),
        ("بشرى المراكشي", "association", "member", "female", 2),
    ],
}

DEMO_MEMBER = {
    "email": "body.member@infitah.example",
    "full_name": "مريم الفاسي",
    "seat_type": "association",
    "bureau_role": "rapporteur",
    "gender": "female",
}

# The equality body's opinion, answered by the council in its March 2024 ordinary session, within the 60 days.
BUDGETING_OPINION = {
    "kind": "opinion",
    "submitted": "2024-01-08T10:00:00",
    "acknowledged": "2024-01-12T09:30:00",
    "answered": "2024-03-05T16:00:00",
    "session": "الدورة العادية لشهر مارس 2024 — Session ordinaire de mars 2024",
    # The commitment of the region's program it is about (matched on the start of its French title).
    "about": "Publier les données ouvertes de la région",
    "title": {
        "ar": "رأي حول الميزانية المستجيبة للنوع الاجتماعي",
        "fr": "Avis sur la budgétisation sensible au genre",
        "en": "Opinion on gender-responsive budgeting",
    },
    "text": {
        "ar": "توصي الهيئة بأن ترفق الجهة ميزانيتها السنوية بتقرير حول أثرها على النساء والرجال، وبأن تحدد لكل برنامج "
        "مؤشرات مصنفة حسب الجنس، وبأن تخصص حصة من ميزانية الاستثمار لمشاريع تقلص الفوارق في الولوج إلى الخدمات "
        "بالعالم القروي.",
        "fr": "L'instance recommande que la région joigne à son budget annuel un rapport sur son effet sur les femmes "
        "et les hommes, fixe pour chaque programme des indicateurs ventilés par sexe, et réserve une part du budget "
        "d'investissement aux projets qui réduisent les écarts d'accès aux services en milieu rural.",
    },
    "response": {
        "ar": "قرر المجلس إرفاق مشروع ميزانية 2025 بتقرير حول النوع الاجتماعي، واعتماد مؤشرات مصنفة حسب الجنس في "
        "برامج التكوين والتشغيل ابتداء من السنة المقبلة، لأن المعطيات متوفرة لدى المصالح. أما تخصيص حصة ثابتة من "
        "ميزانية الاستثمار فيتطلب دراسة مع المصالح اللاممركزة؛ وسيعرض المجلس نتائجها على الهيئة قبل دورة أكتوبر.",
        "fr": "Le conseil décide de joindre au projet de budget 2025 un rapport genre et d'adopter des indicateurs "
        "ventilés par sexe dans les programmes de formation et d'emploi dès l'an prochain, les services disposant des "
        "données. Réserver une part fixe du budget d'investissement demande une étude avec les services "
        "déconcentrés ; le conseil en présentera les résultats à l'instance avant la session d'octobre.",
    },
}

# The youth body's recommendation: acknowledged, the council's answer still within its period.
YOUTH_RECOMMENDATION = {
    "kind": "recommendation",
    "days_ago": 20,
    "about": "Un programme annuel pour les trois instances consultatives",
    "acknowledged_days_ago": 15,
    "title": {
        "ar": "توصية بإحداث مجلس جهوي للشباب",
        "fr": "Recommandation de créer un conseil régional des jeunes",
        "en": "Recommendation to set up a regional youth council",
    },
    "text": {
        "ar": "توصي الهيئة بإحداث مجلس جهوي للشباب يمثل الأقاليم الثمانية، يجتمع مرتين في السنة ويستشار في برامج "
        "التشغيل والثقافة والرياضة.",
        "fr": "L'instance recommande de créer un conseil régional des jeunes représentant les huit provinces, "
        "réuni deux fois par an et consulté sur les programmes d'emploi, de culture et de sport.",
    },
}

# The economic body's opinion, acknowledged long ago and still unanswered after its due date: overdue.
OVERDUE_OPINION = {
    "kind": "opinion",
    "days_ago": 95,
    "acknowledged_days_ago": 88,
    "title": {
        "ar": "رأي حول دعم المقاولات الصغيرة جدا بالعالم القروي",
        "fr": "Avis sur le soutien aux très petites entreprises en milieu rural",
        "en": "Opinion on support for very small businesses in rural areas",
    },
    "text": {
        "ar": "تقترح الهيئة إحداث شباك جهوي موحد لمواكبة المقاولات الصغيرة جدا والتعاونيات، وتبسيط مساطر الاستفادة "
        "من برامج الدعم الجهوية.",
        "fr": "L'instance propose un guichet régional unique d'accompagnement des très petites entreprises et des "
        "coopératives, et la simplification des procédures d'accès aux programmes régionaux de soutien.",
    },
}
