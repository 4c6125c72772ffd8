"""The fixed texts of the printed consent form, per form version and language.

They are data, not UI strings: a form version once handed to clients must print
the same words later, so a changed text gets a new version. The German text is
the binding one and is printed beside the client's language. Placeholders:
{client} and {organisation}.
"""

from __future__ import annotations

CURRENT_FORM_VERSION = "1"

FORM_LANGUAGES = ("de", "en", "ar", "fa", "uk", "tr")

_V1: dict[str, dict[str, str]] = {
    "de": {
        "title": "Einwilligung in die Weitergabe personenbezogener Daten",
        "intro": (
            "Ich, {client}, willige ein, dass das Kommunale Integrationsmanagement "
            "({organisation}) die unten genannten Angaben an die unten genannte Stelle zu dem "
            "unten genannten Zweck weitergibt. Insoweit entbinde ich die Beteiligten von der "
            "Schweigepflicht."
        ),
        "recipient": "Empfänger",
        "purpose": "Zweck",
        "purpose.referral": "Vermittlung an diese Stelle, damit sie mich unterstützen kann",
        "purpose.case_conference": "Gemeinsame Fallbesprechung mit dieser Stelle",
        "purpose.transfer": "Übergabe meines Falls an diese Stelle",
        "purpose.data_exchange": "Austausch von Informationen mit dieser Stelle",
        "scope": "Angaben, die weitergegeben werden dürfen",
        "given_on": "Einwilligung erteilt am",
        "valid_until": "Gültig bis",
        "until_withdrawn": "bis auf Widerruf",
        "voluntary": (
            "Meine Einwilligung ist freiwillig. Wenn ich sie nicht erteile oder widerrufe, "
            "entstehen mir keine Nachteile; ich werde weiter beraten."
        ),
        "withdrawal": (
            "Ich kann diese Einwilligung jederzeit ohne Angabe von Gründen mit Wirkung für die "
            "Zukunft mündlich oder schriftlich gegenüber meinem Fallmanagement widerrufen. Die "
            "Rechtmäßigkeit der bis zum Widerruf erfolgten Weitergabe bleibt unberührt."
        ),
        "legal": "Rechtsgrundlage: Art. 6 Abs. 1 lit. a und Art. 9 Abs. 2 lit. a DSGVO.",
        "rights": (
            "Ich habe das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
            "Verarbeitung meiner Daten (Art. 15 bis 18 DSGVO) und das Recht auf Beschwerde bei "
            "der Datenschutzaufsichtsbehörde."
        ),
        "place_date": "Ort, Datum",
        "sign_client": "Unterschrift der ratsuchenden Person",
        "sign_staff": "Unterschrift Fallmanagement",
        "form_version": "Formularversion",
        "binding": "",
    },
    "en": {
        "title": "Consent to the sharing of personal data",
        "intro": (
            "I, {client}, agree that the municipal integration management ({organisation}) "
            "may share the information named below with the organisation named below for the "
            "purpose named below. To this extent I release those involved from their duty of "
            "confidentiality."
        ),
        "recipient": "Recipient",
        "purpose": "Purpose",
        "purpose.referral": "Referral to this organisation so that it can support me",
        "purpose.case_conference": "A joint case conference with this organisation",
        "purpose.transfer": "Handing my case over to this organisation",
        "purpose.data_exchange": "Exchange of information with this organisation",
        "scope": "Information that may be shared",
        "given_on": "Consent given on",
        "valid_until": "Valid until",
        "until_withdrawn": "until withdrawn",
        "voluntary": (
            "My consent is voluntary. If I do not give it or if I withdraw it, I will not be "
            "disadvantaged; I will continue to be counselled."
        ),
        "withdrawal": (
            "I can withdraw this consent at any time, without giving reasons, with effect for "
            "the future, orally or in writing to my case manager. Sharing that took place "
            "before the withdrawal remains lawful."
        ),
        "legal": "Legal basis: Art. 6(1)(a) and Art. 9(2)(a) GDPR.",
        "rights": (
            "I have the right to access, rectification, erasure and restriction of the "
            "processing of my data (Art. 15 to 18 GDPR) and the right to lodge a complaint "
            "with the data protection supervisory authority."
        ),
        "place_date": "Place, date",
        "sign_client": "Signature of the client",
        "sign_staff": "Signature of the case manager",
        "form_version": "Form version",
        "binding": "The German text is legally binding; this translation helps you understand it.",
    },
    "ar": {
        "title": "الموافقة على مشاركة البيانات الشخصية",
        "intro": (
            "أنا، {client}، أوافق على أن تقوم إدارة الاندماج البلدية ({organisation}) بمشاركة "
            "المعلومات المذكورة أدناه مع الجهة المذكورة أدناه وللغرض المذكور أدناه. وفي هذا "
            "النطاق أُعفي الأطراف المعنية من واجب الحفاظ على السرية."
        ),
        "recipient": "الجهة المستلِمة",
        "purpose": "الغرض",
        "purpose.referral": "إحالتي إلى هذه الجهة لكي تتمكن من دعمي",
        "purpose.case_conference": "اجتماع مشترك لمناقشة حالتي مع هذه الجهة",
        "purpose.transfer": "نقل ملف حالتي إلى هذه الجهة",
        "purpose.data_exchange": "تبادل المعلومات مع هذه الجهة",
        "scope": "المعلومات التي يجوز مشاركتها",
        "given_on": "تاريخ إعطاء الموافقة",
        "valid_until": "صالحة حتى",
        "until_withdrawn": "حتى سحبها",
        "voluntary": (
            "موافقتي طوعية. إذا لم أعطها أو سحبتها فلن يلحق بي أي ضرر، وسأستمر في الحصول على "
            "الاستشارة."
        ),
        "withdrawal": (
            "يمكنني سحب هذه الموافقة في أي وقت ودون ذكر الأسباب، ويسري السحب على المستقبل، "
            "وذلك شفهياً أو كتابياً لدى مدير/ة حالتي. ولا يؤثر السحب على مشروعية المشاركة التي "
            "تمت قبله."
        ),
        "legal": (
            "الأساس القانوني: المادة 6 الفقرة 1 البند (أ) والمادة 9 الفقرة 2 البند (أ) من "
            "اللائحة العامة لحماية البيانات (GDPR)."
        ),
        "rights": (
            "لي الحق في الاطلاع على بياناتي وتصحيحها وحذفها وتقييد معالجتها (المواد 15 إلى 18 "
            "من اللائحة العامة لحماية البيانات)، والحق في تقديم شكوى إلى الجهة الرقابية المختصة "
            "بحماية البيانات."
        ),
        "place_date": "المكان، التاريخ",
        "sign_client": "توقيع طالب/ة الاستشارة",
        "sign_staff": "توقيع مدير/ة الحالة",
        "form_version": "إصدار النموذج",
        "binding": "النص الألماني هو النص الملزم قانونياً؛ تساعدك هذه الترجمة على فهمه.",
    },
    "fa": {
        "title": "رضایت‌نامه برای به اشتراک گذاشتن اطلاعات شخصی",
        "intro": (
            "اینجانب، {client}، موافقت می‌کنم که مدیریت ادغام شهری ({organisation}) اطلاعات "
            "ذکرشده در زیر را با نهاد ذکرشده در زیر و برای هدف ذکرشده در زیر به اشتراک بگذارد. "
            "در همین محدوده، طرف‌های مربوط را از تعهد رازداری معاف می‌کنم."
        ),
        "recipient": "نهاد دریافت‌کننده",
        "purpose": "هدف",
        "purpose.referral": "معرفی من به این نهاد تا بتواند از من حمایت کند",
        "purpose.case_conference": "جلسهٔ مشترک بررسی پروندهٔ من با این نهاد",
        "purpose.transfer": "انتقال پروندهٔ من به این نهاد",
        "purpose.data_exchange": "تبادل اطلاعات با این نهاد",
        "scope": "اطلاعاتی که می‌توان به اشتراک گذاشت",
        "given_on": "تاریخ اعلام رضایت",
        "valid_until": "معتبر تا",
        "until_withdrawn": "تا زمان لغو",
        "voluntary": (
            "رضایت من داوطلبانه است. اگر آن را ندهم یا لغو کنم، هیچ ضرری متوجه من نمی‌شود و "
            "مشاوره با من ادامه می‌یابد."
        ),
        "withdrawal": (
            "من می‌توانم این رضایت را هر زمان و بدون ذکر دلیل، برای آینده، به‌صورت شفاهی یا "
            "کتبی نزد مدیر پروندهٔ خود لغو کنم. قانونی بودن اشتراک‌گذاری‌هایی که پیش از لغو "
            "انجام شده است، از آن تأثیر نمی‌پذیرد."
        ),
        "legal": (
            "مبنای قانونی: ماده ۶ بند ۱ (الف) و ماده ۹ بند ۲ (الف) مقررات عمومی حفاظت از "
            "داده‌ها (GDPR)."
        ),
        "rights": (
            "من حق دارم به داده‌هایم دسترسی داشته باشم و اصلاح، حذف یا محدود کردن پردازش آن‌ها "
            "را درخواست کنم (مواد ۱۵ تا ۱۸ GDPR) و نزد مرجع نظارت بر حفاظت از داده‌ها شکایت کنم."
        ),
        "place_date": "مکان، تاریخ",
        "sign_client": "امضای مراجعه‌کننده",
        "sign_staff": "امضای مدیر پرونده",
        "form_version": "نسخهٔ فرم",
        "binding": "متن آلمانی از نظر حقوقی معتبر است؛ این ترجمه به شما کمک می‌کند آن را بفهمید.",
    },
    "uk": {
        "title": "Згода на передачу персональних даних",
        "intro": (
            "Я, {client}, погоджуюся, що служба муніципального інтеграційного менеджменту "
            "({organisation}) може передати зазначені нижче відомості зазначеній нижче установі "
            "із зазначеною нижче метою. У цих межах я звільняю причетні сторони від обов'язку "
            "збереження конфіденційності."
        ),
        "recipient": "Отримувач",
        "purpose": "Мета",
        "purpose.referral": "Направлення до цієї установи, щоб вона могла мене підтримати",
        "purpose.case_conference": "Спільне обговорення мого випадку з цією установою",
        "purpose.transfer": "Передача мого випадку цій установі",
        "purpose.data_exchange": "Обмін інформацією з цією установою",
        "scope": "Відомості, які можна передавати",
        "given_on": "Дата надання згоди",
        "valid_until": "Дійсна до",
        "until_withdrawn": "до відкликання",
        "voluntary": (
            "Моя згода є добровільною. Якщо я її не надам або відкличу, це не матиме для мене "
            "жодних негативних наслідків; мені й надалі надаватимуть консультації."
        ),
        "withdrawal": (
            "Я можу будь-коли без пояснення причин відкликати цю згоду на майбутнє, усно або "
            "письмово, звернувшись до свого кейс-менеджера. Відкликання не впливає на "
            "законність передачі, здійсненої до нього."
        ),
        "legal": (
            "Правова підстава: ст. 6 ч. 1 п. a) та ст. 9 ч. 2 п. a) Загального регламенту "
            "захисту даних (GDPR)."
        ),
        "rights": (
            "Я маю право на доступ до своїх даних, їх виправлення, видалення та обмеження "
            "обробки (ст. 15–18 GDPR), а також право подати скаргу до наглядового органу з "
            "питань захисту даних."
        ),
        "place_date": "Місце, дата",
        "sign_client": "Підпис особи, яка звернулася по консультацію",
        "sign_staff": "Підпис кейс-менеджера",
        "form_version": "Версія формуляра",
        "binding": (
            "Юридично обов'язковим є німецький текст; цей переклад допомагає вам його зрозуміти."
        ),
    },
    "tr": {
        "title": "Kişisel verilerin paylaşılmasına ilişkin onay",
        "intro": (
            "Ben, {client}, Belediye Uyum Yönetiminin ({organisation}) aşağıda belirtilen "
            "bilgileri aşağıda belirtilen amaçla aşağıda belirtilen kuruluşla paylaşmasına onay "
            "veriyorum. Bu kapsamda ilgili tarafları sır saklama yükümlülüğünden muaf tutuyorum."
        ),
        "recipient": "Alıcı kuruluş",
        "purpose": "Amaç",
        "purpose.referral": "Bana destek olabilmesi için bu kuruluşa yönlendirilmem",
        "purpose.case_conference": "Bu kuruluşla ortak vaka toplantısı yapılması",
        "purpose.transfer": "Dosyamın bu kuruluşa devredilmesi",
        "purpose.data_exchange": "Bu kuruluşla bilgi alışverişi",
        "scope": "Paylaşılabilecek bilgiler",
        "given_on": "Onay tarihi",
        "valid_until": "Son geçerlilik tarihi",
        "until_withdrawn": "geri alınana kadar",
        "voluntary": (
            "Onayım gönüllüdür. Onay vermezsem veya onayımı geri alırsam hiçbir dezavantaj "
            "yaşamam; danışmanlık almaya devam ederim."
        ),
        "withdrawal": (
            "Bu onayı istediğim zaman, gerekçe göstermeden, ileriye dönük olarak vaka "
            "yöneticime sözlü veya yazılı olarak bildirerek geri alabilirim. Geri almadan önce "
            "yapılan paylaşımların hukuka uygunluğu bundan etkilenmez."
        ),
        "legal": (
            "Hukuki dayanak: Genel Veri Koruma Tüzüğü (GDPR) Madde 6 fıkra 1 bent a ve Madde 9 "
            "fıkra 2 bent a."
        ),
        "rights": (
            "Verilerime erişme, bunların düzeltilmesini, silinmesini ve işlenmesinin "
            "kısıtlanmasını isteme (GDPR Madde 15–18) ve veri koruma denetim makamına şikâyette "
            "bulunma hakkım vardır."
        ),
        "place_date": "Yer, tarih",
        "sign_client": "Danışanın imzası",
        "sign_staff": "Vaka yöneticisinin imzası",
        "form_version": "Form sürümü",
        "binding": (
            "Hukuken bağlayıcı olan Almanca metindir; bu çeviri metni anlamanıza yardımcı olur."
        ),
    },
}

FORM_TEXTS: dict[str, dict[str, dict[str, str]]] = {"1": _V1}


def form_texts(version: str, language: str) -> dict[str, str]:
    """The texts of `version` in `language` (German when that language is missing)."""
    texts = FORM_TEXTS.get(version) or FORM_TEXTS[CURRENT_FORM_VERSION]
    return texts.get(language.split("-")[0]) or texts["de"]
