# ruff: noqa: E501  (translations read best unwrapped)
"""Fixed texts of client-facing pre-check documents, as data, in the six document languages.

The staff interface is translated with gettext (de, en); documents for clients also need
Arabic, Farsi, Ukrainian and Turkish, so their few fixed texts live here.
"""

from __future__ import annotations

DOCUMENT_LANGUAGES = ("de", "en", "ar", "fa", "uk", "tr")

TEXTS: dict[str, dict[str, str]] = {
    "title": {
        "de": "Vorprüfung der Voraussetzungen",
        "en": "Pre-check of the requirements",
        "ar": "فحص أولي للشروط",
        "fa": "بررسی اولیه شرایط",
        "uk": "Попередня перевірка умов",
        "tr": "Koşulların ön kontrolü",
    },
    "disclaimer": {
        "de": "Dies ist eine Orientierung, keine Entscheidung. Es entscheidet allein die zuständige Behörde.",
        "en": "This is an orientation, not a decision. Only the competent authority decides.",
        "ar": "هذا توجيه وليس قرارًا. السلطة المختصة وحدها هي التي تقرر.",
        "fa": "این فقط یک راهنمایی است، نه یک تصمیم. تنها اداره مسئول تصمیم می‌گیرد.",
        "uk": "Це орієнтир, а не рішення. Рішення ухвалює лише компетентний орган.",
        "tr": "Bu bir yönlendirmedir, karar değildir. Kararı yalnızca yetkili makam verir.",
    },
    "check": {
        "de": "Prüfung",
        "en": "Check",
        "ar": "الفحص",
        "fa": "بررسی",
        "uk": "Перевірка",
        "tr": "Kontrol",
    },
    "as_of": {
        "de": "Stichtag",
        "en": "Date",
        "ar": "التاريخ",
        "fa": "تاریخ",
        "uk": "Дата",
        "tr": "Tarih",
    },
    "name": {"de": "Name", "en": "Name", "ar": "الاسم", "fa": "نام", "uk": "Ім'я", "tr": "Ad"},
    "result": {
        "de": "Ergebnis",
        "en": "Result",
        "ar": "النتيجة",
        "fa": "نتیجه",
        "uk": "Результат",
        "tr": "Sonuç",
    },
    "requirement": {
        "de": "Voraussetzung",
        "en": "Requirement",
        "ar": "الشرط",
        "fa": "شرط",
        "uk": "Умова",
        "tr": "Koşul",
    },
    "status": {
        "de": "Stand",
        "en": "Status",
        "ar": "الحالة",
        "fa": "وضعیت",
        "uk": "Стан",
        "tr": "Durum",
    },
    "missing": {
        "de": "Fehlende Angaben",
        "en": "Missing information",
        "ar": "معلومات ناقصة",
        "fa": "اطلاعات ناقص",
        "uk": "Бракує відомостей",
        "tr": "Eksik bilgiler",
    },
    "earliest": {
        "de": "Frühestens erfüllt am (wenn sich sonst nichts ändert)",
        "en": "Earliest date (if nothing else changes)",
        "ar": "أقرب تاريخ (إذا لم يتغير شيء آخر)",
        "fa": "زودترین تاریخ (اگر چیز دیگری تغییر نکند)",
        "uk": "Найраніша дата (якщо нічого не зміниться)",
        "tr": "En erken tarih (başka bir şey değişmezse)",
    },
    "reason_note": {
        "de": "",
        "en": "",
        "ar": "التفاصيل باللغة الإنجليزية.",
        "fa": "جزئیات به زبان انگلیسی.",
        "uk": "Подробиці англійською мовою.",
        "tr": "Ayrıntılar İngilizce verilmiştir.",
    },
    "met": {
        "de": "erfüllt",
        "en": "met",
        "ar": "مستوفى",
        "fa": "برآورده",
        "uk": "виконано",
        "tr": "karşılandı",
    },
    "not_met": {
        "de": "nicht erfüllt",
        "en": "not met",
        "ar": "غير مستوفى",
        "fa": "برآورده نشده",
        "uk": "не виконано",
        "tr": "karşılanmadı",
    },
    "unknown": {
        "de": "offen (Angabe fehlt)",
        "en": "open (information missing)",
        "ar": "مفتوح (معلومة ناقصة)",
        "fa": "باز (اطلاعات ناقص)",
        "uk": "відкрито (бракує даних)",
        "tr": "açık (bilgi eksik)",
    },
    "discretion": {
        "de": "Ermessen / Einzelfallprüfung",
        "en": "discretion / individual review",
        "ar": "تقدير / فحص فردي",
        "fa": "صلاحدید / بررسی موردی",
        "uk": "на розсуд / індивідуальна перевірка",
        "tr": "takdir / bireysel inceleme",
    },
    "eligible": {
        "de": "Voraussetzungen erscheinen erfüllt",
        "en": "Requirements appear to be met",
        "ar": "يبدو أن الشروط مستوفاة",
        "fa": "به نظر می‌رسد شرایط برآورده است",
        "uk": "Умови, ймовірно, виконано",
        "tr": "Koşullar karşılanmış görünüyor",
    },
    "not_eligible": {
        "de": "Voraussetzungen derzeit nicht erfüllt",
        "en": "Requirements not met at present",
        "ar": "الشروط غير مستوفاة حاليًا",
        "fa": "شرایط در حال حاضر برآورده نیست",
        "uk": "Наразі умови не виконано",
        "tr": "Koşullar şu anda karşılanmıyor",
    },
    "needs_review": {
        "de": "Prüfung im Einzelfall nötig",
        "en": "Individual review needed",
        "ar": "يلزم فحص فردي",
        "fa": "بررسی موردی لازم است",
        "uk": "Потрібна індивідуальна перевірка",
        "tr": "Bireysel inceleme gerekli",
    },
    "stag10": {
        "de": "Einbürgerung (§ 10 StAG)",
        "en": "Naturalisation (§ 10 StAG)",
        "ar": "التجنس (المادة 10 من قانون الجنسية)",
        "fa": "تابعیت (ماده ۱۰ قانون تابعیت)",
        "uk": "Натуралізація (§ 10 StAG)",
        "tr": "Vatandaşlığa geçiş (§ 10 StAG)",
    },
    "aufenthg25a": {
        "de": "Aufenthalt für gut integrierte Jugendliche (§ 25a AufenthG)",
        "en": "Residence for well-integrated young people (§ 25a AufenthG)",
        "ar": "إقامة للشباب المندمجين جيدًا (المادة 25a)",
        "fa": "اقامت برای جوانان به‌خوبی ادغام‌شده (ماده 25a)",
        "uk": "Дозвіл для добре інтегрованої молоді (§ 25a AufenthG)",
        "tr": "İyi uyum sağlamış gençler için oturum (§ 25a AufenthG)",
    },
    "aufenthg25b": {
        "de": "Aufenthalt bei nachhaltiger Integration (§ 25b AufenthG)",
        "en": "Residence for sustainable integration (§ 25b AufenthG)",
        "ar": "إقامة للاندماج المستدام (المادة 25b)",
        "fa": "اقامت برای ادغام پایدار (ماده 25b)",
        "uk": "Дозвіл за сталої інтеграції (§ 25b AufenthG)",
        "tr": "Sürdürülebilir uyum için oturum (§ 25b AufenthG)",
    },
}


def text(key: str, language: str) -> str:
    entry = TEXTS[key]
    return entry.get(language) or entry["en"]


def texts_for(language: str) -> dict[str, str]:
    """All fixed texts in ``language`` (English where a text is missing)."""
    return {key: text(key, language) for key in TEXTS}
