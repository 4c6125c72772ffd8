"""Very common names among the people a KIM office sees.

Agreement on a rare name says more than agreement on "Mohammad Ahmadi": this list
lowers the weight of the common ones. Hand-collected from public name statistics
(Germany, Syria, Afghanistan, Iraq, Iran, Turkey, Eritrea, Ukraine, Russia); spelled
in any one transliteration, the phonetic fold takes care of the others.
"""

from __future__ import annotations

from .normalise import tokens

_GIVEN = """
muhammad ahmad ahmed ali hassan hasan hussein husain hossein mahmoud mustafa omar
umar abdullah ibrahim yusuf youssef khalid khaled mohammad reza ali hamid said
sayed ahmadi amir karim rahim abdul jamal nasser hamza bilal yasin ismail ibrahim
fatima fatemeh zahra zainab maryam mariam aisha ayesha khadija amina sara sarah nour
noor layla leila hana huda rana rania reem asma samira yasmin
mehmet mustafa ahmet ali huseyin hasan ibrahim ismail osman yusuf murat emre fatma
ayse emine hatice zeynep elif
tesfay tesfaye yohannes abraham dawit daniel samuel michael haile berhane mehari
tekle kidane semere ghebre gebre mulu senait helen saba selam mebrat
aleksandr alexander sergei sergey andrei dmitri vladimir ivan nikolai oleksandr
olena olga natalia tatiana elena irina svetlana yulia anna maria viktoria oksana
thomas michael andreas peter stefan christian anna maria julia laura
"""
_FAMILY = """
ahmadi mohammadi hosseini rahimi karimi rezaei hashemi mousavi jafari heidari
sultani amiri noori haidari sadat hakimi popal stanikzai ahmadzai safi wardak
alhassan hassan hussein ali ahmad mohammed ibrahim khalil mahmoud mustafa omar
abdullah saleh salem nasser haddad khoury suleiman yusuf othman ismail hamdan
yilmaz kaya demir sahin celik yildiz yildirim ozturk aydin ozdemir arslan dogan
kilic aslan cetin kara koc kurt ozkan simsek polat erdogan
tesfay gebremedhin gebru haile tekle kidane berhe habte tesfamariam abraha
weldemariam mehari yohannes gebrehiwet hagos kahsay
ivanov petrov smirnov kuznetsov popov sokolov lebedev kozlov novikov morozov
shevchenko kovalenko bondarenko tkachenko kovalchuk kravchenko oliynyk
shevchuk koval polishchuk boyko melnyk
muller schmidt schneider fischer weber meyer wagner becker schulz hoffmann
"""


def _folds(text: str) -> frozenset[str]:
    return frozenset(t.fold for t in tokens(text))


# One set: a given name is often a family name too (Hassan, Ibrahim, Tesfay).
COMMON = _folds(_GIVEN) | _folds(_FAMILY)
