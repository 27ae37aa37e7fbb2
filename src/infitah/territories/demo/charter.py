"""The network's charter as the seed article gives it in Arabic, with French and English translations.

The Arabic of the charter is the article's; four evident typing slips are corrected (a missing space in
"وترتكز على", "التنمية" for "التنمي", "ورقمنة" for "ورقمة", "على" for "اعلى"). Everything else keeps the
article's wording.
"""

# (kind, {language: text}) in the charter's order.
CHARTER_SECTIONS = [
    (
        "preamble",
        {
            "ar": (
                "– بناء على المبادئ التوجيهية الملكية السامية المتعلقة بتعبئة إمكانات الأمة وإشراك جميع مهاراتها "
                "من أجل تنفيذ النموذج التنموي الجديد للمغرب،\n"
                "– وفقاً لدستور المملكة والترسانة القانونية والتنظيمية الوطنية فيما يتعلق بتكريس مبادئ الشفافية "
                "والمساءلة والمشاركة المواطنة،\n"
                "– استنادا إلى أحكام القوانين التنظيمية للجماعات الترابية والقوانين والتنظيمات الأخرى التي تهدف إلى "
                "تعزيز مبادئ الشفافية والمسؤولية والمساءلة والديمقراطية التشاركية،\n"
                "– اعتبارا لأهمية اعتماد مقاربة تنموية منفتحة تجعل المواطن في صلبها وترتكز على مبادئ الحكامة "
                "التشاركية بهدف تحقيق تنمية محلية شامل ودامجة،\n"
                "– تبعا لانضمام المملكة المغربية للمبادرة الدولية “شراكة الحكومة المنفتحة”،\n\n"
                "تقرر خلق الشبكة المغربية للجماعات الترابية المنفتحة، كفضاء لتبادل التجارب والخبرات بين الجماعات "
                "الترابية الأعضاء حول تفعيل مبدئ الانفتاح وتقوية قدراتها وتجميع الممارسات الجيدة في المجال.\n"
                "تشكل هذه الوثيقة ميثاقا للشبكة المغربية للجماعات الترابية."
            ),
            "fr": (
                "– Sur la base des hautes orientations royales relatives à la mobilisation des potentialités de la "
                "Nation et à l'implication de toutes ses compétences pour la mise en œuvre du nouveau modèle de "
                "développement du Maroc ;\n"
                "– Conformément à la Constitution du Royaume et à l'arsenal juridique et réglementaire national "
                "relatif à la consécration des principes de transparence, de reddition des comptes et de "
                "participation citoyenne ;\n"
                "– En vertu des dispositions des lois organiques relatives aux collectivités territoriales et des "
                "autres lois et règlements visant à renforcer les principes de transparence, de responsabilité, de "
                "reddition des comptes et de démocratie participative ;\n"
                "– Considérant l'importance d'adopter une approche de développement ouverte, qui place le citoyen en "
                "son cœur et repose sur les principes de la gouvernance participative, en vue d'un développement "
                "local global et inclusif ;\n"
                "– Suite à l'adhésion du Royaume du Maroc à l'initiative internationale « Partenariat pour un "
                "gouvernement ouvert » ;\n\n"
                "Il est décidé de créer le Réseau marocain des collectivités territoriales ouvertes, espace "
                "d'échange d'expériences et d'expertises entre les collectivités territoriales membres sur la mise "
                "en œuvre du principe d'ouverture, le renforcement de leurs capacités et la capitalisation des bonnes "
                "pratiques en la matière.\n"
                "Le présent document constitue la charte du Réseau marocain des collectivités territoriales."
            ),
            "en": (
                "– On the basis of the High Royal guidelines on mobilising the Nation's potential and involving all "
                "its skills in carrying out Morocco's new development model;\n"
                "– In accordance with the Constitution of the Kingdom and the national legal and regulatory framework "
                "establishing the principles of transparency, accountability and citizen participation;\n"
                "– Pursuant to the organic laws on territorial collectivities and the other laws and regulations that "
                "aim to strengthen the principles of transparency, responsibility, accountability and participatory "
                "democracy;\n"
                "– Considering the importance of an open approach to development that puts the citizen at its heart "
                "and rests on the principles of participatory governance, for comprehensive and inclusive local "
                "development;\n"
                "– Following the accession of the Kingdom of Morocco to the international Open Government "
                "Partnership initiative;\n\n"
                "It is decided to create the Moroccan Network of Open Territorial Collectivities, a space where the "
                "member collectivities exchange experience and expertise on putting the principle of openness into "
                "practice, strengthen their capacities and gather good practices in this field.\n"
                "This document is the charter of the Moroccan Network of Territorial Collectivities."
            ),
        },
    ),
    (
        "purpose",
        {
            "ar": (
                "يعرض ميثاق الشبكة المغربية للجماعات الترابية المنفتحة مبادئ وقيم الشبكة المغربية للجماعات "
                "الترابية وكذا أهدافها، والتزامات أعضاء هذه الشبكة."
            ),
            "fr": (
                "La charte du Réseau marocain des collectivités territoriales ouvertes présente les principes et les "
                "valeurs du Réseau marocain des collectivités territoriales ainsi que ses objectifs, et les "
                "engagements des membres de ce réseau."
            ),
            "en": (
                "The charter of the Moroccan Network of Open Territorial Collectivities sets out the principles and "
                "values of the Moroccan Network of Territorial Collectivities, its aims, and the commitments of the "
                "network's members."
            ),
        },
    ),
    (
        "open_collectivity",
        {
            "ar": (
                "تعمل الجماعة الترابية المنفتحة على تعزيز مبادئ الشفافية والمسائلة والولوج إلى المعلومة وإشراك "
                "المواطنات والمواطنين وهيآت المجتمع المدني في إعداد وتتبع وتقييم، بشكل تشاركي، المشترك مشاريعها "
                "وبرامجها التنموية."
            ),
            "fr": (
                "La collectivité territoriale ouverte s'attache à renforcer les principes de transparence, de "
                "reddition des comptes et d'accès à l'information, et à associer les citoyennes, les citoyens et les "
                "organisations de la société civile à l'élaboration, au suivi et à l'évaluation, de manière "
                "participative et partagée, de ses projets et programmes de développement."
            ),
            "en": (
                "The open territorial collectivity works to strengthen the principles of transparency, accountability "
                "and access to information, and to involve citizens, women and men, and civil-society organisations "
                "in preparing, monitoring and evaluating its development projects and programs, jointly and in a "
                "participatory way."
            ),
        },
    ),
    (
        "aims",
        {
            "ar": (
                "يهدف انفتاح الجماعة الترابية على المواطنات والمواطنين وفعاليات المجتمع المدني بشكل أساسي إلى:\n"
                "– تعزيز الثقة بين المواطن والجماعة الترابية من خلال آليات التواصل والشفافية والمساءلة والمشاركة "
                "المواطنة؛\n"
                "– العمل بتعاون وثيق مع المجتمع المدني الذي يعتبر الحليف الرئيسي لمواجهة تحديات التنمية المحلية.\n"
                "– تحسين الخدمات العمومية من خلال إشراك المواطن في التعبير عن حاجياته الحقيقية والاستجابة لها، وكذا "
                "اعتماد الحلول التكنولوجية لتدبير الجماعة ورقمنة خدماتها."
            ),
            "fr": (
                "L'ouverture de la collectivité territoriale aux citoyennes, aux citoyens et aux acteurs de la société "
                "civile vise essentiellement à :\n"
                "– renforcer la confiance entre le citoyen et la collectivité territoriale par des mécanismes de "
                "communication, de transparence, de reddition des comptes et de participation citoyenne ;\n"
                "– travailler en étroite collaboration avec la société civile, considérée comme l'alliée principale "
                "pour relever les défis du développement local ;\n"
                "– améliorer les services publics en associant le citoyen à l'expression de ses besoins réels et en y "
                "répondant, ainsi qu'en adoptant des solutions technologiques pour la gestion de la collectivité et "
                "la numérisation de ses services."
            ),
            "en": (
                "Opening the territorial collectivity to citizens and to civil-society actors mainly aims to:\n"
                "– strengthen trust between citizens and the collectivity through communication, transparency, "
                "accountability and citizen participation;\n"
                "– work in close cooperation with civil society, the principal ally in meeting the challenges of "
                "local development;\n"
                "– improve public services by involving citizens in expressing their real needs and by meeting them, "
                "and by adopting technological solutions to manage the collectivity and digitalise its services."
            ),
        },
    ),
    (
        "values",
        {
            "ar": (
                "تتمثل قيم الشبكة المغربية للجماعات الترابية المنفتحة في:\n"
                "● تبادل المعارف والممارسات الجيدة حول مبادئ الانفتاح؛\n"
                "● الحوار بين الجماعات الترابية الأعضاء حول الممارسات والتحديات المشتركة المتعلقة بالتنمية المحلية "
                "المنفتحة."
            ),
            "fr": (
                "Les valeurs du Réseau marocain des collectivités territoriales ouvertes sont :\n"
                "● l'échange de connaissances et de bonnes pratiques sur les principes de l'ouverture ;\n"
                "● le dialogue entre les collectivités territoriales membres sur les pratiques et les défis communs "
                "liés au développement local ouvert."
            ),
            "en": (
                "The values of the Moroccan Network of Open Territorial Collectivities are:\n"
                "● sharing knowledge and good practices on the principles of openness;\n"
                "● dialogue between member collectivities on the shared practices and challenges of open local "
                "development."
            ),
        },
    ),
]

# number: (title, text)
CHARTER_COMMITMENTS = {
    1: (
        {
            "ar": "احترام النظم المعيارية",
            "fr": "Respecter les normes en vigueur",
            "en": "Respect the standards in force",
        },
        {
            "ar": (
                "احترام النظم المعيارية المعمول بها من حيث الشفافية والولوج إلى المعلومات العمومية ومشاركة "
                "المواطنات والمواطنين والتحول الرقمي."
            ),
            "fr": (
                "Respecter les normes en vigueur en matière de transparence, d'accès à l'information publique, de "
                "participation des citoyennes et des citoyens et de transformation numérique."
            ),
            "en": (
                "Respect the standards in force on transparency, access to public information, the participation of "
                "citizens and digital transformation."
            ),
        },
    ),
    2: (
        {
            "ar": "اعتماد برامج عمل الانفتاح",
            "fr": "Adopter des programmes d'action d'ouverture",
            "en": "Adopt openness action programs",
        },
        {
            "ar": "اعتماد برامج عمل الانفتاح بإشراك المجتمع المدني المحلي وكذا جميع الفاعلين المعنيين.",
            "fr": (
                "Adopter des programmes d'action d'ouverture en associant la société civile locale ainsi que tous les "
                "acteurs concernés."
            ),
            "en": "Adopt openness action programs together with local civil society and all the actors concerned.",
        },
    ),
    3: (
        {
            "ar": "تنفيذ وتقييم برامج عمل الانفتاح",
            "fr": "Mettre en œuvre et évaluer les programmes d'action d'ouverture",
            "en": "Implement and evaluate the openness action programs",
        },
        {
            "ar": ("ضمان تنفيذ وتقييم برامج عمل الانفتاح بمشاركة المجتمع المدني المحلي وكذلك جميع الفاعلين المعنيين."),
            "fr": (
                "Assurer la mise en œuvre et l'évaluation des programmes d'action d'ouverture avec la participation "
                "de la société civile locale ainsi que de tous les acteurs concernés."
            ),
            "en": (
                "Ensure that the openness action programs are implemented and evaluated with the participation of "
                "local civil society and all the actors concerned."
            ),
        },
    ),
    4: (
        {
            "ar": "خلق دينامية ترابية",
            "fr": "Créer une dynamique territoriale",
            "en": "Create a territorial dynamic",
        },
        {
            "ar": "خلق دينامية ترابية تهدف إلى تعزيز التعاون مع الجهات الفاعلة الأخرى داخل التراب.",
            "fr": (
                "Créer une dynamique territoriale visant à renforcer la coopération avec les autres acteurs du "
                "territoire."
            ),
            "en": "Create a territorial dynamic that strengthens cooperation with the other actors of the territory.",
        },
    ),
    5: (
        {
            "ar": "المساهمة في الإشعاع",
            "fr": "Contribuer au rayonnement",
            "en": "Contribute to visibility",
        },
        {
            "ar": "المساهمة في إشعاع الجماعات الترابية المغربية على المستوى الوطني والقاري والدولي.",
            "fr": (
                "Contribuer au rayonnement des collectivités territoriales marocaines aux niveaux national, "
                "continental et international."
            ),
            "en": (
                "Contribute to the visibility of Moroccan territorial collectivities nationally, across Africa and "
                "internationally."
            ),
        },
    ),
}
