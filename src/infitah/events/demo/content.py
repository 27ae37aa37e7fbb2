"""The texts of the events demo: Marrakech-Safi's workshop of 11 April 2023 as the article tells it, the January
communication meeting, the February remote training, a meeting of the equality body and an upcoming workshop."""

from typing import Literal, NotRequired, TypedDict

# A text in each language, keyed by language code.
Texts = dict[str, str]


class Story(TypedDict):
    """An event of the story: its texts and hours (ISO 8601, local time), and what only some events have."""

    title: Texts
    starts: str
    ends: str
    description: NotRequired[Texts]
    minutes: NotRequired[Texts]
    online_url: NotRequired[str]
    material_title: NotRequired[Texts]
    material_text: NotRequired[str]
    members_present: NotRequired[int]
    closes: NotRequired[str]
    capacity: NotRequired[int]


# An agenda item (see WORKSHOP_AGENDA); each sub-item is (title, speakers).
AgendaRow = tuple[str | None, str | None, Texts, Texts, list[tuple[Texts, Texts]] | Literal["axes"]]


PLACE: Texts = {"ar": "مقر جهة مراكش آسفي، مراكش", "fr": "Siège de la Région Marrakech-Safi, Marrakech"}

WORKSHOP: Story = {
    "title": {
        "ar": "ورشة التشارك في إعداد برنامج الانفتاح لجهة مراكش آسفي",
        "fr": "Atelier de co-création du programme d'ouverture de la Région Marrakech-Safi",
    },
    "description": {
        "ar": "ورشة تشاركية مع جمعيات المجتمع المدني والهيئات الاستشارية لتحديد محاور والتزامات برنامج الانفتاح.",
        "fr": "Atelier participatif avec les associations et les instances consultatives pour définir les axes et "
        "les engagements du programme d'ouverture.",
    },
    "starts": "2023-04-11T10:30",
    "ends": "2023-04-11T13:30",
    "minutes": {
        "ar": "انعقدت الورشة يوم الثلاثاء 11 أبريل 2023 بمقر الجهة. بعد الكلمة الافتتاحية وتقديم الشبكة والجدولة "
        "الزمنية للبرنامج، اشتغل المشاركون في ثلاث ورشات متوازية حول المحاور الأولية، ثم قُدمت النتائج والخلاصات.",
        "fr": "L'atelier s'est tenu le mardi 11 avril 2023 au siège de la Région. Après l'allocution d'ouverture et "
        "la présentation du réseau et du calendrier du programme, les participants ont travaillé en trois groupes "
        "parallèles sur les axes initiaux, puis les résultats et conclusions ont été présentés.",
    },
}

# (start, end, title, speakers, sub-items); the sub-items of the working groups are filled in from the axes.
WORKSHOP_AGENDA: list[AgendaRow] = [
    ("10:30", "11:00", {"ar": "استقبال المشاركين", "fr": "Accueil des participants"}, {}, []),
    (
        "11:00",
        "11:30",
        {"ar": "الجلسة الافتتاحية", "fr": "Séance d'ouverture"},
        {},
        [
            (
                {
                    "ar": "كلمة رئيس مجلس الجهة أو من ينوب عنه",
                    "fr": "Allocution du président du conseil ou de son représentant",
                },
                {"ar": "رئيس مجلس الجهة أو نائبه", "fr": "Le président du conseil régional ou son représentant"},
            ),
            (
                {
                    "ar": "تقديم الشبكة والجدولة الزمنية للبرنامج",
                    "fr": "Présentation du réseau et du calendrier du programme",
                },
                {"ar": "نقطة الارتكاز", "fr": "Le point focal"},
            ),
            (
                {"ar": "تقديم المحاور الأولية", "fr": "Présentation des axes initiaux"},
                {"ar": "فريق البرنامج", "fr": "L'équipe du programme"},
            ),
        ],
    ),
    (
        "11:30",
        None,
        {"ar": "ورشات عمل حول المحاور الأولية", "fr": "Groupes de travail sur les axes initiaux"},
        {},
        "axes",
    ),
    (None, None, {"ar": "تقديم النتائج والخلاصات", "fr": "Présentation des résultats et conclusions"}, {}, []),
    ("13:30", None, {"ar": "اختتام الورشة", "fr": "Clôture"}, {}, []),
]

WORKSHOP_FINDINGS = [
    {
        "ar": "نشر المعطيات المالية للجهة بصيغة مفتوحة وقابلة لإعادة الاستعمال.",
        "fr": "Publier les données financières de la Région dans un format ouvert et réutilisable.",
    },
    {
        "ar": "إشراك الهيئات الاستشارية والجمعيات في تتبع تنفيذ الالتزامات.",
        "fr": "Associer les instances consultatives et les associations au suivi de la mise en œuvre.",
    },
    {
        "ar": "تبسيط الولوج الرقمي إلى خدمات الجهة.",
        "fr": "Simplifier l'accès numérique aux services de la Région.",
    },
]

COMMUNICATION: Story = {
    "title": {
        "ar": "لقاء تواصلي حول انخراط الجهة في شبكة الجماعات الترابية المنفتحة",
        "fr": "Réunion de communication sur l'adhésion de la Région au réseau des collectivités ouvertes",
    },
    "description": {
        "ar": "لقاء لتقديم مبادئ الحكومة المنفتحة ومراحل إعداد برنامج الانفتاح لفعاليات المجتمع المدني.",
        "fr": "Réunion de présentation des principes du gouvernement ouvert et des étapes du programme d'ouverture.",
    },
    "starts": "2023-01-24T10:00",
    "ends": "2023-01-24T12:00",
}

TRAINING: Story = {
    "title": {
        "ar": "تكوين عن بعد حول الحكومة المنفتحة والمشاركة المواطنة",
        "fr": "Formation à distance sur le gouvernement ouvert et la participation citoyenne",
    },
    "description": {
        "ar": "دورة لتقوية قدرات الجمعيات وأطر الجهة في التشارك في إعداد برامج الانفتاح.",
        "fr": "Session de renforcement des capacités des associations et des cadres de la Région.",
    },
    "starts": "2023-02-21T10:00",
    "ends": "2023-02-21T12:30",
    "online_url": "https://visio.infitah.example/formation-fevrier-2023",
    "material_title": {"ar": "دليل المشارك", "fr": "Guide du participant"},
    "material_text": "Guide du participant — gouvernement ouvert et participation citoyenne.\n"
    "دليل المشارك — الحكومة المنفتحة والمشاركة المواطنة.\n",
}

BODY_MEETING: Story = {
    "title": {
        "ar": "الاجتماع العادي لهيئة المساواة وتكافؤ الفرص ومقاربة النوع",
        "fr": "Réunion ordinaire de l'instance de l'équité, de l'égalité des chances et de l'approche genre",
    },
    "starts": "2023-03-08T15:00",
    "ends": "2023-03-08T17:00",
    # Present out of the body's members; the quorum required is computed from the body (more than half).
    "members_present": 6,
}

UPCOMING: Story = {
    "title": {
        "ar": "ورشة تقييم منتصف المرحلة لبرنامج الانفتاح",
        "fr": "Atelier d'évaluation à mi-parcours du programme d'ouverture",
    },
    "description": {
        "ar": "ورشة مفتوحة للمواطنات والمواطنين والجمعيات لتقييم تقدم الالتزامات. عدد المقاعد محدود.",
        "fr": "Atelier ouvert aux citoyennes, citoyens et associations pour évaluer l'avancement. Places limitées.",
    },
    "starts": "2027-03-16T10:00",
    "ends": "2027-03-16T13:00",
    "closes": "2027-03-14T18:00",
    "capacity": 25,
}

# Participants of the demo (not logins): (full name, gender, age band, category).
PARTICIPANTS = [
    ("Khadija Amrani", "female", "25_34", "association"),
    ("Said Benali", "male", "35_49", "association"),
    ("Meryem Ait Lahcen", "female", "18_24", "citizen"),
    ("Hassan Ouchen", "male", "50_64", "elected"),
    ("Laila Fassi", "female", "35_49", "staff"),
    ("Youness Karimi", "male", "25_34", "citizen"),
    ("Naima Boussouf", "female", "50_64", "body_member"),
    ("Anass Idrissi", "", "", "citizen"),
]
