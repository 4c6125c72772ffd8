"""The fixed texts of the printed goal agreement, per language (data, not UI strings).

The agreement is signed by the client, so it is printed in German beside the
client's language. These texts are reviewed translations in a formal register;
add a language by adding a dictionary with the same keys. The goals themselves
are printed as the case manager typed them (German).
"""

from __future__ import annotations

RTL = {"ar", "fa"}

TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "language_name": "Deutsch",
        "title": "Zielvereinbarung",
        "client": "Ratsuchende Person",
        "case_manager": "Case Manager/in",
        "organisation": "Träger",
        "case_number": "Fallnummer",
        "agreed_on": "Vereinbart am",
        "review_on": "Überprüfung am",
        "goals": "Ziele",
        "field": "Handlungsfeld",
        "goal": "Ziel",
        "target_date": "Bis wann",
        "who_does_what": "Wer macht was",
        "client_does": "Ratsuchende Person",
        "case_manager_does": "Case Management",
        "partner_does": "Kooperationspartner",
        "agreement": (
            "Wir haben die oben genannten Ziele und Schritte gemeinsam besprochen und "
            "vereinbart. Die Vereinbarung ist freiwillig; sie wird regelmäßig überprüft "
            "und kann jederzeit gemeinsam angepasst werden."
        ),
        "place_date": "Ort, Datum",
        "sign_client": "Unterschrift der ratsuchenden Person",
        "sign_case_manager": "Unterschrift Case Manager/in",
        "authoritative": "",
    },
    "en": {
        "language_name": "English",
        "title": "Goal agreement",
        "client": "Client",
        "case_manager": "Case manager",
        "organisation": "Organisation",
        "case_number": "Case number",
        "agreed_on": "Agreed on",
        "review_on": "Review on",
        "goals": "Goals",
        "field": "Field of action",
        "goal": "Goal",
        "target_date": "By when",
        "who_does_what": "Who does what",
        "client_does": "Client",
        "case_manager_does": "Case management",
        "partner_does": "Partner organisation",
        "agreement": (
            "We have discussed and agreed on the goals and steps above together. This "
            "agreement is voluntary; it will be reviewed regularly and can be adjusted "
            "together at any time."
        ),
        "place_date": "Place, date",
        "sign_client": "Signature of the client",
        "sign_case_manager": "Signature of the case manager",
        "authoritative": "This is a translation; the German version is authoritative.",
    },
    "ar": {
        "language_name": "العربية",
        "title": "اتفاقية الأهداف",
        "client": "الشخص طالب الاستشارة",
        "case_manager": "مدير/ة الحالة",
        "organisation": "الجهة المسؤولة",
        "case_number": "رقم الملف",
        "agreed_on": "تاريخ الاتفاق",
        "review_on": "تاريخ المراجعة",
        "goals": "الأهداف",
        "field": "مجال العمل",
        "goal": "الهدف",
        "target_date": "الموعد المستهدف",
        "who_does_what": "من يقوم بماذا",
        "client_does": "الشخص طالب الاستشارة",
        "case_manager_does": "إدارة الحالة",
        "partner_does": "الجهة الشريكة",
        "agreement": (
            "لقد ناقشنا الأهداف والخطوات المذكورة أعلاه واتفقنا عليها معًا. هذه الاتفاقية "
            "طوعية، وتتم مراجعتها بانتظام، ويمكن تعديلها معًا في أي وقت."
        ),
        "place_date": "المكان، التاريخ",
        "sign_client": "توقيع الشخص طالب الاستشارة",
        "sign_case_manager": "توقيع مدير/ة الحالة",
        "authoritative": "هذه ترجمة؛ النص الألماني هو المعتمد.",
    },
    "fa": {
        "language_name": "فارسی",
        "title": "توافق‌نامهٔ اهداف",
        "client": "مراجعه‌کننده",
        "case_manager": "مدیر پرونده",
        "organisation": "سازمان مسئول",
        "case_number": "شمارهٔ پرونده",
        "agreed_on": "تاریخ توافق",
        "review_on": "تاریخ بازبینی",
        "goals": "اهداف",
        "field": "حوزهٔ اقدام",
        "goal": "هدف",
        "target_date": "مهلت",
        "who_does_what": "چه کسی چه کاری انجام می‌دهد",
        "client_does": "مراجعه‌کننده",
        "case_manager_does": "مدیریت پرونده",
        "partner_does": "سازمان همکار",
        "agreement": (
            "ما اهداف و گام‌های ذکرشده در بالا را با هم بررسی کرده و بر سر آن‌ها توافق "
            "کرده‌ایم. این توافق داوطلبانه است، به‌طور منظم بازبینی می‌شود و هر زمان "
            "می‌توان آن را با هم تغییر داد."
        ),
        "place_date": "محل، تاریخ",
        "sign_client": "امضای مراجعه‌کننده",
        "sign_case_manager": "امضای مدیر پرونده",
        "authoritative": "این یک ترجمه است؛ متن آلمانی ملاک است.",
    },
    "uk": {
        "language_name": "Українська",
        "title": "Угода про цілі",
        "client": "Особа, яка звернулася по консультацію",
        "case_manager": "Кейс-менеджер",
        "organisation": "Організація",
        "case_number": "Номер справи",
        "agreed_on": "Дата укладення",
        "review_on": "Дата перегляду",
        "goals": "Цілі",
        "field": "Напрям діяльності",
        "goal": "Ціль",
        "target_date": "Термін",
        "who_does_what": "Хто що робить",
        "client_does": "Особа, яка звернулася",
        "case_manager_does": "Кейс-менеджмент",
        "partner_does": "Організація-партнер",
        "agreement": (
            "Ми разом обговорили та погодили зазначені вище цілі та кроки. Ця угода є "
            "добровільною; її регулярно переглядають, і її можна спільно змінити в будь-який час."
        ),
        "place_date": "Місце, дата",
        "sign_client": "Підпис особи, яка звернулася",
        "sign_case_manager": "Підпис кейс-менеджера",
        "authoritative": "Це переклад; чинною є німецька версія.",
    },
    "tr": {
        "language_name": "Türkçe",
        "title": "Hedef Anlaşması",
        "client": "Danışan",
        "case_manager": "Vaka yöneticisi",
        "organisation": "Kurum",
        "case_number": "Dosya numarası",
        "agreed_on": "Anlaşma tarihi",
        "review_on": "Gözden geçirme tarihi",
        "goals": "Hedefler",
        "field": "Eylem alanı",
        "goal": "Hedef",
        "target_date": "Hedef tarih",
        "who_does_what": "Kim ne yapar",
        "client_does": "Danışan",
        "case_manager_does": "Vaka yönetimi",
        "partner_does": "Ortak kurum",
        "agreement": (
            "Yukarıdaki hedefleri ve adımları birlikte görüştük ve üzerinde anlaştık. Bu "
            "anlaşma gönüllülük esasına dayanır; düzenli olarak gözden geçirilir ve her zaman "
            "birlikte değiştirilebilir."
        ),
        "place_date": "Yer, tarih",
        "sign_client": "Danışanın imzası",
        "sign_case_manager": "Vaka yöneticisinin imzası",
        "authoritative": "Bu bir çeviridir; Almanca metin esastır.",
    },
}


def agreement_texts(language: str) -> dict[str, str]:
    """The texts in `language` (German if there is no translation), with lang and dir."""
    code = language.split("-")[0] if language.split("-")[0] in TEXTS else "de"
    return {**TEXTS[code], "lang": code, "dir": "rtl" if code in RTL else "ltr"}
