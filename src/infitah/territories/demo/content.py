"""The texts of the demo world, in Arabic as the seed article gives them, with French and English translations.

The charter's sections and commitments are in charter.py.
"""

# The notice that marks a demo text as invented, not official. The capabilities' demos append it too: the
# territories' demo is the world they all build on, and one wording reads better than several.
ILLUSTRATIVE_AR = "محتوى توضيحي لأغراض العرض، وليس وثيقة رسمية."
ILLUSTRATIVE_FR = "Contenu illustratif de démonstration, pas un document officiel."

NETWORK_NAME = {
    "ar": "الشبكة المغربية للجماعات الترابية المنفتحة",
    "fr": "Réseau marocain des collectivités territoriales ouvertes",
    "en": "Moroccan Network of Open Territorial Collectivities",
}

NETWORK_DESCRIPTION = {
    "ar": (
        "تعد الشبكة المغربية للجماعات الترابية المنفتحة فضاء للحوار ولتبادل التجارب من أجل تكريس مبادئ الانفتاح "
        "والمتمثلة في الشفافية والمساءلة، والحق في الوصول إلى المعلومة، والمشاركة المواطنة والرقمنة.\n"
        "ويتم تنفيذ برنامج دعم الجماعات الترابية المنفتحة تحت إشراف المديرية العامة للجماعات الترابية بوزارة "
        "الداخلية، بشراكة مع جمعية جهات المغرب وجمعية أمباكت للتنمية."
    ),
    "fr": (
        "Le Réseau marocain des collectivités territoriales ouvertes est un espace de dialogue et d'échange "
        "d'expériences pour consacrer les principes de l'ouverture : la transparence, la reddition des comptes, le "
        "droit d'accès à l'information, la participation citoyenne et la numérisation.\n"
        "Le programme d'appui aux collectivités territoriales ouvertes est mis en œuvre sous la supervision de la "
        "Direction générale des collectivités territoriales du ministère de l'Intérieur, en partenariat avec "
        "l'Association des régions du Maroc et l'association IMPACT pour le développement."
    ),
    "en": (
        "The Moroccan Network of Open Territorial Collectivities is a space for dialogue and for sharing "
        "experience, to establish the principles of openness: transparency, accountability, the right of access "
        "to information, citizen participation and digitalisation.\n"
        "The support program for open territorial collectivities is carried out under the supervision of the "
        "General Directorate of Territorial Collectivities of the Ministry of the Interior, in partnership with "
        "the Association of Moroccan Regions and the IMPACT Association for Development."
    ),
}

_AGREEMENT = {
    "ar": (
        "اتفاقية الشراكة الموقعة في شهر يوليوز 2022 بين المديرية العامة للجماعات الترابية وجمعية جهات المغرب "
        "وجمعية أمباكت للتنمية من أجل تنزيل البرنامج الوطني للجماعات الترابية المنفتحة."
    ),
    "fr": (
        "Convention de partenariat signée en juillet 2022 entre la Direction générale des collectivités "
        "territoriales, l'Association des régions du Maroc et l'association IMPACT pour le développement, pour mettre "
        "en œuvre le programme national des collectivités territoriales ouvertes."
    ),
    "en": (
        "Partnership agreement signed in July 2022 by the General Directorate of Territorial Collectivities, the "
        "Association of Moroccan Regions and the IMPACT Association for Development to implement the national "
        "program of open territorial collectivities."
    ),
}

_SUPERVISES = {
    "ar": "يتم تنفيذ البرنامج تحت إشرافها. ",
    "fr": "Le programme est mis en œuvre sous sa supervision. ",
    "en": "The program is carried out under its supervision. ",
}

# acronym: (name, role)
PARTNERS = {
    "DGCT": (
        {
            "ar": "المديرية العامة للجماعات الترابية — وزارة الداخلية",
            "fr": "Direction générale des collectivités territoriales — ministère de l'Intérieur",
            "en": "General Directorate of Territorial Collectivities — Ministry of the Interior",
        },
        {lang: _SUPERVISES[lang] + _AGREEMENT[lang] for lang in _AGREEMENT},
    ),
    "AMRM": (
        {
            "ar": "جمعية جهات المغرب",
            "fr": "Association des régions du Maroc",
            "en": "Association of Moroccan Regions",
        },
        dict(_AGREEMENT),
    ),
    "IMPACT": (
        {
            "ar": "جمعية أمباكت للتنمية",
            "fr": "Association IMPACT pour le développement",
            "en": "IMPACT Association for Development",
        },
        dict(_AGREEMENT),
    ),
}

# Marrakech-Safi's standing on the charter's commitments, from the article's account of spring 2023.
MARRAKECH_SAFI_STANDINGS = {
    2: (
        "in_progress",
        {
            "ar": (
                "نظم مجلس الجهة يوم 11 أبريل 2023 ورشة للإعداد المشترك لبرنامج الجهة المنفتحة بمشاركة أعضاء "
                "الهيئات الاستشارية الثلاث؛ ستعرض المسودة للاستشارة قبل المصادقة عليها خلال دورة أكتوبر 2023."
            ),
            "fr": (
                "Le conseil régional a tenu le 11 avril 2023 un atelier de co-construction du programme de la région "
                "ouverte avec les membres de ses trois instances consultatives ; le projet sera soumis à consultation "
                "avant son adoption à la session d'octobre 2023."
            ),
            "en": (
                "The regional council held a co-creation workshop on the open region program on 11 April 2023 with "
                "the members of its three advisory bodies; the draft goes to consultation before its adoption at the "
                "October 2023 session."
            ),
        },
    ),
    3: (
        "not_started",
        {
            "ar": "يبدأ التنفيذ بعد مصادقة مجلس الجهة على برنامج الانفتاح.",
            "fr": "La mise en œuvre commencera après l'adoption du programme d'ouverture par le conseil régional.",
            "en": "Implementation starts once the regional council has adopted the openness program.",
        },
    ),
    4: (
        "in_progress",
        {
            "ar": (
                "لقاء تواصلي حول البرنامج في يناير 2023 بمقر ولاية جهة مراكش آسفي، وورشة تكوينية عن بعد حول مبادئ "
                "ومنهجية الانفتاح لفائدة الجماعات الترابية أعضاء الشبكة بالجهة في فبراير 2023."
            ),
            "fr": (
                "Rencontre de communication sur le programme en janvier 2023 au siège de la wilaya de la région "
                "Marrakech-Safi, et formation à distance sur les principes et la méthodologie de l'ouverture pour les "
                "collectivités membres du réseau dans la région en février 2023."
            ),
            "en": (
                "A communication meeting on the program in January 2023 at the seat of the wilaya of Marrakech-Safi, "
                "and a remote training on the principles and method of openness for the network's member "
                "collectivities in the region in February 2023."
            ),
        },
    ),
}

DEMO_ASSOCIATION = {
    "name": {
        "ar": "جمعية مراكش للمشاركة المواطنة",
        "fr": "Association Marrakech pour la participation citoyenne",
        "en": "Marrakech Association for Citizen Participation",
    },
    "description": {
        "ar": "جمعية تجريبية لعرض المنصة: تشارك في الإعداد المشترك لبرامج الانفتاح وتتبعها.",
        "fr": "Association fictive de démonstration : elle participe à la co-construction et au suivi des programmes "
        "d'ouverture.",
        "en": "A fictitious demonstration association that takes part in co-creating and monitoring openness programs.",
    },
}
