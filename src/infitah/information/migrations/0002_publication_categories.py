"""The categories of information law 31-13 asks a body to publish without being asked (arts. 10–13; the exact list
is to verify against the official text, LAW.md). Shipped as data: an administrator edits them in the back office."""

from django.db import migrations

SOURCE = "Law 31-13, art. 10 (list to verify)"

CATEGORIES = [
    # key, English, Arabic, French, stale after (days)
    (
        "missions-organisation",
        "Missions, organisation and administrative structure",
        "المهام والتنظيم والهياكل الإدارية",
        "Missions, organisation et structures administratives",
        365,
    ),
    (
        "legal-texts",
        "Legal and regulatory texts, decisions and circulars that govern the collectivity's work",
        "النصوص التشريعية والتنظيمية والقرارات والدوريات المؤطرة لعمل الجماعة",
        "Textes législatifs et réglementaires, arrêtés et circulaires encadrant l'action de la collectivité",
        365,
    ),
    (
        "council-decisions",
        "Council sessions, agendas, deliberations and decisions",
        "دورات المجلس وجداول أعمالها ومداولاته ومقرراته",
        "Sessions du conseil, ordres du jour, délibérations et décisions",
        120,
    ),
    (
        "budget",
        "Budget, its execution and the financial statements",
        "الميزانية وتنفيذها والقوائم المالية",
        "Budget, exécution et états financiers",
        365,
    ),
    (
        "programs-projects",
        "Development program, plans, programs and projects",
        "برنامج التنمية والمخططات والبرامج والمشاريع",
        "Programme de développement, plans, programmes et projets",
        365,
    ),
    (
        "public-contracts",
        "Public contracts: calls for tenders, results and awarded contracts",
        "الصفقات العمومية: طلبات العروض ونتائجها والصفقات المبرمة",
        "Marchés publics : appels d'offres, résultats et marchés attribués",
        90,
    ),
    (
        "recruitment",
        "Competitive examinations for recruitment and their results",
        "مباريات التوظيف ونتائجها",
        "Concours de recrutement et leurs résultats",
        180,
    ),
    (
        "licences-permits",
        "Conditions for licences, permits and authorisations",
        "شروط منح الرخص والأذونات والتراخيص",
        "Conditions d'octroi des licences, permis et autorisations",
        365,
    ),
    (
        "services-procedures",
        "Services offered to users, their procedures, documents and fees",
        "الخدمات المقدمة للمرتفقين ومساطرها والوثائق المطلوبة والرسوم",
        "Services offerts aux usagers, procédures, pièces et redevances",
        365,
    ),
    (
        "reports-statistics",
        "Reports, studies and statistics",
        "التقارير والدراسات والإحصائيات",
        "Rapports, études et statistiques",
        365,
    ),
    (
        "information-officers",
        "The persons in charge of access to information and how to reach them",
        "الأشخاص المكلفون بالحصول على المعلومات وطرق التواصل معهم",
        "Les personnes chargées de l'accès à l'information et leurs coordonnées",
        365,
    ),
    (
        "remedies-complaints",
        "How to complain, the remedies and the means of participation",
        "طرق تقديم الشكايات وسبل الانتصاف ووسائل المشاركة",
        "Réclamations, voies de recours et moyens de participation",
        365,
    ),
]


def add_categories(apps, schema_editor):
    Category = apps.get_model("information", "PublicationCategory")
    for order, (key, english, arabic, french, stale) in enumerate(CATEGORIES, start=1):
        Category.objects.update_or_create(
            key=key,
            defaults={
                "title": {"en": english, "ar": arabic, "fr": french},
                "source": SOURCE,
                "stale_after_days": stale,
                "order": order * 10,
            },
        )


def remove_categories(apps, schema_editor):
    apps.get_model("information", "PublicationCategory").objects.filter(key__in=[c[0] for c in CATEGORIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("information", "0001_requests_and_catalogue")]

    operations = [migrations.RunPython(add_categories, remove_categories)]
