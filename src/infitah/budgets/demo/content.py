"""The chapters of the illustrative regional budget: (section, direction, code, Arabic label, French label, planned
2025 in MAD, execution rate of 2025). Codes ending in N are new in 2026. Invented figures, in the order of
magnitude of a Moroccan region's budget."""

from decimal import Decimal as D

REGION = "07"  # Marrakech-Safi

OPER, INV = "operating", "investment"
REV, EXP = "revenue", "expenditure"

CHAPTERS = [
    (
        OPER,
        REV,
        "10.10",
        "حصة الجهة من الضريبة على الشركات",
        "Part de l'impôt sur les sociétés",
        D("420000000"),
        D("0.97"),
    ),
    (OPER, REV, "10.20", "حصة الجهة من الضريبة على الدخل", "Part de l'impôt sur le revenu", D("380000000"), D("1.02")),
    (OPER, REV, "10.30", "الرسم على رخص الصيد", "Taxe sur les permis de chasse", D("1500000"), D("0.88")),
    (
        OPER,
        REV,
        "10.40",
        "الرسم على الخدمات المقدمة بالموانئ",
        "Taxe sur les services portuaires",
        D("12000000"),
        D("0.91"),
    ),
    (OPER, REV, "10.50", "الرسم على استغلال المناجم", "Taxe sur l'exploitation des mines", D("18000000"), D("1.05")),
    (OPER, REV, "10.60", "مداخيل الأملاك الجهوية", "Revenus du domaine régional", D("6500000"), D("0.74")),
    (OPER, REV, "10.70", "مداخيل مختلفة", "Recettes diverses", D("3000000"), D("0.65")),
    (OPER, EXP, "20.10", "أجور وتعويضات الموظفين", "Salaires et indemnités du personnel", D("145000000"), D("0.96")),
    (OPER, EXP, "20.20", "تعويضات أعضاء المجلس", "Indemnités des membres du conseil", D("9500000"), D("0.99")),
    (
        OPER,
        EXP,
        "20.30",
        "الماء والكهرباء والاتصالات",
        "Eau, électricité et télécommunications",
        D("7800000"),
        D("0.93"),
    ),
    (OPER, EXP, "20.40", "صيانة البنايات الإدارية", "Entretien des bâtiments administratifs", D("11000000"), D("0.71")),
    (OPER, EXP, "20.50", "النقل المدرسي", "Transport scolaire", D("32000000"), D("0.89")),
    (OPER, EXP, "20.60", "دعم الجمعيات", "Subventions aux associations", D("15000000"), D("0.62")),
    (OPER, EXP, "20.70", "الدراسات والاستشارات", "Études et conseil", D("8500000"), D("0.48")),
    (OPER, EXP, "20.80", "فوائد القروض", "Intérêts des emprunts", D("24000000"), D("1.00")),
    (
        OPER,
        EXP,
        "20.90N",
        "رقمنة الخدمات والنشر الاستباقي",
        "Numérisation et publication proactive",
        D("4000000"),
        D(0),
    ),
    (
        INV,
        REV,
        "30.10",
        "الفائض المحول من ميزانية التسيير",
        "Excédent transféré du fonctionnement",
        D("510000000"),
        D("1.00"),
    ),
    (INV, REV, "30.20", "صندوق التأهيل الاجتماعي", "Fonds de mise à niveau sociale", D("150000000"), D("0.82")),
    (
        INV,
        REV,
        "30.30",
        "قروض صندوق التجهيز الجماعي",
        "Emprunts du Fonds d'équipement communal",
        D("200000000"),
        D("0.75"),
    ),
    (INV, REV, "30.40", "مساهمات الشركاء", "Contributions des partenaires", D("85000000"), D("0.58")),
    (INV, EXP, "40.10", "الطرق والمسالك القروية", "Routes et pistes rurales", D("310000000"), D("0.68")),
    (INV, EXP, "40.20", "الماء الصالح للشرب والتطهير", "Eau potable et assainissement", D("190000000"), D("0.72")),
    (INV, EXP, "40.30", "دعم البنيات التعليمية", "Appui aux infrastructures scolaires", D("95000000"), D("0.81")),
    (INV, EXP, "40.40", "التأهيل الصحي", "Mise à niveau sanitaire", D("70000000"), D("0.55")),
    (
        INV,
        EXP,
        "40.50",
        "المناطق الصناعية والأنشطة الاقتصادية",
        "Zones d'activités économiques",
        D("120000000"),
        D("0.41"),
    ),
    (INV, EXP, "40.60", "الحماية من الفيضانات", "Protection contre les inondations", D("60000000"), D("0.63")),
    (INV, EXP, "40.70N", "النقل العمومي الجهوي", "Transport public régional", D("80000000"), D(0)),
]
