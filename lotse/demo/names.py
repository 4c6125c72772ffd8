"""Synthetic names for demo and benchmark data: typical of the people KIM serves.

(given names, family names, original-script pairs, nationality, language) per
origin. Every combination is made up; any likeness to a real person is chance.
"""

from __future__ import annotations

ORIGINS = [
    {
        "nationality": "SY",
        "language": "ar",
        "weight": 5,
        "given": {
            "m": ["Mohammed", "Ahmad", "Omar", "Khaled", "Yusuf", "Hassan", "Ali", "Samir"],
            "f": ["Fatima", "Aisha", "Nour", "Rania", "Huda", "Layla", "Mariam", "Amal"],
        },
        "family": [
            "Al-Hassan",
            "Haddad",
            "Khalil",
            "Darwish",
            "Nasser",
            "Saleh",
            "Ibrahim",
            "Al-Ahmad",
            "Othman",
            "Hamdan",
        ],
        "script": {
            "Al-Hassan": "الحسن",
            "Haddad": "حداد",
            "Khalil": "خليل",
            "Darwish": "درويش",
            "Nasser": "ناصر",
            "Saleh": "صالح",
            "Ibrahim": "إبراهيم",
            "Othman": "عثمان",
        },
    },
    {
        "nationality": "AF",
        "language": "fa",
        "weight": 3,
        "given": {
            "m": ["Ahmad", "Mohammad", "Farid", "Jawad", "Nasir", "Reza", "Habib"],
            "f": ["Zahra", "Maryam", "Fereshta", "Shabnam", "Nargis", "Parwana"],
        },
        "family": ["Ahmadi", "Rahimi", "Hosseini", "Karimi", "Sultani", "Nazari", "Haidari"],
        "script": {"Ahmadi": "احمدی", "Rahimi": "رحیمی", "Hosseini": "حسینی", "Karimi": "کریمی"},
    },
    {
        "nationality": "UA",
        "language": "uk",
        "weight": 5,
        "given": {
            "m": ["Oleksandr", "Andrii", "Dmytro", "Serhii", "Mykola", "Taras"],
            "f": ["Olena", "Iryna", "Nataliia", "Oksana", "Tetiana", "Yuliia", "Kateryna"],
        },
        "family": [
            "Shevchenko",
            "Kovalenko",
            "Bondarenko",
            "Tkachenko",
            "Kravchenko",
            "Melnyk",
            "Boiko",
            "Koval",
        ],
        "script": {
            "Shevchenko": "Шевченко",
            "Kovalenko": "Коваленко",
            "Bondarenko": "Бондаренко",
            "Melnyk": "Мельник",
            "Boiko": "Бойко",
            "Koval": "Коваль",
        },
    },
    {
        "nationality": "TR",
        "language": "tr",
        "weight": 3,
        "given": {
            "m": ["Mehmet", "Mustafa", "Emre", "Hüseyin", "Murat", "Yusuf"],
            "f": ["Ayşe", "Elif", "Zeynep", "Fatma", "Emine", "Gülşen"],
        },
        "family": ["Yılmaz", "Kaya", "Demir", "Çelik", "Şahin", "Öztürk", "Aydın", "Doğan"],
        "script": {},
    },
    {
        "nationality": "IQ",
        "language": "ku",
        "weight": 2,
        "given": {
            "m": ["Dilshad", "Rebwar", "Shvan", "Kawa", "Azad"],
            "f": ["Rozhin", "Shilan", "Berivan", "Nasrin", "Hêvî"],
        },
        "family": ["Barzani", "Rashid", "Qadir", "Mahmoud", "Hussein", "Amin"],
        "script": {"Rashid": "ڕەشید", "Qadir": "قادر"},
    },
    {
        "nationality": "ER",
        "language": "ti",
        "weight": 2,
        "given": {
            "m": ["Yonas", "Tesfay", "Dawit", "Mehari", "Filmon"],
            "f": ["Selam", "Helen", "Semhar", "Luwam", "Mebrat"],
        },
        "family": ["Tesfamariam", "Gebremedhin", "Haile", "Kidane", "Berhe", "Tekle"],
        "script": {"Haile": "ሃይለ", "Berhe": "በርሀ", "Tekle": "ተኽለ"},
    },
    {
        "nationality": "RO",
        "language": "ro",
        "weight": 2,
        "given": {"m": ["Ion", "Andrei", "Florin", "Marius"], "f": ["Maria", "Elena", "Ioana"]},
        "family": ["Popescu", "Ionescu", "Dumitru", "Stan", "Constantin"],
        "script": {},
    },
    {
        "nationality": "GN",
        "language": "fr",
        "weight": 1,
        "given": {
            "m": ["Mamadou", "Ibrahima", "Alpha", "Ousmane"],
            "f": ["Fatoumata", "Mariama", "Aissatou", "Kadiatou"],
        },
        "family": ["Diallo", "Barry", "Bah", "Sow", "Camara", "Ould Ahmed"],
        "script": {},
    },
]
