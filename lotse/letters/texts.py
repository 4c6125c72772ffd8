"""The letters' wording, as data: one entry per letter and language (formal register).

German is the authoritative text and always printed; the client's language is
printed beside it. Placeholders in braces are filled by ``rules.compose``.
Adding a language means adding one entry per table below, nothing else.
"""

from __future__ import annotations

LANGUAGES: dict[str, str] = {
    "de": "Deutsch",
    "en": "English",
    "ar": "العربية",
    "fa": "فارسی",
    "uk": "Українська",
    "tr": "Türkçe",
}

# Codes that mean one of the languages above (Dari is written like Farsi).
ALIASES = {"prs": "fa", "fa-af": "fa"}

# Salutation by the client's gender: f, m, or x (diverse / not stated).
SALUTATIONS: dict[str, dict[str, str]] = {
    "de": {
        "f": "Sehr geehrte Frau {family_name},",
        "m": "Sehr geehrter Herr {family_name},",
        "x": "Guten Tag {full_name},",
    },
    "en": {
        "f": "Dear Ms {family_name},",
        "m": "Dear Mr {family_name},",
        "x": "Dear {full_name},",
    },
    "ar": {
        "f": "السيدة {full_name} المحترمة،",
        "m": "السيد {full_name} المحترم،",
        "x": "حضرة {full_name} المحترم/ة،",
    },
    "fa": {
        "f": "سرکار خانم {full_name}،",
        "m": "جناب آقای {full_name}،",
        "x": "{full_name} گرامی،",
    },
    "uk": {
        "f": "Шановна пані {full_name}!",
        "m": "Шановний пане {full_name}!",
        "x": "Доброго дня, {full_name}!",
    },
    "tr": {
        "f": "Sayın {full_name},",
        "m": "Sayın {full_name},",
        "x": "Sayın {full_name},",
    },
}

WEEKDAYS: dict[str, tuple[str, ...]] = {
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "ar": ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
    "fa": ("دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"),
    "uk": ("понеділок", "вівторок", "середа", "четвер", "пʼятниця", "субота", "неділя"),
    "tr": ("Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"),
}

# Said once under the client's version: the German text is the one that counts.
BINDING_NOTE: dict[str, str] = {
    "en": "Translation for your information. The German text is the binding version.",
    "ar": "ترجمة للاطلاع. النص الألماني هو النص المعتمد.",
    "fa": "ترجمه برای اطلاع شما. متن آلمانی ملاک است.",
    "uk": "Переклад для Вашої інформації. Обовʼязковою є німецька версія.",
    "tr": "Bilginiz için çeviridir. Bağlayıcı olan Almanca metindir.",
}

INVITATION: dict[str, dict[str, str]] = {
    "de": {
        "title": "Einladung zu einem Beratungstermin",
        "intro": "hiermit laden wir Sie zu einem Beratungstermin im Kommunalen "
        "Integrationsmanagement (KIM) ein.",
        "date": "Datum",
        "time": "Uhrzeit",
        "place": "Ort",
        "time_value": "{time} Uhr",
        "bring": "Bitte bringen Sie, soweit vorhanden, Ihren Pass oder Personalausweis, Ihren "
        "Aufenthaltstitel und Schreiben von Behörden mit, zu denen Sie Fragen haben.",
        "cancel": "Falls Sie den Termin nicht wahrnehmen können, sagen Sie bitte rechtzeitig ab. "
        "Wenn Sie eine Dolmetscherin oder einen Dolmetscher benötigen, teilen Sie uns dies "
        "bitte vor dem Termin mit.",
        "closing": "Mit freundlichen Grüßen",
    },
    "en": {
        "title": "Invitation to a counselling appointment",
        "intro": "We would like to invite you to a counselling appointment with the municipal "
        "integration management (KIM).",
        "date": "Date",
        "time": "Time",
        "place": "Place",
        "time_value": "{time}",
        "bring": "If available, please bring your passport or identity card, your residence "
        "permit and any letters from authorities about which you have questions.",
        "cancel": "If you cannot attend, please let us know in good time. If you need an "
        "interpreter, please tell us before the appointment.",
        "closing": "Yours sincerely",
    },
    "ar": {
        "title": "دعوة إلى موعد استشارة",
        "intro": "يسرّنا أن ندعوكم إلى موعد استشارة لدى إدارة الاندماج البلدية (KIM).",
        "date": "التاريخ",
        "time": "الوقت",
        "place": "المكان",
        "time_value": "الساعة {time}",
        "bring": "يُرجى إحضار جواز السفر أو بطاقة الهوية وتصريح الإقامة، إن وُجدت، وكذلك "
        "الرسائل الواردة من الجهات الرسمية التي لديكم أسئلة بشأنها.",
        "cancel": "إذا تعذّر عليكم الحضور، فيُرجى إبلاغنا بذلك في وقت مبكر. وإذا كنتم بحاجة "
        "إلى مترجم، فيُرجى إعلامنا قبل الموعد.",
        "closing": "مع خالص التحيات",
    },
    "fa": {
        "title": "دعوت‌نامه برای وقت مشاوره",
        "intro": "بدین‌وسیله شما را به یک جلسهٔ مشاوره در مدیریت ادغام شهری (KIM) دعوت می‌کنیم.",
        "date": "تاریخ",
        "time": "ساعت",
        "place": "مکان",
        "time_value": "ساعت {time}",
        "bring": "لطفاً در صورت امکان گذرنامه یا کارت شناسایی، مدرک اقامت و نامه‌هایی از ادارات "
        "را که دربارهٔ آن‌ها پرسشی دارید، همراه داشته باشید.",
        "cancel": "اگر نمی‌توانید در این وقت حاضر شوید، لطفاً به‌موقع به ما اطلاع دهید. اگر به "
        "مترجم نیاز دارید، لطفاً پیش از وقت ملاقات به ما خبر دهید.",
        "closing": "با احترام",
    },
    "uk": {
        "title": "Запрошення на консультацію",
        "intro": "Запрошуємо Вас на консультацію в муніципальному управлінні інтеграцією (KIM).",
        "date": "Дата",
        "time": "Час",
        "place": "Місце",
        "time_value": "{time}",
        "bring": "Будь ласка, візьміть із собою, якщо є, паспорт або посвідчення особи, документ "
        "про право на перебування та листи від установ, щодо яких у Вас є запитання.",
        "cancel": "Якщо Ви не можете прийти, будь ласка, завчасно повідомте нас про це. Якщо Вам "
        "потрібен перекладач, будь ласка, повідомте нам про це до консультації.",
        "closing": "З повагою",
    },
    "tr": {
        "title": "Danışmanlık randevusuna davet",
        "intro": "Sizi Belediye Entegrasyon Yönetimi (KIM) kapsamında bir danışmanlık "
        "görüşmesine davet ediyoruz.",
        "date": "Tarih",
        "time": "Saat",
        "place": "Yer",
        "time_value": "{time}",
        "bring": "Varsa lütfen pasaportunuzu veya kimlik kartınızı, oturum belgenizi ve hakkında "
        "sorularınız olan resmî yazıları yanınızda getiriniz.",
        "cancel": "Randevuya gelemeyecekseniz lütfen zamanında bize haber veriniz. Tercümana "
        "ihtiyacınız varsa lütfen randevudan önce bize bildiriniz.",
        "closing": "Saygılarımızla",
    },
}

CONFIRMATION: dict[str, dict[str, str]] = {
    "de": {
        "title": "Beratungsbestätigung",
        "name": "Name",
        "birth": "Geburtsdatum",
        "date": "Datum der Beratung",
        "service": "Beratungsstelle",
        "body": "Hiermit bestätigen wir, dass die oben genannte Person am {date} im Rahmen des "
        "Kommunalen Integrationsmanagements (KIM) von uns beraten wurde.",
        "note": "Diese Bestätigung wird auf Wunsch der beratenen Person ausgestellt. Über den "
        "Inhalt der Beratung gibt sie keine Auskunft.",
        "closing": "Mit freundlichen Grüßen",
    },
    "en": {
        "title": "Confirmation of counselling",
        "name": "Name",
        "birth": "Date of birth",
        "date": "Date of counselling",
        "service": "Counselling service",
        "body": "We hereby confirm that the person named above was counselled by us on {date} "
        "as part of the municipal integration management (KIM).",
        "note": "This confirmation is issued at the request of the person counselled. It gives "
        "no information about the content of the counselling.",
        "closing": "Yours sincerely",
    },
    "ar": {
        "title": "تأكيد تلقّي استشارة",
        "name": "الاسم",
        "birth": "تاريخ الميلاد",
        "date": "تاريخ الاستشارة",
        "service": "جهة الاستشارة",
        "body": "نؤكد بموجب هذا أن الشخص المذكور أعلاه قد تلقّى استشارة لدينا بتاريخ {date} "
        "في إطار إدارة الاندماج البلدية (KIM).",
        "note": "يصدر هذا التأكيد بناءً على طلب الشخص الذي تلقّى الاستشارة، ولا يتضمن أي "
        "معلومات عن مضمون الاستشارة.",
        "closing": "مع خالص التحيات",
    },
    "fa": {
        "title": "گواهی مشاوره",
        "name": "نام",
        "birth": "تاریخ تولد",
        "date": "تاریخ مشاوره",
        "service": "مرکز مشاوره",
        "body": "بدین‌وسیله گواهی می‌کنیم که شخص نام‌برده در بالا در تاریخ {date} در چارچوب "
        "مدیریت ادغام شهری (KIM) از مشاورهٔ ما بهره‌مند شده است.",
        "note": "این گواهی بنا به درخواست شخص مشاوره‌گیرنده صادر می‌شود و هیچ اطلاعاتی دربارهٔ "
        "محتوای مشاوره در بر ندارد.",
        "closing": "با احترام",
    },
    "uk": {
        "title": "Підтвердження консультації",
        "name": "Імʼя та прізвище",
        "birth": "Дата народження",
        "date": "Дата консультації",
        "service": "Консультаційна служба",
        "body": "Цим підтверджуємо, що вищезазначена особа отримала в нас консультацію {date} "
        "в рамках муніципального управління інтеграцією (KIM).",
        "note": "Це підтвердження видано на прохання особи, яка отримала консультацію. Воно не "
        "містить відомостей про зміст консультації.",
        "closing": "З повагою",
    },
    "tr": {
        "title": "Danışmanlık onayı",
        "name": "Adı soyadı",
        "birth": "Doğum tarihi",
        "date": "Danışmanlık tarihi",
        "service": "Danışmanlık birimi",
        "body": "Yukarıda adı geçen kişinin {date} tarihinde Belediye Entegrasyon Yönetimi (KIM) "
        "kapsamında tarafımızdan danışmanlık aldığını onaylarız.",
        "note": "Bu onay, danışmanlık alan kişinin talebi üzerine düzenlenmiştir. Danışmanlığın "
        "içeriği hakkında bilgi içermez.",
        "closing": "Saygılarımızla",
    },
}

LETTERS: dict[str, dict[str, dict[str, str]]] = {
    "invitation": INVITATION,
    "confirmation": CONFIRMATION,
}
