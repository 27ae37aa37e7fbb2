"""The demo's good practices. Marrakech-Safi's co-creation workshop follows the seed article (11 April 2023, the three
advisory bodies, the agenda); the others illustrate the review's other states. Every text is marked illustrative."""

from infitah.territories.demo.content import ILLUSTRATIVE_AR, ILLUSTRATIVE_FR

MARRAKECH_SAFI, SAFI, MARRAKECH, TETOUAN, OUJDA = "07", "07007001", "07001001", "01003001", "02001001"

WORKSHOP = {
    "code": MARRAKECH_SAFI,
    "status": "published",
    "at": "2023-05-15T10:00",
    "title": {
        "ar": "ورشة الإعداد المشترك لبرنامج الانفتاح مع المجتمع المدني والهيئات الاستشارية",
        "fr": "L'atelier de co-création du programme d'ouverture avec la société civile et les instances consultatives",
    },
    "summary": {
        "ar": "نظم مجلس جهة مراكش آسفي يوم 11 أبريل 2023 ورشة للإعداد المشترك لبرنامج الجهة المنفتحة بمشاركة أعضاء "
        "الهيئات الاستشارية الثلاث: عرض المحاور الأولية، ثم مجموعات عمل حولها، ثم تقديم النتائج والخلاصات. "
        + ILLUSTRATIVE_AR,
        "fr": "Le 11 avril 2023, le conseil de la région Marrakech-Safi a réuni les membres de ses trois instances "
        "consultatives pour co-créer son programme d'ouverture : présentation des axes initiaux, groupes de travail, "
        "restitution des résultats et conclusions. " + ILLUSTRATIVE_FR,
    },
    "context": {
        "ar": "في إطار برنامج دعم الجماعات الترابية المنفتحة، وبعد لقاء تواصلي في يناير "
        "وورشة تكوينية عن بعد في فبراير، "
        "احتاجت الجهة إلى إشراك المجتمع المدني في إعداد مسودة برنامج الانفتاح قبل عرضها على دورة أكتوبر 2023.",
        "fr": "Dans le cadre du programme d'appui aux collectivités territoriales ouvertes, après une rencontre de "
        "communication en janvier et une formation à distance en février, la région devait associer la société "
        "civile au projet de programme avant la session d'octobre 2023.",
    },
    "principles": ["citizen_participation", "transparency", "accountability"],
    "partners": {
        "ar": "الهيئة الاستشارية الخاصة بالسياسات العمومية الجهوية المندمجة للشباب؛ الهيئة الاستشارية للمساواة ومقاربة "
        "النوع؛ الهيئة الاستشارية للتنمية الاقتصادية الجهوية؛ جمعية جهات المغرب؛ جمعية أمباكت للتنمية.",
        "fr": "Instance consultative des politiques publiques régionales intégrées de la jeunesse ; instance de "
        "l'équité et de l'approche genre ; instance du développement économique régional ; AMRM ; IMPACT.",
    },
    "results": {
        "ar": "جدول أعمال من ساعتين ونصف (10:30 استقبال، 11:00 الكلمة الافتتاحية والعروض، 11:30 مجموعات العمل، "
        "13:30 الاختتام) يمكن نقله إلى جماعات أخرى؛ محاور أولية أُغنيت بمقترحات الهيئات؛ مسودة عُرضت للاستشارة.",
        "fr": "Un déroulé de deux heures et demie (10h30 accueil, 11h00 ouverture et présentations, 11h30 groupes de "
        "travail, 13h30 clôture) transposable ; des axes initiaux enrichis par les instances ; un projet soumis à "
        "consultation.",
    },
    "contact_name": "Service de la démocratie participative (illustratif)",
    "contact_address": "ouverture@region-marrakech-safi.example",
}

ADOPTION_NOTE = (
    "اعتمدت جماعة آسفي نفس جدول أعمال الورشة مع جمعيات المدينة لإعداد التزامها الأول. "
    "La commune de Safi a repris le déroulé de l'atelier avec les associations de la ville pour co-créer son "
    "premier engagement (le seul de son programme pour l'instant). " + ILLUSTRATIVE_FR
)

OTHERS = [
    {
        "code": MARRAKECH,
        "status": "published",
        "at": "2024-01-22T09:00",
        "title": {
            "ar": "مقهى المواطن: لقاء شهري مفتوح مع المنتخبين",
            "fr": "Le café citoyen : une rencontre mensuelle avec les élus",
        },
        "summary": {
            "ar": "لقاء شهري في فضاء عمومي يجيب فيه المنتخبون عن أسئلة الساكنة، وتُنشر خلاصاته على الموقع. "
            + ILLUSTRATIVE_AR,
            "fr": "Chaque mois, dans un lieu public, les élus répondent aux questions des habitants ; la synthèse est "
            "publiée. " + ILLUSTRATIVE_FR,
        },
        "principles": ["accountability", "citizen_participation"],
    },
    {
        "code": SAFI,
        "status": "submitted",
        "at": "2024-04-02T11:00",
        "title": {
            "ar": "نشر جداول أعمال الدورات في الأحياء",
            "fr": "Afficher l'ordre du jour des sessions dans les quartiers",
        },
        "summary": {
            "ar": "تعليق جدول أعمال كل دورة في الملحقات الإدارية ودور الشباب قبل انعقادها بعشرة أيام. "
            + ILLUSTRATIVE_AR,
            "fr": "L'ordre du jour de chaque session est affiché dans les annexes administratives et les maisons de "
            "jeunes dix jours avant. " + ILLUSTRATIVE_FR,
        },
        "principles": ["transparency"],
    },
    {
        "code": TETOUAN,
        "status": "returned",
        "at": "2024-03-11T15:00",
        "title": {"fr": "Un registre numérique des doléances", "ar": "سجل رقمي للشكايات"},
        "summary": {
            "fr": "Les doléances déposées au guichet sont saisies et suivies en ligne. " + ILLUSTRATIVE_FR,
            "ar": "تُسجل الشكايات المودعة في الشباك ويُتتبع مآلها عبر الإنترنت. " + ILLUSTRATIVE_AR,
        },
        "principles": ["digitalisation", "access_to_information"],
        "note": "Merci d'ajouter les résultats (délais de réponse, nombre de doléances traitées) "
        "et un contact de service. "
        "المرجو إضافة النتائج وعنوان للتواصل.",
    },
]
