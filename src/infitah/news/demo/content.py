# ruff: noqa: E501 - the seed article is kept word for word, one paragraph a line, as it was published
"""Texts of the demo news. The first item is the seed article itself (Arabic, as published, with a French summary
written for the demo); the others are illustrative and say so."""

# The seed article: its headline, the announcement and its agenda, and the program's presentation that follows it
# on the page, word for word (its own spellings kept: "اسفي", "الهيات", "التربية"). The charter that closes the page
# is the platform's charter page. The article states no publication date of its own: the only date it gives is the
# workshop's, Tuesday 11 April 2023 (a Tuesday indeed), announced in the present tense ("ينظم"), with January and
# February called "last" — so it was published on that day at the latest; the demo dates it 11 April 2023, 09:00.
ARTICLE_DATE = "2023-04-11T09:00"
ARTICLE_TITLE = "مجلس جهة مراكش آسفي تنظم ورشة للإعداد المشترك لبرنامج الجهة المنفتحة"
ARTICLE_BODY = """في إطار “برنامج دعم الجماعات الترابية المنفتحة”، ينظم مجلس جهة مراكش اسفي يوم الثلاثاء 11 أبريل 2023 على الساعة الحادية عشر صباحا بمقر الجهة، ورشة للإعداد المشترك لبرنامج الجهة المنفتحة، بمشاركة أعضاء الهيات الاستشارية الثلاثة المحدثة لدى مجلس الجهة، ويتعلق الأمر بالهيئة الاستشارية الخاصة بالسياسات العمومية الجهوية المندمجة للشباب، الهيئة الاستشارية للمساواة ومقاربة النوع، والهيئة الاستشارية للتنمية الاقتصادية الجهوية.

وتندرج هذه الورشة ضمن سلسلة اللقاءات التي تهدف إلى إعداد مسودة لبرنامج الانفتاح، حيث سيتم تنظيم استشارات حولها قبل المصادقة عليها من طرف مجلس الجهة خلال دورة أكتوبر 2023.

وفي نفس الإطار، تم تنظيم لقاء تواصلي حول هذا البرنامج شهر يناير المنصرم بمقر ولاية جهة مراكش أسفي، وكذا ورشة تكوينية عن بعد حول مبادئ ومنهجية الانفتاح لفائدة الجماعات الترابية أعضاء الشبكة المغربية للجماعات الترابية المنفتحة بالجهة شهر فبراير المنصرم.

وقد انخرطت جهة مراكش أسفي في الشبكة المغربية للجماعات الترابية المنفتحة التي تأسست بتاريخ 21 أكتوبر 2022 والتي تضم 12 جهة و 4 مجالس إقليمية و 50 جماعة.

وتعد الشبكة المغربية للجماعات الترابية المنفتحة فضاء للحوار ولتبادل التجارب من أجل تكريس مبادئ الانفتاح والمتمثلة في الشفافية والمساءلة، والحق في الوصول الى المعلومة، والمشاركة المواطنة والرقمنة.

تجدر الإشارة إلى أن هذا البرنامج يتم تنفيذه تحت إشراف المديرية العامة للجماعات الترابية بوزارة الداخلية، بشراكة مع جمعية جهات المغرب وجمعية أمباكت للتنمية.

جدول أعمال ورشة الإعداد المشترك لبرنامج الانفتاح لجهة مراكش أسفي
10.30-11.00 استقبال المشاركين والمشاركات
11.00-11.30 الكلمة الافتتاحية: رئيس مجلس الجهة أو نائبه
عرض حول الشبكة المغربية للجماعات التربية المنفتحة والجدولة الزمنية لبرنامج الانفتاح
تقديم المحاور الأولية لبرنامج الانفتاح
11:30 ورشة عمل حول المحاور الأولية لبرنامج الانفتاح
تقديم النتائج والخلاصات
13:30 اختتام أشغال الورشة

برنامج الجماعات الترابية المنفتحة

وقعت المديرية العامة للجماعات الترابية، في شهر يوليوز 2022, اتفاقية شراكة مع جمعية جهات المغرب وجمعية أمباكت للتنمية من أجل تنزيل البرنامج الوطني للجماعات الترابية المنفتحة.

ويهدف هذا البرنامج إلى دعم الجماعات الترابية المنفتحة من أجل تحسين آداء الخدمات العمومية من خلال نشر مبادئ الانفتاح والتي تشمل الشفافية والمسائلة والمشاركة المواطنة والولوج إلى المعلومة والرقمنة.

ويتضمن ذلك مواكبة الجماعات الترابية من أجل:
خلق الشبكة المغربية للجماعات الترابية المنفتحة، والتي تعتبر منصة مخصصة لتعزيز التبادل والتقاسم والتعلم في مجال الانفتاح.
تعزيز التعاون والحوار بين الجماعات الترابية حول الممارسات والتحديات المشتركة في ورش الانفتاح على الصعيد الترابي.
دعم الجماعات الترابية من أجل اعتماد مشاريع الانفتاح بإشراك جمعيات المجتمع المدني المحلي وجميع الفاعلين المعنيين في جميع المراحل.
بناء قدرات الجماعات الترابية والجمعيات المحلية في مجال مبادئ الانفتاح.
تقييم آداء الانفتاح بشراكة مع جمعيات المجتمع المدني على طول العملية (الخلق المشترك، التتبع المشترك، والتقييم المشترك).
تثمين الآليات والنهج والممارسات الفضلى المتعلقة بهذا الورش.
المساهمة في إشعاع المملكة دوليا في مجال الحكومات المحلية المنفتحة."""

ARTICLE_SUMMARY_FR = (
    "Dans le cadre du « programme d'appui aux collectivités territoriales ouvertes », le conseil de la région "
    "Marrakech-Safi organise le mardi 11 avril 2023 à 11 heures, au siège de la région, un atelier de co-construction "
    "du programme de la région ouverte, avec les membres des trois instances consultatives créées auprès du conseil : "
    "l'instance des politiques publiques régionales intégrées de la jeunesse, l'instance de l'égalité et de "
    "l'approche genre, et l'instance du développement économique régional. L'atelier fait partie d'une série de "
    "rencontres destinées à préparer un projet de programme d'ouverture, qui sera soumis à consultation avant son "
    "adoption par le conseil régional lors de sa session d'octobre 2023. Une rencontre de communication sur le "
    "programme a eu lieu en janvier au siège de la wilaya, et une formation à distance sur les principes et la "
    "méthodologie de l'ouverture a été organisée en février pour les collectivités de la région membres du Réseau "
    "marocain des collectivités territoriales ouvertes. Ce réseau, fondé le 21 octobre 2022, compte 12 régions, "
    "4 conseils provinciaux et 50 communes. Le programme est mis en œuvre sous la supervision de la Direction générale "
    "des collectivités territoriales (ministère de l'Intérieur), en partenariat avec l'Association des régions du "
    "Maroc et l'association IMPACT pour le développement."
)
ARTICLE_SOURCE = f"{ARTICLE_TITLE} — المقال المرجعي (texte source de la plateforme)"

# (publisher code or None for the network, author e-mail, date, principles, title, summary, body)
ILLUSTRATIVE_NEWS = [
    (
        None,
        "coordinator@infitah.example",
        "2022-10-21T16:00",
        ["transparency", "accountability", "access_to_information", "citizen_participation", "digitalisation"],
        {
            "ar": "تأسيس الشبكة المغربية للجماعات الترابية المنفتحة",
            "fr": "Création du Réseau marocain des collectivités territoriales ouvertes",
        },
        {
            "ar": "تأسست الشبكة يوم 21 أكتوبر 2022، وتضم 12 جهة و4 مجالس إقليمية و50 جماعة.",
            "fr": "Le Réseau a été fondé le 21 octobre 2022 ; il réunit 12 régions, 4 conseils provinciaux et 50 communes.",
        },
        {
            "ar": (
                "تأسست الشبكة المغربية للجماعات الترابية المنفتحة بتاريخ 21 أكتوبر 2022، فضاء للحوار ولتبادل التجارب "
                "من أجل تكريس مبادئ الانفتاح: الشفافية والمساءلة والحق في الوصول إلى المعلومة والمشاركة المواطنة "
                "والرقمنة."
            ),
            "fr": (
                "Le Réseau marocain des collectivités territoriales ouvertes a été fondé le 21 octobre 2022, espace de "
                "dialogue et d'échange d'expériences pour ancrer les principes de l'ouverture : transparence, "
                "redevabilité, droit d'accès à l'information, participation citoyenne et numérique."
            ),
        },
    ),
    (
        None,
        "coordinator@infitah.example",
        "2023-02-06T10:00",
        ["citizen_participation", "transparency"],
        {
            "ar": "ورشة تكوينية عن بعد حول مبادئ ومنهجية الانفتاح",
            "fr": "Formation à distance : principes et méthodologie de l'ouverture",
        },
        {
            "ar": "تكوين عن بعد لفائدة الجماعات الترابية أعضاء الشبكة بجهة مراكش آسفي، خلال شهر فبراير.",
            "fr": "Une formation à distance pour les collectivités membres du Réseau dans la région Marrakech-Safi, en février.",
        },
        {
            "ar": (
                "تنظم الشبكة خلال شهر فبراير ورشة تكوينية عن بعد حول مبادئ ومنهجية الانفتاح لفائدة الجماعات الترابية "
                "أعضاء الشبكة بجهة مراكش آسفي. التسجيل عبر صفحة الأحداث."
            ),
            "fr": (
                "En février, le Réseau organise une formation à distance sur les principes et la méthodologie de "
                "l'ouverture pour ses collectivités membres de la région Marrakech-Safi. Inscriptions sur la page des "
                "événements."
            ),
        },
    ),
    (
        "07",
        "editor.marrakech-safi@infitah.example",
        "2023-01-23T12:00",
        ["citizen_participation"],
        {
            "ar": "لقاء تواصلي حول برنامج الجهة المنفتحة بمقر الولاية",
            "fr": "Rencontre de communication sur le programme de la région ouverte, au siège de la wilaya",
        },
        {
            "ar": "لقاء تواصلي لتقديم برنامج دعم الجماعات الترابية المنفتحة للجماعات والجمعيات بالجهة.",
            "fr": "Une rencontre pour présenter le programme d'appui aux collectivités ouvertes aux collectivités et associations de la région.",
        },
        {
            "ar": "احتضن مقر ولاية جهة مراكش آسفي لقاء تواصليا حول برنامج الجهة المنفتحة، بحضور ممثلي الجماعات والجمعيات.",
            "fr": (
                "Le siège de la wilaya de Marrakech-Safi a accueilli une rencontre de communication sur le programme de "
                "la région ouverte, avec des représentants des collectivités et des associations."
            ),
        },
    ),
    (
        "07",
        "editor.marrakech-safi@infitah.example",
        "2023-07-03T10:00",
        ["citizen_participation", "transparency"],
        {
            "ar": "افتتاح الاستشارة العمومية حول مسودة برنامج الجهة المنفتحة",
            "fr": "Ouverture de la consultation publique sur le projet de programme de la région ouverte",
        },
        {
            "ar": "يمكن للمواطنات والمواطنين والجمعيات المساهمة في المسودة إلى غاية 15 شتنبر 2023.",
            "fr": "Citoyennes, citoyens et associations peuvent contribuer au projet jusqu'au 15 septembre 2023.",
        },
        {
            "ar": (
                "تفتح الجهة استشارة عمومية حول مسودة برنامج الانفتاح قبل عرضه على المجلس خلال دورة أكتوبر 2023. "
                "المساهمات مفتوحة على صفحة الاستشارات."
            ),
            "fr": (
                "La région ouvre une consultation publique sur le projet de programme d'ouverture avant sa présentation "
                "au conseil lors de la session d'octobre 2023. Les contributions sont ouvertes sur la page des "
                "consultations."
            ),
        },
    ),
    (
        "07007001",
        "focal.safi@infitah.example",
        "2023-05-15T11:00",
        ["access_to_information"],
        {
            "ar": "جماعة آسفي تفتح شباكا للحق في الحصول على المعلومات",
            "fr": "La commune de Safi ouvre un guichet du droit d'accès à l'information",
        },
        {
            "ar": "يمكن تقديم طلبات الحصول على المعلومات بالشباك أو عبر المنصة.",
            "fr": "Les demandes d'accès à l'information se déposent au guichet ou sur la plateforme.",
        },
        {
            "ar": "تطبيقا للقانون 31.13، تستقبل جماعة آسفي طلبات الحصول على المعلومات بشباك مخصص وعبر المنصة.",
            "fr": (
                "En application de la loi 31-13, la commune de Safi reçoit les demandes d'accès à l'information à un "
                "guichet dédié et sur la plateforme."
            ),
        },
    ),
]

# A draft on Safi's news desk: seen only by its staff, to show the desk.
SAFI_DRAFT = {
    "title": {
        "ar": "جدول أعمال دورة أكتوبر لمجلس جماعة آسفي",
        "fr": "Ordre du jour de la session d'octobre du conseil de Safi",
    },
    "summary": {"fr": "Brouillon : à compléter avant publication."},
}
