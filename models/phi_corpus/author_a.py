"""Synthetic PHI-span corpus, author A.

Styles: ICU flowsheets and SBAR nursing handoffs, anaesthesia pre-op and
intra-op records, wound-care and ostomy notes, dialysis run sheets, PT/OT
notes, social-work assessments, hospice/palliative family meetings and
case-management / discharge-planning calls.

Public API: ``generate(seed, count) -> list[dict]``; each item is
``{"text": str, "spans": [{"start", "end", "label"}]}`` with end-exclusive
character offsets.  Text is built by concatenating segments while the
offsets are recorded, so spans never depend on searching the text.
"""

from __future__ import annotations

import datetime as _dt
import random
import re
import unicodedata

from faker import Faker

LABELS = (
    "NAME",
    "DATE",
    "AGE",
    "ADDRESS",
    "GEO",
    "PHONE",
    "FAX",
    "EMAIL",
    "SSN",
    "MRN",
    "HEALTH_PLAN",
    "ACCOUNT",
    "LICENSE",
    "VEHICLE",
    "DEVICE",
    "URL",
    "IP",
    "BIOMETRIC",
    "PHOTO",
    "OTHER_ID",
)
_LABELSET = frozenset(LABELS)

_LOCALES = [
    "en_US",
    "es_MX",
    "es_ES",
    "vi_VN",
    "zh_CN",
    "en_IN",
    "ga_IE",
    "en_IE",
    "pl_PL",
    "yo_NG",
    "ig_NG",
    "fil_PH",
    "pt_BR",
    "fr_FR",
    "de_DE",
    "ja_JP",
]

# --------------------------------------------------------------------------
# number words, spelling
# --------------------------------------------------------------------------
_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORD_SPECIAL = {
    1: "first",
    2: "second",
    3: "third",
    5: "fifth",
    8: "eighth",
    9: "ninth",
    12: "twelfth",
}
_MON = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MON3 = [m[:3] for m in _MON]
_MON_ES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
_DAY_ES = [
    "",
    "primero",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "veintiuno",
    "veintidós",
    "veintitrés",
    "veinticuatro",
    "veinticinco",
    "veintiséis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
    "treinta",
    "treinta y uno",
]
_NATO = {
    "A": "alpha",
    "B": "bravo",
    "C": "charlie",
    "D": "delta",
    "E": "echo",
    "F": "foxtrot",
    "G": "golf",
    "H": "hotel",
    "I": "india",
    "J": "juliet",
    "K": "kilo",
    "L": "lima",
    "M": "mike",
    "N": "november",
    "O": "oscar",
    "P": "papa",
    "Q": "quebec",
    "R": "romeo",
    "S": "sierra",
    "T": "tango",
    "U": "uniform",
    "V": "victor",
    "W": "whiskey",
    "X": "x-ray",
    "Y": "yankee",
    "Z": "zulu",
}
_SPELL_ALT = {
    "A": "Adam",
    "B": "boy",
    "C": "cat",
    "D": "David",
    "E": "Edward",
    "F": "Frank",
    "G": "George",
    "H": "Henry",
    "J": "John",
    "K": "king",
    "L": "Larry",
    "M": "Mary",
    "N": "Nancy",
    "P": "Paul",
    "R": "Robert",
    "S": "Sam",
    "T": "Tom",
    "V": "Victor",
    "W": "William",
    "X": "x-ray",
    "Y": "yellow",
    "Z": "zebra",
}


def _words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return _TENS[t] + ("-" + _ONES[o] if o else "")
    h, r = divmod(n, 100)
    return _ONES[h] + " hundred" + (" and " + _words(r) if r else "")


def _ord_word(n: int) -> str:
    if n in _ORD_SPECIAL:
        return _ORD_SPECIAL[n]
    if n < 20:
        return _ONES[n] + "th"
    t, o = divmod(n, 10)
    if o == 0:
        return _TENS[t][:-1] + "ieth"
    return _TENS[t] + "-" + _ord_word(o)


def _ord(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _yy_words(y: int) -> str:
    yy = y % 100
    if yy == 0:
        return "hundred" if y < 2000 else "two thousand"
    if yy < 10:
        return "oh " + _ONES[yy]
    return _words(yy)


def _year_words(y: int) -> str:
    if 2000 <= y < 2010:
        return "two thousand" + (" " + _ONES[y - 2000] if y > 2000 else "")
    hi, lo = divmod(y, 100)
    return _words(hi) + " " + (_yy_words(y) if lo else "hundred")


def _digit_word(ch: str, rng: random.Random, zero: str) -> str:
    if ch == "0":
        return zero
    return _ONES[int(ch)]


def _spell_digits(rng: random.Random, s: str, groups=None) -> str:
    """'5550143' -> 'five five five, oh one four three'."""
    zero = rng.choice(["oh", "oh", "zero"])
    sep = rng.choice([" ", " ", "-"])
    if groups is None:
        groups = [s]
    return ", ".join(sep.join(_digit_word(ch, rng, zero) for ch in g) for g in groups if g)


def _spell_code(rng: random.Random, s: str) -> str:
    """Spell an alphanumeric code for a phone conversation."""
    out = []
    nato = rng.random() < 0.6
    zero = rng.choice(["oh", "zero"])
    for ch in s:
        if ch.isdigit():
            out.append(_digit_word(ch, rng, zero))
        elif ch.isalpha():
            u = ch.upper()
            r = rng.random()
            if r < 0.55:
                word = _NATO[u] if nato or u not in _SPELL_ALT else _SPELL_ALT[u]
                out.append(f"{u} as in {word}")
            elif r < 0.7 and u in _SPELL_ALT:
                out.append(f"{u} like {_SPELL_ALT[u]}")
            else:
                out.append(u)
        elif ch in "-/ ":
            out.append("dash" if ch == "-" and rng.random() < 0.4 else "")
    return ", ".join(w for w in out if w)


def _ascii(s: str) -> str:
    return (
        "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
        .encode("ascii", "ignore")
        .decode()
    )


# --------------------------------------------------------------------------
# name material not (well) covered by Faker
# --------------------------------------------------------------------------
_VI_MID_M = ["Văn", "Đức", "Minh", "Hữu", "Quốc", "Thanh", "Công", "Xuân"]
_VI_MID_F = ["Thị", "Ngọc", "Thu", "Kim", "Thanh", "Mỹ", "Bích", "Hồng"]
_VI_LAST = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Nguyen",
    "Tran",
    "Pham",
]
_ZH_GIVEN_M = [
    "Wei",
    "Jun",
    "Lei",
    "Hao",
    "Jianguo",
    "Haoran",
    "Zhiwei",
    "Yong",
    "Xiaoming",
    "Guoqiang",
    "Zihao",
    "Bo",
    "Tao",
    "Yuxuan",
    "Chen-wei",
    "Jia-hao",
    "Kai",
    "Mingyu",
    "Shuai",
    "Zhenhua",
]
_ZH_GIVEN_F = [
    "Fang",
    "Xiuying",
    "Jing",
    "Min",
    "Yan",
    "Meiling",
    "Guiying",
    "Li",
    "Xiaohong",
    "Yuting",
    "Shu-fen",
    "Mei-hua",
    "Zihan",
    "Lan",
    "Hui",
    "Qiong",
    "Xinyi",
    "Ying",
    "Yun",
    "Ling",
]
_ZH_LAST = [
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Chen",
    "Yang",
    "Huang",
    "Zhao",
    "Wu",
    "Zhou",
    "Xu",
    "Sun",
    "Ma",
    "Zhu",
    "Hu",
    "Guo",
    "He",
    "Lin",
    "Gao",
    "Luo",
    "Zheng",
    "Liang",
    "Xie",
    "Song",
    "Tang",
    "Han",
    "Feng",
    "Deng",
    "Cao",
    "Peng",
    "Zeng",
    "Xiao",
    "Tian",
    "Pan",
    "Yuan",
    "Jiang",
    "Lü",
    "Ouyang",
    "Sima",
]
_KO_LAST = [
    "Kim",
    "Lee",
    "Park",
    "Choi",
    "Jung",
    "Kang",
    "Cho",
    "Yoon",
    "Jang",
    "Lim",
    "Han",
    "Oh",
    "Seo",
    "Shin",
    "Kwon",
    "Hwang",
    "Ahn",
    "Song",
    "Yoo",
    "Hong",
    "Jeon",
    "Ko",
    "Moon",
    "Yang",
    "Baek",
    "Nam",
    "Bae",
]
_KO_GIVEN_M = [
    "Min-jun",
    "Ji-hoon",
    "Do-yun",
    "Jae-won",
    "Hyun-woo",
    "Sung-min",
    "Dong-hyun",
    "Jun-ho",
    "Sang-woo",
    "Young-soo",
    "Kyung-ho",
    "Tae-yang",
    "Seung-hyun",
    "Byung-chul",
    "Minseok",
    "Jiho",
]
_KO_GIVEN_F = [
    "Seo-yeon",
    "Ha-eun",
    "Soo-ah",
    "Eun-ji",
    "Ji-woo",
    "Yeon-hee",
    "Min-ji",
    "Hye-jin",
    "Su-bin",
    "Ji-yeon",
    "Young-ja",
    "Mi-kyung",
    "Sun-hee",
    "Eunbi",
    "Jiyoung",
    "Soo-jin",
]
_JA_EXTRA_LAST = [
    "Satō",
    "Itō",
    "Ōta",
    "Kōno",
    "Saitō",
    "Katō",
    "Yamamoto",
    "Takahashi",
    "Watanabe",
    "Nakamura",
    "Kobayashi",
    "Yoshida",
    "Matsumoto",
    "Inoue",
    "Shimizu",
    "Ōno",
    "Fujiwara",
]
_JA_EXTRA_M = [
    "Shōta",
    "Kōji",
    "Yūki",
    "Hiroshi",
    "Takeshi",
    "Ryōta",
    "Daisuke",
    "Kenji",
    "Haruto",
    "Shigeru",
    "Tadashi",
    "Isamu",
]
_JA_EXTRA_F = [
    "Yūko",
    "Keiko",
    "Haruka",
    "Sachiko",
    "Yōko",
    "Emiko",
    "Aiko",
    "Mayumi",
    "Noriko",
    "Chiyo",
    "Fumiko",
    "Kazue",
]
_AR_M = [
    "Mohammed",
    "Muhammad",
    "Ahmad",
    "Omar",
    "Khalid",
    "Youssef",
    "Tariq",
    "Samir",
    "Hassan",
    "Ibrahim",
    "Mahmoud",
    "Karim",
    "Walid",
    "Bilal",
    "Abdulrahman",
    "Mustafa",
    "Nabil",
    "Faisal",
    "Hussein",
    "Ziad",
    "Jamal",
    "Yaser",
    "Osama",
    "Rami",
    "Ayman",
    "Saleh",
]
_AR_F = [
    "Fatima",
    "Aisha",
    "Layla",
    "Noor",
    "Mariam",
    "Huda",
    "Rania",
    "Zainab",
    "Amira",
    "Yasmin",
    "Salma",
    "Hana",
    "Reem",
    "Dalia",
    "Lina",
    "Nadia",
    "Samira",
    "Khadija",
    "Asma",
    "Rasha",
    "Mona",
    "Widad",
    "Jamila",
]
_AR_LAST = [
    "Al-Masri",
    "Haddad",
    "Abdullah",
    "El-Sayed",
    "Al-Rashid",
    "Khoury",
    "Nasser",
    "Saleh",
    "Abdel-Rahman",
    "Mansour",
    "Qasim",
    "Shalabi",
    "Darwish",
    "Hamdan",
    "El Amrani",
    "Bou Saab",
    "Al-Khatib",
    "Abu Zeid",
    "Al Hashimi",
    "Barakat",
    "Farouk",
    "Ghanem",
    "Haidar",
    "Jaber",
    "Kassab",
    "Mahfouz",
    "Odeh",
    "Sabbagh",
    "Touma",
    "Yousef",
    "Abu-Ghazaleh",
    "Al-Tamimi",
    "Ben Youssef",
    "El Idrissi",
]
_PH_FIRST_M = [
    "Jose",
    "Rodrigo",
    "Eduardo",
    "Ramon",
    "Renato",
    "Rolando",
    "Ernesto",
    "Jun",
    "Arnel",
    "Romeo",
    "Danilo",
    "Efren",
    "Reynaldo",
    "Mark Anthony",
    "John Paul",
    "Christian",
    "Jerome",
    "Bienvenido",
]
_PH_FIRST_F = [
    "Maria Luz",
    "Marites",
    "Rosario",
    "Corazon",
    "Lorna",
    "Maricel",
    "Josefina",
    "Imelda",
    "Rowena",
    "Jocelyn",
    "Ma. Cristina",
    "Precious",
    "Lovely",
    "Editha",
    "Teresita",
    "Analyn",
    "Rosalinda",
]
_PH_LAST = [
    "Dela Cruz",
    "Santos",
    "Reyes",
    "Bautista",
    "Villanueva",
    "Mendoza",
    "Garcia",
    "Ramos",
    "Aquino",
    "Castillo",
    "Dimaculangan",
    "Panganiban",
    "Del Rosario",
    "De Guzman",
    "Manalo",
    "Pangilinan",
    "Tolentino",
    "Macaraeg",
    "Soriano",
    "Magbanua",
    "Cruz",
    "Navarro",
    "Salonga",
    "Evangelista",
    "Dizon",
    "Lacson",
    "Buenaventura",
    "Agbayani",
]
_PH_NICK = [
    "Bong",
    "Jun-Jun",
    "Bhing",
    "Toto",
    "Nene",
    "Dodong",
    "Inday",
    "Baby",
    "Boy",
    "Jojo",
    "Tess",
    "Weng",
]
_IE_EXTRA = [
    "Ó Súilleabháin",
    "Ó Briain",
    "Mac Giolla Phádraig",
    "O'Neill",
    "O'Sullivan",
    "McCarthy",
    "Ó Ceallaigh",
    "Mac Cárthaigh",
    "Ó Dónaill",
    "Kavanagh",
    "Ó Murchú",
    "Nic an tSaoi",
]
_MIX_LAST = [
    "O'Neil",
    "McAllister",
    "D'Angelo",
    "Smith-Jones",
    "St. John",
    "van der Berg",
    "de Vries",
    "Van Buren",
    "La Rosa",
    "Vander Zee",
    "Ashby-Clarke",
    "FitzGerald",
    "MacLeod",
    "van den Broek",
    "De La Garza",
    "Le Blanc",
    "DeLuca",
    "O'Connor",
    "St. Pierre",
    "Van Der Meer",
    "Mac Donald",
    "Ten Eyck",
    "di Stefano",
    "Lloyd-Davies",
    "Da Costa",
    "El-Hashem",
    "Vanderpool",
]
_NICK_GENERIC_M = [
    "Bobby",
    "Junior",
    "Chuy",
    "Pepe",
    "Bud",
    "Tony",
    "Sonny",
    "Tiny",
    "Doc",
    "Pancho",
    "Chip",
    "Skip",
    "Manny",
    "Nacho",
    "Buddy",
    "Red",
    "Lalo",
    "Chucho",
]
_NICK_GENERIC_F = [
    "Liz",
    "Lupe",
    "Peggy",
    "Dolly",
    "Lala",
    "Nena",
    "Bunny",
    "Sissy",
    "Kiki",
    "Cookie",
    "Trish",
    "Bea",
    "Mimi",
    "Gigi",
    "Chayo",
    "Nana",
    "Kat",
]

_CULTURES = [
    "us",
    "es",
    "vi",
    "zh",
    "in",
    "ar",
    "ie",
    "pl",
    "ng",
    "ph",
    "br",
    "fr",
    "de",
    "ja",
    "ko",
    "mix",
]
_CULT_W = [20, 14, 6, 6, 7, 6, 5, 5, 6, 5, 4, 4, 4, 3, 4, 6]
_SURNAME_FIRST = frozenset(["vi", "zh", "ko", "ja"])


class _Person:
    __slots__ = ("first", "middle", "last", "sex", "nick", "culture", "title")

    def __init__(self, first, last, sex, culture, middle=None, nick=None):
        self.first = first
        self.last = last
        self.sex = sex
        self.culture = culture
        self.middle = middle
        self.nick = nick
        self.title = None


# --------------------------------------------------------------------------
# geography
# --------------------------------------------------------------------------
_US_CITIES = [
    "Dearborn",
    "Hialeah",
    "Lowell",
    "Chula Vista",
    "Brownsville",
    "Flushing",
    "Cicero",
    "Paterson",
    "Yakima",
    "El Paso",
    "Tacoma",
    "Fall River",
    "Santa Ana",
    "Kissimmee",
    "Lawrence",
    "Garden Grove",
    "Springfield",
    "Toledo",
    "Gary",
    "Dayton",
    "Albuquerque",
    "Fresno",
    "Stockton",
    "Bakersfield",
    "Worcester",
    "Ypsilanti",
    "Hamtramck",
    "Westminster",
    "Pawtucket",
    "Elizabeth",
    "Passaic",
    "McAllen",
    "Laredo",
    "Salinas",
    "Oxnard",
    "Pomona",
    "Lynn",
    "Brockton",
    "Waukegan",
    "Aurora",
    "Joliet",
    "Kenner",
    "Metairie",
    "Beaumont",
    "Macon",
    "Dothan",
    "Ocala",
    "Yuma",
    "Flagstaff",
    "Pueblo",
    "Greeley",
    "Ogden",
    "Provo",
    "Boise",
    "Spokane",
    "Everett",
    "Bellingham",
    "Eugene",
    "Medford",
    "Redding",
    "Modesto",
    "Visalia",
    "Merced",
    "Gilroy",
    "Fort Wayne",
    "South Bend",
    "Muncie",
    "Erie",
    "Scranton",
    "Allentown",
    "Reading",
    "Camden",
    "Trenton",
    "New Bedford",
    "Holyoke",
    "Chelsea",
    "Revere",
    "Hartford",
    "Waterbury",
    "Bridgeport",
    "Utica",
    "Schenectady",
    "Yonkers",
    "Binghamton",
    "Akron",
    "Youngstown",
    "Lorain",
    "Flint",
    "Saginaw",
    "Kalamazoo",
    "Green Bay",
    "Kenosha",
    "Rochester",
    "Duluth",
    "Sioux Falls",
    "Fargo",
    "Omaha",
    "Wichita",
    "Tulsa",
    "Lubbock",
    "Odessa",
    "Pharr",
    "Edinburg",
    "Harlingen",
    "Corpus Christi",
    "Killeen",
    "Shreveport",
    "Gulfport",
    "Mobile",
    "Chattanooga",
    "Knoxville",
    "Asheville",
    "Fayetteville",
    "Greenville",
    "Savannah",
    "Augusta",
    "Gainesville",
    "Lakeland",
    "Homestead",
    "Little Havana",
    "Hollywood",
    "Pompano Beach",
    "Silver Spring",
    "Takoma Park",
    "Hyattsville",
    "Norfolk",
    "Roanoke",
    "Lexington",
    "Bowling Green",
    "Owensboro",
    "Evansville",
    "Peoria",
    "Rockford",
]
_FOREIGN_CITIES = [
    "Guadalajara",
    "Puebla",
    "Monterrey",
    "Oaxaca",
    "Hà Nội",
    "Huế",
    "Đà Nẵng",
    "Cần Thơ",
    "Lagos",
    "Ibadan",
    "Enugu",
    "Cork",
    "Galway",
    "Kraków",
    "Łódź",
    "Wrocław",
    "Manila",
    "Cebu",
    "Quezon City",
    "Iloilo",
    "São Paulo",
    "Belo Horizonte",
    "Recife",
    "Lyon",
    "Marseille",
    "Köln",
    "München",
    "Düsseldorf",
    "Guangzhou",
    "Chengdu",
    "Xi'an",
    "Busan",
    "Daegu",
    "Incheon",
    "Ōsaka",
    "Sapporo",
    "Fukuoka",
    "Hyderabad",
    "Pune",
    "Chennai",
    "Lucknow",
    "Amman",
    "Irbid",
    "Beirut",
    "Aleppo",
    "Mosul",
    "Casablanca",
    "Tlaquepaque",
    "San Pedro Sula",
    "Jalisco de los Altos",
    "Zacatecas",
    "Sevilla",
    "Málaga",
    "Valladolid",
    "Santiago de Compostela",
]
_COUNTIES = [
    "Cook County",
    "Hidalgo County",
    "Cuyahoga County",
    "Maricopa County",
    "Wayne County",
    "Bexar County",
    "Kings County",
    "Essex County",
    "Harris County",
    "Dade County",
    "Fresno County",
    "Hampden County",
    "Lucas County",
    "Marion County",
    "Pima County",
    "Cameron County",
    "Allegheny County",
    "Jefferson Parish",
    "Orleans Parish",
    "Bronx County",
    "Prince George's County",
    "Fairfax County",
    "Yakima County",
    "Hennepin County",
    "Milwaukee County",
    "Shelby County",
    "Travis County",
    "Broward County",
    "Hillsborough County",
    "Kern County",
    "Lake County",
]
_HOODS = [
    "Little Saigon",
    "Pilsen",
    "East Harlem",
    "the Mission District",
    "Boyle Heights",
    "Overtown",
    "Dorchester",
    "Fishtown",
    "Corktown",
    "Chinatown",
    "Koreatown",
    "Little Haiti",
    "Mattapan",
    "Roxbury",
    "Washington Heights",
    "Sunset Park",
    "Jackson Heights",
    "Elmhurst",
    "Back of the Yards",
    "Little Village",
    "Fruitvale",
    "the Tenderloin",
    "Over-the-Rhine",
    "Hough",
    "Five Points",
    "Third Ward",
    "Alief",
    "Gulfton",
    "Magnolia Park",
    "Allapattah",
    "Kensington",
    "Frankford",
    "East Boston",
    "Hyde Park",
    "Southwest Detroit",
    "Mexicantown",
    "Little Manila",
    "Riverside Terrace",
    "Logan Heights",
    "Barrio Logan",
]
_STATES = [
    "Ohio",
    "Texas",
    "California",
    "New Mexico",
    "Florida",
    "Michigan",
    "Arizona",
    "Illinois",
    "Georgia",
    "Pennsylvania",
    "Oregon",
    "Nevada",
    "Massachusetts",
    "New Jersey",
    "Minnesota",
    "Wisconsin",
    "Indiana",
    "Kentucky",
    "Tennessee",
    "Alabama",
    "Louisiana",
    "Colorado",
    "Utah",
    "Iowa",
    "Kansas",
    "Oklahoma",
    "Virginia",
    "North Carolina",
    "Maryland",
    "Connecticut",
    "Missouri",
    "Nebraska",
    "Idaho",
    "Montana",
    "Vermont",
]
_STATE_AB = [
    "OH",
    "TX",
    "CA",
    "NM",
    "FL",
    "MI",
    "AZ",
    "IL",
    "GA",
    "PA",
    "OR",
    "NV",
    "MA",
    "NJ",
    "MN",
    "WI",
    "IN",
    "KY",
    "TN",
    "AL",
    "LA",
    "CO",
    "UT",
    "IA",
    "KS",
    "OK",
    "VA",
    "NC",
    "MD",
    "CT",
    "MO",
    "NE",
    "NY",
    "WA",
    "RI",
    "SC",
]
_STREET_NAMES = [
    "Oak",
    "Maple",
    "Elm",
    "Cedar",
    "Pine",
    "Washington",
    "Lincoln",
    "Main",
    "Church",
    "Mill",
    "Park",
    "Lake",
    "Hillcrest",
    "Sunset",
    "Chavez",
    "Juarez",
    "King",
    "Dewey",
    "Garfield",
    "Highland",
    "Riverside",
    "Magnolia",
    "Willow",
    "Cypress",
    "Orchard",
    "Hickory",
    "Walnut",
    "Spruce",
    "Poplar",
    "Franklin",
    "Jackson",
    "Grand",
    "Division",
    "Ashland",
    "Kedzie",
    "Pulaski",
    "Cermak",
    "Bayshore",
    "Ocean",
    "Brookside",
    "Fairview",
    "Meadow",
    "Old Mill",
    "Country Club",
    "Bluebonnet",
    "Mesquite",
    "Ridge",
]
_STREET_SUF = [
    "St",
    "St.",
    "Street",
    "Ave",
    "Ave.",
    "Avenue",
    "Blvd",
    "Dr",
    "Drive",
    "Rd",
    "Road",
    "Ln",
    "Lane",
    "Ct",
    "Court",
    "Pkwy",
    "Way",
    "Pl",
    "Terrace",
    "Cir",
    "Hwy",
    "Trail",
]
_EMAIL_DOM = [
    "gmail.com",
    "yahoo.com",
    "hotmail.com",
    "outlook.com",
    "icloud.com",
    "aol.com",
    "comcast.net",
    "proton.me",
    "att.net",
    "live.com",
    "msn.com",
    "ymail.com",
    "sbcglobal.net",
    "me.com",
    "yahoo.com.mx",
    "gmail.com",
    "gmail.com",
]

# --------------------------------------------------------------------------
# identifier generators (all take a random.Random)
# --------------------------------------------------------------------------
_DIG = "0123456789"
_UP = "ABCDEFGHJKLMNPRSTUVWXYZ"
_ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
_VINCH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_HEX = "0123456789ABCDEF"


def _d(r, n):
    return "".join(r.choice(_DIG) for _ in range(n))


def _nz(r, n):  # n digits, first non-zero
    return r.choice("123456789") + _d(r, n - 1)


def _u(r, n):
    return "".join(r.choice(_UP) for _ in range(n))


def _an(r, n):
    return "".join(r.choice(_ALNUM) for _ in range(n))


def _hx(r, n):
    return "".join(r.choice(_HEX) for _ in range(n))


def _phone_parts(r):
    return (
        f"{r.randint(2, 9)}{r.randint(0, 8)}{r.randint(0, 9)}",
        f"{r.randint(2, 9)}{_d(r, 2)}",
        _d(r, 4),
    )


def gen_phone(r, spoken=False):
    a, e, l = _phone_parts(r)
    if spoken:
        return _spell_digits(r, a + e + l, [a, e, l])
    x = r.random()
    if x < 0.22:
        s = f"({a}) {e}-{l}"
    elif x < 0.42:
        s = f"{a}-{e}-{l}"
    elif x < 0.52:
        s = f"{a}.{e}.{l}"
    elif x < 0.58:
        s = f"{a} {e} {l}"
    elif x < 0.64:
        s = f"+1 {a} {e} {l}"
    elif x < 0.68:
        s = f"+1-{a}-{e}-{l}"
    elif x < 0.72:
        s = f"1-{a}-{e}-{l}"
    elif x < 0.77:
        s = f"{a}{e}{l}"
    elif x < 0.82:
        s = f"{e}-{l}"
    elif x < 0.85:
        s = f"({a}){e}-{l}"
    elif x < 0.92:
        s = r.choice(
            [
                f"+52 {r.randint(33, 99)} {_d(r, 4)} {_d(r, 4)}",
                f"+63 9{_d(r, 2)} {_d(r, 3)} {_d(r, 4)}",
                f"+353 8{r.randint(3, 9)} {_d(r, 3)} {_d(r, 4)}",
                f"+84 9{_d(r, 1)} {_d(r, 3)} {_d(r, 4)}",
                f"+234 80{r.randint(2, 9)} {_d(r, 3)} {_d(r, 4)}",
                f"+48 {_nz(r, 3)} {_d(r, 3)} {_d(r, 3)}",
                f"+91 9{_d(r, 4)} {_d(r, 5)}",
                f"+962 7{_d(r, 1)} {_d(r, 3)} {_d(r, 4)}",
            ]
        )
    else:
        s = f"{a}-{e}-{l}"
    if r.random() < 0.07:
        s += r.choice([f" ext. {_nz(r, 3)}", f" x{_nz(r, 4)}", f" ext {_nz(r, 2)}"])
    return s


def gen_ssn(r, spoken=False):
    area = r.randint(1, 899)
    if area == 666:
        area = 665
    a, g, s = f"{area:03d}", f"{r.randint(1, 99):02d}", f"{r.randint(1, 9999):04d}"
    if spoken:
        return _spell_digits(r, a + g + s, [a, g, s])
    return r.choice([f"{a}-{g}-{s}", f"{a}-{g}-{s}", f"{a} {g} {s}", f"{a}{g}{s}"])


def gen_ssn4(r):
    return f"{r.randint(1, 9999):04d}"


def gen_mrn(r):
    x = r.random()
    if x < 0.3:
        return _nz(r, r.choice([7, 8]))
    if x < 0.42:
        return "00" + _d(r, r.choice([6, 7]))
    if x < 0.52:
        return r.choice("EMHKR") + _d(r, 7)
    if x < 0.6:
        return f"{_d(r, 3)}-{_d(r, 2)}-{_d(r, 2)}"
    if x < 0.68:
        return f"{_nz(r, 4)}-{_d(r, 4)}"
    if x < 0.74:
        return f"MR{_d(r, 7)}"
    if x < 0.8:
        return f"{_nz(r, 2)}-{_d(r, 6)}"
    if x < 0.88:
        return _nz(r, 9)
    if x < 0.94:
        return _nz(r, 6)
    return f"{_u(r, 2)}{_d(r, 6)}"


def gen_hp(r):
    x = r.random()
    if x < 0.2:
        return _u(r, 3) + _d(r, 9)
    if x < 0.35:  # Medicare MBI
        return (
            f"{r.randint(1, 9)}{_u(r, 1)}{_an(r, 1)}{r.randint(0, 9)}-"
            f"{_u(r, 1)}{_an(r, 1)}{r.randint(0, 9)}-{_u(r, 2)}{_d(r, 2)}"
        )
    if x < 0.45:
        return f"{r.randint(1, 9)}{_u(r, 1)}{_an(r, 1)}{r.randint(0, 9)}{_u(r, 1)}{_an(r, 1)}{r.randint(0, 9)}{_u(r, 2)}{_d(r, 2)}"
    if x < 0.55:
        return r.choice(["W", "U", "H", "M"]) + _d(r, 9)
    if x < 0.63:
        return f"{_nz(r, 9)}{r.choice(['A', 'B', 'C1', 'D', 'T'])}"
    if x < 0.72:
        return f"{_u(r, 3)} {_d(r, 5)} {_d(r, 4)}"
    if x < 0.8:
        return f"{_u(r, 2)}{_d(r, 8)}"
    if x < 0.87:
        return f"{_u(r, 1)}{_d(r, 4)} {_d(r, 5)} {_d(r, 2)}"
    if x < 0.93:
        return f"{_u(r, 3)}-{_d(r, 6)}-{_d(r, 2)}"
    return _nz(r, 11)


def gen_acct(r):
    x = r.random()
    if x < 0.3:
        return _nz(r, r.choice([8, 9, 10]))
    if x < 0.42:
        return f"{_d(r, 2)}-{_d(r, 4)}-{_d(r, 4)}"
    if x < 0.52:
        return "V" + _d(r, 8)
    if x < 0.6:
        return f"ENC-{_d(r, 8)}"
    if x < 0.7:
        return "44" + _d(r, 8)
    if x < 0.78:
        return f"{_u(r, 1)}{_d(r, 9)}"
    if x < 0.86:
        return f"{_nz(r, 6)}-{_d(r, 3)}"
    if x < 0.93:
        return f"ACC{_d(r, 7)}"
    return f"{_nz(r, 4)} {_d(r, 4)} {_d(r, 4)}"


def _dea(r, last):
    first = r.choice("ABFGM")
    second = last[:1].upper() if last[:1].isalpha() and last[:1].isascii() else r.choice(_UP)
    d = [r.randint(0, 9) for _ in range(6)]
    chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return first + second + "".join(map(str, d)) + str(chk)


def _npi(r):
    base = [r.choice([1, 2])] + [r.randint(0, 9) for _ in range(8)]
    digits = [8, 0, 8, 4, 0] + base
    total = 0
    for i, dg in enumerate(reversed(digits)):
        if i % 2 == 0:
            dg *= 2
            if dg > 9:
                dg -= 9
        total += dg
    chk = (10 - total % 10) % 10
    return "".join(map(str, base)) + str(chk)


def gen_license(r, kind="dl", last="X"):
    if kind == "dl":
        x = r.random()
        if x < 0.2:
            return _u(r, 1) + _d(r, 7)
        if x < 0.35:
            return f"{_d(r, 3)} {_d(r, 3)} {_d(r, 3)}"
        if x < 0.5:
            return f"{_u(r, 1)}{_d(r, 3)}-{_d(r, 3)}-{_d(r, 2)}-{_d(r, 3)}-{_d(r, 1)}"
        if x < 0.62:
            return _nz(r, 8)
        if x < 0.74:
            return f"{_u(r, 1)}{_d(r, 3)}-{_d(r, 4)}-{_d(r, 4)}"
        if x < 0.84:
            return f"{_u(r, 2)}{_d(r, 6)}"
        if x < 0.92:
            return f"{_u(r, 1)}{_d(r, 12)}"
        return _nz(r, 9)
    if kind == "dea":
        return _dea(r, last)
    if kind == "npi":
        return _npi(r)
    if kind == "rn":
        return r.choice(
            [
                _nz(r, 7),
                f"RN{_d(r, 6)}",
                _nz(r, 6),
                f"{_d(r, 3)}{_u(r, 1)}{_d(r, 4)}",
                f"RN.{_d(r, 7)}",
                f"{_nz(r, 2)}-{_d(r, 6)}",
            ]
        )
    if kind == "pt":
        return r.choice([f"PT{_d(r, 6)}", _nz(r, 6), f"{_d(r, 2)}-{_d(r, 5)}", f"OT{_d(r, 5)}"])
    if kind == "md":
        return r.choice(
            [f"{_u(r, 1)}{_d(r, 5)}", _nz(r, 6), f"MD{_d(r, 6)}", f"{_d(r, 2)}.{_d(r, 6)}"]
        )
    if kind == "sw":
        return r.choice([_nz(r, 6), f"LCSW{_d(r, 5)}", f"{_d(r, 3)}-{_d(r, 4)}"])
    return gen_license(r, r.choice(["dl", "rn", "md"]), last)


def gen_plate(r):
    return r.choice(
        [
            f"{r.randint(1, 9)}{_u(r, 3)}{_d(r, 3)}",
            f"{_u(r, 3)}-{_d(r, 4)}",
            f"{_u(r, 3)} {_d(r, 4)}",
            f"{_u(r, 3)} {_d(r, 3)}",
            f"{_d(r, 3)} {_u(r, 3)}",
            f"{_u(r, 2)}{_d(r, 2)}{_u(r, 1)}",
            f"{_u(r, 3)}-{_d(r, 2)}{_u(r, 1)}",
            f"{r.randint(1, 9)}{_u(r, 2)} {_d(r, 4)}",
            f"{_u(r, 2)}-{_d(r, 5)}",
            f"{_d(r, 2)}{_u(r, 1)}-{_d(r, 3)}",
        ]
    )


def gen_vin(r):
    return "".join(r.choice(_VINCH) for _ in range(17))


def gen_device(r, kind=None):
    x = r.random()
    if x < 0.12:
        return f"{_u(r, 3)}{_d(r, 6)}{_u(r, 1)}"
    if x < 0.22:
        return f"{_u(r, 3)}{_d(r, 6)}"
    if x < 0.32:
        return _an(r, r.choice([6, 8, 10]))
    if x < 0.4:
        return f"SN{_d(r, 8)}"
    if x < 0.48:
        return f"{_u(r, 2)}{_d(r, 2)}{_u(r, 1)}{_d(r, 5)}"
    if x < 0.56:
        return f"{_d(r, 4)}-{_d(r, 4)}-{_u(r, 1)}"
    if x < 0.63:
        return f"(01){_d(r, 14)}(21){_an(r, 6)}"
    if x < 0.7:
        return f"(01){_d(r, 14)}(17){_d(r, 6)}(10){_an(r, 5)}(21){_an(r, 7)}"
    if x < 0.77:
        return f"{_d(r, 3)}-{_d(r, 4)}-{_d(r, 3)}"
    if x < 0.84:
        return "2" + _d(r, 10)
    if x < 0.9:
        return f"{_u(r, 2)}{_d(r, 7)}{_u(r, 1)}"
    return f"{_an(r, 4)}-{_an(r, 5)}"


def gen_ip(r):
    x = r.random()
    if x < 0.3:
        return f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
    if x < 0.45:
        return f"192.168.{r.randint(0, 20)}.{r.randint(2, 254)}"
    if x < 0.55:
        return f"172.{r.randint(16, 31)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
    if x < 0.85:
        return f"{r.randint(23, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
    groups = [_hx(r, 4).lower().lstrip("0") or "0" for _ in range(8)]
    if r.random() < 0.5:
        return ":".join(groups)
    return ":".join(groups[:3]) + "::" + ":".join(groups[6:])


def gen_bio(r, kind=None):
    kind = kind or r.choice(["fp", "vp", "ret", "palm", "gen", "iris"])
    if kind == "fp":
        return r.choice(
            [
                f"FP-{_d(r, 8)}",
                f"FPT-{_hx(r, 4)}-{_hx(r, 4)}-{_hx(r, 4)}",
                f"FP{_d(r, 6)}{_u(r, 1)}",
                f"FNG-{_d(r, 3)}-{_d(r, 5)}",
            ]
        )
    if kind == "vp":
        return r.choice([f"VP-{_d(r, 4)}-{_d(r, 4)}", f"VPR{_d(r, 7)}", f"VOX-{_hx(r, 8)}"])
    if kind == "ret":
        return r.choice([f"RTN-{_d(r, 6)}", f"RET{_d(r, 8)}", f"RS-{_hx(r, 6)}"])
    if kind == "iris":
        return r.choice([f"IRIS-{_hx(r, 8)}", f"IR{_d(r, 9)}"])
    if kind == "palm":
        return r.choice([f"PV{_d(r, 8)}", f"PVS-{_d(r, 4)}-{_d(r, 4)}", f"PALM-{_an(r, 8)}"])
    return r.choice(
        [f"BIO-{_an(r, 10)}", f"BT{_d(r, 9)}", f"{_hx(r, 8).lower()}-{_hx(r, 4).lower()}"]
    )


def gen_photo(r, d=None, site=None):
    x = r.random()
    if x < 0.25:
        return f"IMG_{_d(r, 4)}.{r.choice(['jpg', 'JPG', 'HEIC', 'jpeg', 'png'])}"
    if x < 0.37:
        return f"DSC{_d(r, 5)}.JPG"
    if x < 0.5 and d is not None:
        return f"PXL_{d.year}{d.month:02d}{d.day:02d}_{_d(r, 6)}.jpg"
    if x < 0.62:
        s = site or r.choice(["sacrum", "LLE", "R_heel", "coccyx", "stoma", "abd", "L_hip", "RLE"])
        return f"{r.choice(['wound', 'wnd', 'photo', 'ostomy'])}_{s}_{_d(r, 4)}.{r.choice(['jpg', 'jpeg', 'png'])}"
    if x < 0.74:
        return f"PH-{_d(r, 6)}"
    if x < 0.84:
        return f"MEDIA-{_d(r, 7)}"
    if x < 0.92:
        return f"{_hx(r, 8).lower()}.jpg"
    return f"photo_{_d(r, 8)}.png"


def gen_room(r):
    return r.choice(
        [
            f"{r.randint(2, 9)}{r.choice('ABCNSEW')}-{r.randint(1, 40):02d}",
            f"{r.randint(2, 9)}{_d(r, 2)}",
            f"{r.randint(2, 9)}{_d(r, 2)}",
            f"{r.randint(1, 30)}",
            f"{r.randint(2, 9)}{r.choice(['W', 'E', 'N', 'S'])}-{r.randint(1, 40)}",
            f"{r.randint(2, 9)}{_d(r, 2)}-{r.choice('AB')}",
            f"ICU-{r.randint(1, 24)}",
            f"{r.randint(2, 9)}{_d(r, 2)}{r.choice('AB')}",
        ]
    )


def gen_bed(r):
    return r.choice(
        [
            str(r.randint(1, 36)),
            str(r.randint(1, 36)),
            f"{r.randint(1, 24):02d}",
            f"{r.randint(1, 12)}{r.choice('AB')}",
            f"{r.randint(3, 9)}{_d(r, 2)}-{r.choice('AB12')}",
        ]
    )


def gen_chair(r):
    return r.choice(
        [
            str(r.randint(1, 28)),
            f"{r.randint(1, 28):02d}",
            f"C-{r.randint(1, 28):02d}",
            f"{r.choice('ABCD')}{r.randint(1, 9)}",
        ]
    )


def gen_study(r):
    return r.choice(
        [
            f"SUBJ-{_d(r, 4)}",
            f"{_u(r, 3)}-{_d(r, 2)}-{_d(r, 4)}",
            f"{_u(r, 2)}{_d(r, 3)}-{_d(r, 3)}",
            f"{r.randint(100, 999)}-{_d(r, 3)}",
            f"S{_d(r, 5)}",
            f"{_u(r, 4)}{_d(r, 4)}",
        ]
    )


def gen_badge(r):
    return r.choice(
        [_nz(r, 5), _nz(r, 6), f"E-{_d(r, 5)}", f"{_u(r, 1)}{_d(r, 5)}", f"ID{_d(r, 6)}"]
    )


def gen_case(r, year=None):
    y = year or r.randint(2018, 2025)
    return r.choice(
        [
            f"{y}-{_d(r, 6)}",
            f"APS-{y % 100}-{_d(r, 5)}",
            f"{y % 100}-{_d(r, 6)}",
            f"{_d(r, 4)}-{_d(r, 2)}",
            f"PR{y % 100}-{_d(r, 5)}",
            f"CPS{_d(r, 7)}",
            f"{_u(r, 2)}{_d(r, 8)}",
            f"{_nz(r, 8)}",
        ]
    )


def gen_auth(r):
    return r.choice(
        [
            f"A{_d(r, 8)}",
            f"AUTH-{_d(r, 7)}",
            f"{_d(r, 2)}-{_d(r, 5)}",
            _nz(r, 10),
            f"{_u(r, 3)}{_d(r, 7)}",
            f"{_nz(r, 6)}{_u(r, 2)}",
            f"REF{_d(r, 8)}",
        ]
    )


def gen_locker(r):
    return r.choice(
        [f"L-{_d(r, 3)}", f"{r.randint(1, 400)}", f"{r.choice('ABCD')}{r.randint(1, 99)}"]
    )


# --------------------------------------------------------------------------
# non-PHI clinical vocabulary
# --------------------------------------------------------------------------
_DRUGS = {
    "icu": [
        "norepinephrine 0.08 mcg/kg/min",
        "norepinephrine 12 mcg/min",
        "vasopressin 0.04 units/min",
        "propofol 30 mcg/kg/min",
        "propofol 20 mcg/kg/min",
        "fentanyl 50 mcg/hr",
        "fentanyl 100 mcg/hr",
        "dexmedetomidine 0.6 mcg/kg/hr",
        "midazolam 2 mg/hr",
        "insulin drip 4 units/hr",
        "heparin gtt 1,100 units/hr",
        "amiodarone 0.5 mg/min",
        "nicardipine 5 mg/hr",
        "phenylephrine 80 mcg/min",
        "epinephrine 0.05 mcg/kg/min",
        "cisatracurium 2 mcg/kg/min",
        "esmolol 50 mcg/kg/min",
        "vancomycin 1.25 g IV q12h",
        "piperacillin-tazobactam 4.5 g IV q6h",
        "cefepime 2 g IV q8h",
        "meropenem 1 g IV q8h",
        "pantoprazole 40 mg IV daily",
        "chlorhexidine 0.12% oral rinse",
        "KCl 20 mEq IV",
        "magnesium sulfate 2 g IV",
        "furosemide 40 mg IV",
        "hydrocortisone 50 mg IV q6h",
        "Lasix 20 mg IV",
        "Zosyn 3.375 g IV",
        "levetiracetam 500 mg IV BID",
        "enoxaparin 40 mg SC daily",
        "famotidine 20 mg IV BID",
    ],
    "anes": [
        "propofol 150 mg",
        "propofol 200 mg IV",
        "fentanyl 100 mcg",
        "fentanyl 50 mcg IV",
        "rocuronium 50 mg",
        "rocuronium 40 mg",
        "succinylcholine 100 mg",
        "midazolam 2 mg",
        "lidocaine 60 mg",
        "ketamine 30 mg",
        "dexamethasone 4 mg",
        "ondansetron 4 mg",
        "cefazolin 2 g",
        "cefazolin 3 g IV",
        "sugammadex 200 mg",
        "neostigmine 3 mg/glycopyrrolate 0.6 mg",
        "phenylephrine 100 mcg",
        "ephedrine 10 mg",
        "hydromorphone 0.5 mg",
        "etomidate 16 mg",
        "vecuronium 8 mg",
        "tranexamic acid 1 g",
        "ketorolac 15 mg",
        "acetaminophen 1 g IV",
        "glycopyrrolate 0.2 mg",
        "labetalol 10 mg",
        "esmolol 20 mg",
        "bupivacaine 0.25% 20 mL",
        "ropivacaine 0.5% 20 mL",
        "remifentanil 0.1 mcg/kg/min",
    ],
    "pall": [
        "morphine 2 mg IV q2h PRN",
        "morphine oral solution 5 mg SL q1h PRN",
        "hydromorphone 0.2 mg IV q2h PRN",
        "oxycodone 5 mg PO q4h PRN",
        "haloperidol 0.5 mg IV q6h PRN",
        "lorazepam 0.5 mg SL q4h PRN",
        "glycopyrrolate 0.2 mg SC q4h PRN",
        "scopolamine 1.5 mg patch q72h",
        "atropine 1% 2 drops SL",
        "senna 8.6 mg BID",
        "polyethylene glycol 17 g daily",
        "dexamethasone 4 mg daily",
        "methadone 2.5 mg BID",
        "fentanyl 25 mcg/hr patch",
        "olanzapine 2.5 mg qHS",
        "ondansetron 4 mg q6h PRN",
        "midazolam 1 mg SC PRN",
        "bisacodyl 10 mg PR",
    ],
    "dial": [
        "epoetin alfa 10,000 units IV",
        "darbepoetin 40 mcg",
        "iron sucrose 100 mg IV",
        "ferric gluconate 125 mg",
        "calcitriol 0.5 mcg IV",
        "paricalcitol 2 mcg",
        "heparin 2,000 units bolus",
        "heparin 1,000 units/hr",
        "sevelamer 800 mg TID with meals",
        "calcium acetate 667 mg",
        "cinacalcet 30 mg daily",
        "midodrine 10 mg pre-HD",
        "alteplase 2 mg per port",
        "cefazolin 2 g post-HD",
        "vancomycin 1 g post-HD",
        "normal saline 250 mL bolus",
    ],
    "wound": [
        "collagenase (Santyl) ointment",
        "silver sulfadiazine 1%",
        "zinc oxide barrier cream",
        "cadexomer iodine gel",
        "medical-grade honey alginate",
        "hydrocolloid wafer",
        "calcium alginate with silver",
        "Dakin's 0.125% moistened gauze",
        "bacitracin",
        "mupirocin 2% ointment",
        "stoma powder",
        "no-sting skin barrier wipe",
        "petrolatum gauze",
        "foam border dressing",
        "hydrogel",
        "triamcinolone 0.1% cream",
        "nystatin powder",
    ],
    "gen": [
        "metoprolol tartrate 25 mg PO BID",
        "lisinopril 10 mg daily",
        "atorvastatin 40 mg qHS",
        "apixaban 5 mg BID",
        "warfarin 5 mg",
        "clopidogrel 75 mg daily",
        "aspirin 81 mg",
        "metformin 1000 mg BID",
        "insulin glargine 22 units qHS",
        "insulin lispro sliding scale",
        "levothyroxine 75 mcg",
        "amlodipine 5 mg",
        "gabapentin 300 mg TID",
        "sertraline 50 mg",
        "tamsulosin 0.4 mg",
        "donepezil 10 mg",
        "carbidopa-levodopa 25/100 TID",
        "prednisone 10 mg",
        "albuterol neb q4h PRN",
        "tiotropium 18 mcg",
        "omeprazole 20 mg",
        "acetaminophen 650 mg q6h PRN",
        "oxycodone 5 mg q4h PRN",
        "tramadol 50 mg",
        "furosemide 40 mg PO daily",
        "spironolactone 25 mg",
        "quetiapine 25 mg qHS",
        "melatonin 3 mg",
        "docusate 100 mg BID",
        "Eliquis 2.5 mg BID",
        "Xarelto 20 mg",
        "Keppra 500 mg BID",
        "Plavix 75 mg",
    ],
}
_LABS = [
    ("K", 2.9, 6.4, 1, " mmol/L"),
    ("Na", 124, 149, 0, ""),
    ("Hgb", 6.8, 14.5, 1, " g/dL"),
    ("lactate", 0.8, 6.5, 1, ""),
    ("Cr", 0.6, 8.9, 1, " mg/dL"),
    ("BUN", 9, 110, 0, ""),
    ("WBC", 2.1, 24.8, 1, ""),
    ("plt", 38, 420, 0, "K"),
    ("INR", 0.9, 3.8, 1, ""),
    ("albumin", 1.8, 4.3, 1, " g/dL"),
    ("prealbumin", 6, 28, 0, " mg/dL"),
    ("HbA1c", 5.4, 12.8, 1, "%"),
    ("glucose", 62, 388, 0, " mg/dL"),
    ("phos", 2.1, 8.4, 1, ""),
    ("PTH", 90, 1250, 0, " pg/mL"),
    ("ferritin", 40, 1400, 0, " ng/mL"),
    ("TSAT", 9, 48, 0, "%"),
    ("Ca", 7.4, 10.8, 1, ""),
    ("Mg", 1.2, 2.9, 1, ""),
    ("troponin", 0.01, 2.4, 2, " ng/mL"),
    ("BNP", 80, 3400, 0, ""),
    ("CRP", 2, 210, 0, " mg/L"),
    ("procalcitonin", 0.1, 12.5, 1, ""),
    ("TSH", 0.2, 9.8, 1, ""),
    ("bicarb", 14, 32, 0, ""),
    ("fibrinogen", 110, 520, 0, ""),
    ("ionized Ca", 0.9, 1.3, 2, ""),
    ("ammonia", 18, 140, 0, ""),
    ("ESR", 5, 110, 0, ""),
    ("eGFR", 6, 88, 0, ""),
]
_UNITS = [
    "MICU",
    "SICU",
    "CVICU",
    "Neuro ICU",
    "NICU",
    "CCU",
    "5 West",
    "4 North",
    "7 East",
    "6 South",
    "PACU",
    "step-down",
    "3B",
    "Burn ICU",
    "Trauma ICU",
    "ED obs",
    "9 Tower",
    "Oncology 8",
    "Ortho 4",
    "Tele 2",
    "ACE unit",
    "Rehab 3",
    "acute rehab",
    "Short Stay",
]
_ICD = [
    "I10",
    "E11.9",
    "E11.65",
    "N18.6",
    "N18.4",
    "J96.01",
    "J96.00",
    "L89.153",
    "L89.154",
    "Z99.2",
    "K94.09",
    "K94.19",
    "I50.23",
    "I50.33",
    "A41.9",
    "R65.21",
    "G30.1",
    "C34.90",
    "Z51.5",
    "R26.81",
    "F10.20",
    "Z59.0",
    "L97.412",
    "K43.5",
    "T81.4XXA",
    "J44.1",
    "I63.9",
    "S72.001A",
    "G20",
    "F03.90",
    "Z74.09",
    "Z91.81",
    "E43",
    "R62.7",
    "C25.9",
    "C18.7",
    "N17.9",
    "I48.91",
    "J18.9",
    "Z93.3",
    "Z93.2",
    "Z96.641",
    "M62.81",
    "Z63.6",
    "Z60.2",
]
_CPT = [
    "99213",
    "99223",
    "99233",
    "90935",
    "90937",
    "90945",
    "97110",
    "97530",
    "97116",
    "97161",
    "97162",
    "97165",
    "97166",
    "97535",
    "97597",
    "97605",
    "15271",
    "44310",
    "00790",
    "01402",
    "00840",
    "99497",
    "99498",
    "99291",
    "99292",
    "36556",
    "31500",
    "G0299",
    "J1885",
    "J0881",
    "E0260",
    "A6196",
    "A4450",
    "K0001",
    "J2405",
    "E1390",
    "A4416",
    "A6212",
    "E0165",
    "E0143",
    "G0180",
    "D7140",
    "D0150",
    "J0885",
    "J1756",
    "Q4186",
    "E0277",
    "A4369",
    "A5063",
]
_GENES = [
    "BRCA1",
    "BRCA2",
    "TP53",
    "CYP2C19",
    "RYR1",
    "CACNA1S",
    "BCHE",
    "G6PD",
    "HLA-B*58:01",
    "APOE",
    "PKD1",
    "PKD2",
    "COL4A5",
    "APOL1",
    "MTHFR",
    "SCN5A",
    "CFTR",
    "HFE",
    "SERPINA1",
    "VKORC1",
    "CYP2D6",
    "TTR",
    "KRAS",
    "EGFR",
    "ALK",
    "MLH1",
    "HTT",
    "LRRK2",
    "SMN1",
    "FMR1",
]
_VARIANTS = [
    "c.5946delT",
    "p.Arg663His",
    "c.7300G>A",
    "p.Gly2434Arg",
    "c.1521_1523delCTT",
    "p.Phe508del",
    "c.68_69delAG",
    "p.Val30Met",
    "c.845G>A",
    "p.Cys282Tyr",
    "c.-1639G>A",
    "p.Arg614Cys",
    "c.1840C>T",
    "p.Gly12Asp",
    "c.35G>A",
    "p.Leu858Arg",
    "c.2573T>G",
    "p.Ala97Ser",
    "c.6174delT",
    "p.Asp76Tyr",
    "c.1226A>G",
    "p.Asn409Ser",
    "c.185delAG",
    "p.Glu1978*",
    "c.4035delC",
]
_DX = {
    "icu": [
        "septic shock from pneumonia",
        "ARDS",
        "acute hypoxic respiratory failure",
        "DKA",
        "STEMI s/p PCI",
        "SAH, Hunt-Hess 3",
        "GI bleed, Forrest IIa ulcer",
        "status epilepticus",
        "cardiogenic shock on Impella",
        "COPD exacerbation, intubated",
        "necrotizing pancreatitis",
        "urosepsis with AKI",
        "polytrauma after MVC",
        "alcohol withdrawal, CIWA 22",
        "TBI, GCS 7 on arrival",
    ],
    "gen": [
        "CHF exacerbation",
        "COPD",
        "CKD stage 4",
        "ESRD on HD",
        "T2DM",
        "CVA with L hemiparesis",
        "hip fracture s/p ORIF",
        "Parkinson disease",
        "Alzheimer dementia",
        "metastatic NSCLC",
        "pancreatic adenocarcinoma",
        "cirrhosis, MELD 24",
        "sacral pressure injury",
        "falls",
        "frailty",
        "failure to thrive",
        "ALS",
        "colon cancer s/p Hartmann procedure",
        "L TKA",
        "R THA",
        "spinal stenosis s/p laminectomy",
        "CAP",
        "cellulitis LLE",
        "PAD s/p fem-pop bypass",
    ],
}
_PMH = [
    "HTN",
    "HLD",
    "T2DM",
    "CKD 3b",
    "ESRD",
    "CAD s/p CABG",
    "AFib on apixaban",
    "HFrEF (EF 25%)",
    "COPD on 2L home O2",
    "OSA on CPAP",
    "hypothyroidism",
    "GERD",
    "BPH",
    "depression",
    "anxiety",
    "remote DVT",
    "CVA 2019",
    "PVD",
    "obesity (BMI 41)",
    "RA",
    "osteoporosis",
    "gout",
    "HIV on ART",
    "hep C treated",
    "alcohol use disorder",
    "Parkinson's",
    "dementia",
    "seizure d/o",
    "asthma",
    "sickle cell trait",
    "prostate CA",
    "breast CA s/p lumpectomy",
    "glaucoma",
    "PMR",
    "MGUS",
]
_ALLERGY = [
    "NKDA",
    "PCN (rash)",
    "sulfa (hives)",
    "codeine (N/V)",
    "latex",
    "iodinated contrast",
    "morphine (itching)",
    "shellfish",
    "vancomycin (red man)",
    "ACE-I (angioedema)",
    "NKA",
    "none known",
]
_CODE = [
    "Full Code",
    "DNR/DNI",
    "DNR, OK to intubate",
    "Full code",
    "DNR",
    "Comfort care",
    "DNAR",
    "Limited: no CPR, yes pressors",
    "POLST: DNR/selective treatment",
]
_LANG = [
    "Spanish",
    "Vietnamese",
    "Mandarin",
    "Cantonese",
    "Arabic",
    "Tagalog",
    "Polish",
    "Portuguese",
    "Korean",
    "Haitian Creole",
    "Yoruba",
    "Hindi",
    "Japanese",
    "French",
    "English",
    "Irish",
    "Punjabi",
]
_PAYER = [
    "Medicare",
    "Medicaid",
    "Medicare Advantage",
    "Humana Gold",
    "BCBS",
    "Blue Cross PPO",
    "Aetna",
    "UnitedHealthcare",
    "Cigna",
    "Molina",
    "Kaiser",
    "Tricare",
    "VA Community Care",
    "CareSource",
    "Ambetter",
    "WellCare",
    "Anthem",
    "Amerigroup",
    "Medi-Cal",
    "AHCCCS",
]
_DEV_MODEL = [
    "Medtronic Azure XT DR",
    "Boston Scientific Accolade MRI",
    "Abbott Assurity MRI",
    "Medtronic Micra AV",
    "HeartMate 3 LVAD",
    "Impella CP",
    "Medtronic MiniMed 780G",
    "Tandem t:slim X2",
    "Omnipod 5",
    "Dexcom G7",
    "ResMed AirSense 11",
    "Philips DreamStation 2",
    "Fresenius 2008T",
    "NxStage System One",
    "Baxter Homechoice Claria",
    "3M V.A.C. Ulta",
    "KCI ActiV.A.C.",
    "Medtronic SynchroMed II",
    "Boston Scientific WaveWriter",
    "Inogen One G5",
    "Invacare Perfecto2",
    "Zimmer Persona knee",
    "Stryker Triathlon",
    "DePuy Pinnacle cup",
    "Cochlear Nucleus 8",
    "Abbott Freestyle Libre 3",
    "Medtronic Intellis",
    "LifeVest 4000",
]
_DME_VENDOR = [
    "Apria",
    "Lincare",
    "AdaptHealth",
    "Rotech",
    "the DME vendor",
    "Byram",
    "Edgepark",
    "CCS Medical",
    "Shield HealthCare",
    "local DME",
    "180 Medical",
    "Numotion",
]
_FACILITY_KIND = [
    "SNF",
    "acute rehab (IRF)",
    "LTACH",
    "ALF",
    "home with HH",
    "hospice house",
    "group home",
    "memory care",
    "board and care",
    "shelter",
    "respite",
]
_SCORES = [
    lambda r: (
        f"GCS E{r.randint(1, 4)}V{r.choice(['T', '1', '2', '3', '4', '5'])}M{r.randint(1, 6)}"
    ),
    lambda r: f"GCS {r.randint(3, 15)}",
    lambda r: f"APACHE II {r.randint(8, 34)}",
    lambda r: f"SOFA {r.randint(2, 16)}",
    lambda r: f"Braden {r.randint(8, 20)}",
    lambda r: f"RASS {r.choice(['-4', '-3', '-2', '-1', '0', '+1', '+2'])}",
    lambda r: f"CAM-ICU {r.choice(['negative', 'positive', 'unable to assess'])}",
    lambda r: f"CPOT {r.randint(0, 6)}",
    lambda r: f"Morse {r.choice([25, 35, 45, 55, 65, 75, 85])}",
    lambda r: f"Mallampati {r.choice(['I', 'II', 'III', 'IV'])}",
    lambda r: f"ASA {r.choice(['II', 'III', 'III', 'IV', 'IV-E'])}",
    lambda r: f"PPS {r.choice([10, 20, 30, 40, 50, 60])}%",
    lambda r: f"Karnofsky {r.choice([20, 30, 40, 50, 60])}",
    lambda r: f"ECOG {r.randint(1, 4)}",
    lambda r: f"PHQ-9 {r.randint(0, 24)}",
    lambda r: f"GAD-7 {r.randint(0, 21)}",
    lambda r: f"Berg {r.randint(12, 54)}/56",
    lambda r: f"TUG {r.randint(9, 42)} sec",
    lambda r: f"Tinetti {r.randint(8, 27)}/28",
    lambda r: f"Barthel {r.choice([15, 25, 35, 45, 55, 65, 80])}",
    lambda r: f"MoCA {r.randint(11, 28)}/30",
    lambda r: f"Norton {r.randint(7, 18)}",
    lambda r: f"Wagner grade {r.randint(1, 4)}",
    lambda r: f"Kt/V {r.randint(10, 17) / 10:.1f}",
    lambda r: f"URR {r.randint(58, 78)}%",
    lambda r: f"FAST {r.choice(['6c', '6d', '7a', '7b', '7c'])}",
    lambda r: f"Apgar {r.randint(5, 9)}/{r.randint(7, 9)}",
    lambda r: f"Bishop score {r.randint(3, 10)}",
    lambda r: f"CIWA {r.randint(4, 26)}",
    lambda r: f"NIHSS {r.randint(0, 22)}",
    lambda r: f"Hunt-Hess {r.randint(1, 4)}",
    lambda r: f"Child-Pugh {r.choice(['A', 'B', 'C'])}",
    lambda r: f"MELD {r.randint(9, 34)}",
    lambda r: f"CHA2DS2-VASc {r.randint(1, 7)}",
    lambda r: f"AM-PAC 6-clicks {r.randint(8, 24)}/24",
    lambda r: f"AUDIT-C {r.randint(0, 12)}",
    lambda r: f"Cormack-Lehane grade {r.choice(['I', 'IIa', 'IIb', 'III'])}",
    lambda r: f"RCRI {r.randint(0, 4)}",
    lambda r: f"STOP-BANG {r.randint(1, 8)}",
    lambda r: f"Aldrete {r.randint(7, 10)}",
]


# --------------------------------------------------------------------------
# dates
# --------------------------------------------------------------------------
_DFMT_ALL = [
    "mdY",
    "mdY1",
    "mdy-",
    "mdy/",
    "dbY",
    "DBY",
    "DBYc",
    "BdY",
    "Bdth",
    "bd",
    "bdY",
    "th",
    "iso",
    "md",
    "dmY.",
    "dmY/",
    "spoken",
    "spoken_md",
    "es",
    "my",
    "dM",
    "bdYc",
]
_DFMT_W = [14, 12, 6, 6, 5, 5, 3, 7, 5, 5, 4, 3, 6, 8, 2, 2, 1, 2, 2, 1, 3, 3]
_DFMT_DOB = [
    "mdY",
    "mdY1",
    "mdy-",
    "mdy/",
    "dbY",
    "DBY",
    "DBYc",
    "BdY",
    "bdY",
    "iso",
    "dmY.",
    "dmY/",
    "spoken",
    "es",
    "bdYc",
]
_DFMT_DOB_W = [18, 14, 5, 5, 5, 4, 3, 6, 3, 5, 1, 2, 3, 1, 2]


def _render_date(r, d, f):
    m, dd, y = d.month, d.day, d.year
    if f == "mdY":
        return [(f"{m:02d}/{dd:02d}/{y}", "DATE")]
    if f == "mdY1":
        return [(f"{m}/{dd}/{y}", "DATE")]
    if f == "mdy-":
        return [(f"{m}-{dd}-{y % 100:02d}", "DATE")]
    if f == "mdy/":
        return [(f"{m}/{dd}/{y % 100:02d}", "DATE")]
    if f == "dbY":
        return [
            (
                f"{dd} {_MON3[m - 1]} {y}" if r.random() < 0.5 else f"{dd:02d}-{_MON3[m - 1]}-{y}",
                "DATE",
            )
        ]
    if f == "DBY":
        return [(f"{dd:02d} {_MON3[m - 1].upper()} {y % 100:02d}", "DATE")]
    if f == "DBYc":
        return [(f"{dd:02d}{_MON3[m - 1].upper()}{y}", "DATE")]
    if f == "BdY":
        return [(f"{_MON[m - 1]} {dd}, {y}", "DATE")]
    if f == "Bdth":
        return [
            (
                f"{_MON[m - 1]} {_ord(dd)}" if r.random() < 0.7 else f"{_MON3[m - 1]} {_ord(dd)}",
                "DATE",
            )
        ]
    if f == "bd":
        return [
            (
                r.choice([f"{_MON3[m - 1]} {dd}", f"{_MON3[m - 1]}. {dd}", f"{_MON[m - 1]} {dd}"]),
                "DATE",
            )
        ]
    if f == "bdY":
        return [
            (
                r.choice(
                    [
                        f"{_MON3[m - 1]} {dd} {y}",
                        f"{_MON3[m - 1]}. {dd}, {y}",
                        f"{_MON3[m - 1]} {dd}, {y}",
                    ]
                ),
                "DATE",
            )
        ]
    if f == "bdYc":
        return [(f"{dd}-{_MON3[m - 1]}-{y % 100:02d}", "DATE")]
    if f == "th":
        if r.random() < 0.75:
            return [("the ", None), (_ord(dd), "DATE")]
        return [("the ", None), (_ord_word(dd), "DATE")]
    if f == "iso":
        return [(f"{y}-{m:02d}-{dd:02d}", "DATE")]
    if f == "md":
        return [(r.choice([f"{m}/{dd}", f"{m}/{dd}", f"{m:02d}/{dd:02d}", f"{m}-{dd}"]), "DATE")]
    if f == "dmY.":
        return [(f"{dd:02d}.{m:02d}.{y}", "DATE")]
    if f == "dmY/":
        return [(f"{dd}/{m}/{y}", "DATE")]
    if f == "spoken":
        x = r.random()
        if x < 0.5:
            return [(f"{_words(m)}, {_words(dd)}, {_yy_words(y)}", "DATE")]
        if x < 0.8:
            return [(f"{_MON[m - 1]} {_ord_word(dd)}, {_year_words(y)}", "DATE")]
        return [(f"{_words(m)} {_words(dd)} {_yy_words(y)}", "DATE")]
    if f == "spoken_md":
        return [
            (
                r.choice([f"{_MON[m - 1]} {_ord_word(dd)}", f"{_ord_word(dd)} of {_MON[m - 1]}"]),
                "DATE",
            )
        ]
    if f == "es":
        x = r.random()
        if x < 0.45:
            return [(f"{_DAY_ES[dd]} de {_MON_ES[m - 1]}", "DATE")]
        if x < 0.8:
            return [(f"{dd} de {_MON_ES[m - 1]} de {y}", "DATE")]
        return [(f"{_DAY_ES[dd]} de {_MON_ES[m - 1]} del {y}", "DATE")]
    if f == "my":
        return [(r.choice([f"{_MON3[m - 1]} {y}", f"{_MON[m - 1]} {y}", f"{m:02d}/{y}"]), "DATE")]
    if f == "dM":
        return [
            (
                r.choice(
                    [f"{dd}-{_MON3[m - 1]}", f"{dd} {_MON[m - 1]}", f"{dd} {_MON3[m - 1].upper()}"]
                ),
                "DATE",
            )
        ]
    return [(f"{m}/{dd}/{y}", "DATE")]


# --------------------------------------------------------------------------
# template engine
# --------------------------------------------------------------------------
_TPL_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?::([^{}]*))?\}")
_PARSED: dict = {}


def _parse(tpl):
    res = _PARSED.get(tpl)
    if res is None:
        res = []
        pos = 0
        for m in _TPL_RE.finditer(tpl):
            if m.start() > pos:
                res.append((0, tpl[pos : m.start()], None))
            res.append((1, m.group(1), m.group(2)))
            pos = m.end()
        if pos < len(tpl):
            res.append((0, tpl[pos:], None))
        _PARSED[tpl] = res
    return res


_NAME_HDR = (["LF", "lf", "lfm", "LFM", "fl", "FL", "fml"], [4, 4, 2, 1, 4, 2, 1])
_NAME_PROSE = (
    ["fl", "tl", "first", "fml", "nick", "init", "lfm", "low"],
    [6, 4, 2, 1, 0.6, 0.5, 0.3, 0.2],
)
_NAME_FAM = (["fl", "first", "tl", "nick", "init", "fml"], [6, 4, 1, 0.4, 0.4, 0.5])
_NAME_STAFF = (["fl", "init", "lf", "first", "FL", "fml"], [6, 2.5, 1, 1, 0.6, 0.5])

_REL_OLD = [
    ("daughter", "F"),
    ("son", "M"),
    ("granddaughter", "F"),
    ("grandson", "M"),
    ("niece", "F"),
    ("nephew", "M"),
    ("wife", "F"),
    ("husband", "M"),
    ("sister", "F"),
    ("brother", "M"),
    ("daughter-in-law", "F"),
    ("son-in-law", "M"),
    ("caregiver", None),
    ("neighbor", None),
    ("friend", None),
    ("stepdaughter", "F"),
    ("stepson", "M"),
    ("partner", None),
    ("HCPOA", None),
]
_REL_YOUNG = [
    ("mother", "F"),
    ("father", "M"),
    ("wife", "F"),
    ("husband", "M"),
    ("partner", None),
    ("girlfriend", "F"),
    ("boyfriend", "M"),
    ("sister", "F"),
    ("brother", "M"),
    ("roommate", None),
    ("aunt", "F"),
    ("uncle", "M"),
    ("cousin", None),
    ("daughter", "F"),
    ("son", "M"),
    ("friend", None),
]
_REL_ABBR = {
    "daughter": "dtr",
    "son": "son",
    "wife": "wife",
    "husband": "husb",
    "mother": "mom",
    "father": "dad",
    "sister": "sis",
    "brother": "bro",
    "granddaughter": "gdtr",
    "grandson": "gson",
    "niece": "niece",
    "nephew": "nephew",
    "partner": "partner",
    "caregiver": "CG",
    "friend": "friend",
    "neighbor": "neighbor",
}
_SAME_LAST = frozenset(
    [
        "son",
        "daughter",
        "sister",
        "brother",
        "wife",
        "husband",
        "grandson",
        "granddaughter",
        "mother",
        "father",
        "stepson",
        "niece",
        "nephew",
        "uncle",
        "aunt",
    ]
)
_STAFF_ROLE = {
    "rn": "RN",
    "rn2": "RN",
    "md": "MD",
    "md2": "MD",
    "np": "NP",
    "crna": "CRNA",
    "pt": "PT",
    "ot": "OTR/L",
    "sw": "LCSW",
    "cm": "RN CM",
    "chap": "MDiv",
    "tech": "CCHT",
    "wocn": "CWOCN",
    "rt": "RRT",
    "interp": "interpreter",
    "x": "",
    "y": "",
    "z": "",
}


class _NamePool:
    """Lazily drawn, Faker-seeded pools of name parts (much cheaper than one Faker call per name)."""

    __slots__ = ("r", "fake", "pools")

    def __init__(self, rng, fake):
        self.r = rng
        self.fake = fake
        self.pools = {}

    def get(self, loc, meth):
        key = (loc, meth)
        pool = self.pools.get(key)
        if pool is None:
            fn = getattr(self.fake[loc], meth)
            pool = [fn() for _ in range(500 if loc == "en_US" else 160)]
            self.pools[key] = pool
        return self.r.choice(pool)


class _LocPool:
    __slots__ = ("np", "loc")

    def __init__(self, np, loc):
        self.np = np
        self.loc = loc

    def __getattr__(self, meth):
        np, loc = self.np, self.loc
        return lambda: np.get(loc, meth)


class _PoolMap:
    __slots__ = ("np",)

    def __init__(self, np):
        self.np = np

    def __getitem__(self, loc):
        return _LocPool(self.np, loc)


class _Ctx:
    def __init__(self, rng, fake, npool):
        r = self.r = rng
        self.fake = fake
        self.pf = _PoolMap(npool)
        self.units = []
        self.cache = {}
        self.fam = {}
        self.staff = {}
        self.case = None
        self.bullet = ""
        self.sec = "kv"
        self.end = "\n"
        self.today = _dt.date(2017, 6, 1) + _dt.timedelta(days=r.randint(0, 8 * 365))
        self.adm = self.today - _dt.timedelta(
            days=r.choice([0, 0, 1, 1, 2, 3, 4, 5, 7, 9, 12, 16, 21, 30])
        )
        self.pt = self.person()
        self.set_age(r.random() < 0.2)
        self.dfmt = r.choices(_DFMT_ALL, _DFMT_W)[0]
        if self.dfmt in ("th", "spoken_md", "spoken", "es"):
            self.dfmt = "mdY1"
        self.ddob = r.choices(_DFMT_DOB, _DFMT_DOB_W)[0]
        self.neg = []
        self.used = set()
        self.fill_at = None

    # ---------------- people
    def set_age(self, old):
        r = self.r
        self.age = (
            r.randint(90, 106)
            if old
            else r.choice([r.randint(19, 89), r.randint(45, 89), r.randint(60, 89)])
        )
        self.dob = self.today - _dt.timedelta(days=int(self.age * 365.25) + r.randint(1, 360))

    def person(self, culture=None, sex=None):
        r = self.r
        f = self.pf
        c = culture or r.choices(_CULTURES, _CULT_W)[0]
        sex = sex or r.choice("MF")
        male = sex == "M"
        mid = None
        nick = None
        if c == "us":
            g = f["en_US"]
            first = g.first_name_male() if male else g.first_name_female()
            last = g.last_name()
            if r.random() < 0.45:
                mid = g.first_name_male() if male else g.first_name_female()
            if r.random() < 0.06:
                last = f"{last}-{g.last_name()}"
        elif c == "es":
            g = f[r.choice(["es_MX", "es_MX", "es_ES"])]
            first = g.first_name_male() if male else g.first_name_female()
            last = g.last_name()
            x = r.random()
            if x < 0.35:
                last = f"{last} {g.last_name()}"
            elif x < 0.45:
                last = f"{last}-{g.last_name()}"
            elif x < 0.52:
                last = f"{last} de {g.last_name()}" if r.random() < 0.5 else f"de la {last}"
            if r.random() < 0.25 and " " not in first:
                mid = g.first_name_male() if male else g.first_name_female()
        elif c == "vi":
            g = f["vi_VN"]
            first = g.first_name_male() if male else g.first_name_female()
            last = r.choice(_VI_LAST) if r.random() < 0.6 else g.last_name()
            mid = r.choice(_VI_MID_M if male else _VI_MID_F)
        elif c == "zh":
            if r.random() < 0.45:
                g = f["zh_CN"]
                first = g.first_romanized_name()
                last = g.last_romanized_name()
            else:
                first = r.choice(_ZH_GIVEN_M if male else _ZH_GIVEN_F)
                last = r.choice(_ZH_LAST)
        elif c == "in":
            g = f["en_IN"]
            first = g.first_name_male() if male else g.first_name_female()
            last = g.last_name()
            if r.random() < 0.2:
                mid = (
                    r.choice(["Kumar", "Prasad", "Lal", "Singh", "Nath"])
                    if male
                    else r.choice(["Devi", "Kumari", "Rani", "Bai"])
                )
        elif c == "ar":
            first = r.choice(_AR_M if male else _AR_F)
            last = r.choice(_AR_LAST)
            if r.random() < 0.35:
                mid = r.choice(_AR_M)
        elif c == "ie":
            if r.random() < 0.55:
                g = f["ga_IE"]
                last = g.last_name() if r.random() < 0.75 else r.choice(_IE_EXTRA)
            else:
                g = f["en_IE"]
                last = g.last_name() if r.random() < 0.6 else r.choice(_IE_EXTRA)
            first = g.first_name_male() if male else g.first_name_female()
            if not male and last.startswith("Ó ") and r.random() < 0.6:
                last = "Ní " + last[2:]
            elif not male and last.startswith("Mac ") and r.random() < 0.6:
                last = "Nic " + last[4:]
        elif c == "pl":
            g = f["pl_PL"]
            first = g.first_name_male() if male else g.first_name_female()
            last = g.last_name()
            if r.random() < 0.06:
                last = f"{last}-{g.last_name()}"
        elif c == "ng":
            g = f[r.choice(["yo_NG", "ig_NG"])]
            first = g.first_name_male() if male else g.first_name_female()
            last = g.last_name()
            if r.random() < 0.3:
                mid = g.first_name_male() if male else g.first_name_female()
        elif c == "ph":
            if r.random() < 0.7:
                first = r.choice(_PH_FIRST_M if male else _PH_FIRST_F)
            else:
                g = f["fil_PH"]
                first = g.first_name_male() if male else g.first_name_female()
            last = r.choice(_PH_LAST)
            if r.random() < 0.5:
                mid = r.choice(_PH_LAST)
            if r.random() < 0.3:
                nick = r.choice(_PH_NICK)
        elif c == "br":
            g = f["pt_BR"]
            first = g.first_name_male() if male else g.first_name_female()
            last = g.last_name()
            if r.random() < 0.4:
                last = f"{last} {r.choice(['da Silva', 'dos Santos', 'de Oliveira', 'Souza', g.last_name()])}"
        elif c == "fr":
            g = f["fr_FR"]
            first = g.first_name_male() if male else g.first_name_female()
            last = g.last_name()
        elif c == "de":
            g = f["de_DE"]
            first = g.first_name_male() if male else g.first_name_female()
            last = g.last_name()
            if r.random() < 0.08:
                last = r.choice(["von ", "von der ", "zu "]) + last
        elif c == "ja":
            g = f["ja_JP"]
            if r.random() < 0.6:
                first = g.first_romanized_name_male() if male else g.first_romanized_name_female()
                last = g.last_romanized_name()
            else:
                first = r.choice(_JA_EXTRA_M if male else _JA_EXTRA_F)
                last = r.choice(_JA_EXTRA_LAST)
        elif c == "ko":
            first = r.choice(_KO_GIVEN_M if male else _KO_GIVEN_F)
            last = r.choice(_KO_LAST)
        else:  # mix
            g = f["en_US"]
            first = g.first_name_male() if male else g.first_name_female()
            last = r.choice(_MIX_LAST)
            if r.random() < 0.3:
                mid = g.first_name_male() if male else g.first_name_female()
        if nick is None and r.random() < 0.12:
            nick = r.choice(_NICK_GENERIC_M if male else _NICK_GENERIC_F)
        p = _Person(first.strip(), last.strip(), sex, c, mid, nick)
        if c == "es" and r.random() < 0.35:
            p.title = "Sr." if male else r.choice(["Sra.", "Srta."])
        elif c == "br" and r.random() < 0.2:
            p.title = "Sr." if male else "Sra."
        elif c == "pl" and r.random() < 0.15:
            p.title = "Pan" if male else "Pani"
        else:
            p.title = "Mr." if male else r.choice(["Mrs.", "Ms.", "Ms.", "Miss"])
        return p

    def name(self, p, form):
        r = self.r
        L = "NAME"
        first, last, mid = p.first, p.last, p.middle
        sf = p.culture in _SURNAME_FIRST
        if form == "fl":
            if sf and r.random() < 0.3:
                form = "native"
            else:
                return [(f"{first} {last}", L)]
        if form == "native":
            if p.culture == "vi":
                return [(f"{last} {mid} {first}" if mid else f"{last} {first}", L)]
            if sf:
                return [(f"{last} {first}", L)]
            return [(f"{first} {last}", L)]
        if form == "fml":
            if not mid:
                return [(f"{first} {last}", L)]
            if p.culture in ("es", "vi", "ph", "ar", "ng", "in") or r.random() < 0.3:
                return [(f"{first} {mid} {last}", L)]
            return [(f"{first} {mid[0]}. {last}", L)]
        if form == "lf":
            return [(f"{last}, {first}", L)]
        if form == "lfm":
            if mid:
                return [
                    (f"{last}, {first} {mid[0]}.", L)
                    if p.culture not in ("vi", "ph")
                    else (f"{last}, {first} {mid}", L)
                ]
            return [(f"{last}, {first}", L)]
        if form == "LF":
            return [(f"{last}, {first}".upper(), L)]
        if form == "LFM":
            if mid:
                return [(f"{last}, {first} {mid[0]}".upper(), L)]
            return [
                (f"{last},{first}".upper() if r.random() < 0.4 else f"{last}, {first}".upper(), L)
            ]
        if form == "FL":
            return [(f"{first} {last}".upper(), L)]
        if form == "low":
            return [(f"{first} {last}".lower(), L)]
        if form == "init":
            x = r.random()
            if mid and x < 0.4:
                return [(f"{first[0]}. {mid[0]}. {last}", L)]
            if mid and x < 0.6:
                return [(f"{first[0]}.{mid[0]}. {last}", L)]
            if x < 0.85:
                return [(f"{first[0]}. {last}", L)]
            return [(f"{first} {last[0]}.", L)]
        if form == "first":
            return [(first, L)]
        if form == "last":
            return [(last, L)]
        if form == "tl":
            t = p.title or "Mr."
            if r.random() < 0.15:
                t = t.rstrip(".")
            return [(t + " ", None), (last, L)]
        if form == "nick":
            nick = p.nick or (r.choice(_NICK_GENERIC_M if p.sex == "M" else _NICK_GENERIC_F))
            x = r.random()
            if x < 0.55:
                return [(f"{first} {last}", L), (' "', None), (nick, L), ('"', None)]
            if x < 0.8:
                return [(f"{first} {last}", L), (" (goes by ", None), (nick, L), (")", None)]
            return [(f"{first} {last}", L), (" '", None), (nick, L), ("'", None)]
        return [(f"{first} {last}", L)]

    def pick_form(self, spec):
        return self.r.choices(spec[0], spec[1])[0]

    def family(self, idx):
        m = self.fam.get(idx)
        if m is None:
            r = self.r
            pool = _REL_OLD if self.age >= 55 else _REL_YOUNG
            used = {v[0] for v in self.fam.values()}
            for _ in range(6):
                rel, sex = r.choice(pool)
                if rel not in used or rel in (
                    "daughter",
                    "son",
                    "friend",
                    "granddaughter",
                    "grandson",
                ):
                    break
            if rel in ("wife", "husband") and r.random() < 0.15:
                sex = "F" if sex == "M" else "M"
            if (
                self.age >= 90
                and rel in ("wife", "husband", "sister", "brother")
                and r.random() < 0.6
            ):
                rel, sex = r.choice(
                    [("daughter", "F"), ("son", "M"), ("granddaughter", "F"), ("niece", "F")]
                )
            culture = self.pt.culture if r.random() < 0.8 else None
            p = self.person(culture, sex)
            if rel in _SAME_LAST and r.random() < 0.6:
                p.last = self.pt.last
            m = (rel, p)
            self.fam[idx] = m
        return m

    def staffp(self, key):
        p = self.staff.get(key)
        if p is None:
            p = self.person()
            self.staff[key] = p
        return p

    # ---------------- template filling
    def fill(self, tpl):
        out = []
        H = _HANDLERS
        for kind, a, b in _parse(tpl):
            if kind == 0:
                out.append((a, None))
            else:
                v = H[a](self, b)
                if isinstance(v, str):
                    out.append((v, None))
                else:
                    out.extend(v)
        return out

    def add(self, kind, tpl, end=None, case=None, prefix=None):
        self.used.add(tpl.rstrip(". "))
        segs = self.fill(tpl)
        pre = self.bullet if prefix is None and kind in ("b", "x") else (prefix or "")
        if pre:
            segs.insert(0, (pre, None))
        segs.append((self.end if end is None else end, None))
        u = [kind, segs, case if case is not None else self.case]
        self.units.append(u)
        return u

    def sec_h(self, tpl, **kw):
        """section header; dropped at assembly when its section ends up empty."""
        return self.add("s", tpl, **kw)

    def h(self, tpl, **kw):
        self.add("h", tpl, **kw)

    def b(self, tpl, **kw):
        self.add("b", tpl, **kw)

    def x(self, tpl, **kw):
        self.add("x", tpl, **kw)

    def f(self, tpl, **kw):
        self.add("f", tpl, **kw)

    def some(self, pool, lo, hi, kind="b", shuffle=True, **kw):
        r = self.r
        k = min(len(pool), r.randint(lo, hi))
        if k <= 0:
            return
        idx = r.sample(range(len(pool)), k)
        if not shuffle:
            idx.sort()
        for i in idx:
            self.add(kind, pool[i], **kw)

    def pick(self, seq):
        return self.r.choice(seq)

    def cached(self, key, fn):
        v = self.cache.get(key)
        if v is None:
            v = fn()
            self.cache[key] = v
        return v

    def date_of(self, kind):
        r = self.r
        td = _dt.timedelta
        if kind == "dob":
            return self.dob
        if kind == "adm":
            return self.adm
        if kind == "today" or kind is None:
            return self.today
        if kind == "recent":
            return self.today - td(days=r.randint(1, 14))
        if kind == "past":
            return self.today - td(days=r.randint(15, 900))
        if kind == "fut":
            return self.today + td(days=r.randint(1, 120))
        if kind == "odob":  # someone else's birth date
            return self.today - td(days=r.randint(3 * 365, 80 * 365))
        return self.today + td(days=r.randint(-400, 60))


# ---------------- handlers: each returns a str (non-PHI) or a list of segments
def _arg2(arg, default_first=None):
    if not arg:
        return default_first, None
    if "," in arg:
        a, b = arg.split(",", 1)
        return a, b
    return arg, None


def h_pt(c, arg):
    if arg in (None, "", "prose"):
        form = c.pick_form(_NAME_PROSE)
    elif arg == "hdr":
        form = c.pick_form(_NAME_HDR)
    else:
        form = arg
    return c.name(c.pt, form)


def h_ptt(c, arg):
    return c.name(c.pt, "tl")


def h_ptf(c, arg):
    return c.name(c.pt, "first")


def h_ptl(c, arg):
    return c.name(c.pt, "last")


def h_fam(c, arg):
    i, form = _arg2(arg, "1")
    rel, p = c.family(i or "1")
    return c.name(p, form or c.pick_form(_NAME_FAM))


def h_famr(c, arg):
    rel, p = c.family(arg or "1")
    if rel == "HCPOA":
        return c.r.choice(["HCPOA", "health care proxy", "POA"])
    if c.sec == "terse" and rel in _REL_ABBR and c.r.random() < 0.5:
        return _REL_ABBR[rel]
    return rel


def h_famx(c, arg):
    """relation + name, in several arrangements."""
    i, form = _arg2(arg, "1")
    rel, p = c.family(i or "1")
    r = c.r
    nm = c.name(p, form or c.pick_form(_NAME_FAM))
    relw = h_famr(c, i or "1")
    x = r.random()
    if x < 0.5:
        return [(relw + " ", None)] + nm
    if x < 0.8:
        return nm + [(f" ({relw})", None)]
    return nm + [(", " + relw, None)]


def h_famf(c, arg):
    rel, p = c.family(arg or "1")
    return c.name(p, "first")


def h_st(c, arg):
    key, form = _arg2(arg, "x")
    return c.name(c.staffp(key or "x"), form or c.pick_form(_NAME_STAFF))


def h_stc(c, arg):
    """staff name with credential after it: 'Kim Dao, RN'."""
    key, cred = _arg2(arg, "x")
    key = key or "x"
    cred = cred or _STAFF_ROLE.get(key, "")
    segs = c.name(c.staffp(key), c.pick_form(_NAME_STAFF))
    if cred:
        segs = segs + [(r_sep(c) + cred, None)]
    return segs


def r_sep(c):
    return c.r.choice([", ", ", ", " "])


def h_dr(c, arg):
    key = arg or "md"
    p = c.staffp(key)
    form = c.r.choices(["fl", "last", "init", "fml"], [5, 4, 1, 1])[0]
    return [("Dr. " if c.r.random() < 0.85 else "Dr ", None)] + c.name(p, form)


def h_spk(c, arg):
    key, role = _arg2(arg, "rn")
    key = key or "rn"
    role = role or _STAFF_ROLE.get(key, "RN")
    p = c.staffp(key)
    segs = c.name(p, c.r.choices(["fl", "first", "init"], [5, 2, 1])[0])
    if c.r.random() < 0.6:
        return segs + [(f" ({role}): ", None)]
    return segs + [(": ", None)]


def h_spell(c, arg):
    p = c.pt if not arg else c.family(arg)[1]
    last = p.last
    sep = c.r.choice(["-", " ", "-", ". "])
    letters = [ch.upper() for ch in last if ch.isalpha()]
    val = sep.join(letters)
    if sep == ". ":
        val += "."
    return [(val, "NAME")]


def h_date(c, arg):
    kind, fmt = _arg2(arg, "today")
    d = c.date_of(kind)
    r = c.r
    if fmt is None:
        if kind == "dob":
            fmt = c.ddob if r.random() < 0.6 else r.choices(_DFMT_DOB, _DFMT_DOB_W)[0]
        else:
            fmt = c.dfmt if r.random() < 0.55 else r.choices(_DFMT_ALL, _DFMT_W)[0]
            if fmt in ("th", "spoken_md") and kind not in ("fut", "recent", "past"):
                fmt = "BdY"
            if kind == "odob" and fmt in ("th", "md", "bd", "Bdth", "dM", "spoken_md"):
                fmt = "mdY"
    return _render_date(r, d, fmt)


def _age_segs(r, n, numonly=False, words=None):
    lab = "AGE" if n > 89 else None
    if words is None:
        words = r.random() < 0.12
    v = _words(n) if words else str(n)
    if numonly:
        return [(v, lab)]
    if words:
        pre, suf = r.choice(
            [("", " years old"), ("", " year old"), ("age ", ""), ("", " y/o"), ("aged ", "")]
        )
    else:
        pre, suf = r.choice(
            [
                ("", " y/o"),
                ("", " y/o"),
                ("", " yo"),
                ("", " y.o."),
                ("", "-year-old"),
                ("", " year old"),
                ("", " years old"),
                ("age ", ""),
                ("aged ", ""),
                ("", " yrs"),
                ("", " YO"),
                ("", " y"),
            ]
        )
    out = []
    if pre:
        out.append((pre, None))
    out.append((v, lab))
    if suf:
        out.append((suf, None))
    return out


def h_age(c, arg):
    r = c.r
    if arg in (None, "", "pt"):
        return _age_segs(r, c.age)
    if arg == "n":
        return _age_segs(r, c.age, True)
    if arg == "w":
        return _age_segs(r, c.age, True, True)
    if arg == "old":
        return _age_segs(r, r.randint(90, 105))
    if arg == "oldn":
        return _age_segs(r, r.randint(90, 104), True)
    if arg == "young":
        return _age_segs(r, r.randint(18, 89))
    if arg == "youngn":
        return _age_segs(r, r.randint(18, 89), True)
    if arg == "kid":
        return str(r.randint(1, 17))
    if arg == "any":
        return _age_segs(
            r, r.choice([r.randint(20, 89), r.randint(70, 89), r.randint(90, 103)]), True
        )
    return _age_segs(r, c.age)


def h_sex(c, arg):
    return c.pt.sex


def h_mf(c, arg):
    return "male" if c.pt.sex == "M" else "female"


def h_man(c, arg):
    return "man" if c.pt.sex == "M" else "woman"


def _pron(c, m, f):
    return m if c.pt.sex == "M" else f


def h_he(c, a):
    return _pron(c, "he", "she")


def h_He(c, a):
    return _pron(c, "He", "She")


def h_his(c, a):
    return _pron(c, "his", "her")


def h_His(c, a):
    return _pron(c, "His", "Her")


def h_him(c, a):
    return _pron(c, "him", "her")


def h_city(c, arg):
    r = c.r
    x = r.random()
    if arg == "for" or (arg is None and x < 0.04):
        return [(r.choice(_FOREIGN_CITIES), "GEO")]
    if x < 0.45:
        return [(c.fake["en_US"].city(), "GEO")]
    return [(r.choice(_US_CITIES), "GEO")]


def h_zip(c, arg):
    r = c.r
    z = f"{r.randint(1, 99):02d}{_d(r, 3)}"
    if r.random() < 0.12:
        z += "-" + _d(r, 4)
    return [(z, "GEO")]


def h_county(c, arg):
    return [(c.r.choice(_COUNTIES), "GEO")]


def h_hood(c, arg):
    r = c.r
    h = r.choice(_HOODS)
    if h.startswith("the "):
        return [("the ", None), (h[4:], "GEO")]
    return [(h, "GEO")]


def h_geo(c, arg):
    x = c.r.random()
    if x < 0.55:
        return h_city(c, None)
    if x < 0.7:
        return h_county(c, None)
    if x < 0.9:
        return h_hood(c, None)
    return h_zip(c, None)


def h_state(c, arg):
    return c.r.choice(_STATES)


def h_stab(c, arg):
    return c.r.choice(_STATE_AB)


def _street(c):
    r = c.r
    x = r.random()
    if x < 0.45:
        return c.fake["en_US"].street_address()
    if x < 0.75:
        s = f"{r.randint(1, 9999)} {r.choice(_STREET_NAMES)} {r.choice(_STREET_SUF)}"
        if r.random() < 0.15:
            s = f"{r.randint(100, 9999)} {r.choice('NSEW')} {r.choice(_STREET_NAMES)} {r.choice(_STREET_SUF)}"
        if r.random() < 0.25:
            s += r.choice(
                [
                    f" Apt {r.randint(1, 40)}{r.choice(['', 'B', 'C'])}",
                    f", Apt. {r.randint(100, 999)}",
                    f" #{r.randint(1, 400)}",
                    f" Unit {r.randint(1, 30)}",
                    f", Lot {r.randint(1, 90)}",
                    f" Trlr {r.randint(1, 60)}",
                ]
            )
        return s
    if x < 0.82:
        return r.choice(
            [
                f"PO Box {r.randint(10, 9999)}",
                f"P.O. Box {r.randint(10, 9999)}",
                f"RR {r.randint(1, 9)} Box {r.randint(1, 300)}",
            ]
        )
    if x < 0.87:
        return c.fake["es_MX"].street_address()
    if x < 0.9:
        return c.fake["de_DE"].street_address()
    if x < 0.93:
        return c.fake["fr_FR"].street_address()
    if x < 0.95:
        return c.fake["pl_PL"].street_address()
    return f"{r.randint(1, 999)} {r.choice(['Calle', 'Avenida', 'Camino'])} {r.choice(['Juárez', 'Hidalgo', 'Morelos', 'del Sol', 'Real', '5 de Mayo'])}"


def h_street(c, arg):
    return [(c.cached("street", lambda: _street(c)), "ADDRESS")]


def h_addr(c, arg):
    r = c.r
    st = c.cached("street", lambda: _street(c))
    x = r.random()
    out = [(st, "ADDRESS")]
    if x < 0.35:
        out += (
            [(", ", None)]
            + h_city(c, "us")
            + [(", " + r.choice(_STATE_AB + _STATES) + " ", None)]
            + h_zip(c, None)
        )
    elif x < 0.5:
        out += (
            [(", ", None)]
            + h_city(c, "us")
            + [(" " + r.choice(_STATE_AB) + " ", None)]
            + h_zip(c, None)
        )
    elif x < 0.7:
        out += [(", ", None)] + h_city(c, "us")
    elif x < 0.8:
        out += [(" ", None)] + h_city(c, "us") + [(" ", None)] + h_zip(c, None)
    elif x < 0.88:
        out += [(", ", None)] + h_city(c, "us") + [(", " + r.choice(_STATES), None)]
    # else: street only
    return out


def h_phone(c, arg):
    return [(gen_phone(c.r, arg == "sp"), "PHONE")]


def h_fax(c, arg):
    return [(gen_phone(c.r, arg == "sp"), "FAX")]


def h_email(c, arg):
    r = c.r
    if arg == "st":
        p = c.staffp(r.choice(["rn", "cm", "sw", "md"]))
    elif arg and arg.startswith("fam"):
        p = c.family(arg[3:] or "1")[1]
    elif arg == "pt" or arg is None:
        p = c.pt
    else:
        p = c.person()
    x = r.random()
    fi = _ascii(p.first).lower().replace(" ", "").replace("'", "")
    la = _ascii(p.last).lower().replace(" ", "").replace("'", "")
    fi = re.sub(r"[^a-z0-9]", "", fi) or "pt"
    la = re.sub(r"[^a-z0-9.\-]", "", la) or "x"
    if x < 0.15:
        return [(c.fake["en_US"].free_email(), "EMAIL")]
    if arg == "st" and x < 0.55:
        dom = r.choice(
            [
                "hospital.org",
                "health.org",
                "med.example.edu",
                "stmarys.org",
                "uhs.net",
                "mercyhealth.org",
                c.fake["en_US"].domain_name(),
            ]
        )
        return [(f"{fi[0]}{la}@{dom}", "EMAIL")]
    user = r.choice(
        [
            f"{fi}.{la}",
            f"{fi}{la}{r.randint(1, 99)}",
            f"{fi[0]}{la}",
            f"{la}{fi[0]}{r.randint(50, 99)}",
            f"{fi}_{la}",
            f"{fi}{r.randint(1950, 2005)}",
            f"{la}.{fi}",
            f"{fi}.{la[:1]}{r.randint(1, 9)}",
        ]
    )
    return [(f"{user}@{r.choice(_EMAIL_DOM)}", "EMAIL")]


def h_ssn(c, arg):
    return [(gen_ssn(c.r, arg == "sp"), "SSN")]


def h_ssn4(c, arg):
    return [(c.cached("ssn4", lambda: gen_ssn4(c.r)), "SSN")]


def h_mrn(c, arg):
    v = c.cached("mrn", lambda: gen_mrn(c.r))
    if arg == "sp":
        return [(_spell_code(c.r, v), "MRN")]
    return [(v, "MRN")]


def h_hp(c, arg):
    v = c.cached("hp", lambda: gen_hp(c.r))
    if arg == "sp":
        return [(_spell_code(c.r, v), "HEALTH_PLAN")]
    if arg == "new":
        return [(gen_hp(c.r), "HEALTH_PLAN")]
    return [(v, "HEALTH_PLAN")]


def h_acct(c, arg):
    if arg == "new":
        return [(gen_acct(c.r), "ACCOUNT")]
    return [(c.cached("acct", lambda: gen_acct(c.r)), "ACCOUNT")]


def h_lic(c, arg):
    kind = arg or "dl"
    last = c.pt.last if kind == "dl" else c.staffp("md").last
    if kind == "dl":
        return [(c.cached("dl", lambda: gen_license(c.r, "dl", last)), "LICENSE")]
    return [(gen_license(c.r, kind, last), "LICENSE")]


def h_plate(c, arg):
    v = c.cached("plate", lambda: gen_plate(c.r))
    if arg == "sp":
        return [(_spell_code(c.r, v), "VEHICLE")]
    return [(v, "VEHICLE")]


def h_vin(c, arg):
    return [(c.cached("vin", lambda: gen_vin(c.r)), "VEHICLE")]


def h_dev(c, arg):
    return [(gen_device(c.r, arg), "DEVICE")]


def h_url(c, arg):
    r = c.r
    p = c.pt
    fi = re.sub(r"[^a-z]", "", _ascii(p.first).lower()) or "pt"
    la = re.sub(r"[^a-z]", "", _ascii(p.last).lower()) or "x"
    kind = arg or r.choice(["care", "fund", "tele", "portal", "zoom", "fb", "gen", "photo"])
    if kind == "care":
        u = f"https://www.caringbridge.org/visit/{fi}{la}"
    elif kind == "fund":
        u = r.choice(
            [f"https://www.gofundme.com/f/help-{fi}-{la}", f"gofundme.com/f/{fi}-{la}-medical-fund"]
        )
    elif kind == "tele":
        u = f"https://{r.choice(['telehealth', 'vv', 'meet', 'video'])}.{c.fake['en_US'].domain_name()}/join/{_an(r, 8).lower()}"
    elif kind == "portal":
        u = f"https://mychart.{c.fake['en_US'].domain_word()}health.org/MyChart/proxy?id={_d(r, 7)}"
    elif kind == "zoom":
        u = r.choice(
            [
                f"https://zoom.us/j/{_nz(r, 10)}",
                f"https://us02web.zoom.us/j/{_nz(r, 11)}?pwd={_an(r, 12)}",
                f"https://teams.microsoft.com/l/meetup-join/{_hx(r, 12).lower()}",
            ]
        )
    elif kind == "fb":
        u = r.choice(
            [
                f"facebook.com/{fi}.{la}.{_d(r, 2)}",
                f"https://www.instagram.com/{fi}_{la}{_d(r, 2)}/",
            ]
        )
    elif kind == "photo":
        u = f"https://photos.app.goo.gl/{_an(r, 16)}"
    else:
        u = c.fake["en_US"].url() + r.choice(["", f"{fi}-{la}", f"u/{_d(r, 6)}"])
    return [(u, "URL")]


def h_ip(c, arg):
    return [(gen_ip(c.r), "IP")]


def h_bio(c, arg):
    return [(gen_bio(c.r, arg), "BIOMETRIC")]


def h_photo(c, arg):
    return [(gen_photo(c.r, c.today, arg), "PHOTO")]


def h_room(c, arg):
    return [(c.cached("room", lambda: gen_room(c.r)), "OTHER_ID")]


def h_bed(c, arg):
    return [(c.cached("bed", lambda: gen_bed(c.r)), "OTHER_ID")]


def h_chair(c, arg):
    return [(c.cached("chair", lambda: gen_chair(c.r)), "OTHER_ID")]


def h_study(c, arg):
    return [(c.cached("study", lambda: gen_study(c.r)), "OTHER_ID")]


def h_badge(c, arg):
    return [(gen_badge(c.r), "OTHER_ID")]


def h_case(c, arg):
    return [(gen_case(c.r, c.today.year), "OTHER_ID")]


def h_auth(c, arg):
    return [(gen_auth(c.r), "OTHER_ID")]


def h_band(c, arg):
    r = c.r
    return [
        (
            c.cached(
                "band", lambda: r.choice([f"BB{_d(r, 6)}", f"{_u(r, 1)}{_d(r, 5)}", _nz(r, 6)])
            ),
            "OTHER_ID",
        )
    ]


def h_pager(c, arg):
    r = c.r
    return [(r.choice([_nz(r, 4), f"{_nz(r, 3)}-{_d(r, 4)}", _nz(r, 5)]), "PHONE")]


def h_ext(c, arg):
    return [(_nz(c.r, c.r.choice([4, 5])), "PHONE")]


def h_locker(c, arg):
    return [(gen_locker(c.r), "OTHER_ID")]


# ---- non-PHI
def h_drug(c, arg):
    return c.r.choice(_DRUGS.get(arg or "gen", _DRUGS["gen"]))


def _lab(r):
    name, lo, hi, dec, unit = r.choice(_LABS)
    v = r.uniform(lo, hi)
    return f"{name} {v:.{dec}f}{unit}" if dec else f"{name} {int(round(v))}{unit}"


def h_lab(c, arg):
    return _lab(c.r)


def h_labs(c, arg):
    r = c.r
    return ", ".join(_lab(r) for _ in range(r.randint(2, 4)))


def h_vs(c, arg):
    r = c.r
    parts = [
        f"BP {r.randint(84, 182)}/{r.randint(42, 104)}",
        f"HR {r.randint(52, 132)}",
        f"RR {r.randint(12, 32)}",
        f"SpO2 {r.randint(86, 100)}%"
        + r.choice(["", " RA", " on 2L NC", " on 4L", " on 40% FiO2", " on HFNC 40L/60%"]),
        r.choice(
            [
                f"T {r.randint(358, 392) / 10:.1f} C",
                f"T {r.randint(965, 1028) / 10:.1f}F",
                f"Tmax {r.randint(372, 394) / 10:.1f}",
            ]
        ),
    ]
    if r.random() < 0.4:
        parts.append(f"MAP {r.randint(55, 105)}")
    if r.random() < 0.3:
        parts.append(f"pain {r.randint(0, 10)}/10")
    return r.choice([", ", " | ", "  ", "; "]).join(parts)


def h_score(c, arg):
    return c.r.choice(_SCORES)(c.r)


def h_gcs(c, arg):
    return _SCORES[0](c.r)


def h_time(c, arg):
    r = c.r
    hh, mm = r.randint(0, 23), r.choice([0, 0, 5, 10, 15, 20, 30, 30, 40, 45, 50, 55])
    x = r.random()
    if x < 0.45:
        return f"{hh:02d}{mm:02d}"
    if x < 0.75:
        return f"{hh:02d}:{mm:02d}"
    h12 = hh % 12 or 12
    ap = "am" if hh < 12 else "pm"
    if x < 0.9:
        return f"{h12}:{mm:02d} {ap}"
    return f"{h12}{ap}" if mm == 0 else f"{h12}:{mm:02d}{ap.upper()}"


def h_dur(c, arg):
    r = c.r
    return r.choice(
        [
            f"{r.randint(2, 14)} days",
            f"x{r.randint(2, 5)} days",
            f"{r.choice([24, 48, 72])} hrs",
            f"{r.randint(2, 8)} wks",
            f"{r.randint(10, 90)} min",
            f"{r.randint(2, 18)} months",
            f"{r.randint(2, 30)} yrs",
            f"{r.randint(1, 3)} weeks",
            "overnight",
            f"{r.randint(3, 10)} hours",
        ]
    )


def h_unit(c, arg):
    return c.r.choice(_UNITS)


def h_year(c, arg):
    return str(c.r.randint(1979, c.today.year))


def h_icd(c, arg):
    return c.r.choice(_ICD)


def h_cpt(c, arg):
    return c.r.choice(_CPT)


def h_gene(c, arg):
    return c.r.choice(_GENES)


def h_var(c, arg):
    return c.r.choice(_VARIANTS)


def h_n(c, arg):
    a, b = arg.split("-")
    return str(c.r.randint(int(a), int(b)))


def h_x(c, arg):
    a, b = arg.split("-")
    return f"{c.r.uniform(float(a), float(b)):.1f}"


def h_c(c, arg):
    return c.r.choice(arg.split("|"))


def h_dx(c, arg):
    return c.r.choice(_DX.get(arg or "gen", _DX["gen"]))


def h_pmh(c, arg):
    r = c.r
    return ", ".join(r.sample(_PMH, r.randint(2, 5)))


def h_allergy(c, arg):
    return c.r.choice(_ALLERGY)


def h_code(c, arg):
    return c.r.choice(_CODE)


def h_lang(c, arg):
    return c.cached("lang", lambda: c.r.choice(_LANG))


def h_payer(c, arg):
    return c.r.choice(_PAYER)


def h_devm(c, arg):
    return c.r.choice(_DEV_MODEL)


def h_dme(c, arg):
    return c.r.choice(_DME_VENDOR)


def h_fac(c, arg):
    return c.r.choice(_FACILITY_KIND)


_SEC_ABBR = {
    "Neuro": "N",
    "Respiratory": "Resp",
    "Cardiovascular": "CV",
    "Gastrointestinal": "GI",
    "Genitourinary": "GU",
    "Skin": "Skin",
    "Situation": "S",
    "Background": "B",
    "Assessment": "A",
    "Recommendation": "R",
    "Subjective": "S",
    "Objective": "O",
    "Plan": "P",
}


def h_S(c, arg):
    s = c.sec
    if s == "caps":
        return arg.upper() + ":"
    if s == "terse":
        return _SEC_ABBR.get(arg, arg) + ":"
    if s == "md":
        return f"**{arg}**"
    if s == "dash":
        return f"{arg} -"
    if s == "brk":
        return f"[{arg.upper()}]"
    return arg + ":"


_HANDLERS = {k[2:]: v for k, v in list(globals().items()) if k.startswith("h_") and callable(v)}


# ==========================================================================
# style 1: ICU flowsheet entries
# ==========================================================================
_ICU_NEG = [
    "{S:Neuro} {gcs}, {c:RASS 0|RASS -1|RASS -2|CAM-ICU negative|CAM-ICU positive}, pupils {n:2-5} mm PERRL, follows commands {c:intermittently|consistently|no}",
    "{S:Neuro} RASS {c:-2|-1|0|-3}, CAM-ICU {c:negative|positive|UTA}, sedation vacation at {time} tolerated {c:well|poorly}",
    "{S:Respiratory} {c:AC/VC|PRVC|PSV|APRV} TV {n:340-520} PEEP {n:5-16} FiO2 {n:30-100}% RR {n:12-28}; ETT {c:7.0|7.5|8.0} @ {n:21-25} cm at lip",
    "{S:Respiratory} HFNC {n:30-60} L/{n:40-90}%, WOB {c:mildly increased|improved|unchanged}, coarse BS bilat, suctioned x{n:1-4} for {c:thick tan|thin white|blood-tinged} secretions",
    "{S:Cardiovascular} {c:NSR|sinus tach|AFib RVR|V-paced|SB} {n:55-140}, MAP goal >65, on {drug:icu}",
    "Swan-Ganz: CO {x:2.8-6.5}, CI {x:1.6-3.4}, PAP {n:28-60}/{n:12-30}, PCWP {n:8-28}, SVR {n:600-1800}",
    "{S:Gastrointestinal} OGT to LIWS, {c:TF Vital 1.5 @ 45 mL/hr|TF held for extubation|NPO}, BM {c:x1 loose|none since admit|x2, FMS in place}",
    "{S:Genitourinary} Foley {c:draining clear yellow|draining amber|removed at 0600}, UOP {n:15-120} mL/hr, CRRT {c:running, UF net -50/hr|paused for filter clot|not running}",
    "{S:Skin} Braden {n:8-16}, sacrum {c:intact|stage 2 with foam dressing|DTI noted}, heels offloaded with Prevalon boots, turned q2h",
    "Lines: {c:R IJ TLC|L subclavian CVC|R femoral HD cath} day {n:1-12}, {c:L radial|R radial|R femoral} art line, PIV x{n:1-3}; CHG bath done",
    "Drips: {drug:icu}; {drug:icu}",
    "Labs {time}: {labs}",
    "ABG {time}: 7.{n:18-46}/{n:28-68}/{n:55-140}/{n:14-30}, lactate {x:0.9-6.0}",
    "I&O: in {n:900-3600} mL / out {n:400-2900} mL, net {c:+|-}{n:100-1800}",
    "Glucose {n:88-310} at {time}, insulin gtt titrated per protocol",
    "Restraints: {c:bilateral soft wrist|none|mitts}, order renewed {time}, circulation checks q2h WNL",
    "Events: at {time} desat to {n:78-88}%, bagged and suctioned, recovered to {n:92-98}%, RT at bedside",
    "CIWA {n:4-26}, lorazepam per protocol; {c:RASS 0|RASS +1|CAM-ICU negative|no hallucinations}",
    "VS {vs}",
    "VAP bundle: HOB 30 deg, oral care q4h with chlorhexidine, SAT/SBT {c:passed|failed|deferred}",
    "Sepsis bundle: lactate repeated, 30 mL/kg LR given, BCx x2 drawn before abx",
    "Pain: CPOT {n:0-6}; {c:fentanyl 25 mcg IV|hydromorphone 0.5 mg IV|morphine 2 mg IV|acetaminophen 1 g IV} PRN given x{n:1-3}",
    "Isolation: {c:contact - MRSA|droplet|airborne|contact plus - C. diff|standard}",
    "Code status: {code}; dx {icd}, {icd}",
    "Mobility: {c:dangled at EOB|chair position x1 hr|passive ROM only|up to chair with lift}, early mobility level {n:1-4}",
    "EVD open at {n:10-20} cm H2O, ICP {n:6-28}, CPP {n:55-85}, drainage {n:2-18} mL/hr clear",
    "CVP {n:2-18}, ScvO2 {n:55-78}%, PPV {n:6-18}%",
]
_ICU_PHI = [
    "Family: {famx} at bedside at {time}, updated by {dr}; prefers call at {phone}",
    "{famr:1} {fam:1} called at {time} for update; info given per pt's prior consent",
    "Pt ID verified with two identifiers and palm vein scan ({bio:palm})",
    "{devm} in place, console SN {dev}",
    "Enrolled in {c:SEDATE|ICU-REHAB|sepsis fluids} trial, subject ID {study}; coordinator {st:z} notified",
    "Transferred from {unit} bed {bed} on {date:adm}",
    "Next of kin: {famx:2}, {phone}",
    "Belongings in locker {locker}: wallet, phone, glasses",
    "Interpreter {st:interp} ({lang}), badge {badge}, used for family update",
    "Chaplain {st:chap} visited; {famr:1} requested a blessing",
    "RT {stc:rt} adjusted PEEP at {time}",
    "Intensivist {dr}; fellow {dr:md2}",
    "Admit {date:adm} from {c:ED|OSH|OR|floor}; ICU day {n:1-15}",
    "Skin photo {photo} uploaded to media tab",
    "DOB {date:dob} verified on band",
    "Tele-ICU camera session by {dr:md2} at {time}; remote workstation IP {ip}",
    "Pyxis override witnessed; nurse fingerprint ID {bio:fp}",
]
_ICU_TERSE_NEG = [
    "{time} pt {c:restless|agitated|calm|grimacing}, RASS {c:+2|+1|0|-1}, {c:fent bolus 25 mcg given|precedex up to 0.8|reoriented, calmer}",
    "{time} turned and repositioned, skin checked, {c:no new breakdown|sacral redness blanchable}",
    "{time} {c:K|Mg|Phos} replaced per protocol",
    "{time} levo {c:weaned|up-titrated} to {x:0.02-0.3} mcg/kg/min for MAP {n:58-72}",
    "{time} BG {n:70-290}, gtt rate {c:unchanged|increased|decreased}",
    "{time} CXR done, ETT position ok, {c:no PTX|RLL opacity unchanged}",
    "{time} SBT on PS 5/5, RSBI {n:40-130}, {c:tolerating|failed, back to AC}",
    "{time} UOP {n:10-35} mL x2 hrs, MD aware, {c:bolus 500 mL LR|lasix 40 IV} given",
    "{time} temp {x:37.9-39.6}, cultures sent, cooling blanket on",
    "{time} CRRT filter clotted, circuit changed",
    "{time} bath, linen change, oral care",
]
_ICU_TERSE_PHI = [
    "{time} {famr:1} {fam:1,first} called, updated; wants call w/ any change {phone}",
    "{time} {dr} at bedside, aware of {c:lactate|UOP|K 5.9|new AFib}",
    "{time} {famx:2} and {fam:3} visiting, {c:tearful|asking about trach|brought photos}",
    "{time} moved to bed {bed} for CRRT",
    "{time} transport to CT with {st:rn2}, RN",
]


def _st_icu(c, nophi):
    r = c.r
    mode = r.choice(["kv", "kv", "caps", "table", "terse", "bullets"])
    c.sec = {
        "kv": r.choice(["kv", "kv", "dash", "md"]),
        "caps": "caps",
        "table": "kv",
        "terse": "terse",
        "bullets": r.choice(["kv", "terse"]),
    }[mode]
    c.neg = _ICU_TERSE_NEG if mode == "terse" else _ICU_NEG
    if mode == "bullets":
        c.bullet = r.choice(["- ", "* ", "• "])
    if nophi:
        c.h(
            r.choice(
                [
                    "ICU FLOWSHEET - {unit}",
                    "{unit} nursing flowsheet, {c:day|night} shift",
                    "Critical care flowsheet ({unit})",
                    "FLOWSHEET {unit} {time}-{time}",
                ]
            )
        )
    else:
        c.h(
            r.choice(
                [
                    "ICU FLOWSHEET - {unit} Bed {bed}",
                    "{unit} Flowsheet | Bed {bed} | {date}",
                    "Unit: {unit}   Rm {room}   Date: {date}",
                    "{unit} / BED {bed} / {date} / {c:DAY|NIGHT} SHIFT",
                    "Critical Care Nursing Flowsheet {date} {c:0700-1900|1900-0700}",
                    "{unit} bed {bed} -- {pt:hdr} -- {date}",
                ]
            ),
            case="upper" if mode == "caps" else None,
        )
        c.h(
            r.choice(
                [
                    "Patient: {pt:hdr}   MRN: {mrn}",
                    "Name: {pt:hdr}  DOB: {date:dob}  MRN {mrn}",
                    "{pt:hdr} | {age} {sex} | MRN {mrn} | FIN {acct}",
                    "Pt {pt:hdr}, {age}, {n:48-131} kg, {allergy}",
                    "PT NAME: {pt:LF}   ACCT#: {acct}   ATTENDING: {dr}",
                    "MRN {mrn} / {pt:hdr} / {age}",
                ]
            )
        )
    if mode == "table":
        cols = r.choice(
            [
                ["Time", "HR", "BP", "MAP", "RR", "SpO2", "Temp"],
                ["Time", "HR", "ABP", "CVP", "SpO2", "RASS", "UOP"],
                ["TIME", "HR", "NIBP", "RR", "SPO2", "GCS", "PAIN"],
            ]
        )
        c.x(" | ".join(cols))
        hh = r.randint(0, 23)
        for k in range(r.randint(3, 7)):
            row = [f"{(hh + k) % 24:02d}00"]
            for col in cols[1:]:
                cu = col.upper()
                if cu == "HR":
                    row.append(str(r.randint(55, 135)))
                elif cu in ("BP", "ABP", "NIBP"):
                    row.append(f"{r.randint(82, 178)}/{r.randint(40, 98)}")
                elif cu == "MAP":
                    row.append(str(r.randint(56, 104)))
                elif cu == "RR":
                    row.append(str(r.randint(12, 34)))
                elif cu == "SPO2":
                    row.append(f"{r.randint(86, 100)}")
                elif cu == "TEMP":
                    row.append(f"{r.randint(358, 394) / 10:.1f}")
                elif cu == "CVP":
                    row.append(str(r.randint(2, 16)))
                elif cu == "RASS":
                    row.append(r.choice(["-2", "-1", "0", "+1", "-3"]))
                elif cu == "UOP":
                    row.append(str(r.randint(10, 150)))
                elif cu == "GCS":
                    row.append(str(r.randint(6, 15)))
                else:
                    row.append(str(r.randint(0, 8)))
            c.x(" | ".join(row))
        c.some(_ICU_NEG, 2, 5)
        if not nophi:
            c.some(_ICU_PHI, 1, 3)
    elif mode == "terse":
        items = [(0, t) for t in r.sample(_ICU_TERSE_NEG, r.randint(3, 7))]
        if not nophi:
            items += [(1, t) for t in r.sample(_ICU_TERSE_PHI, r.randint(1, 3))]
        r.shuffle(items)
        for _, t in items:
            c.b(t)
    else:
        pool = [(0, t) for t in r.sample(_ICU_NEG, r.randint(4, 10))]
        if not nophi:
            pool += [(1, t) for t in r.sample(_ICU_PHI, r.randint(1, 4))]
        r.shuffle(pool)
        for _, t in pool:
            c.b(t)
    if not nophi:
        c.f(
            r.choice(
                [
                    "RN: {stc:rn}  {date} {time}",
                    "Signed {stc:rn} {time}",
                    "-- {st:rn} RN / co-sign {st:rn2} RN",
                    "Electronically signed by {stc:rn} on {date} at {time}",
                    "{st:rn,init}, RN",
                ]
            )
        )
    else:
        c.f(
            r.choice(
                [
                    "End of shift summary complete.",
                    "Flowsheet reviewed and signed.",
                    "Report given at {time}.",
                ]
            )
        )


# ==========================================================================
# style 2: nursing handoff, SBAR
# ==========================================================================
_SBAR_S = [
    "{pt} in {c:rm|room|bed} {room}, {age} {mf}, admitted {date:adm} for {dx}.",
    "{age} {sex} {pt:hdr} (MRN {mrn}) in {room}, POD {n:1-5} s/p {c:ex lap|CABG x3|R hemicolectomy|Whipple|TKA|lap chole}.",
    "Handing off {pt} in {unit} bed {bed}; {c:increasing O2 needs|new confusion|soft BPs|stable night}.",
    "{ptt}, {age}, {unit} rm {room}, here since {date:adm} with {dx:icu}.",
    "Pt {pt}, DOB {date:dob}, {c:rapid response called at|transferred up at|febrile at} {time}.",
]
_SBAR_S_NEG = [
    "Increasing O2 needs overnight, now on {n:3-6}L NC.",
    "Pt had an uneventful night; pain controlled.",
    "New onset AFib with RVR at {time}, rates {n:120-160}.",
    "Hypotensive to {n:70-88}/{n:40-52} after {c:diuresis|HD|PCA bolus}.",
]
_SBAR_B = [
    "Lives with {famx} in {city}; {c:independent at baseline|uses a walker|bedbound at baseline}.",
    "Admitted {date:adm} with {dx:icu}; {c:CT A/P|CXR|echo} {c:showed|without} {c:RLL infiltrate|free air|EF 30%}.",
    "PCP {dr:md2} notified {date:recent}.",
    "{famr:1} {fam:1} is {c:HCPOA|primary contact|decision maker}, phone {phone}.",
    "Transferred from {city} {c:Regional|Community} on {date:adm}.",
]
_SBAR_B_NEG = [
    "PMH {pmh}. Allergies: {allergy}. {code}.",
    "Home meds: {drug}, {drug}.",
    "Hx {pmh}; {c:former smoker|never smoker|2 ppd smoker}, {c:no EtOH|EtOH 6 beers/day|social EtOH}.",
    "Baseline {c:A&O x4|mild dementia|A&O x2}, {c:ambulatory|wheelchair user|uses 2WW}.",
    "Dx codes {icd}, {icd}.",
]
_SBAR_A_NEG = [
    "{vs}.",
    "{gcs}, {c:oriented x3|oriented to self only|intermittently confused}, {score}.",
    "Labs this AM: {labs}.",
    "{c:Lungs diminished at bases|Crackles bilat|Lungs clear}, {c:abd soft|abd distended, tympanic}, {c:+BS|hypoactive BS}.",
    "Pain {n:2-9}/10, last dose {c:oxycodone 5 mg|hydromorphone 0.5 mg IV|acetaminophen 650 mg|morphine 2 mg IV|tramadol 50 mg} at {time}.",
    "Foley in, UOP {n:20-90} mL/hr; last BM {c:yesterday|3 days ago|today}.",
    "Skin: Braden {n:10-18}, {c:coccyx stage 2|intact|MASD in groin}.",
    "Drains: JP x{n:1-2} {c:serosanguinous|serous} {n:20-150} mL/shift.",
    "Telemetry: {c:NSR|SR with PVCs|AFib 90s|1st degree AVB}.",
]
_SBAR_R = [
    "{famr:1} {fam:1} would like a call at {phone} after rounds.",
    "Please page {dr} if {c:MAP <65|UOP <30 mL/hr|K >5.5}.",
    "{famx:2} visiting at {time}; family wants {c:a chaplain|the priest|an update}.",
    "Follow-up appt with {dr:md2} on {date:fut}.",
]
_SBAR_R_NEG = [
    "{c:Recheck|Trend|Repeat} {c:lactate|K|H/H} at {time}; {c:call MD if MAP <65|consider second PIV|hold AM dose if SBP <100}.",
    "Pending: {c:CT head|blood cx|echo|PT eval}; consult to {c:GI|ID|nephrology|palliative} placed.",
    "Fall precautions, bed alarm on, {c:sitter requested|telesitter in place}.",
    "Continue {drug}; NPO after midnight for {c:EGD|IR drain|TEE}.",
    "Needs {c:2nd PIV|repeat BCx|K rider}, then reassess in {dur}.",
]
_SBAR_CHAT = [
    "{spk:rn}handing off {ptt} in {room}, {age}, {dx}",
    "{spk:rn2}ok, code status?",
    "{spk:rn}{code}. {famr:1} {fam:1,first} is the contact, cell {phone}",
    "{spk:rn2}got it. last prn?",
    "{spk:rn}{drug} at {time}, pain {n:2-8}/10 after",
    "{spk:rn}{vs}",
    "{spk:rn2}labs?",
    "{spk:rn}{labs}, md aware",
    "{spk:rn}{fam:1,first} coming in at {time}, pt gets anxious at night",
    "{spk:rn2}k thx. anything else",
    "{spk:rn}{c:q2h turns|strict I&O|fall risk|npo after mn}, bed {bed} alarm on",
]


def _st_sbar(c, nophi):
    r = c.r
    mode = r.choice(["sbar", "sbar", "prose", "chat", "caps"])
    if nophi and mode == "chat":
        mode = "sbar"
    c.sec = {
        "sbar": r.choice(["kv", "terse", "md", "dash"]),
        "prose": "kv",
        "chat": "kv",
        "caps": "caps",
    }[mode]
    if mode == "chat":
        c.case = "lower"
        c.neg = [
            "{spk:rn}pt {c:slept ok|was restless|pulled at iv}, {drug} given at {time}",
            "{spk:rn2}ok",
            "{spk:rn}{labs}",
            "{spk:rn}{vs}",
            "{spk:rn2}any drains?",
            "{spk:rn}jp {n:20-90} ml serosang, dressing c/d/i",
        ]
        c.h("{spk:rn}handoff for {c:rm|bed} {room}")
        k = r.randint(5, len(_SBAR_CHAT))
        for t in _SBAR_CHAT[:k]:
            c.b(t)
        return
    if mode == "prose":
        c.end = " "
        c.neg = _SBAR_A_NEG + _SBAR_R_NEG
        if nophi:
            c.h("Handoff: ")
            for pool in (_SBAR_S_NEG, _SBAR_B_NEG, _SBAR_A_NEG, _SBAR_R_NEG):
                c.some(pool, 1, 3)
            return
        c.h(
            r.choice(
                [
                    "Bedside handoff to {stc:rn2} at {time}. ",
                    "Report given to {st:rn2}, RN. ",
                    "SBAR handoff {date} {time}. ",
                ]
            )
        )
        c.x(r.choice(_SBAR_S))
        c.some(_SBAR_S_NEG, 0, 1)
        c.some(_SBAR_B, 1, 2)
        c.some(_SBAR_B_NEG, 1, 2)
        c.some(_SBAR_A_NEG, 2, 4)
        c.some(_SBAR_R, 0, 2)
        c.some(_SBAR_R_NEG, 1, 2)
        return
    c.neg = _SBAR_A_NEG + _SBAR_B_NEG
    if mode == "caps":
        hdr = "NURSING HANDOFF (SBAR)" if nophi else "NURSING HANDOFF (SBAR) - {date} {time}"
    else:
        hdr = (
            "SBAR handoff"
            if nophi
            else r.choice(
                [
                    "SBAR handoff {date} {c:0700|1900}",
                    "Handoff {stc:rn} -> {stc:rn2}",
                    "I-PASS / SBAR {date}",
                ]
            )
        )
    c.h(hdr)
    bl = r.choice(["", "", "- ", "  "])
    c.bullet = bl
    c.sec_h("{S:Situation}")
    if nophi:
        c.some(_SBAR_S_NEG, 1, 2)
    else:
        c.x(r.choice(_SBAR_S))
    c.sec_h("{S:Background}")
    c.some(_SBAR_B_NEG, 1, 3)
    if not nophi:
        c.some(_SBAR_B, 1, 2)
    c.fill_at = c.sec_h("{S:Assessment}")
    c.neg = _SBAR_A_NEG
    c.some(_SBAR_A_NEG, 2, 4)
    c.sec_h("{S:Recommendation}")
    c.some(_SBAR_R_NEG, 1, 3)
    if not nophi:
        c.some(_SBAR_R, 0, 2)
        if r.random() < 0.5:
            c.f("Handoff given by {stc:rn} to {stc:rn2}, {time}")


# ==========================================================================
# style 3: anaesthesia pre-op and intra-op
# ==========================================================================
_PREOP_NEG = [
    "{S:Airway} Mallampati {c:I|II|III|IV}, TMD >3 FB, MO 3 FB, neck ROM full, {c:full dentition|upper denture removed|loose L upper incisor|edentulous}",
    "ASA {c:II|III|III|IV|IV-E}; {c:RCRI 1|RCRI 2|RCRI 0}; METs {c:<4|>4|~4}",
    "NPO since {time}; last clear liquids {time}",
    "PMH: {pmh}",
    "PSH: {c:lap chole|appendectomy|C-section x2|L TKA|CABG|none}, {c:no anesthesia complications|PONV after last GA|difficult IV access}",
    "Meds: {drug}; {drug}; {c:held|continued} {drug} x {dur}",
    "Family hx: malignant hyperthermia in a {c:cousin|parent|sibling}; {c:RYR1|CACNA1S|STAC3} {var} reported - trigger-free anesthetic planned",
    "Pseudocholinesterase deficiency (BCHE {var}) - avoid succinylcholine and mivacurium",
    "Pharmacogenomics: {c:CYP2D6|CYP2C19|CYP2C9} poor metabolizer; {c:avoid codeine/tramadol|clopidogrel alternative advised|reduce dose}",
    "Labs: {labs}",
    "ECG: {c:NSR, no acute ST changes|AFib rate 80s|LBBB, old|sinus brady 52}; echo {c:EF 55%|EF 35%, mod MR|not done}",
    "Plan: {c:GETA|MAC|spinal|GA with LMA|GA + interscalene block|epidural}; {c:RSI given GERD|standard induction|awake FOI if needed}",
    "Risks discussed incl. sore throat, dental injury, PONV, awareness, aspiration; questions answered",
    "OSA: STOP-BANG {n:3-8}, CPAP at home, plan for capnography in PACU",
    "Wt {n:48-142} kg, Ht {n:150-190} cm, BMI {x:18.5-48.0}",
    "Allergies: {allergy}",
    "Consent: procedure {c:R THA|lap sigmoid colectomy|cysto/TURBT|ORIF L ankle|CABG x3|EGD/ERCP}; CPT {cpt}",
    "Anticoagulation: {c:apixaban held 48h|warfarin held 5 days, INR 1.1|no anticoagulants}",
    "Dx {icd}; ASA physical status reviewed with attending",
]
_PREOP_PHI = [
    "Patient: {pt:hdr}  DOB: {date:dob}  MRN: {mrn}",
    "Surgeon: {dr:md2}   Date of surgery: {date:fut}",
    "Age/Sex: {age:n}/{sex}",
    "Consent signed by {c:patient|POA} {fam:1} ({famr:1}) by phone at {phone:sp}",
    "Interpreter {st:interp} (ID {badge}) used for {lang}",
    "{c:Pacemaker|ICD|CIED}: {c:Medtronic Azure XT DR|Boston Scientific Accolade MRI|Abbott Assurity MRI|Medtronic Micra AV|Biotronik Edora 8 DR-T}, SN {dev}; magnet response confirmed with rep {st:y}",
    "Acct {acct}; case booked for {date:fut}",
    "{pt} reports MH reaction in {fam:2} ({famr:2}) in {year}",
    "Seen in pre-admission testing on {date:recent} by {stc:np}",
    "Ride home: {famx:1}, cell {phone}",
    "Pt identity confirmed: name, DOB {date:dob}, armband MRN {mrn}",
]
_INTRA_NEG = [
    "{time} in room, monitors on, time-out performed",
    "{time} induction: {drug:anes}, {drug:anes}, {drug:anes}",
    "Airway: ETT {c:6.5|7.0|7.5|8.0} cuffed, {c:Mac 3|Mac 4|Miller 2|GlideScope 3} blade, {score}, ETCO2 confirmed, BBS equal, taped at {n:20-24} cm",
    "Maintenance: {c:sevoflurane|desflurane|isoflurane} {x:0.8-2.4}%, {c:remifentanil 0.1 mcg/kg/min|dexmedetomidine 0.5 mcg/kg/hr|propofol 50 mcg/kg/min|fentanyl boluses PRN|ketamine 0.2 mg/kg/hr}",
    "Lines: {c:18g|20g|16g} {c:L hand|R forearm|L AC}, {c:R radial|L radial} art line {c:placed post-induction|not indicated}",
    "{time} {c:phenylephrine 100 mcg|ephedrine 10 mg|glyco 0.2 mg} for {c:MAP 58|HR 44|SBP 82}",
    "EBL {n:50-1200} mL; UOP {n:80-900} mL; crystalloid {n:500-3500} mL LR; {c:no blood products|1 unit PRBC|2 units PRBC, 1 FFP}",
    "Warming: Bair Hugger upper body 43 C; temp {x:35.8-37.4} C",
    "Positioning: {c:supine, arms tucked|lateral decubitus, axillary roll|prone on Jackson table|lithotomy|beach chair}; pressure points padded; {c:Trendelenburg|reverse Trendelenburg}",
    "Emergence: {c:sugammadex 200 mg|neostigmine/glyco}, TOF 4/4, extubated {c:awake|deep} at {time} to 6L face mask",
    "PONV ppx: ondansetron 4 mg, dexamethasone 4 mg; {c:scopolamine patch|no patch}",
    "Antibiotic: cefazolin 2 g at {time}, redose {c:due|given} at {time}",
    "Regional: {c:interscalene|adductor canal|TAP bilateral|ESP|popliteal sciatic} block with {c:ropivacaine 0.5% 20 mL|bupivacaine 0.25% 30 mL|ropivacaine 0.2% 15 mL + dexamethasone 4 mg} under US",
    "Cell saver {n:150-600} mL returned; TXA 1 g given at incision",
    "Uneventful intra-op course; {c:no|1 episode of} hypotension",
    "Anesthesia CPT {cpt}; total anesthesia time {n:60-420} min",
]
_INTRA_PHI = [
    "Pt: {pt:hdr}  MRN {mrn}  Acct {acct}",
    "Implant: {devm}, SN {dev}",
    "Implant log: {c:acetabular shell|femoral stem|tibial tray|mesh}, serial {dev}",
    "To PACU at {time}, bed {bed}; report to {stc:rn}",
    "Anesthesiologist: {dr}   CRNA: {stc:crna}",
    "Surgeon {dr:md2}; assist {st:y}, PA-C",
    "Blood unit issued to {pt:lf}, blood bank band {band}",
]


def _st_anes(c, nophi):
    r = c.r
    intra = r.random() < 0.45
    mode = r.choice(["kv", "kv", "caps", "bullets", "table" if intra else "kv"])
    c.sec = "caps" if mode == "caps" else r.choice(["kv", "dash"])
    c.neg = _INTRA_NEG if intra else _PREOP_NEG
    if mode == "bullets":
        c.bullet = r.choice(["- ", "• "])
    if intra:
        c.h(
            r.choice(
                [
                    "INTRA-OPERATIVE ANESTHESIA RECORD",
                    "Intraop record",
                    "ANESTHESIA RECORD - INTRAOP",
                    "Anesthesia intraop note" + ("" if nophi else " {date}"),
                ]
            )
        )
        if not nophi:
            c.h(_INTRA_PHI[0])
        if mode == "table":
            c.x("Time | Event | Drug/Dose | BP | HR")
            hh = r.randint(6, 16)
            mm = r.choice([0, 15, 30])
            evs = [
                "in room",
                "pre-ox",
                "induction",
                "intubated",
                "incision",
                "lines",
                "closure",
                "reversal",
                "extubated",
                "to PACU",
            ]
            drugs = _DRUGS["anes"]
            t = hh * 60 + mm
            for ev in evs[: r.randint(5, 10)]:
                dg = r.choice(drugs) if r.random() < 0.6 else "-"
                c.x(
                    f"{(t // 60) % 24:02d}{t % 60:02d} | {ev} | {dg} | {r.randint(82, 170)}/{r.randint(40, 96)} | {r.randint(48, 118)}"
                )
                t += r.randint(3, 40)
            c.some(_INTRA_NEG, 2, 4)
        else:
            c.some(_INTRA_NEG, 4, 9)
        if not nophi:
            for t in r.sample(_INTRA_PHI[1:], r.randint(1, 4)):
                c.b(t)
    else:
        c.h(
            r.choice(
                [
                    "ANESTHESIA PRE-OPERATIVE EVALUATION",
                    "Pre-anesthesia assessment",
                    "PREOP ANESTHESIA NOTE",
                    "Anesthesia pre-op eval",
                ]
            )
        )
        if not nophi:
            c.h(r.choice(_PREOP_PHI[:3]))
        c.some(_PREOP_NEG, 4, 9)
        if not nophi:
            for t in r.sample(_PREOP_PHI[3:], r.randint(1, 4)):
                c.b(t)
    if not nophi and r.random() < 0.8:
        c.f(
            r.choice(
                [
                    "{stc:md,MD} {date} {time}",
                    "Attested: {dr} ({time})",
                    "{stc:crna} / {stc:md,MD}",
                    "Signed: {st:md}, MD, DEA {lic:dea}",
                ]
            )
        )


# ==========================================================================
# style 4: wound care and ostomy
# ==========================================================================
_WOUND_NEG = [
    "Wound #{n:1-3}: {c:sacrum|coccyx|R heel|L ischium|L lateral malleolus|R greater trochanter|abdominal incision} {c:stage 3 pressure injury|stage 4 PI|unstageable PI|DTPI|venous ulcer|dehisced surgical wound|arterial ulcer}",
    "Measurements: {x:0.5-9.5} x {x:0.5-8.0} x {x:0.1-3.5} cm; undermining {x:0.3-3.0} cm at {n:1-12} to {n:1-12} o'clock; tunneling {x:0.5-4.0} cm at {n:1-12} o'clock",
    "Wound bed {c:80% red granulation, 20% yellow slough|50% granulation, 50% slough|100% beefy red granulation|30% granulation, 60% slough, 10% black eschar|90% slough, 10% granulation|pale pink granulation with hypergranulation at edges}; exudate {c:scant|small|moderate|large} {c:serous|serosanguinous|purulent}; {c:no odor|mild odor after cleansing}",
    "Periwound: {c:macerated|intact|erythema 1 cm|indurated|callused}; edges {c:attached|rolled (epibole)|undermined}",
    "Tx: cleanse with NS, apply {drug:wound}, cover with {c:foam border|ABD pad|bordered gauze|Mepilex Border|hydrocolloid}; change {c:daily|BID|q3 days and PRN|MWF}",
    "NPWT: -125 mmHg continuous, {c:black|white} foam x{n:1-3} pieces, {c:drape intact|leak at 6 o'clock sealed}; canister {n:20-250} mL serosanguinous",
    "Braden {n:8-18}: sensory {n:1-4}, moisture {n:1-4}, activity {n:1-4}, mobility {n:1-4}, nutrition {n:1-4}, friction/shear {n:1-3}",
    "Offloading: heel boots, Z-Flo positioner, q2h turns; {c:low air loss mattress ordered|Dolphin surface|static overlay}",
    "Labs: {lab}, {lab}; dietitian consult for protein {n:1-2}.{n:0-5} g/kg",
    "ABI {x:0.4-1.3}, toe pressure {n:20-90} mmHg; {c:vascular consult placed|palpable DP/PT pulses|dopplerable only}",
    "{c:Wagner grade 2|Wagner grade 3|NPUAP stage 3|PUSH score 11|PUSH 14}; Bates-Jensen {n:20-48}",
    "Sharp debridement of {c:slough|nonviable tissue} with curette, {x:1.0-12.0} sq cm, CPT {c:97597|11042}; minimal bleeding, hemostasis with pressure",
    "Culture: {c:not indicated|swab via Levine technique sent|bone bx recommended}",
    "ICD-10: {c:L89.153|L89.154|L89.610|L97.412|T81.31XA|L89.95}",
    "Ostomy: {c:end colostomy|loop ileostomy|Brooke ileostomy|urostomy (ileal conduit)|end ileostomy after Hartmann procedure}; stoma {n:20-55} mm round, {c:budded 1 cm|flush|retracted|prolapsed 3 cm}, {c:red moist|dusky|pale}",
    "Mucocutaneous junction {c:intact|separated 2 cm at 3 o'clock}; output {n:50-1400} mL {c:thin green|pasty brown|clear yellow urine}",
    "Peristomal skin: {c:intact|MASD|candidiasis, nystatin powder|irritant dermatitis|pseudoverrucous lesions}",
    "Appliance: {c:Hollister New Image 2-pc 57 mm|Coloplast SenSura Mio convex|ConvaTec Esteem+ flex|Hollister CeraPlus 1-pc}, cut-to-fit {c:1 1/4 in|38 mm|30 mm}; {c:barrier ring|paste strip|belt}; change q{n:3-5} days",
    "Teaching: {c:emptying|pouch change|measuring stoma|skin care|diet/hydration}; return demo {c:independent|with cues|not yet}",
    "High-output ostomy: {c:loperamide 4 mg QID|Metamucil|ORS 1 L/day}; strict I&O",
    "HCPCS {c:A4416|A5063|A4369|A6212|A6196}, qty {n:10-30}/mo",
]
_WOUND_PHI = [
    "Photos: {photo}, {photo} uploaded to media tab",
    "Wound photo {photo} taken {date} by {st:wocn}",
    "Teaching with {ptf} and {famx} - both did return demo",
    "Supplies via {c:Edgepark|Byram|Shield HealthCare|180 Medical}: acct {acct}; ship to {addr}",
    "Supplier phone {phone}, fax orders to {fax}",
    "Follow-up in wound clinic {date:fut} at {time}; clinic line {phone}",
    "NPWT unit {c:3M V.A.C. Ulta|KCI ActiV.A.C.|PICO 7} SN {dev} - return to vendor at discharge",
    "Home health {c:RN|nurse} {st:y} visits MWF; agency fax {fax}",
    "Surgery {date:past} ({c:Hartmann|LAR|cystectomy|ex lap}) by {dr:md2}",
    "{pt} asked that {famr:1} {fam:1,first} be shown the pouch change",
    "Referral from {dr} dated {date:recent}",
    "Pt lives at {addr}; HH agency to deliver supplies",
]


def _st_wound(c, nophi):
    r = c.r
    mode = r.choice(["kv", "caps", "prose", "bullets", "table", "terse"])
    c.sec = {
        "kv": "kv",
        "caps": "caps",
        "prose": "kv",
        "bullets": "kv",
        "table": "kv",
        "terse": "terse",
    }[mode]
    ost = r.random() < 0.4
    c.neg = _WOUND_NEG[14:] if ost else _WOUND_NEG[:14]
    if nophi:
        c.h(
            r.choice(
                [
                    "WOUND CARE CONSULT",
                    "WOC nursing note",
                    "Ostomy follow-up",
                    "Wound/ostomy RN note",
                    "WOUND ASSESSMENT",
                ]
            )
        )
    else:
        c.h(
            r.choice(
                [
                    "WOUND CARE CONSULT {date}",
                    "WOC nursing note - {pt:hdr} - rm {room}",
                    "Ostomy follow-up {date} ({pt:hdr}, MRN {mrn})",
                    "Wound/ostomy RN note  {date} {time}",
                    "WOUND ASSESSMENT | {pt:hdr} | DOB {date:dob} | {unit} {room}",
                ]
            ),
            case="upper" if mode == "caps" else None,
        )
    if mode == "bullets":
        c.bullet = r.choice(["- ", "* ", "o "])
    if mode == "prose":
        c.end = " "
        if not nophi:
            c.x(
                r.choice(
                    [
                        "Seen {pt} today for {c:sacral wound|new ostomy teaching|heel ulcer|dehisced incision}.",
                        "Consulted by {dr} for evaluation of {c:pressure injury|peristomal irritation|stoma retraction}.",
                        "{ptt} ({age}) seen at bedside with {famx} present.",
                    ]
                )
            )
        pool = [
            t + "." for t in r.sample(_WOUND_NEG[14:] if ost else _WOUND_NEG[:14], r.randint(3, 6))
        ]
        for t in pool:
            c.b(t)
        if not nophi:
            for t in r.sample(_WOUND_PHI, r.randint(1, 3)):
                c.b(t + ".")
        return
    if mode == "table":
        c.x("Site | L x W x D (cm) | Bed | Exudate | Stage")
        for _ in range(r.randint(2, 4)):
            c.b(
                "{c:Sacrum|Coccyx|R heel|L heel|L ischium|R hip|Abd incision} | {x:0.4-8.0} x {x:0.4-6.0} x {x:0.1-2.5} | {n:20-100}% gran | {c:scant|small|mod|large} {c:serous|SS|purulent} | {c:2|3|4|U|DTI|n/a}"
            )
    pool = _WOUND_NEG[14:] if ost else _WOUND_NEG[:14]
    items = [(0, t) for t in r.sample(pool, min(len(pool), r.randint(3, 8)))]
    if not nophi:
        items += [(1, t) for t in r.sample(_WOUND_PHI, r.randint(1, 4))]
    r.shuffle(items)
    for _, t in items:
        c.b(t)
    if not nophi and r.random() < 0.7:
        c.f(
            r.choice(
                ["{stc:wocn}", "{st:wocn}, BSN RN CWOCN {date}", "WOC RN: {st:wocn} ext {ext}"]
            )
        )


# ==========================================================================
# style 5: dialysis run sheets
# ==========================================================================
_HD_NEG = [
    "Access: {c:L forearm AVF|R upper arm AVG|L brachiocephalic AVF|R IJ tunneled HD catheter}, {c:+bruit/+thrill|dressing C/D/I|mild infiltration at venous site}; {c:15g|16g|17g} needles x2",
    "Dialyzer: {c:Optiflux 180NR|Optiflux 160NR|Revaclear 400|FX800}; bath {c:2K/2.5Ca|3K/2.5Ca|1K/3.0Ca|4K/2.5Ca}; Na {n:135-142}; bicarb {n:32-38}",
    "Rx: BFR {n:300-450} / DFR {c:500|600|800}, {c:3.5|4|4.25|3.75} hrs, heparin {c:2,000 u bolus + 1,000 u/hr|1,500 u bolus only|none (heparin-free)}",
    "Pre wt {n:48-130}.{n:0-9} kg, EDW {n:48-125}.{n:0-9} kg, UF goal {x:0.5-4.5} L",
    "Post wt {n:48-128}.{n:0-9} kg; net UF {x:0.5-4.2} L",
    "Pre: {vs}",
    "Post: BP {n:88-170}/{n:48-96}, HR {n:58-110}, standing BP {n:80-150}/{n:40-90}",
    "Kt/V {x:1.1-1.8}, URR {n:62-80}%; {c:adequate|below goal, extend time}",
    "Meds given: {drug:dial}; {drug:dial}",
    "Intradialytic {c:hypotension to 84/40 at hr 2, UF off, NS 250 mL|cramping, UF reduced|no events}",
    "Labs drawn pre: {labs}",
    "Monthly labs: {lab}, {lab}, {lab}; binder adherence reviewed",
    "Machine {c:Fresenius 2008T|Fresenius 5008|B. Braun Dialog+} alarms: {c:none|venous pressure high x2, needle repositioned|air detector x1}",
    "AP -{n:120-240} / VP {n:110-260} / TMP {n:20-90}",
    "Cath lock: {c:heparin 1,000 u/mL|citrate 4%|alteplase 2 mg} per lumen",
    "Diet: fluid limit 1 L/day, K <2 g, phos <1 g; IDWG {x:0.8-4.6} kg",
    "Education: fistula care, no BP or sticks in access arm",
    "Dx {c:N18.6|I12.0|E11.22|Z99.2}; CPT {c:90935|90937|90999}",
    "PD: {c:CCPD 5 exchanges x 2 L|CAPD 4 x 2 L 1.5% dextrose}; effluent {c:clear|cloudy, cell count sent}",
    "Transplant w/u: {c:APOL1 high-risk genotype|PRA 12%|HLA typing done}; {c:active on list|on hold|referred}",
]
_HD_PHI = [
    "Transport: {c:MediRide|county paratransit|Access-a-Ride|family} pick-up {time}; driver cell {phone}",
    "Van plate {plate} - driver waiting in bay",
    "Insurance: {payer} member ID {hp}",
    "Emergency contact: {famx}, {phone}",
    "Transplant eval at {c:transplant center|UH|St. Mary's} on {date:fut}; coordinator {st:y}",
    "Missed treatment {date:recent}; pt states {c:had no ride|felt sick|was out of town}, was staying in {city}",
    "Home HD machine NxStage SN {dev} shipped to {addr}",
    "Chair {chair} reassigned to {c:MWF 1st|TTS 2nd|MWF 3rd} shift starting {date:fut}",
    "Pt identity confirmed via fingerprint scan {bio:fp}",
    "Nephrologist {dr} rounded; plan per {dr:md2}",
    "Travel dialysis request: pt visiting {famr:1} in {city} {date:fut} to {date:fut}",
    "Tech {stc:tech}; charge RN {stc:rn}",
]


def _st_dial(c, nophi):
    r = c.r
    mode = r.choice(["kv", "kv", "table", "caps", "terse"])
    c.sec = {"kv": "kv", "table": "kv", "caps": "caps", "terse": "terse"}[mode]
    c.neg = _HD_NEG
    if nophi:
        c.h(
            r.choice(
                [
                    "HEMODIALYSIS TREATMENT RECORD",
                    "HD run sheet",
                    "Dialysis flowsheet - {c:MWF|TTS} {c:1st|2nd|3rd} shift",
                ]
            )
        )
    else:
        c.h(
            r.choice(
                [
                    "HEMODIALYSIS TREATMENT RECORD  {date}",
                    "HD run sheet | {pt:hdr} | Chair {chair} | {date}",
                    "Dialysis flowsheet - {date} - {c:MWF|TTS} {c:1st|2nd|3rd} shift",
                    "HD TX {date}   CHAIR {chair}   PT {pt:LF}",
                ]
            ),
            case="upper" if mode == "caps" else None,
        )
        c.h(
            r.choice(
                [
                    "Patient: {pt:hdr}  MRN {mrn}  Chair {chair}",
                    "{pt:hdr}, {age}, DOB {date:dob}",
                    "MRN {mrn} | {payer} {hp} | Machine SN {dev}",
                    "Pt {pt:hdr} ({age:n} {sex}) Chair {chair}",
                ]
            )
        )
    if mode == "table":
        wide = r.random() < 0.5
        c.x(
            "Time | BP | HR | BFR | VP | AP | TMP | UF vol"
            if wide
            else "TIME | BP | P | Qb | VP | UFR | NOTES"
        )
        hh = r.randint(5, 15)
        notes = [
            "",
            "",
            "",
            "cramping",
            "UF off",
            "NS 250",
            "c/o HA",
            "needle adj",
            "asleep",
            "snack",
        ]
        for k in range(r.randint(3, 7)):
            t = hh * 60 + 30 * k
            bp = f"{r.randint(88, 182)}/{r.randint(44, 98)}"
            if wide:
                c.x(
                    f"{(t // 60):02d}{t % 60:02d} | {bp} | {r.randint(58, 112)} | {r.choice([300, 350, 400, 450])} | {r.randint(110, 250)} | -{r.randint(120, 240)} | {r.randint(20, 90)} | {k * r.randint(250, 700)}"
                )
            else:
                c.x(
                    f"{(t // 60):02d}{t % 60:02d} | {bp} | {r.randint(58, 112)} | {r.choice([300, 350, 400, 450])} | {r.randint(110, 250)} | {r.choice([0, 500, 750, 1000, 1200])} | {r.choice(notes)}".rstrip(
                        " |"
                    )
                )
        c.some(_HD_NEG, 2, 5)
    elif mode == "terse":
        c.some(
            [
                "on at {time}, {c:cannulated x1|cath flushed easily}, BFR {n:300-450}",
                "{time} BP {n:80-150}/{n:40-90}, {c:cramps, UF off 10 min|asymptomatic|c/o nausea, zofran}",
                "off at {time}, needles out, hemostasis {n:5-15} min",
                "post wt {n:50-120}.{n:0-9} kg, UF {x:1.0-4.0} L",
                "{drug:dial} given",
                "K bath {c:2|3}, Ca 2.5",
                "access +bruit/thrill",
            ],
            3,
            6,
        )
        c.some(_HD_NEG, 1, 3)
    else:
        c.some(_HD_NEG, 4, 9)
    if not nophi:
        for t in r.sample(_HD_PHI, r.randint(1, 4)):
            c.b(t)
        if r.random() < 0.6:
            c.f(
                r.choice(
                    [
                        "Tech: {stc:tech}  RN: {stc:rn}",
                        "Signed {stc:rn} {time}",
                        "{st:tech}, CCHT / {st:rn}, RN",
                    ]
                )
            )


# ==========================================================================
# style 6: physical / occupational therapy
# ==========================================================================
_PTOT_NEG = [
    "Bed mobility: {c:mod I|min A|mod A|max A x2|SBA} with {c:HOB elevated|bed rail|log roll precautions}",
    "Transfers: sit<>stand {c:CGA|min A|mod A|SBA} with {c:RW|2WW|no AD|gait belt}; stand-pivot to chair {c:min A|CGA}",
    "Gait: {n:10-300} ft with {c:RW|SPC|hemi-walker|rollator|no AD}, {c:CGA|min A|SBA}; {c:decreased step length|antalgic|shuffling|Trendelenburg} gait, {c:no LOB|1 LOB with self-correction}",
    "Stairs: {n:2-14} steps with {c:L rail|R rail|bilateral rails}, step-to pattern, {c:min A|CGA|unable}",
    "Balance: Berg {n:12-54}/56; TUG {n:9-45} sec; Tinetti {n:8-27}/28; {c:high|moderate|low} fall risk",
    "6MWT {n:60-420} m, SpO2 nadir {n:84-96}%, RPE {n:11-17}/20",
    "MMT: hip flex {c:3-|3|3+|4-|4}/5 {c:B|R|L}, knee ext {c:3+|4-|4|4+}/5, DF {c:2|3|4}/5",
    "ROM: shoulder flexion AROM {n:60-170} deg, knee flexion {n:60-120} deg, ext lag {n:0-15} deg",
    "ADLs: LB dressing {c:max A|mod A|min A|set-up}, toileting {c:mod A|min A|SBA}, grooming {c:set-up|indep}, UB bathing {c:min A|SBA}",
    "Cognition: {c:A&O x4|A&O x3|impulsive, needs cues|MoCA 19/30}; follows {c:1-step|2-step|multi-step} commands",
    "Vitals: {vs}",
    "Pain {n:0-9}/10 {c:R hip|L knee|low back|incision}; premedicated with {drug}",
    "Precautions: {c:posterior hip|sternal|spinal (no BLT)|NWB LLE|TTWB RLE|WBAT}; {c:fall risk|orthostatic}",
    "Orthostatics: supine {n:110-150}/{n:60-90}, standing {n:88-140}/{n:50-84}, {c:symptomatic|asymptomatic}",
    "AM-PAC 6-clicks mobility {n:8-24}/24; JH-HLM {n:2-8}",
    "Ther ex: {c:AP/QS/GS x10|heel slides 2x10|SLR 2x10|seated marching|TheraBand row red 2x15}; CPT {c:97110|97530|97116|97535}",
    "Equipment: {c:RW|3-in-1 commode (E0165)|tub transfer bench|reacher/sock aid|hospital bed (E0260)|K0001 wheelchair}",
    "UE: grip R {n:8-30} kg / L {n:8-30} kg; {c:edema R hand|tone MAS 1+|neglect L side|intact sensation}",
    "Dx: {c:R26.81|M62.81|Z96.641|I69.354|S72.001A}; {c:s/p R THA|CVA L hemiparesis|deconditioning|Parkinson disease|s/p L TKA}",
    "Pt {c:progressing toward goals|limited by fatigue|limited by pain|plateaued}; rehab potential {c:good|fair|poor}",
    "{c:PT 5x/wk|OT 3-5x/wk|PT BID} x {c:2 wks|1 wk|3 wks}; recommend {c:acute rehab|SNF|home with HH PT|outpatient PT}",
    "Goals: amb {n:150-300} ft mod I with RW in {n:1-3} wks; toilet transfers SBA in {n:1-2} wks",
]
_PTOT_PHI = [
    "Home: lives in {c:a 2-story house|a 1-level apt|a mobile home|senior housing} at {addr} with {famx}; {n:0-6} STE with {c:L|R|no} rail",
    "PLOF: indep with {c:SPC|no AD}, {c:still drives|stopped driving}, {c:works part-time|retired}; {famr:1} {fam:1,first} helps with IADLs",
    "Caregiver: {famx}, available {c:24/7|evenings only|weekends}; phone {phone}",
    "Wheelchair {c:Quickie 2|K0004 lightweight|tilt-in-space} SN {dev} ordered via {dme}",
    "Pt stated 'I want to get back home to {city}'",
    "Session co-treat with {stc:ot}",
    "DME delivery to {addr} on {date:fut}",
    "Driving: OT driving screen recommended; DL {lic:dl} on file, family to discuss with {dr:md2}",
    "Onset {date:past}; {c:surgery|fall|stroke} at home, found by {famr:1} {fam:1}",
    "Outpatient PT at clinic in {city} starting {date:fut}, call {phone} to schedule",
    "Telehealth PT visit via {url:tele}; pt connected from IP {ip}",
    "HH PT to start on {date:fut,th}; agency {phone}",
    "Therapist: {stc:pt}, license {lic:pt}",
]
_PTOT_CHAT = [
    "{spk:pt,PT}pt walked {n:40-200} ft w/ rw today, {c:cga|min a}",
    "{spk:ot,OT}nice. {ptf} did lb dressing w/ reacher, still {c:mod a|min a}",
    "{spk:pt,PT}{famr:1} {fam:1,first} asking about {c:snf|rehab|going home} again",
    "{spk:ot,OT}tell {c:her|him} we rec {c:acute rehab|snf|home w/ hh}",
    "{spk:pt,PT}orthostatic today {n:90-120}/{n:50-70} standing, pt dizzy",
    "{spk:ot,OT}ok will hold shower transfer",
    "{spk:pt,PT}berg {n:20-40}/56, tug {n:18-40} sec, high fall risk",
]


def _st_ptot(c, nophi):
    r = c.r
    mode = r.choice(["soap", "soap", "caps", "bullets", "prose", "chat"])
    c.sec = {
        "soap": r.choice(["kv", "terse"]),
        "caps": "caps",
        "bullets": "kv",
        "prose": "kv",
        "chat": "kv",
    }[mode]
    c.neg = _PTOT_NEG
    if mode == "chat" and not nophi:
        c.case = "lower"
        c.h("{spk:pt,PT}re {c:rm|bed} {room}")
        k = r.randint(4, len(_PTOT_CHAT))
        for t in _PTOT_CHAT[:k]:
            c.b(t)
        c.neg = [
            "{spk:pt,PT}{c:berg 30/56|tug 25 sec|6mwt 140 m}",
            "{spk:ot,OT}ok",
            "{spk:pt,PT}pain {n:2-8}/10 {c:r hip|l knee}",
        ]
        return
    if mode == "chat":
        mode = "soap"
    ot = r.random() < 0.4
    title = r.choice(
        ["OCCUPATIONAL THERAPY DAILY NOTE", "OT Evaluation", "OT tx note"]
        if ot
        else ["PHYSICAL THERAPY EVALUATION", "PT Daily Note", "PT re-eval", "PT progress note"]
    )
    if nophi:
        c.h(title)
    else:
        c.h(
            title + r.choice([" - {date}", " {date} {time}", " | {pt:hdr} | {unit} {room}", ""]),
            case="upper" if mode == "caps" else None,
        )
        c.h(
            r.choice(
                [
                    "Pt: {pt:hdr}  {age}  Rm {room}",
                    "Patient {pt:hdr}, MRN {mrn}, DOB {date:dob}",
                    "{pt:hdr} ({age:n} {sex}) - onset {date:past}",
                    "Name: {pt:hdr}   Acct: {acct}",
                ]
            )
        )
    if mode == "bullets":
        c.bullet = r.choice(["- ", "* ", "• "])
    if mode == "prose":
        c.end = " "
        if not nophi:
            c.x(
                r.choice(
                    [
                        "{ptt} seen bedside for {c:PT eval|OT eval|gait training|ADL retraining}.",
                        "{pt} was seen with {famx} present.",
                        "Pt ({age}) agreeable to therapy; {famr:1} {fam:1} at bedside.",
                    ]
                )
            )
        for t in r.sample(_PTOT_NEG, r.randint(4, 8)):
            c.b(t + ".")
        if not nophi:
            for t in r.sample(_PTOT_PHI, r.randint(1, 3)):
                c.b(t + ".")
        return
    c.sec_h("{S:Subjective}")
    c.b(
        r.choice(
            [
                "Pt reports {c:pain 5/10 R hip|fatigue|feeling stronger|dizziness with standing}.",
                "Pt agreeable; {c:premedicated|declined pain meds}.",
                "'{c:I just want to walk again|My knee is killing me|I'm tired today}'",
            ]
        )
    )
    if not nophi:
        c.some(_PTOT_PHI[:5], 1, 2)
    c.fill_at = c.sec_h("{S:Objective}")
    c.neg = _PTOT_NEG[:18]
    c.some(_PTOT_NEG[:18], 3, 7)
    c.sec_h("{S:Assessment}")
    c.some(_PTOT_NEG[18:20], 1, 2)
    c.sec_h("{S:Plan}")
    c.some(_PTOT_NEG[20:], 1, 2)
    if not nophi:
        c.some(_PTOT_PHI[5:-1], 0, 2)
        if r.random() < 0.7:
            c.f(
                r.choice(
                    [
                        "{stc:pt,PT, DPT}  {date}",
                        "{stc:ot,OTR/L} - {time} - {n:23-60} min",
                        "Therapist: {stc:pt}, license {lic:pt}",
                        "{st:pt}, PT / {st:y}, SPT",
                    ]
                )
            )


# ==========================================================================
# style 7: social-work assessment
# ==========================================================================
_SW_NEG = [
    "Mental health: PHQ-9 {n:0-24}, GAD-7 {n:0-21}; C-SSRS screen {c:negative|positive for passive SI, no plan}",
    "Substance use: AUDIT-C {n:0-12}; {c:denies IVDU|hx IVDU, in MAT on buprenorphine 8 mg BID|cannabis daily}; tobacco {c:1 ppd x 30 yrs|quit 2010|denies}",
    "Income: {c:SSI ~$943/mo|SSDI $1,420/mo|part-time wages|no income|pension + Social Security}; {c:SNAP active|SNAP pending|not on SNAP}",
    "Housing: {c:stable|at risk of eviction|doubled up with family|in shelter|unhoused, sleeping in car}; {c:no stairs|3rd floor walk-up|elevator building}",
    "Food insecurity screen {c:positive|negative}; referred to {c:food pantry|Meals on Wheels|WIC|SNAP outreach}",
    "IPV screen {c:negative|positive, safety plan reviewed|deferred, partner present}",
    "Legal: {c:no current legal issues|pending court date|on probation|guardianship in process}",
    "Coping: {c:tearful but engaged|flat affect|anxious re: bills|hopeful}; strengths: {c:faith community|supportive family|prior sobriety|motivated}",
    "Barriers: {c:transportation|language|cost of meds|no phone|cognitive impairment|caregiver burnout}",
    "Resources given: {c:211 info|transportation voucher|Lifeline phone application|Medicaid application|bus passes x4|utility assistance}",
    "Advance directive: {c:none|on file|discussed, pt wants time to think}; {code}",
    "Dx: {c:Z59.0|Z59.41|Z60.2|Z63.6|Z91.19|F10.20|Z56.0}",
    "Plan: SW to follow {c:daily|Mon/Wed/Fri|PRN}; CM aware; {c:APS referral|ethics consult|psych consult|guardianship petition} {c:made|pending|not indicated}",
    "Patient's preferred language: {lang}; {c:interpreter used|no interpreter needed}",
    "Education: {c:high school|8th grade|some college|BA}; {c:veteran|not a veteran}; {c:Catholic|Baptist|Muslim|Buddhist|no religious affiliation}",
]
_SW_PHI = [
    "Household: lives at {addr} with {famx}",
    "{c:Children|Kids|Minor children in home}: {fam:k1,first} ({age:kid}), {fam:k2,first} ({age:kid}) and {fam:k3,first} ({age:kid}); {c:school aware|in mother's care|staying with aunt}",
    "Support: {famx:2} in {city}, phone {phone}, email {email:fam2}",
    "SSN {ssn} verified for Medicaid application; card copy to {c:financial counseling|business office}",
    "Benefits: {payer} member ID {hp}; {c:Medicaid pending|Medicare Part A/B active|dual eligible}",
    "APS case #{case} opened {date:recent}; investigator {st:z} {phone}",
    "CPS case {case}; caseworker {st:z}, fax {fax}",
    "Pt's car impounded - plate {plate}, VIN {vin}; tow yard in {city:us}",
    "State ID: driver's license {lic:dl} expired {date:past}; referred for replacement",
    "Elderly mother {fam:m} ({age:old}) lives with pt in {hood} and depends on {him} for care",
    "Grandmother, age {age:youngn}, helps with childcare",
    "Guardianship hearing on {date:fut} at probate court, {county}",
    "Police report #{case} filed {date:recent}",
    "Landlord {st:y} at {phone} agreed to hold unit until {date:fut}",
    "Caregiver proxy portal set up for {famr:1}: {email:fam1}",
    "Pt is from {city:for}; came to {state} in {year}",
    "Pt's employer {c:warehouse|restaurant|school district|construction co.} contact {st:y}, {phone}",
    "Emergency contact verified: {famx:1} {phone}",
    "Pt read SSN over phone as {ssn:sp} for SSI application",
    "Virtual visit via {url:tele} (IP {ip}); {famr:1} joined by phone",
    "Court date is {date:fut,th}; pt asked SW to call public defender",
]


def _st_sw(c, nophi):
    r = c.r
    mode = r.choice(["kv", "kv", "caps", "prose", "bullets"])
    c.sec = {"kv": r.choice(["kv", "dash", "md"]), "caps": "caps", "prose": "kv", "bullets": "kv"}[
        mode
    ]
    c.neg = _SW_NEG
    if r.random() < 0.3 and not nophi:
        c.set_age(True)
    title = r.choice(
        [
            "PSYCHOSOCIAL ASSESSMENT",
            "Social Work Initial Assessment",
            "SW note",
            "MSW Psychosocial Evaluation",
            "Social work follow-up",
        ]
    )
    if nophi:
        c.h(title)
    else:
        c.h(
            title + r.choice([" - {date}", " {date} {time}", ""]),
            case="upper" if mode == "caps" else None,
        )
        c.h(
            r.choice(
                [
                    "Pt: {pt:hdr}, {age}, preferred language {lang}",
                    "Patient: {pt:hdr}  MRN {mrn}  DOB {date:dob}",
                    "{pt:hdr} | {unit} {room} | {payer} {hp}",
                    "Met with {pt} ({age}) and {famx} at bedside.",
                ]
            )
        )
    if mode == "bullets":
        c.bullet = r.choice(["- ", "* ", "• ", "> "])
    if mode == "prose":
        c.end = " "
        for t in r.sample(_SW_NEG, r.randint(3, 7)):
            c.b(t + ".")
        if not nophi:
            for t in r.sample(_SW_PHI, r.randint(2, 4)):
                c.b(t + ".")
        return
    items = [(0, t) for t in r.sample(_SW_NEG, r.randint(4, 9))]
    if not nophi:
        items += [(1, t) for t in r.sample(_SW_PHI, r.randint(2, 5))]
    r.shuffle(items)
    for _, t in items:
        c.b(t)
    if not nophi and r.random() < 0.7:
        c.f(
            r.choice(
                [
                    "{stc:sw}  {phone}",
                    "{st:sw}, LCSW  pager {pager}",
                    "{stc:sw,MSW} {date}",
                    "SW: {st:sw} ({email:st})",
                ]
            )
        )


# ==========================================================================
# style 8: hospice / palliative family meeting
# ==========================================================================
_PAL_NEG = [
    "Prognosis discussed: likely {c:days to short weeks|weeks to months|hours to days}; {score}",
    "Functional decline: {c:bedbound|chair to bed|eating <25% of meals}; {c:FAST 7c|PPS 30%|PPS 20%|Karnofsky 30}",
    "Goals: {c:comfort-focused care|time-limited trial of BiPAP|continue HD for now|no return to ICU}; {code} confirmed",
    "MOLST/POLST {c:completed|updated|reviewed}: {c:DNR, comfort measures only|DNR, limited interventions|full treatment}",
    "Symptom plan: {drug:pall}; {drug:pall}",
    "Dyspnea: {c:fan at bedside|O2 2L for comfort|morphine PRN}; {c:secretions managed with glycopyrrolate|no terminal secretions}",
    "Delirium: {c:CAM positive, haloperidol PRN|no delirium|reorientation, family presence}",
    "Artificial nutrition: family {c:agrees to stop TF|wishes to continue TF for now|declines PEG}",
    "Hospice eligibility: {c:meets criteria|borderline|not yet}; dx {c:Z51.5|C34.90|G30.1|I50.23|N18.6|G12.21}",
    "Family coping: {c:tearful, supportive of each other|conflict between siblings|anticipatory grief}; chaplain and bereavement offered",
    "Spiritual: {c:Catholic, requests sacrament of the sick|Muslim, requests imam|Buddhist|no affiliation}",
    "Code status discussion: explained CPR outcomes in advanced {c:dementia|cancer|heart failure}; family {c:agreed|needs time}",
    "Time spent: {n:45-110} min, >50% counseling; ACP CPT {c:99497|99497 + 99498}",
    "Opioid conversion: oral morphine equivalent {n:30-240} mg/day",
    "Bowel regimen: {drug:pall}",
    "Recommendations: {c:GIP hospice|home hospice|inpatient hospice house|continue current care}; palliative to follow",
]
_PAL_PHI = [
    "Attendees: {famx:1}, {famx:2} (by phone {phone}), {dr}, chaplain {st:chap}, SW {st:sw}, RN {st:rn}",
    "Pt is a {age:oldn}-year-old {man} with {dx}",
    "{ptt} ({age:oldn}) {c:could not participate|participated briefly|was asleep}",
    "{famr:1} {fam:1} recalls pt said on {date:past}, 'no machines'",
    "Grandson {fam:g1} flying in from {city} on {date:fut}",
    "Video visit link {url:zoom}; {famr:2} joined from IP {ip}",
    "Legacy project: voice recording consented, voiceprint {bio:vp}",
    "CaringBridge page: {url:care}",
    "Hospice referral: intake nurse {st:y} {phone}; facesheet faxed to {fax}",
    "Funeral home preference: {c:Sunset|Garden of Peace|St. Joseph} in {city}, {famr:1} to call",
    "DOB {date:dob}; family confirms age {age:n}",
    "HCPOA {fam:1} ({famr:1}), cell {phone}, email {email:fam1}",
    "Su cumpleaños es el {date:odob,es}; family asked to celebrate in hospital",
    "Pt's birthday {date:dob,spoken} per {famr:1}",
    "Next meeting {date:fut} at {time} in {unit} family room",
    "{famr:1} noted pt's wife died on {date:past,spoken_md}, a hard anniversary",
    "Family will return on {date:fut,th} with the priest",
    "Pt moved from {city:for} in {year}; {famr:2} {fam:2} still lives in {city:for}",
]


def _st_pal(c, nophi):
    r = c.r
    c.set_age(r.random() < 0.55)
    mode = r.choice(["kv", "prose", "prose", "bullets", "caps"])
    c.sec = {"kv": "kv", "prose": "kv", "bullets": "kv", "caps": "caps"}[mode]
    c.neg = _PAL_NEG
    title = r.choice(
        [
            "FAMILY MEETING NOTE - Palliative Care",
            "Palliative care family meeting",
            "Hospice IDT family conference",
            "Goals of care meeting",
            "GOC discussion",
        ]
    )
    if nophi:
        c.h(title)
    else:
        c.h(
            title + r.choice([" - {date} {time}", " {date}", ""]),
            case="upper" if mode == "caps" else None,
        )
    if mode == "bullets":
        c.bullet = r.choice(["- ", "• ", "* "])
    if mode == "prose":
        c.end = " "
        if not nophi:
            c.x(
                r.choice(
                    [
                        "Met with {famx:1} and {famx:2} in the {unit} family room.",
                        "Family meeting held with {famx:1}; {famx:2} joined by phone.",
                        "{dr} led a goals-of-care meeting for {pt}.",
                    ]
                )
            )
            if r.random() < 0.6:
                c.x(_PAL_PHI[r.choice([1, 2])] + ".")
        for t in r.sample(_PAL_NEG, r.randint(3, 7)):
            c.b(t + ".")
        if not nophi:
            for t in r.sample(_PAL_PHI[3:], r.randint(1, 3)):
                c.b(t + ".")
        return
    if not nophi:
        c.x(_PAL_PHI[0])
        c.x(_PAL_PHI[r.choice([1, 2])])
    items = [(0, t) for t in r.sample(_PAL_NEG, r.randint(4, 9))]
    if not nophi:
        items += [(1, t) for t in r.sample(_PAL_PHI[3:], r.randint(1, 4))]
    r.shuffle(items)
    for _, t in items:
        c.b(t)
    if not nophi and r.random() < 0.6:
        c.f(
            r.choice(
                [
                    "{stc:np,NP-C}, palliative care",
                    "{dr}, Palliative Medicine, {date}",
                    "{stc:sw} / {stc:chap,chaplain}",
                ]
            )
        )


# ==========================================================================
# style 9: case management / discharge-planning calls
# ==========================================================================
_CM_NEG = [
    "Dispo: {c:SNF|acute rehab|home with HH|LTACH|home hospice}; {c:bed offer pending|awaiting auth|accepted|declined}",
    "Barriers: {c:awaiting insurance auth|no caregiver at night|needs O2 eval|IV abx x6 wks|peritoneal dialysis training}",
    "DME: {c:hospital bed E0260|O2 concentrator E1390|RW E0143|bedside commode E0165|CPAP E0601}; {c:ordered|delivered|pending}",
    "HH: {c:skilled nursing|PT/OT|HHA|SLP}, {c:SOC within 48 hrs|awaiting acceptance}",
    "O2 qualification: SpO2 {n:84-88}% RA at rest, {n:91-95}% on {n:1-4} L; Medicare criteria met",
    "IMM letter {c:given|reviewed} and signed; MOON {c:not applicable|given}",
    "LOS day {n:2-30}; GMLOS {x:2.5-8.5}; {c:observation|inpatient} status",
    "Readmission risk {c:high|moderate|low} (LACE {n:5-17})",
    "InterQual criteria {c:met|not met} for {c:acute|SNF|rehab} level of care",
    "Pt {c:agrees|declines|undecided} with plan; choice list given ({n:3-12} facilities)",
    "Meds to beds: {drug}, {drug}; copay ${n:0-45}",
    "Plan: f/u PCP in {n:3-14} days; labs {c:BMP|CBC|INR} in {n:3-7} days",
    "Peer-to-peer {c:requested|scheduled|completed}; denial upheld for {c:acute rehab|LTACH}",
]
_CM_PHI = [
    "{time} Called {famx} at {phone:sp} re: SNF choice; {c:left VM|spoke, agreeable|no answer}",
    "{time} Spoke with {st:y} at {fac} admissions, ph {phone}, fax {fax}; referral packet sent",
    "{time} {payer} auth # {auth} approved {date} for {n:3-14} days; reviewer {st:z}",
    "Member ID {hp} ({payer}); read back as {hp:sp}",
    "PCP {dr:md2}, NPI {lic:npi}; office fax {fax}",
    "Transport: wheelchair van {date:fut} at {time}; confirmation {auth}",
    "Email summary sent to {famr:1} at {email:fam1}",
    "Pt spelled last name for agency: {spell}",
    "{famr:1} verified pt DOB as {date:dob,spoken}",
    "SSN last four {ssn4} confirmed with {payer} rep",
    "Portal proxy link sent: {url:portal}",
    "D/C address: {addr}; {c:lives alone|lives with family|lives with spouse}",
    "HH agency intake {st:y} {phone}, fax orders to {fax}",
    "Acct {acct} flagged for financial counseling",
    "Bed hold at {fac} until {date:fut}; room {room} on arrival",
    "{famr:2} {fam:2} will pick up at {time} - {c:silver Honda|red F-150|gray minivan}, plate {plate}",
    "{famx:1} called back from {phone}, prefers text",
    "Referral faxed to {fax:sp} per agency request",
    "Medicaid application: SSN {ssn}, DOB {date:dob}",
    "{famr:1} says they can only come on {date:fut,th} or {date:fut,spoken_md}",
    "Portal login for proxy from IP {ip} verified by IT",
]


def _st_cm(c, nophi):
    r = c.r
    mode = r.choice(["log", "log", "kv", "chat", "caps"])
    c.sec = "caps" if mode == "caps" else r.choice(["kv", "dash"])
    c.neg = _CM_NEG
    if mode == "chat" and not nophi:
        c.case = "lower"
        c.h("{spk:cm,CM}dc planning for {c:rm|bed} {room}")
        lines = [
            "{spk:cm,CM}called {famr:1} {fam:1,first} at {phone}, {c:no answer|lvm|agreeable}",
            "{spk:sw,SW}{c:pt wants to go home|pt ok with snf|family wants rehab}",
            "{spk:cm,CM}{payer} auth {auth} pending, ref {c:snf|irf} sent",
            "{spk:sw,SW}{fam:1,first} can pick up {date:fut} after {time}",
            "{spk:cm,CM}ok. dme {c:rw + bsc|o2|hospital bed} ordered via {dme}",
            "{spk:sw,SW}also needs {c:bus pass|meds to beds|hh pt}",
            "{spk:cm,CM}fax packet to {fax} done",
        ]
        for t in lines[: r.randint(4, len(lines))]:
            c.b(t)
        c.neg = [
            "{spk:cm,CM}los day {n:3-20}, interqual met",
            "{spk:sw,SW}ok",
            "{spk:cm,CM}{c:imm signed|o2 qual done}",
        ]
        return
    title = r.choice(
        [
            "CM CALL LOG",
            "Case Management Progress Note",
            "Discharge planning",
            "UR/CM note",
            "DISCHARGE PLANNING ASSESSMENT",
        ]
    )
    if nophi:
        c.h(title)
    else:
        c.h(
            title + r.choice([" {date}", " - {pt:hdr} - {date}", " ({unit} {room})", ""]),
            case="upper" if mode == "caps" else None,
        )
    if mode == "kv":
        c.bullet = r.choice(["", "- ", "* "])
    items = [(0, t) for t in r.sample(_CM_NEG, r.randint(3, 7))]
    if not nophi:
        items += [(1, t) for t in r.sample(_CM_PHI, r.randint(2, 5))]
    if mode == "log":
        r.shuffle(items)
    for _, t in items:
        c.b(t)
    if not nophi and r.random() < 0.7:
        c.f(
            r.choice(
                [
                    "{stc:cm}  ext {ext}",
                    "{st:cm}, RN CM {phone}",
                    "CM: {stc:cm} {date}",
                    "{stc:sw} / {stc:cm}",
                ]
            )
        )


# generic non-PHI lines, used when a style's own filler pool is exhausted
_GEN_NEG = [
    "Reviewed {labs}; no acute changes",
    "Medication reconciliation completed; continue {drug}",
    "Hand hygiene, fall precautions and call light use reinforced",
    "Chart reviewed, including {c:CXR|CT chest|echo|ECG|MRI brain} from {year}",
    "Hx of {c:colectomy|CABG|TKA|cholecystectomy|TURP} in {year}; {c:no complications|complicated by ileus|uneventful}",
    "Pt moved to {state} about {n:2-30} years ago; {c:retired machinist|former teacher|works in construction|homemaker}",
    "Family hx: {c:mother|father|brother|sister} with {c:colon cancer|MI|T2DM|CVA} at age {age:youngn}",
    "Genetics: {gene} {var}, {c:pathogenic|VUS|likely benign}",
    "Codes: {icd}, {cpt}",
    "Vitals: {vs}",
    "{score}; {score}",
    "Last {c:BM|void|meal} {dur} ago",
    "Plan discussed at {time} huddle on {unit}",
    "{c:Homans|Murphy|McBurney|Babinski|Romberg|Trendelenburg} sign {c:negative|not tested|positive}",
    "Foley removed at {time}; voiding trial in progress",
    "Pt ate {n:25-100}% of {c:breakfast|lunch|dinner}; {c:cardiac|renal|carb-consistent} diet",
    "Received {drug} at {time}",
    "Teaching provided; teach-back {c:successful|partial, will reinforce}",
    "Tolerated session; HR {n:70-120}, SpO2 {n:90-99}% throughout",
    "Pt is a {age:youngn} y/o {c:retired|former} {c:teacher|nurse|farmworker|mechanic|bus driver} from {state}",
    "On {drug} since {year}; adherence {c:good|fair|poor}",
    "{c:Parkinson|Alzheimer|Crohn|Graves|Hashimoto} disease noted in PMH; {c:stable|progressive}",
    "Isolation status reviewed; {c:no isolation|contact precautions continue}",
    "Safety: bed low and locked, side rails x{n:2-3}, call bell in reach",
    "Dx {icd}; {c:GCS 15|A&O x4|no focal deficits}",
]

_STYLES = [_st_icu, _st_sbar, _st_anes, _st_wound, _st_dial, _st_ptot, _st_sw, _st_pal, _st_cm]
_STYLE_W = [13, 12, 12, 11, 10, 11, 11, 10, 10]


# ==========================================================================
# assembly
# ==========================================================================
def _unit_stats(segs):
    words = len("".join(s for s, _ in segs).split())
    phi = 0
    for s, lab in segs:
        if lab:
            phi += len(s.split())
    return words, phi


def _assemble(c, nophi):
    r = c.r
    units = c.units
    target = r.choice([r.randint(40, 220), r.randint(60, 210), r.randint(45, 120)])
    stats = [_unit_stats(u[1]) for u in units]

    def totals():
        return sum(s[0] for s in stats), sum(s[1] for s in stats)

    def sole_in_section(i):
        # True when unit i is the only body unit between its section header and the next one
        if not any(u[0] == "s" for u in units):
            return False
        j = i - 1
        while j >= 0 and units[j][0] in ("b", "x"):
            j -= 1
        if j < 0 or units[j][0] != "s":
            return False
        k = i + 1
        while k < len(units) and units[k][0] in ("b", "x"):
            k += 1
        return (k - j - 1) == 1

    def droppable():
        return [i for i, u in enumerate(units) if u[0] == "b" and not sole_in_section(i)]

    def add_filler(generic=False):
        used = c.used
        fresh = [t for t in c.neg if t.rstrip(". ") not in used]
        if not fresh and generic:
            fresh = [t for t in _GEN_NEG if t not in used]
        if not fresh:
            return False
        tpl = r.choice(fresh)
        used.add(tpl.rstrip(". "))
        segs = c.fill(tpl)
        if c.bullet:
            segs.insert(0, (c.bullet, None))
        if c.end == " " and segs and not segs[-1][0].rstrip().endswith((".", "!", "?")):
            segs.append((".", None))
        segs.append((c.end, None))
        pos = None
        if c.fill_at is not None:
            for idx, u in enumerate(units):
                if u is c.fill_at:
                    pos = idx + 1
                    while pos < len(units) and units[pos][0] in ("b", "x"):
                        pos += 1
                    break
        if pos is None:
            pos = len(units)
            while pos > 0 and units[pos - 1][0] == "f":
                pos -= 1
        units.insert(pos, ["b", segs, c.case])
        stats.insert(pos, _unit_stats(segs))
        return True

    w, p = totals()
    guard = 0
    while w > target and guard < 60:
        guard += 1
        cand = droppable()
        if not cand:
            break
        i = r.choice(cand)
        if w - stats[i][0] < 40:
            break
        del units[i]
        del stats[i]
        w, p = totals()
    guard = 0
    while (w < 40 or (w < target and r.random() < 0.85)) and guard < 40:
        guard += 1
        if not add_filler(w < 48):
            break
        w, p = totals()
    # PHI must stay well under half of the words
    guard = 0
    while p > 0.42 * w and guard < 40:
        guard += 1
        if w < 205 and add_filler(True):
            pass
        else:
            cand = [i for i in droppable() if stats[i][1] > 0]
            if not cand:
                break
            i = max(cand, key=lambda k: stats[k][1] / max(1, stats[k][0]))
            del units[i]
            del stats[i]
        w, p = totals()
    guard = 0
    while w > 220 and guard < 80:
        guard += 1
        cand = droppable() or [i for i, u in enumerate(units) if u[0] in ("b", "x")]
        if not cand:
            break
        i = r.choice(cand)
        del units[i]
        del stats[i]
        w, p = totals()
    # drop section headers left without content
    keep = []
    for i, u in enumerate(units):
        if u[0] == "s":
            nxt = units[i + 1][0] if i + 1 < len(units) else None
            if nxt not in ("b", "x"):
                continue
        keep.append(u)
    parts = []
    spans = []
    pos = 0
    for kind, segs, case in keep:
        for s, lab in segs:
            if case == "lower":
                s = s.lower()
            elif case == "upper":
                s = s.upper()
            if lab:
                spans.append({"start": pos, "end": pos + len(s), "label": lab})
            parts.append(s)
            pos += len(s)
    text = "".join(parts).rstrip()
    return {"text": text, "spans": spans}


def generate(seed: int, count: int) -> list[dict]:
    """Return ``count`` synthetic snippets with PHI spans, deterministic for ``seed``."""
    rng = random.Random(seed)
    fake = Faker(_LOCALES)
    fake.seed_instance(seed)
    npool = _NamePool(rng, fake)
    out = []
    for _ in range(count):
        c = _Ctx(rng, fake, npool)
        nophi = rng.random() < 0.10
        style = rng.choices(_STYLES, _STYLE_W)[0]
        style(c, nophi)
        out.append(_assemble(c, nophi))
    return out


def _check(items):
    for it in items:
        text = it["text"]
        prev = 0
        for sp in it["spans"]:
            s, e, lab = sp["start"], sp["end"], sp["label"]
            assert lab in _LABELSET, lab
            assert 0 <= s < e <= len(text), (s, e, len(text))
            assert s >= prev, "overlap or unsorted"
            v = text[s:e]
            assert v == v.strip() and v, repr(v)
            prev = e


if __name__ == "__main__":
    import collections
    import time

    t0 = time.time()
    data = generate(1, 3000)
    dt = time.time() - t0
    _check(data)
    counts = collections.Counter(sp["label"] for it in data for sp in it["spans"])
    for lab in LABELS:
        print(f"{lab}\t{counts.get(lab, 0)}")
    print("total_words\t" + str(sum(len(it["text"].split()) for it in data)))
