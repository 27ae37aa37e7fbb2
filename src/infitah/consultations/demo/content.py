"""The demo consultations' texts (illustrative, not official documents). Places in the consulted version are
(axis index, commitment index or None); answers name a commitment the same way or another contribution by its
position in CONTRIBUTIONS."""

from infitah.territories.demo.content import ILLUSTRATIVE_AR, ILLUSTRATIVE_FR

REGION_CONSULTATION = {
    "title": {
        "ar": "الاستشارة العمومية حول مسودة برنامج الانفتاح لجهة مراكش آسفي",
        "fr": "Consultation publique sur le projet de programme d'ouverture de la Région Marrakech-Safi",
    },
    "description": {
        "ar": "تعرض الجهة مسودة برنامجها (النسخة 2) على العموم: علّقوا على المحاور والالتزامات واقترحوا التزامات "
        "جديدة. " + ILLUSTRATIVE_AR,
        "fr": "La région soumet son projet de programme (version 2) au public : commentez les axes et les engagements "
        "et proposez-en de nouveaux. " + ILLUSTRATIVE_FR,
    },
    "rules": {
        "ar": "المشاركة مفتوحة لكل شخص مسجل وللجمعيات المعتمدة. تُحجب المساهمات المسيئة مع ذكر السبب. تجيب الجهة "
        "على كل مساهمة بجواب معلل داخل أجل 30 يوما بعد اختتام الاستشارة.",
        "fr": "Ouvert à toute personne inscrite et aux associations vérifiées. Les contributions injurieuses sont "
        "masquées avec leur motif. La région répond à chaque contribution, de façon motivée, dans les 30 jours "
        "suivant la clôture.",
    },
    "opens_at": "2023-07-03T10:00",
    "closes_at": "2023-09-15T23:59",
}

# (e-mail, full name, residence code)
PEOPLE = [
    ("salma.demo@infitah.example", "سلمى الإدريسي", "07001001"),
    ("youssef.demo@infitah.example", "يوسف العمراني", "07007001"),
    ("hassan.demo@infitah.example", "حسن أيت باها", "07001001"),
    ("nadia.demo@infitah.example", "Nadia Benjelloun", "07001001"),
]
CITIZEN = "citizen@infitah.example"
ASSOCIATION = "association@infitah.example"
SALMA, YOUSSEF, HASSAN, NADIA = (person[0] for person in PEOPLE)
# What these demo people chose to tell in their profile (gender, age band), so the report's counts show something.
PROFILES = {SALMA: ("female", "25_34"), YOUSSEF: ("male", "18_24"), HASSAN: ("male", "50_64"), NADIA: ("female", "")}

ANSWERED_BY = "focal.marrakech-safi@infitah.example"

# author, on behalf of the association?, place, date, body, answer (outcome, link, reason, date)
CONTRIBUTIONS = [
    {
        "author": CITIZEN,
        "place": (0, 0),
        "at": "2023-07-05T18:20",
        "body": "نقترح نشر جداول أعمال الدورات قبل أسبوعين على الأقل، وبثّ الدورات مباشرة على موقع الجهة.",
        "answer": (
            "retained",
            ("commitment", 0, 0),
            {
                "ar": "أُدرج النشر قبل 15 يوما والبث المباشر ضمن مراحل هذا الالتزام في النسخة الموالية.",
                "fr": "La publication 15 jours avant et la diffusion en direct sont ajoutées aux jalons "
                "de cet engagement.",
            },
            "2023-09-25T10:00",
        ),
    },
    {
        "author": ASSOCIATION,
        "association": True,
        "place": (0, 1),
        "at": "2023-07-12T11:05",
        "body": "ينبغي تحديد أجل للرد على طلبات الحصول على المعلومات ونشر إحصائيات سنوية عن الطلبات والأجوبة.",
        "answer": (
            "retained",
            ("commitment", 0, 1),
            {
                "ar": "سيتضمن السجل العمومي للطلبات آجال الرد وتقريرا سنويا منشورا.",
                "fr": "Le registre public indiquera les délais de réponse et un rapport annuel sera publié.",
            },
            "2023-09-25T10:30",
        ),
    },
    {
        "author": SALMA,
        "place": (1, None),
        "at": "2023-07-20T21:40",
        "body": "يجب ضمان تمثيلية متوازنة للنساء والشباب في الهيئات الاستشارية وفي لجنة التتبع.",
        "answer": (
            "merged",
            ("commitment", 1, 0),
            {
                "ar": "دُمجت في التزام برنامج عمل الهيئات الاستشارية: سيُنشر تركيبها حسب النوع والسن.",
                "fr": "Fusionnée avec l'engagement sur les instances consultatives : leur composition par sexe "
                "et âge sera publiée.",
            },
            "2023-09-26T09:00",
        ),
    },
    {
        "author": YOUSSEF,
        "place": (1, 1),
        "at": "2023-07-28T08:15",
        "body": "على لجنة التتبع المشتركة أن تنشر تقريرا كل ستة أشهر وأن تعقد اجتماعا مفتوحا للعموم.",
        "answer": (
            "retained",
            ("commitment", 1, 1),
            {
                "ar": "سيُنشر تقرير نصف سنوي ويُعقد اجتماع مفتوح مرة في السنة.",
                "fr": "Un rapport semestriel sera publié et une réunion ouverte tenue chaque année.",
            },
            "2023-09-26T09:30",
        ),
    },
    {
        "author": CITIZEN,
        "place": None,
        "at": "2023-08-02T19:00",
        "body": "البرنامج طموح، لكن الميزانية المرصودة لكل التزام غير واضحة في المسودة.",
        "answer": (
            "not_retained",
            None,
            {
                "ar": "تُحدَّد الاعتمادات في ميزانية الجهة لسنة 2024 وتُنشر مع البيانات المفتوحة؛ لا يمكن تثبيتها في "
                "البرنامج قبل التصويت على الميزانية.",
                "fr": "Les crédits sont fixés par le budget 2024 de la région et publiés en données ouvertes ; ils ne "
                "peuvent être arrêtés dans le programme avant le vote du budget.",
            },
            "2023-09-27T11:00",
        ),
    },
    {
        "author": HASSAN,
        "place": (2, 0),
        "at": "2023-08-09T13:30",
        "body": "يجب أن تكون منصة العرائض متاحة بالأمازيغية وقابلة للاستعمال من الهاتف.",
        "answer": (
            "retained",
            ("commitment", 2, 0),
            {
                "ar": "ستكون المنصة بالعربية والأمازيغية والفرنسية ومتلائمة مع الهاتف.",
                "fr": "La plateforme sera en arabe, en amazighe et en français, et adaptée au téléphone.",
            },
            "2023-09-27T11:30",
        ),
    },
    {
        "author": ASSOCIATION,
        "association": True,
        "kind": "proposal",
        "place": (1, None),
        "at": "2023-08-14T10:00",
        "title": "ميزانية تشاركية للشباب",
        "problem": "لا يشارك الشباب في تحديد أولويات الاستثمار الجهوي.",
        "body": "تخصيص جزء من ميزانية الاستثمار لمشاريع يقترحها الشباب ويصوتون عليها.",
        "expected_results": "مشاريع يختارها الشباب كل سنة، ومشاركة أوسع في الهيئة الاستشارية للشباب.",
        "principles": ["citizen_participation", "accountability"],
        "supporters": [CITIZEN, SALMA, YOUSSEF],
        "answer": (
            "not_retained",
            None,
            {
                "ar": "تتطلب الميزانية التشاركية إطارا قانونيا ومداولة للمجلس؛ ستُدرس في إطار الاستراتيجية الجهوية "
                "للشباب وتُحال على الهيئة الاستشارية للشباب.",
                "fr": "Un budget participatif demande un cadre juridique et une délibération du conseil ; il sera "
                "étudié dans la stratégie régionale de la jeunesse et soumis à l'instance consultative des jeunes.",
            },
            "2023-09-28T10:00",
        ),
    },
    {
        "author": SALMA,
        "kind": "proposal",
        "place": (2, None),
        "at": "2023-08-21T17:45",
        "title": "خريطة تفاعلية لمشاريع الجهة",
        "problem": "يصعب على السكان معرفة المشاريع المنجزة في جماعاتهم.",
        "body": "خريطة على الإنترنت تبين كل مشروع وميزانيته ونسبة إنجازه.",
        "expected_results": "تتبع المواطنين لتقدم المشاريع القريبة منهم.",
        "principles": ["transparency", "digitalisation"],
        "supporters": [CITIZEN, HASSAN],
        "answer": (
            "merged",
            ("commitment", 2, 1),
            {
                "ar": "دُمجت في التزام البيانات المفتوحة: ستُنشر مواقع المشاريع مع بيانات الصفقات.",
                "fr": "Fusionnée avec l'engagement sur les données ouvertes : la localisation des projets sera publiée "
                "avec les données des marchés.",
            },
            "2023-09-28T10:30",
        ),
    },
    {
        "author": YOUSSEF,
        "place": (2, 1),
        "at": "2023-08-30T09:10",
        "body": "يجب نشر بيانات الصفقات بصيغة قابلة للمعالجة (CSV) وليس فقط ملفات PDF.",
        "answer": (
            "merged",
            ("contribution", 7),
            {
                "ar": "دُمجت مع مقترح الخريطة التفاعلية: ستُنشر البيانات بصيغ مفتوحة.",
                "fr": "Fusionnée avec la proposition de carte interactive : les données seront publiées "
                "en formats ouverts.",
            },
            "2023-09-29T09:00",
        ),
    },
    {
        "author": HASSAN,
        "place": (0, None),
        "at": "2023-09-04T20:00",
        "body": "نقترح تنظيم لقاءات تواصلية في الأقاليم وليس في مراكش وحدها.",
        "answer": (
            "not_retained",
            None,
            {
                "ar": "اللقاءات الإقليمية مبرمجة في مخطط التواصل للجهة وليست التزاما مستقلا في البرنامج.",
                "fr": "Les rencontres provinciales sont prévues par le plan de communication de la région, "
                "hors programme.",
            },
            "2023-09-29T09:30",
        ),
    },
    {
        "author": NADIA,
        "place": (0, 0),
        "at": "2023-09-08T12:00",
        "body": "Publier aussi les procès-verbaux complets des sessions, pas seulement les décisions.",
        "answer": (
            "merged",
            ("contribution", 0),
            {
                "fr": "Fusionnée avec la contribution sur la publication des ordres du jour : les "
                "procès-verbaux seront publiés dans le même délai.",
                "ar": "دُمجت مع المساهمة حول نشر جداول الأعمال: ستُنشر المحاضر في الأجل نفسه.",
            },
            "2023-09-29T10:00",
        ),
    },
    {
        "author": NADIA,
        "place": None,
        "at": "2023-09-12T16:30",
        "body": "La consultation tombe en plein été : prévoir une durée plus longue ou une prolongation.",
        "answer": (
            "not_retained",
            None,
            {
                "fr": "La consultation a duré dix semaines, au-delà du minimum prévu ; le calendrier d'adoption ne "
                "permettait pas de la prolonger.",
                "ar": "دامت الاستشارة عشرة أسابيع، أكثر من الحد الأدنى؛ ولم تسمح رزنامة المصادقة بتمديدها.",
            },
            "2023-09-29T10:30",
        ),
    },
]

SAFI_CONSULTATION = {
    # The program enters the public consultation phase when the consultation opens (the phase says what is on).
    "phase_reason": {
        "ar": "فتح الاستشارة العمومية حول النسخة الأولى من البرنامج.",
        "fr": "Ouverture de la consultation publique sur la version 1 du programme.",
    },
    "title": {
        "ar": "الاستشارة العمومية حول برنامج الانفتاح لجماعة آسفي",
        "fr": "Consultation publique sur le programme d'ouverture de la commune de Safi",
    },
    "description": {
        "ar": "ما رأيكم في التزام نشر أشغال المجلس الجماعي؟ " + ILLUSTRATIVE_AR,
        "fr": "Que pensez-vous de l'engagement de publier les travaux du conseil communal ? " + ILLUSTRATIVE_FR,
    },
    "rules": {
        "ar": "المشاركة مفتوحة لكل شخص مسجل. تجيب الجماعة على كل مساهمة داخل 30 يوما بعد الاختتام.",
        "fr": "Ouvert à toute personne inscrite. La commune répond à chaque contribution dans les 30 jours "
        "suivant la clôture.",
    },
    "opened_days_ago": 5,
    "closes_in_days": 25,
}

SAFI_CONTRIBUTIONS = [
    {
        "author": YOUSSEF,
        "place": (0, 0),
        "body": "نرجو نشر جداول الأعمال على صفحة الجماعة وفي لوحة الإعلانات بالمقاطعات.",
    },
    {"author": SALMA, "place": None, "body": "برنامج مفيد، ونقترح إشراك جمعيات الأحياء في تتبعه."},
]
