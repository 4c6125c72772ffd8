# ruff: noqa: E501  (translations read best unwrapped)
"""Fixed texts of naturalisation letters, as data, in the six document languages."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "receipt_title": {
        "de": "Eingangsbestätigung Ihres Einbürgerungsantrags",
        "en": "Confirmation of receipt of your naturalisation application",
        "ar": "تأكيد استلام طلب التجنس",
        "fa": "تأیید دریافت درخواست تابعیت شما",
        "uk": "Підтвердження отримання заяви про натуралізацію",
        "tr": "Vatandaşlık başvurunuzun alındı onayı",
    },
    "receipt_body": {
        "de": "wir haben Ihren Antrag auf Einbürgerung erhalten. Wir melden uns, sobald wir ihn geprüft haben.",
        "en": "we have received your application for naturalisation. We will contact you once we have reviewed it.",
        "ar": "لقد استلمنا طلب التجنس الخاص بك. سنتواصل معك بعد مراجعته.",
        "fa": "درخواست تابعیت شما را دریافت کرده‌ایم. پس از بررسی با شما تماس می‌گیریم.",
        "uk": "ми отримали вашу заяву про натуралізацію. Ми зв'яжемося з вами після її розгляду.",
        "tr": "vatandaşlık başvurunuzu aldık. İnceledikten sonra sizinle iletişime geçeceğiz.",
    },
    "missing_title": {
        "de": "Bitte reichen Sie Unterlagen nach",
        "en": "Please send the missing documents",
        "ar": "يرجى تقديم المستندات الناقصة",
        "fa": "لطفاً مدارک ناقص را ارسال کنید",
        "uk": "Будь ласка, надішліть відсутні документи",
        "tr": "Lütfen eksik belgeleri gönderin",
    },
    "missing_body": {
        "de": "für die Bearbeitung Ihres Antrags fehlen noch folgende Unterlagen:",
        "en": "the following documents are still missing for your application:",
        "ar": "المستندات التالية لا تزال ناقصة لطلبك:",
        "fa": "مدارک زیر برای درخواست شما هنوز ناقص است:",
        "uk": "для розгляду вашої заяви ще бракує таких документів:",
        "tr": "başvurunuz için aşağıdaki belgeler hâlâ eksik:",
    },
    "ceremony_title": {
        "de": "Einladung zur Einbürgerungsfeier",
        "en": "Invitation to the naturalisation ceremony",
        "ar": "دعوة إلى حفل التجنس",
        "fa": "دعوت به مراسم اعطای تابعیت",
        "uk": "Запрошення на церемонію натуралізації",
        "tr": "Vatandaşlık törenine davet",
    },
    "ceremony_body": {
        "de": "wir freuen uns, Ihnen die Einbürgerungsurkunde in einer Feier zu überreichen. Bitte bringen Sie Ihren Pass mit.",
        "en": "we are pleased to hand over your naturalisation certificate at a ceremony. Please bring your passport.",
        "ar": "يسعدنا أن نسلمك شهادة التجنس في حفل. يرجى إحضار جواز سفرك.",
        "fa": "خوشحالیم که گواهی تابعیت شما را در مراسمی تحویل دهیم. لطفاً گذرنامه خود را همراه بیاورید.",
        "uk": "ми раді вручити вам свідоцтво про натуралізацію на урочистій церемонії. Будь ласка, візьміть із собою паспорт.",
        "tr": "vatandaşlık belgenizi bir törenle teslim etmekten memnuniyet duyarız. Lütfen pasaportunuzu getirin.",
    },
    "invitation_title": {
        "de": "Einladung zur Einbürgerungsberatung",
        "en": "Invitation to naturalisation counselling",
        "ar": "دعوة إلى استشارة بشأن التجنس",
        "fa": "دعوت به مشاوره تابعیت",
        "uk": "Запрошення на консультацію щодо натуралізації",
        "tr": "Vatandaşlık danışmanlığına davet",
    },
    "invitation_body": {
        "de": "Sie leben schon lange bei uns. Vielleicht können Sie sich einbürgern lassen. Wir beraten Sie gern und kostenlos in unserer Sprechstunde im Rathaus.",
        "en": "You have lived here for a long time. You may be able to become a German citizen. We will gladly advise you free of charge in our consultation hours at the town hall.",
        "ar": "أنت تعيش هنا منذ فترة طويلة. ربما يمكنك الحصول على الجنسية الألمانية. يسعدنا تقديم المشورة لك مجانًا في ساعات الاستشارة في مبنى البلدية.",
        "fa": "شما مدت زیادی است که اینجا زندگی می‌کنید. شاید بتوانید تابعیت آلمان را بگیرید. با کمال میل در ساعات مشاوره در شهرداری به‌طور رایگان شما را راهنمایی می‌کنیم.",
        "uk": "Ви вже давно живете тут. Можливо, ви можете отримати німецьке громадянство. Ми охоче безкоштовно проконсультуємо вас у ратуші.",
        "tr": "Uzun zamandır burada yaşıyorsunuz. Belki Alman vatandaşı olabilirsiniz. Belediye binasındaki danışma saatlerimizde size ücretsiz danışmanlık vermekten memnuniyet duyarız.",
    },
    "invitation_note": {
        "de": "Dies ist keine Entscheidung über einen Antrag.",
        "en": "This is not a decision on an application.",
        "ar": "هذا ليس قرارًا بشأن أي طلب.",
        "fa": "این تصمیمی درباره درخواست نیست.",
        "uk": "Це не рішення щодо заяви.",
        "tr": "Bu bir başvuru hakkında karar değildir.",
    },
    "greeting": {
        "de": "Guten Tag",
        "en": "Dear",
        "ar": "مرحبًا",
        "fa": "سلام",
        "uk": "Добрий день",
        "tr": "Merhaba",
    },
    "closing": {
        "de": "Mit freundlichen Grüßen",
        "en": "Kind regards",
        "ar": "مع أطيب التحيات",
        "fa": "با احترام",
        "uk": "З повагою",
        "tr": "Saygılarımızla",
    },
    "file_number": {
        "de": "Aktenzeichen",
        "en": "File number",
        "ar": "رقم الملف",
        "fa": "شماره پرونده",
        "uk": "Номер справи",
        "tr": "Dosya numarası",
    },
}


def texts_for(language: str) -> dict[str, str]:
    return {key: entry.get(language) or entry["en"] for key, entry in TEXTS.items()}
