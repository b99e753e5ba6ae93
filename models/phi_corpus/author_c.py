"""Synthetic PHI-tagging snippets, author C.

Styles: dictation / speech-to-text output, psychiatric intake, ophthalmology and
dermatology clinic notes, lab requisitions and specimen labels, OCR-like
registration / intake forms, court / legal / child-protective letters, police and
EMS hand-off fragments, interpreter-mediated visit notes (es / pt / fr).

Public API: ``generate(seed, count) -> list[dict]``; each item is
``{"text": str, "spans": [{"start", "end", "label"}]}`` with character offsets
(end exclusive) of every PHI value.  Deterministic for a given seed.
"""

import calendar
import random
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

FAKER_LOCALES = [
    "en_US",
    "en_IE",
    "es_ES",
    "es_AR",
    "es_MX",
    "vi_VN",
    "hu_HU",
    "cs_CZ",
    "fi_FI",
    "zu_ZA",
    "tw_GH",
    "yo_NG",
    "ha_NG",
    "ig_NG",
    "tr_TR",
    "pt_BR",
    "fr_FR",
    "pl_PL",
    "ja_JP",
    "zh_CN",
]

# ---------------------------------------------------------------------------
# number / letter words
# ---------------------------------------------------------------------------
_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORD = {
    1: "first",
    2: "second",
    3: "third",
    4: "fourth",
    5: "fifth",
    6: "sixth",
    7: "seventh",
    8: "eighth",
    9: "ninth",
    10: "tenth",
    11: "eleventh",
    12: "twelfth",
    13: "thirteenth",
    14: "fourteenth",
    15: "fifteenth",
    16: "sixteenth",
    17: "seventeenth",
    18: "eighteenth",
    19: "nineteenth",
    20: "twentieth",
    30: "thirtieth",
}
_MONTHS = (
    "",
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
)
_ES_MONTHS = (
    "",
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
)
_PT_MONTHS = (
    "",
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
)
_FR_MONTHS = (
    "",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_ES = (
    "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce "
    "quince dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós "
    "veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho "
    "veintinueve"
).split()
_ES_T = {
    3: "treinta",
    4: "cuarenta",
    5: "cincuenta",
    6: "sesenta",
    7: "setenta",
    8: "ochenta",
    9: "noventa",
}
_PT = (
    "zero um dois três quatro cinco seis sete oito nove dez onze doze treze catorze "
    "quinze dezesseis dezessete dezoito dezenove vinte"
).split()
_FR = (
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
    "quinze seize dix-sept dix-huit dix-neuf vingt"
).split()
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
_ASIN = {
    "A": "apple",
    "B": "boy",
    "C": "Charlie",
    "D": "David",
    "E": "Edward",
    "F": "Frank",
    "G": "George",
    "H": "Henry",
    "I": "Ida",
    "J": "John",
    "K": "King",
    "L": "Larry",
    "M": "Mary",
    "N": "Nancy",
    "O": "Ocean",
    "P": "Peter",
    "Q": "Queen",
    "R": "Robert",
    "S": "Sam",
    "T": "Tom",
    "U": "Union",
    "V": "Victor",
    "W": "William",
    "X": "x-ray",
    "Y": "yellow",
    "Z": "zebra",
}


def nw(n, hy=True):
    """English cardinal words."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return _TENS[t] + (("-" if hy else " ") + _ONES[o] if o else "")
    if n < 1000:
        h, rem = divmod(n, 100)
        return _ONES[h] + " hundred" + (" " + nw(rem, hy) if rem else "")
    th, rem = divmod(n, 1000)
    return nw(th, hy) + " thousand" + (" " + nw(rem, hy) if rem else "")


def ordw(n, hy=True):
    if n in _ORD:
        return _ORD[n]
    t, o = divmod(n, 10)
    return _TENS[t] + ("-" if hy else " ") + _ORD[o]


def ords(n):
    if 10 <= n % 100 <= 20:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def es_n(n):
    if n < 30:
        return _ES[n]
    t, o = divmod(n, 10)
    return _ES_T[t] + (" y " + _ES[o] if o else "")


def es_year(y):
    if y < 2000:
        return "mil novecientos" + (" " + es_n(y - 1900) if y > 1900 else "")
    return "dos mil" + (" " + es_n(y - 2000) if y > 2000 else "")


def pt_n(n):
    if n <= 20:
        return _PT[n]
    t, o = divmod(n, 10)
    base = {2: "vinte", 3: "trinta"}[t]
    return base + (" e " + _PT[o] if o else "")


def fr_n(n):
    if n <= 20:
        return _FR[n]
    t, o = divmod(n, 10)
    base = {2: "vingt", 3: "trente"}[t]
    if o == 0:
        return base
    if o == 1:
        return base + " et un"
    return base + "-" + _FR[o]


def fold(s):
    s = s.replace("đ", "d").replace("Đ", "D").replace("ʻ", "").replace("ł", "l").replace("Ł", "L")
    s = s.replace("ı", "i").replace("’", "").replace("'", "")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _clean(s):
    return " ".join(str(s).split())


def C(*items):
    """Build a chunk: str -> plain text, (text, label) -> value, list -> nested."""
    out = []
    for it in items:
        if it is None or it == "":
            continue
        if isinstance(it, str):
            out.append((it, None))
        elif isinstance(it, tuple):
            out.append(it)
        else:
            out.extend(C(*it))
    return out


# ---------------------------------------------------------------------------
# name pools (romanised / transliterated where Faker gives native script)
# ---------------------------------------------------------------------------
_CUSTOM = {
    "th": (
        ["Somchai", "Nattapong", "Chaiwat", "Kittisak", "Thanawat", "Prasert", "Anan", "Wichai"],
        ["Suda", "Kanya", "Siriporn", "Wanida", "Porntip", "Apinya", "Ratchanee", "Malee", "Pim"],
        [
            "Srisuk",
            "Wongsawat",
            "Chaiyaporn",
            "Thongchai",
            "Saetang",
            "Phongphaew",
            "Rattanakorn",
            "Boonmee",
            "Kaewkla",
            "Sukprasert",
            "Jaidee",
            "Charoenkul",
        ],
    ),
    "hi": (
        ["Aarav", "Rohan", "Vikram", "Rajesh", "Arjun", "Saurabh", "Deepak", "Amit", "Sanjay"],
        ["Priya", "Ananya", "Sunita", "Kavya", "Meera", "Neha", "Pooja", "Lakshmi", "Anjali"],
        [
            "Sharma",
            "Verma",
            "Gupta",
            "Iyer",
            "Patel",
            "Chaturvedi",
            "Srivastava",
            "Mehta",
            "Banerjee",
            "Chatterjee",
            "Joshi",
            "Kulkarni",
            "Reddy",
            "Agarwal",
            "Bhattacharya",
        ],
    ),
    "ta": (
        ["Karthik", "Senthil", "Murugan", "Anbu", "Arul", "Saravanan", "Ilango", "Velu"],
        ["Meenakshi", "Kavitha", "Selvi", "Thenmozhi", "Vijayalakshmi", "Kalaiselvi", "Revathi"],
        [
            "Subramanian",
            "Ramasamy",
            "Natarajan",
            "Krishnan",
            "Pandian",
            "Venkatesan",
            "Arumugam",
            "Murugesan",
            "Raghavan",
            "Sundaram",
            "Balasubramaniam",
        ],
    ),
    "ur": (
        ["Muhammad", "Bilal", "Usman", "Imran", "Hamza", "Faisal", "Asif", "Tariq"],
        ["Ayesha", "Fatima", "Sana", "Zainab", "Mehwish", "Rabia", "Nadia", "Samina"],
        [
            "Qureshi",
            "Siddiqui",
            "Chaudhry",
            "Malik",
            "Butt",
            "Abbasi",
            "Hashmi",
            "Raza",
            "Sheikh",
            "Mirza",
            "Awan",
            "Baig",
            "Khan",
        ],
    ),
    "ar": (
        ["Mohamed", "Ahmed", "Mahmoud", "Mostafa", "Omar", "Karim", "Tarek", "Amr", "Youssef"],
        ["Fatma", "Nour", "Yasmin", "Aya", "Hoda", "Mona", "Salma", "Rania", "Doaa"],
        [
            "El-Sayed",
            "Abdel-Rahman",
            "Hassan",
            "Mansour",
            "Ibrahim",
            "Fahmy",
            "Soliman",
            "El-Masry",
            "Abdelaziz",
            "Shawky",
            "Farouk",
            "Gaber",
            "al-Naggar",
            "Abou Zeid",
        ],
    ),
    "he": (
        ["Avi", "Moshe", "Eitan", "Yosef", "Oren", "Itai", "Yoav", "Amir"],
        ["Yael", "Noa", "Tamar", "Shira", "Michal", "Liat", "Adi", "Ronit"],
        [
            "Cohen",
            "Levi",
            "Mizrahi",
            "Peretz",
            "Biton",
            "Dahan",
            "Friedman",
            "Avraham",
            "Ben-David",
            "Azoulay",
            "Katz",
            "Shapira",
            "Ohayon",
            "Ben-Ami",
        ],
    ),
    "el": (
        ["Georgios", "Konstantinos", "Dimitrios", "Ioannis", "Nikolaos", "Panagiotis", "Christos"],
        ["Eleni", "Maria", "Aikaterini", "Vasiliki", "Sofia", "Despoina", "Evangelia"],
        [
            "Papadopoulos",
            "Georgiou",
            "Nikolaidis",
            "Oikonomou",
            "Karagiannis",
            "Vlachos",
            "Makris",
            "Christodoulou",
            "Antoniou",
            "Pappas",
            "Alexiou",
            "Triantafyllou",
        ],
    ),
    "pac": (
        ["Kekoa", "Makoa", "Kalani", "Ikaika", "Kainoa", "Sione", "Tevita", "Tavita", "Keoni"],
        [
            "Keʻalohi",
            "Kaʻimi",
            "Leilani",
            "Noelani",
            "Pualani",
            "Mālie",
            "Losana",
            "Mele",
            "Salote",
            "Faʻafetai",
            "Haunani",
        ],
        [
            "Kahananui",
            "Kealoha",
            "Kamakau",
            "Nāone",
            "Akana",
            "Kahale",
            "Makaʻike",
            "Kanahele",
            "Tuilagi",
            "Fonoti",
            "Taufa",
            "Latu",
            "Faleolo",
            "Tuiasosopo",
            "Leota",
            "Kauhane",
            "Kaʻahanui",
        ],
    ),
    "ko": (
        ["Min-jun", "Ji-hoon", "Do-yoon", "Seung-woo", "Hyun-woo"],
        ["Seo-yeon", "Ha-eun", "Soo-ah", "Ji-woo", "Eun-ji"],
        ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim"],
    ),
    "ak": (
        ["Kwame", "Kofi", "Yaw", "Kwabena", "Kojo", "Kwaku", "Kwesi"],
        ["Akosua", "Ama", "Abena", "Efua", "Adwoa", "Afua", "Yaa"],
        [
            "Mensah",
            "Owusu",
            "Boateng",
            "Asante",
            "Appiah",
            "Osei",
            "Agyeman",
            "Addo",
            "Ofori",
            "Acheampong",
        ],
    ),
}
_VI_GIVEN_M = [
    "Văn Minh",
    "Đức Thắng",
    "Minh Tuấn",
    "Quốc Bảo",
    "Văn Hùng",
    "Hữu Phước",
    "Thanh Sơn",
]
_VI_GIVEN_F = [
    "Thị Lan",
    "Ngọc Anh",
    "Thanh Hương",
    "Thu Trang",
    "Hoài Phương",
    "Xuân Mai",
    "Thị Hồng",
    "Bích Ngọc",
]
_EXTRA_SURNAMES = [
    "van der Berg",
    "De Luca",
    "O'Connor",
    "McAllister",
    "St. Clair",
    "D'Angelo",
    "MacDonald",
    "von Stein",
    "de la Cruz",
    "del Río",
    "Mac Giolla Phádraig",
    "O'Sullivan",
    "dos Santos",
    "da Silva",
    "bin Abdullah",
    "Abu Bakr",
    "Le Blanc",
]
_NICKS = [
    "Bobby",
    "Peggy",
    "Lulu",
    "Tito",
    "Chuy",
    "Nena",
    "Pepe",
    "Bao",
    "Kiki",
    "Junior",
    "Sonny",
    "Mimi",
    "Deedee",
    "Lalo",
    "Pancho",
    "Gigi",
    "Bubba",
    "Tata",
    "Kimo",
    "Nana",
    "Red",
    "Moose",
    "Ozzie",
]
_CULTURE_W = [
    ("en_US", 14),
    ("en_IE", 3),
    ("es_ES", 3),
    ("es_AR", 3),
    ("es_MX", 5),
    ("vi", 5),
    ("th", 3),
    ("hi", 4),
    ("ta", 3),
    ("ur", 3),
    ("ar", 3),
    ("he", 2),
    ("tr_TR", 3),
    ("el", 2),
    ("hu_HU", 2),
    ("cs_CZ", 2),
    ("fi_FI", 2),
    ("zu_ZA", 3),
    ("ak", 2),
    ("tw_GH", 2),
    ("yo_NG", 2),
    ("ha_NG", 2),
    ("ig_NG", 2),
    ("pac", 4),
    ("ja", 3),
    ("zh", 4),
    ("ko", 2),
    ("pt_BR", 3),
    ("fr_FR", 2),
    ("pl_PL", 2),
]
_SFIRST = {"vi", "zh", "hu_HU", "ja", "ko"}
_REL_F = {
    "daughter",
    "wife",
    "mom",
    "mother",
    "grandma",
    "grandmother",
    "niece",
    "sister",
    "aunt",
    "hija",
    "esposa",
    "mamá",
    "abuela",
    "filha",
    "mãe",
    "irmã",
    "avó",
    "fille",
    "mère",
}
_REL_M = {
    "son",
    "husband",
    "dad",
    "father",
    "brother",
    "grandfather",
    "uncle",
    "nephew",
    "hijo",
    "esposo",
    "papá",
    "abuelo",
    "filho",
    "pai",
    "fils",
    "mari",
    "grandpa",
}

# ---------------------------------------------------------------------------
# geography pools
# ---------------------------------------------------------------------------
_STATES = [
    "Ohio",
    "Texas",
    "California",
    "New York",
    "Florida",
    "Illinois",
    "Arizona",
    "Oregon",
    "Georgia",
    "Michigan",
    "Hawaii",
    "New Mexico",
    "Massachusetts",
    "Minnesota",
    "Nevada",
    "Washington",
    "Colorado",
    "Virginia",
    "Tennessee",
    "Maine",
]
_ST_ABBR = [
    "OH",
    "TX",
    "CA",
    "NY",
    "FL",
    "IL",
    "AZ",
    "OR",
    "GA",
    "MI",
    "HI",
    "NM",
    "MA",
    "MN",
    "NV",
    "WA",
    "CO",
    "VA",
    "TN",
    "ME",
]
_CITIES = [
    "Hialeah",
    "Framingham",
    "Lowell",
    "Dearborn",
    "Yakima",
    "Fresno",
    "Santa Ana",
    "Toledo",
    "Akron",
    "Pawtucket",
    "Elizabeth",
    "Paterson",
    "Garden Grove",
    "Brownsville",
    "Laredo",
    "Hilo",
    "Kāneʻohe",
    "Waiʻanae",
    "Kailua-Kona",
    "Pāhoa",
    "St. Paul",
    "Worcester",
    "Gresham",
    "Tacoma",
    "Chula Vista",
    "Pharr",
    "Cicero",
    "Lynn",
    "New Bedford",
    "Fall River",
    "Hamtramck",
    "Westminster",
    "Sugar Land",
    "Eden Prairie",
    "Fort Myers",
    "Coeur d'Alene",
    "Las Cruces",
    "Oxnard",
    "Salinas",
]
_HOODS = [
    "Dorchester",
    "Pilsen",
    "Little Haiti",
    "East Harlem",
    "Boyle Heights",
    "Kalihi",
    "Mānoa",
    "Little Saigon",
    "Koreatown",
    "Flushing",
    "Bushwick",
    "Allston",
    "Mattapan",
    "Little Village",
    "Jamaica Plain",
    "Washington Heights",
    "Roxbury",
    "the Mission District",
    "Chinatown",
    "Riverside Terrace",
    "Overtown",
    "Papakōlea",
]
_COUNTIES = [
    "Maricopa County",
    "Cook County",
    "Hidalgo County",
    "Cuyahoga County",
    "Bristol County",
    "Fresno County",
    "Honolulu County",
    "Hennepin County",
    "Wayne County",
    "Dade County",
    "Multnomah County",
    "Bexar County",
    "Kern County",
    "Summit County",
    "Middlesex County",
    "Hawaiʻi County",
]
_FOREIGN = [
    "Oaxaca",
    "Guadalajara",
    "Puebla",
    "Cuenca",
    "Porto Alegre",
    "Belo Horizonte",
    "Huế",
    "Đà Nẵng",
    "Chiang Mai",
    "Lahore",
    "Faisalabad",
    "Kumasi",
    "Kano",
    "Ibadan",
    "Mosul",
    "Aleppo",
    "Izmir",
    "Thessaloniki",
    "Debrecen",
    "Brno",
    "Tampere",
    "Durban",
    "Apia",
    "Nukuʻalofa",
    "Chennai",
    "Madurai",
    "Lucknow",
    "Alexandria",
    "Haifa",
    "Rosario",
    "Cali",
    "San Pedro Sula",
    "Jacmel",
    "Praia",
]
_COUNTRIES = [
    "Mexico",
    "Guatemala",
    "Honduras",
    "El Salvador",
    "Brazil",
    "Portugal",
    "Haiti",
    "Vietnam",
    "Thailand",
    "Pakistan",
    "India",
    "Ghana",
    "Nigeria",
    "Egypt",
    "Turkey",
    "Greece",
    "Samoa",
    "Tonga",
    "Cape Verde",
    "Colombia",
]
_FREE_MAIL = [
    "gmail.com",
    "yahoo.com",
    "hotmail.com",
    "outlook.com",
    "aol.com",
    "icloud.com",
    "mail.com",
    "protonmail.com",
    "live.com",
    "comcast.net",
]

# ---------------------------------------------------------------------------
# clinical negative pools
# ---------------------------------------------------------------------------
_PSY_DRUGS = [
    ("sertraline", (25, 50, 100, 150), "mg"),
    ("escitalopram", (5, 10, 20), "mg"),
    ("fluoxetine", (10, 20, 40), "mg"),
    ("bupropion XL", (150, 300), "mg"),
    ("mirtazapine", (7.5, 15, 30), "mg"),
    ("quetiapine", (25, 50, 100, 300), "mg"),
    ("aripiprazole", (2, 5, 10, 15), "mg"),
    ("lithium carbonate", (300, 600), "mg"),
    ("lamotrigine", (25, 100, 200), "mg"),
    ("trazodone", (50, 100), "mg"),
    ("hydroxyzine", (25, 50), "mg"),
    ("prazosin", (1, 2, 5), "mg"),
    ("buspirone", (10, 15), "mg"),
    ("olanzapine", (5, 10), "mg"),
    ("venlafaxine XR", (75, 150), "mg"),
    ("clonazepam", (0.5, 1), "mg"),
    ("naltrexone", (50,), "mg"),
    ("buprenorphine-naloxone", (8,), "mg"),
]
_MED_DRUGS = [
    ("metformin", (500, 1000), "mg"),
    ("lisinopril", (10, 20, 40), "mg"),
    ("atorvastatin", (20, 40, 80), "mg"),
    ("amlodipine", (5, 10), "mg"),
    ("levothyroxine", (50, 75, 88, 100), "mcg"),
    ("apixaban", (2.5, 5), "mg"),
    ("prednisone", (10, 20, 40), "mg"),
    ("doxycycline", (100,), "mg"),
    ("furosemide", (20, 40), "mg"),
    ("metoprolol succinate", (25, 50), "mg"),
    ("gabapentin", (300, 600), "mg"),
    ("omeprazole", (20, 40), "mg"),
    ("hydroxychloroquine", (200, 400), "mg"),
    ("methotrexate", (7.5, 15), "mg"),
    ("isotretinoin", (20, 40), "mg"),
    ("cephalexin", (500,), "mg"),
    ("valacyclovir", (1,), "g"),
    ("warfarin", (2.5, 5), "mg"),
]
_FREQ = ["daily", "BID", "TID", "qHS", "q AM", "PRN", "twice daily", "at bedtime", "q8h", "weekly"]
_ROUTES = ["PO", "po", "", "by mouth", "SL"]
_EYE_DROPS = [
    "latanoprost 0.005% 1 gtt OU qHS",
    "timolol 0.5% 1 gtt OD BID",
    "brimonidine 0.2% 1 gtt OS TID",
    "prednisolone acetate 1% 1 gtt OD QID",
    "moxifloxacin 0.5% 1 gtt OD QID x 1 week",
    "dorzolamide-timolol 1 gtt OU BID",
    "artificial tears 1 gtt OU QID PRN",
    "cyclosporine 0.05% 1 gtt OU BID",
    "atropine 1% 1 gtt OD daily",
    "ketorolac 0.5% 1 gtt OD QID",
]
_TOPICALS = [
    "triamcinolone 0.1% ointment BID x 2 weeks",
    "clobetasol 0.05% cream BID to plaques",
    "tretinoin 0.025% cream qHS",
    "ketoconazole 2% cream daily",
    "mupirocin 2% ointment TID x 7 days",
    "hydrocortisone 2.5% cream BID",
    "fluorouracil 5% cream BID x 3 weeks",
    "tacrolimus 0.1% ointment BID",
    "benzoyl peroxide 5% wash daily",
    "calcipotriene 0.005% cream BID",
    "imiquimod 5% cream 3x/week",
    "permethrin 5% cream, repeat in 1 week",
]
_EPONYMS = [
    "Snellen",
    "Schirmer",
    "Tzanck",
    "Wood's lamp",
    "Breslow depth",
    "Clark level",
    "Amsler grid",
    "Ishihara",
    "Goldmann",
    "Hertel",
    "Nikolsky sign",
    "Auspitz sign",
    "Koebner phenomenon",
    "Darier sign",
    "Romberg",
    "Babinski",
    "Glasgow",
    "Cincinnati stroke scale",
    "Apgar",
    "Tanner stage",
    "Bell's palsy",
    "Hashimoto thyroiditis",
    "Graves disease",
    "Parkinson disease",
    "Crohn disease",
    "Sjögren syndrome",
    "Stevens-Johnson syndrome",
    "Kaposi sarcoma",
    "Fuchs dystrophy",
    "Marcus Gunn pupil",
    "Horner syndrome",
    "Wernicke encephalopathy",
    "Korsakoff syndrome",
]
_ICD_PSY = [
    "F32.1",
    "F33.1",
    "F41.1",
    "F43.10",
    "F31.81",
    "F20.9",
    "F10.20",
    "F11.20",
    "F90.0",
    "F60.3",
    "F42.2",
    "F50.01",
    "F41.0",
    "Z91.51",
    "R45.851",
]
_ICD_EYE = [
    "H40.1131",
    "H25.13",
    "E11.3293",
    "H35.3131",
    "H04.123",
    "H10.33",
    "H52.4",
    "H33.021",
    "H16.141",
    "H47.011",
]
_ICD_DERM = [
    "L40.0",
    "L57.0",
    "C44.311",
    "D22.5",
    "L20.9",
    "L70.0",
    "C43.62",
    "L82.1",
    "B35.1",
    "L30.9",
    "L71.9",
    "D48.5",
    "L80",
]
_ICD_GEN = [
    "E11.9",
    "I10",
    "E78.5",
    "N18.3",
    "J44.9",
    "I48.91",
    "Z79.01",
    "R73.03",
    "D64.9",
    "E03.9",
    "Z00.00",
    "Z13.220",
    "R53.83",
    "K21.9",
    "M81.0",
]
_ICD_CPS = ["T74.12XA", "T76.12XA", "Z04.72", "T74.4XXA", "Z62.21", "T74.02XA", "S52.521A"]
_CPT = [
    "99213",
    "99214",
    "99204",
    "92014",
    "92134",
    "92083",
    "66984",
    "11104",
    "11102",
    "17000",
    "17003",
    "96910",
    "36415",
    "80053",
    "80061",
    "83036",
    "84443",
    "85025",
    "90791",
    "90834",
    "90837",
    "99285",
    "87086",
    "81001",
    "88305",
    "G0103",
    "J3301",
    "G0439",
    "J1100",
    "A4253",
    "E0607",
]
_GENES = [
    "BRCA1 c.68_69delAG",
    "BRCA2 c.5946delT (p.Ser1982fs)",
    "MTHFR c.677C>T",
    "HLA-B*58:01",
    "CYP2D6*4",
    "CYP2C19*2",
    "TPMT*3A",
    "BRAF V600E",
    "CDKN2A p.Gly101Trp",
    "MC1R R151C",
    "FLG R501X",
    "ABCA4 c.5882G>A",
    "MYOC p.Gln368Ter",
    "RPE65",
    "TP53 p.Arg175His",
    "HLA-B*15:02",
    "SLC6A4 5-HTTLPR",
    "COMT Val158Met",
    "PTCH1 c.1526G>A",
    "KIT exon 11",
    "NF1",
    "TSC2",
    "APOE e4/e4",
    "FMR1 premutation",
]
_SPECIMENS = [
    "whole blood, lavender top (EDTA)",
    "serum, gold SST",
    "plasma, light blue citrate",
    "urine, clean catch midstream",
    "24 h urine",
    "CSF tube 3",
    "nasopharyngeal swab",
    "skin punch biopsy, formalin",
    "shave biopsy in formalin",
    "stool, C&S vial",
    "buccal swab",
    "sputum, expectorated",
    "wound swab, aerobic",
    "green top heparin",
]
_TESTS = [
    ("CBC w/ diff", "85025"),
    ("CMP", "80053"),
    ("lipid panel", "80061"),
    ("HbA1c", "83036"),
    ("TSH", "84443"),
    ("urinalysis", "81001"),
    ("urine culture", "87086"),
    ("PSA screening", "G0103"),
    ("vitamin D 25-OH", "82306"),
    ("lithium level", "80178"),
    ("valproic acid level", "80164"),
    ("hepatitis C Ab", "86803"),
    ("HIV-1/2 Ag/Ab", "87389"),
    ("ferritin", "82728"),
    ("B12", "82607"),
    ("urine drug screen", "80305"),
    ("BMP", "80048"),
    ("magnesium", "83735"),
]
_DEPTS = [
    "Cardiology",
    "Psychiatry",
    "Dermatology",
    "Ophthalmology",
    "the Emergency Department",
    "Social Work",
    "Neurology",
    "Endocrinology",
    "Nephrology",
    "Oncology",
    "Child Protection Team",
    "Retina clinic",
    "Mohs Surgery",
    "Pharmacy",
    "Behavioral Health",
    "Case Management",
    "Radiology",
    "Pathology",
    "Interpreter Services",
]


class _Person(object):
    __slots__ = ("given", "family", "middle", "sex", "cult", "nick")


class _G(object):
    def __init__(self, r, fk):
        self.r = r
        self.fk = fk
        self.cult_names = [c for c, _ in _CULTURE_W]
        self.cult_w = [w for _, w in _CULTURE_W]

    # ------------------------------------------------------------ primitives
    def ch(self, seq):
        return self.r.choice(seq)

    def p(self, x):
        return self.r.random() < x

    def ri(self, a, b):
        return self.r.randint(a, b)

    def pat(self, s):
        r = self.r
        out = []
        for c in s:
            if c == "9":
                out.append(str(r.randint(0, 9)))
            elif c == "A":
                out.append(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ"))
            elif c == "a":
                out.append(r.choice("abcdefghijkmnprstuvwxyz"))
            elif c == "X":
                out.append(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789"))
            elif c == "h":
                out.append(r.choice("0123456789abcdef"))
            else:
                out.append(c)
        return "".join(out)

    # ------------------------------------------------------------ people
    def person(self, sex=None, cult=None):
        r = self.r
        p = _Person()
        p.sex = sex or r.choice("MF")
        p.cult = cult or r.choices(self.cult_names, self.cult_w)[0]
        fem = p.sex == "F"
        c = p.cult
        p.middle = None
        if c in _CUSTOM:
            m, f, fam = _CUSTOM[c]
            p.given = r.choice(f if fem else m)
            p.family = r.choice(fam)
        elif c == "vi":
            p.family = self.fk["vi_VN"].last_name()
            p.given = r.choice(_VI_GIVEN_F if fem else _VI_GIVEN_M)
        elif c == "ja":
            g = self.fk["ja_JP"]
            p.given = g.first_romanized_name_female() if fem else g.first_romanized_name_male()
            p.family = g.last_romanized_name()
        elif c == "zh":
            g = self.fk["zh_CN"]
            p.given = g.first_romanized_name()
            p.family = g.last_romanized_name()
        else:
            g = self.fk[c]
            if fem:
                p.given = g.first_name_female()
                p.family = g.last_name_female()
            else:
                p.given = g.first_name_male()
                p.family = g.last_name_male()
            if c == "en_US" and r.random() < 0.12:
                p.family = r.choice(_EXTRA_SURNAMES)
            if c in ("es_ES", "es_MX", "es_AR") and r.random() < 0.3:
                p.family = p.family + " " + g.last_name()
        p.given = _clean(p.given)
        p.family = _clean(p.family)
        if r.random() < 0.05 and " " not in p.family:
            p.family = (
                p.family
                + "-"
                + self.person(cult=r.choice(["en_US", "es_MX", "ak", "pac", "el"])).family.split(
                    " "
                )[0]
            )
        if r.random() < 0.15 and c not in _SFIRST:
            p.middle = r.choice("ABCDEFGHJKLMNPRSTVW")
        p.nick = r.choice(_NICKS) if r.random() < 0.3 else None
        return p

    def full(self, p, order=None):
        if order is None:
            order = "sf" if (p.cult in _SFIRST and self.p(0.55)) else "gf"
        if order == "sf":
            return p.family + " " + p.given
        if p.middle and self.p(0.5):
            return p.given + " " + p.middle + ". " + p.family
        return p.given + " " + p.family

    def nm(self, p, form=None):
        """Return list of segments for one name mention (label NAME)."""
        r = self.r
        if form is None:
            form = r.choices(
                ["full", "caps", "lower", "last_first", "sf", "init_last", "nick", "initials"],
                [48, 8, 6, 8, 6, 9, 5, 3],
            )[0]
        if form == "full":
            return [(self.full(p), "NAME")]
        if form == "caps":
            return [(self.full(p).upper(), "NAME")]
        if form == "lower":
            return [(self.full(p).lower(), "NAME")]
        if form == "last_first":
            s = p.family + ", " + p.given + ((" " + p.middle) if p.middle else "")
            return [(s.upper() if self.p(0.6) else s, "NAME")]
        if form == "sf":
            return [(self.full(p, "sf"), "NAME")]
        if form == "init_last":
            return [(p.given[0] + ". " + p.family, "NAME")]
        if form == "initials":
            fm = fold(p.given)[:1].upper() + (p.middle or "") + fold(p.family)[:1].upper()
            return [(".".join(fm) + "." if self.p(0.6) else fm, "NAME")]
        if form == "nick":
            if not p.nick:
                return [(self.full(p, "gf"), "NAME")]
            q = self.ch(['"', '"', "'", "“"])
            q2 = "”" if q == "“" else q
            return [(self.full(p, "gf"), "NAME"), (" " + q, None), (p.nick, "NAME"), (q2, None)]
        if form == "given":
            return [(p.given, "NAME")]
        if form == "family":
            return [(p.family, "NAME")]
        raise ValueError(form)

    def spell(self, word, mode=None):
        letters = [c for c in fold(word).upper() if c.isalpha()]
        mode = mode or self.ch(["hy", "hy", "sp", "sp_low", "nato"])
        if mode == "hy":
            return "-".join(letters)
        if mode == "sp":
            return " ".join(letters)
        if mode == "sp_low":
            return " ".join(letters).lower()
        return " ".join(_NATO[c] for c in letters)

    def clin(self):
        return self.person()

    def rel(self, words, cult=None):
        """Pick a relation word and a person whose sex matches it."""
        w = self.ch(words)
        base = w.strip().lower().split()[-1] if w.strip() else ""
        sex = "F" if base in _REL_F else ("M" if base in _REL_M else None)
        return w, self.person(sex=sex, cult=cult)

    def dr(self, form=None):
        """Clinician mention with title outside the span."""
        p = self.clin()
        k = self.ri(0, 6)
        if k <= 2:
            return C(
                self.ch(["Dr. ", "Dr ", "Dr. ", "DR. "]),
                self.nm(p, form or self.ch(["full", "full", "family", "init_last"])),
            )
        if k == 3:
            return C(
                self.nm(p, form or "full"),
                self.ch([", MD", " MD", ", DO", ", OD", ", PA-C", ", NP"]),
            )
        if k == 4:
            return C(
                self.nm(p, form or "full"), self.ch([", RN", " RN", ", LCSW", ", LPN", ", MA"])
            )
        if k == 5:
            return C(
                self.ch(["NP ", "RN ", "PA ", "SW "]),
                self.nm(p, form or self.ch(["full", "given"])),
            )
        return C(self.nm(p, form or "full"))

    # ------------------------------------------------------------ dates
    def ymd(self, lo=2018, hi=2025):
        r = self.r
        y = r.randint(lo, hi)
        m = r.randint(1, 12)
        d = r.randint(1, calendar.monthrange(y, m)[1])
        return y, m, d

    def dob(self, old=False):
        if old:
            return self.ymd(1918, 1934)
        return self.ymd(1935, 2022)

    def yy_words(self, y):
        yy = y % 100
        if yy < 10:
            return ("oh " if self.p(0.8) else "zero ") + _ONES[yy]
        return nw(yy, self.p(0.3))

    def year_words(self, y):
        if y == 2000:
            return "two thousand"
        if 2001 <= y <= 2009:
            return self.ch(["two thousand ", "two thousand and "]) + _ONES[y - 2000]
        if y >= 2010:
            return self.ch(["twenty ", "two thousand "]) + nw(y - 2000, False)
        hi, lo = divmod(y, 100)
        return (
            nw(hi) + " " + (nw(lo, False) if lo >= 10 else ("oh " + _ONES[lo] if lo else "hundred"))
        )

    def date(self, kind="num", ymd=None):
        """Return segments for a date; leading articles stay outside the span."""
        r = self.r
        y, m, d = ymd or self.ymd()
        M = _MONTHS[m]
        pre = ""
        if kind == "num":
            kind = r.choices(["form", "label", "prose"], [5, 2, 4])[0]
        if kind == "form":
            s = self.ch(
                [
                    "%02d/%02d/%d" % (m, d, y),
                    "%d/%d/%d" % (m, d, y),
                    "%d/%d/%02d" % (m, d, y % 100),
                    "%02d-%02d-%d" % (m, d, y),
                    "%d-%02d-%02d" % (y, m, d),
                    "%02d/%02d/%02d" % (m, d, y % 100),
                ]
            )
        elif kind == "label":
            s = self.ch(
                [
                    "%02d %s %02d" % (d, M[:3].upper(), y % 100),
                    "%02d-%s-%d" % (d, M[:3].upper(), y),
                    "%d%02d%02d" % (y, m, d),
                    "%d-%02d-%02d" % (y, m, d),
                    "%02d%s%d" % (d, M[:3].upper(), y),
                    "%02d.%02d.%d" % (d, m, y),
                    "%d %s %d" % (d, M[:3], y),
                ]
            )
        elif kind == "prose":
            k = r.randint(0, 9)
            if k == 0:
                s = "%d/%d" % (m, d)
            elif k == 1:
                s = "%s %d, %d" % (M, d, y)
            elif k == 2:
                s = "%s %s" % (M, ords(d))
            elif k == 3:
                s = "%s %d" % (M[:3] + self.ch(["", "."]), d)
            elif k == 4:
                pre, s = "the ", ords(d)
            elif k == 5:
                s = "%s %d" % (M, y)
            elif k == 6:
                s = "%d %s %d" % (d, M, y)
            elif k == 7:
                s = "%s %d" % (M, d)
            elif k == 8:
                pre, s = "the ", "%s of %s" % (ords(d), M)
            else:
                s = "%d/%d/%02d" % (m, d, y % 100)
        elif kind == "spoken":
            k = r.randint(0, 7)
            if k == 0:
                s = "%s %s %s" % (nw(m), nw(d, False), self.yy_words(y))
            elif k == 1:
                s = "%s %s %s" % (M.lower(), ordw(d, self.p(0.4)), self.year_words(y))
            elif k == 2:
                pre, s = (
                    "the ",
                    "%s of %s" % (ordw(d, self.p(0.5)), M.lower() if self.p(0.6) else M),
                )
            elif k == 3:
                s = "%s %s" % (M.lower(), nw(d, False))
            elif k == 4:
                s = "%s slash %s slash %s" % (nw(m), nw(d, False), self.yy_words(y))
            elif k == 5:
                s = "%s %s %s" % (nw(d, False), M.lower(), self.year_words(y))
            elif k == 6:
                s = "%s %s" % (M.lower(), ordw(d, False))
            else:
                pre, s = "the ", ordw(d, self.p(0.5))
        elif kind == "es":
            dd = "primero" if (d == 1 and self.p(0.6)) else es_n(d)
            k = r.randint(0, 4)
            if k == 0:
                s = "%s de %s" % (dd, _ES_MONTHS[m])
            elif k == 1:
                s = "%s de %s de %s" % (dd, _ES_MONTHS[m], es_year(y))
            elif k == 2:
                s = "%d de %s de %d" % (d, _ES_MONTHS[m], y)
            elif k == 3:
                s = "%d/%d/%d" % (d, m, y)
            else:
                s = "%s de %s del %d" % (dd, _ES_MONTHS[m], y)
            if self.p(0.4):
                pre = "el "
        elif kind == "pt":
            dd = "primeiro" if d == 1 else pt_n(d)
            k = r.randint(0, 3)
            if k == 0:
                s = "%s de %s" % (dd, _PT_MONTHS[m])
            elif k == 1:
                s = "%d de %s de %d" % (d, _PT_MONTHS[m], y)
            elif k == 2:
                s = "%s de %s de %d" % (dd, _PT_MONTHS[m], y)
            else:
                s = "%02d/%02d/%d" % (d, m, y)
            if self.p(0.3):
                pre = "dia "
        elif kind == "fr":
            dd = "premier" if (d == 1 and self.p(0.5)) else fr_n(d)
            k = r.randint(0, 3)
            if k == 0:
                s = "%s %s" % (dd, _FR_MONTHS[m])
            elif k == 1:
                s = "%s %s %d" % ("1er" if d == 1 else str(d), _FR_MONTHS[m], y)
            elif k == 2:
                s = "%s %s %d" % (dd, _FR_MONTHS[m], y)
            else:
                s = "%02d/%02d/%d" % (d, m, y)
            if self.p(0.5):
                pre = "le "
        else:
            raise ValueError(kind)
        return C(pre, (s, "DATE"))

    def time(self):
        h = self.ri(0, 23)
        mi = self.ch([0, 5, 10, 15, 20, 30, 40, 45, 50, self.ri(0, 59)])
        k = self.ri(0, 4)
        if k == 0:
            return "%02d%02d" % (h, mi)
        if k == 1:
            return "%02d:%02d" % (h, mi)
        if k == 2:
            return "%d:%02d %s" % (h % 12 or 12, mi, "am" if h < 12 else "pm")
        if k == 3:
            return "%02d%02d hrs" % (h, mi)
        return "%d%s" % (h % 12 or 12, " AM" if h < 12 else " PM")

    # ------------------------------------------------------------ ages
    def age_old(self):
        return self.ri(90, 106)

    def age_young(self):
        return self.ch([self.ri(18, 89), self.ri(18, 89), self.ri(40, 89), self.ri(0, 17)])

    @staticmethod
    def art(word):
        w = word.strip().lower()
        if w.startswith("one"):
            return "a"
        if w[:1] in ("a", "e", "i", "o", "u"):
            return "an"
        dg = ""
        for c in w:
            if not c.isdigit():
                break
            dg += c
        if dg and (dg[0] == "8" or dg in ("11", "18")):
            return "an"
        return "a"

    def age(self, old=None, spoken=False, style=None, article=False):
        """Age mention; value labelled AGE only when over 89."""
        if article:
            segs = self.age(old, spoken, style)
            return C(self.art(segs[0][0]) + " ", segs)
        if old is None:
            old = self.p(0.35)
        a = self.age_old() if old else self.age_young()
        lab = "AGE" if a > 89 else None
        if spoken:
            v = nw(a, self.p(0.5)).replace("hundred ", self.ch(["hundred ", "hundred and "]))
            if a in (100,) and self.p(0.5):
                v = "a hundred"
            return C((v, lab), self.ch([" year old ", " year-old ", " years old "]))
        style = style or self.ri(0, 7)
        if style == 0:
            return C((str(a), lab), " y/o ")
        if style == 1:
            return C((str(a), lab), "-year-old ")
        if style == 2:
            return C((str(a), lab), " yo ")
        if style == 3:
            return C((str(a), lab), " year old ")
        if style == 4:
            return C((nw(a), lab), "-year-old ")
        if style == 5:
            return C("aged ", (str(a), lab), " ")
        if style == 6:
            return C((str(a), lab), " yrs ")
        return C((str(a), lab), " y.o. ")

    # ------------------------------------------------------------ identifiers
    def mrn(self):
        return self.pat(
            self.ch(
                [
                    "9999999",
                    "99999999",
                    "0099999999",
                    "E9999999",
                    "99-999-999",
                    "M999999999",
                    "9999999999",
                    "AA9999999",
                    "000999999",
                ]
            )
        )

    def ssn(self):
        a = "%03d" % self.ri(101, 772)
        b = "%02d" % self.ri(1, 99)
        c = "%04d" % self.ri(1, 9999)
        return self.ch(
            [a + "-" + b + "-" + c, a + "-" + b + "-" + c, a + " " + b + " " + c, a + b + c]
        )

    def plan_id(self):
        return self.pat(
            self.ch(
                [
                    "AAA999999999",
                    "W999999999",
                    "9AA9-AA9-AA99",
                    "9AA9AA9AA99",
                    "ZGP99999999",
                    "99999999901",
                    "AA99999A",
                    "XJH9999999999",
                    "U9999999901",
                    "999999999-A",
                    "MBR-99999999",
                ]
            )
        )

    def account(self):
        return self.pat(
            self.ch(
                [
                    "99999999",
                    "A99999999",
                    "9999-999999",
                    "99999999999",
                    "ENC-9999999",
                    "V999999999",
                    "9999999-99",
                    "AC99999999",
                ]
            )
        )

    def dl(self):
        return self.pat(
            self.ch(
                [
                    "A9999999",
                    "A999-9999-9999",
                    "AA999999",
                    "999-999-999",
                    "A99999999999",
                    "99999999",
                    "A999-999-99-999-9",
                    "A9999-99999-99999",
                ]
            )
        )

    def prof_license(self):
        return self.pat(
            self.ch(
                [
                    "RN999999",
                    "MD99999",
                    "A99999",
                    "99-999999",
                    "LCSW 99999",
                    "PSY99999",
                    "G99999",
                    "9999999",
                ]
            )
        )

    def dea(self):
        return self.pat("AA9999999")

    def npi(self):
        return self.ch(["1", "1", "2"]) + self.pat("999999999")

    def plate(self):
        k = self.ri(0, 5)
        if k == 0:
            return _clean(self.fk["en_US"].license_plate())
        return self.pat(
            self.ch(["9AAA999", "AAA-9999", "AAA 999", "999-AAA", "AA9-A999", "9AA-A99"])
        )

    def vin(self):
        r = self.r
        return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(17))

    def device(self):
        return self.pat(
            self.ch(
                [
                    "AAA999999A",
                    "9999999999",
                    "99999-AA",
                    "PJN999999H",
                    "99999999.999",
                    "AA99A999999",
                    "A9A9-9999-99",
                    "99AA99999",
                    "RLZ999999A",
                    "G999999",
                ]
            )
        )

    def biometric(self):
        return self.pat(
            self.ch(
                [
                    "FP-99999-A",
                    "VP9999999",
                    "RTN-999999",
                    "BIO-AAAA-9999",
                    "hhhhhhhhhhhh",
                    "IRIS-99999-99",
                    "fpt_hhhhhhhh",
                    "VPR-999-9999",
                ]
            )
        )

    def photo(self, kinds=None):
        y, m, d = self.ymd()
        k = self.ch(kinds) if kinds else self.ri(0, 8)
        if k == 0:
            return "IMG_%04d.JPG" % self.ri(1, 9999)
        if k == 1:
            return "IMG_%d%02d%02d_%02d%02d%02d.jpg" % (
                y,
                m,
                d,
                self.ri(7, 18),
                self.ri(0, 59),
                self.ri(0, 59),
            )
        if k == 2:
            return "DSC0%04d.JPG" % self.ri(1, 9999)
        if k == 3:
            return "derm_%04d_lesion%s.png" % (self.ri(1, 9999), self.ch("ABCD"))
        if k == 4:
            return "fundus_%s_%05d.tif" % (self.ch(["OD", "OS", "OU"]), self.ri(1, 99999))
        if k == 5:
            return "PXL_%d%02d%02d_%06d.jpg" % (y, m, d, self.ri(0, 999999))
        if k == 6:
            return self.pat("PH-99999")
        if k == 7:
            return self.pat("TBP-9999-99")
        return "photo_%s.heic" % self.pat("99999")

    def email(self, p, spoken=False):
        g = fold(p.given).lower().replace(" ", "").replace("-", "")
        f = fold(p.family).lower().replace(" ", "").replace("-", "").replace(".", "")
        k = self.ri(0, 5)
        sp = " " if spoken and self.p(0.5) else ""
        user = [
            g + "." + f,
            g[0] + sp + f,
            g + sp + f + str(self.ri(1, 99)),
            f + "_" + g[0],
            g + str(self.ri(60, 2005)),
            fold(p.nick or g).lower() + "." + f,
        ][k]
        dom = self.ch(_FREE_MAIL) if self.p(0.8) else _clean(self.fk["en_US"].domain_name())
        return user, dom

    def email_written(self, p):
        u, d = self.email(p)
        s = u + "@" + d
        return s.upper() if self.p(0.1) else s

    def email_spoken(self, p):
        u, d = self.email(p, spoken=True)

        def say(x):
            out = []
            buf = ""
            for c in x:
                if c == ".":
                    out.append(buf)
                    out.append("dot")
                    buf = ""
                elif c == "_":
                    out.append(buf)
                    out.append("underscore")
                    buf = ""
                elif c.isdigit():
                    out.append(buf)
                    out.append(_ONES[int(c)])
                    buf = ""
                else:
                    buf += c
            out.append(buf)
            return " ".join(w for w in out if w)

        return say(u) + " " + self.ch(["at", "at", "at sign"]) + " " + say(d)

    def url(self):
        fk = self.fk["en_US"]
        dom = _clean(fk.domain_name())
        path = self.ch(
            [
                "mychart/Authentication/Login",
                "forms/intake",
                "patient/%s" % self.pat("99999999"),
                "portal/records/%s" % self.pat("aaa999"),
                "u/%s" % self.pat("aaaaaaa"),
                "share/%s" % self.pat("hhhhhhhhhh"),
                "~%s/photos" % fold(self.person().family).lower().replace(" ", ""),
                "profile/%s" % self.pat("aaaaa99"),
            ]
        )
        k = self.ri(0, 3)
        if k == 0:
            return "https://" + dom + "/" + path
        if k == 1:
            return "www." + dom + "/" + path
        if k == 2:
            return "http://" + self.ch(["portal.", "secure.", "my.", ""]) + dom + "/" + path
        return "https://" + dom + "/" + path + "?id=" + self.pat("999999")

    def url_spoken(self):
        fk = self.fk["en_US"]
        dom = fold(_clean(fk.domain_name())).lower()
        parts = dom.split(".")
        s = " dot ".join(p.replace("-", " dash ") for p in parts)
        pre = self.ch(["w w w dot ", "h t t p s colon slash slash ", "", "www dot "])
        tail = self.ch(
            [
                "",
                " slash forms",
                " slash " + fold(self.person().family).lower().split(" ")[0],
                " slash portal",
                " slash patient slash " + " ".join(_ONES[int(c)] for c in self.pat("9999")),
            ]
        )
        return pre + s + tail

    def ip(self):
        k = self.ri(0, 3)
        if k == 3:
            return _clean(self.fk["en_US"].ipv6())
        if k == 2:
            return "10.%d.%d.%d" % (self.ri(0, 255), self.ri(0, 255), self.ri(1, 254))
        return _clean(self.fk["en_US"].ipv4_public())

    def phone_digits(self, intl=None):
        a = self.ri(201, 989)
        while a % 100 == 11:
            a = self.ri(201, 989)
        return "%03d" % a, "%03d" % self.ri(200, 999), "%04d" % self.ri(0, 9999)

    def phone(self, intl=None):
        r = self.r
        if intl or (intl is None and self.p(0.07)):
            k = self.ri(0, 3)
            if k == 0:
                return "+52 %s %s %s" % (self.pat("99"), self.pat("9999"), self.pat("9999"))
            if k == 1:
                return "+55 %s 9%s-%s" % (self.pat("99"), self.pat("9999"), self.pat("9999"))
            if k == 2:
                return "+34 6%s %s %s" % (self.pat("99"), self.pat("999"), self.pat("999"))
            return "+84 9%s %s %s" % (self.pat("9"), self.pat("999"), self.pat("9999"))
        a, b, c = self.phone_digits()
        return r.choice(
            [
                "(%s) %s-%s",
                "%s-%s-%s",
                "%s.%s.%s",
                "%s%s%s",
                "+1 %s %s %s",
                "%s %s %s",
                "1-%s-%s-%s",
                "(%s)%s-%s",
                "+1 (%s) %s-%s",
            ]
        ) % (a, b, c)

    def say_digits(self, s, lang="en"):
        """Speak a string of digits / letters / separators."""
        r = self.r
        if lang == "en":
            zero = r.choice(["oh", "zero", "oh"])
            dig = [zero] + _ONES[1:10]
        elif lang == "es":
            dig = _ES[:10]
        elif lang == "pt":
            dig = _PT[:10]
        else:
            dig = _FR[:10]
        letters = r.choice(["plain", "plain", "nato", "asin"])
        sep_mode = r.choice(["dash", "comma", "none", "comma"])
        runs = []
        for c in s:
            t = "d" if c.isdigit() else ("a" if c.isalpha() else "s")
            if runs and runs[-1][0] == t and t != "s":
                runs[-1][1] += c
            else:
                runs.append([t, c])
        toks = []
        for t, run in runs:
            if t == "s":
                if run == " " and sep_mode == "dash":
                    continue
                if sep_mode == "dash" and toks:
                    toks.append("dash")
                elif sep_mode == "comma" and toks:
                    toks[-1] += ","
                continue
            if t == "a":
                for c in run:
                    c = c.upper()
                    if letters == "plain":
                        toks.append(c if r.random() < 0.5 else c.lower())
                    elif letters == "nato":
                        toks.append(_NATO.get(c, c))
                    else:
                        toks.append("%s as in %s" % (c, _ASIN.get(c, c)))
                continue
            if lang == "en" and len(run) in (2, 4) and run[0] != "0" and r.random() < 0.3:
                for k in range(0, len(run), 2):
                    v = int(run[k : k + 2])
                    toks.append(
                        nw(v, False)
                        if v >= 10
                        else zero + " " + _ONES[v]
                        if v
                        else zero + " " + zero
                    )
                continue
            i = 0
            grp = 0
            while i < len(run):
                c = run[i]
                if lang == "en" and i + 1 < len(run) and run[i + 1] == c and r.random() < 0.3:
                    toks.append("double " + dig[int(c)])
                    i += 2
                    grp += 2
                else:
                    toks.append(dig[int(c)])
                    i += 1
                    grp += 1
                if len(run) >= 6 and grp >= 3 and i < len(run) and sep_mode == "comma":
                    toks[-1] += ","
                    grp = 0
        out = " ".join(toks).strip().rstrip(",")
        return out

    def say_phone(self, lang="en"):
        a, b, c = self.phone_digits()
        return self.say_digits(a + "-" + b + "-" + c, lang)

    def street(self, loc=None):
        r = self.r
        loc = loc or r.choices(["en_US", "other"], [85, 15])[0]
        if loc == "other":
            loc = r.choice(["es_MX", "es_ES", "pt_BR", "es_AR", "fr_FR"])
            return _clean(self.fk[loc].street_address())
        k = self.ri(0, 9)
        if k <= 5:
            s = _clean(self.fk["en_US"].street_address())
        elif k == 6:
            s = "%d %s %s" % (
                self.ri(1, 9899),
                self.ch(["N", "S", "E", "W", "NE", "SW"]),
                _clean(self.fk["en_US"].street_name()),
            )
        elif k == 7:
            s = "PO Box %d" % self.ri(10, 99999)
        elif k == 8:
            s = "%d %s" % (
                self.ri(10, 99999),
                self.ch(
                    [
                        "Kalanianaʻole Hwy",
                        "Kamehameha Ave",
                        "Old Mill Rd",
                        "County Road 12",
                        "Calle Ocho",
                        "Rue Dupré",
                        "Martin Luther King Jr Blvd",
                        "Avenida del Sol",
                    ]
                ),
            )
        else:
            s = "%d %s Apt %s" % (
                self.ri(1, 9999),
                _clean(self.fk["en_US"].street_name()),
                self.pat(self.ch(["9", "99", "9A", "A9"])),
            )
        return s

    def city(self):
        k = self.ri(0, 3)
        if k == 0:
            return _clean(self.fk["en_US"].city())
        return self.ch(_CITIES)

    def zipc(self):
        z = "%05d" % self.ri(1001, 99950)
        if self.p(0.15):
            z += "-%04d" % self.ri(1, 9999)
        return z

    def address_block(self, caps=False, sep=", ", with_state=True):
        st = self.street()
        cty = self.city()
        state = self.ch(_ST_ABBR) if self.p(0.7) else self.ch(_STATES)
        if caps:
            st, cty, state = st.upper(), cty.upper(), state.upper()
        return C(
            (st, "ADDRESS"),
            sep,
            (cty, "GEO"),
            (", " + state + " " if with_state else " "),
            (self.zipc(), "GEO"),
        )

    def say_street(self):
        num = self.ri(1, 9999)
        name = fold(_clean(self.fk["en_US"].street_name())).lower()
        if self.p(0.5):
            n = " ".join(_ONES[int(c)] for c in str(num))
        else:
            n = nw(num, False) if num < 1000 else " ".join(_ONES[int(c)] for c in str(num))
        return n + " " + name

    # ------------------------------------------------------------ negative sentences
    def drug(self, pool=None, spoken=False):
        name, doses, unit = self.ch(pool or (_PSY_DRUGS + _MED_DRUGS))
        dose = self.ch(doses)
        if spoken:
            ds = (
                nw(int(dose), False)
                if dose == int(dose)
                else ("%s point %s" % (nw(int(dose), False), _ONES[int(round((dose % 1) * 10))]))
            )
            u = {"mg": "milligrams", "mcg": "micrograms", "g": "gram"}[unit]
            return "%s %s %s %s" % (
                name,
                ds,
                u,
                self.ch(
                    [
                        "daily",
                        "twice a day",
                        "at bedtime",
                        "every morning",
                        "as needed",
                        "three times a day",
                    ]
                ),
            )
        ds = "%g" % dose
        rt = self.ch(_ROUTES)
        return ("%s %s %s %s %s" % (name, ds, unit, rt, self.ch(_FREQ))).replace("  ", " ")

    def vitals(self, spoken=False):
        sb, db = self.ri(96, 182), self.ri(52, 104)
        hr, rr, sp = self.ri(52, 128), self.ri(12, 28), self.ri(86, 100)
        t = self.ch(
            [
                "36.%d C" % self.ri(4, 9),
                "37.%d C" % self.ri(0, 9),
                "98.%d F" % self.ri(0, 9),
                "101.%d F" % self.ri(0, 9),
            ]
        )
        if spoken:
            return (
                "blood pressure %s over %s heart rate %s respiratory rate %s oxygen saturation %s percent on room air"
                % (
                    nw(sb, False)
                    if (self.p(0.4) or sb < 110)
                    else (
                        _ONES[sb // 100] + " " + nw(sb % 100, False)
                        if sb % 100 >= 10
                        else nw(sb, False)
                    ),
                    nw(db, False),
                    nw(hr, False),
                    nw(rr, False),
                    nw(sp, False),
                )
            )
        return self.ch(
            [
                "BP %d/%d, HR %d, RR %d, SpO2 %d%% RA, T %s" % (sb, db, hr, rr, sp, t),
                "Vitals: BP %d/%d | P %d | R %d | O2 sat %d%% | Temp %s" % (sb, db, hr, rr, sp, t),
                "BP %d/%d HR %d SpO2 %d%%" % (sb, db, hr, sp),
            ]
        )

    def labs(self):
        r = self.r
        items = [
            "Na %d" % r.randint(128, 146),
            "K %.1f" % r.uniform(3.0, 5.6),
            "Cl %d" % r.randint(96, 110),
            "HCO3 %d" % r.randint(18, 30),
            "BUN %d" % r.randint(6, 48),
            "Cr %.2f" % r.uniform(0.5, 2.4),
            "glucose %d" % r.randint(68, 320),
            "WBC %.1f" % r.uniform(3.2, 17.5),
            "Hgb %.1f" % r.uniform(7.8, 16.5),
            "plt %d" % r.randint(90, 480),
            "HbA1c %.1f%%" % r.uniform(5.2, 11.8),
            "TSH %.2f" % r.uniform(0.1, 9.0),
            "Li %.1f mEq/L" % r.uniform(0.3, 1.4),
            "AST %d" % r.randint(12, 140),
            "ALT %d" % r.randint(10, 160),
            "LDL %d" % r.randint(50, 190),
            "INR %.1f" % r.uniform(0.9, 3.4),
            "troponin <0.01",
            "lactate %.1f" % r.uniform(0.6, 5.0),
            "EtOH %d mg/dL" % r.randint(0, 310),
            "ammonia %d" % r.randint(10, 90),
        ]
        r.shuffle(items)
        return ", ".join(items[: r.randint(3, 7)])

    def neg_common(self):
        r = self.r
        k = r.randint(0, 21)
        if k == 0:
            return "Current meds: %s; %s." % (self.drug(), self.drug())
        if k == 1:
            return "Labs: %s." % self.labs()
        if k == 2:
            return self.vitals() + "."
        if k == 3:
            return "Dx: %s, %s." % (self.ch(_ICD_GEN), self.ch(_ICD_GEN + _ICD_PSY))
        if k == 4:
            return "Billing codes %s, %s." % (self.ch(_CPT), self.ch(_CPT))
        if k == 5:
            return "Symptoms present x %d %s, worse %s." % (
                r.randint(2, 11),
                self.ch(["days", "weeks", "months"]),
                self.ch(["in the evening", "after meals", "at night", "with exertion"]),
            )
        if k == 6:
            return "Allergies: %s." % self.ch(
                [
                    "NKDA",
                    "penicillin (hives)",
                    "sulfa (rash)",
                    "latex",
                    "codeine (nausea)",
                    "iodinated contrast",
                ]
            )
        if k == 7:
            return "Moved from %s in %d; no recent travel." % (
                self.ch(_STATES),
                r.randint(1975, 2023),
            )
        if k == 8:
            return "Mother alive at %d with %s; father died at %d of %s." % (
                r.randint(45, 89),
                self.ch(["diabetes", "COPD", "breast cancer", "dementia"]),
                r.randint(40, 89),
                self.ch(["MI", "stroke", "lung cancer", "cirrhosis"]),
            )
        if k == 9:
            return "Referred to %s; follow up in %d weeks." % (self.ch(_DEPTS), r.randint(1, 12))
        if k == 10:
            return "Genetic testing: %s identified; counseling offered." % self.ch(_GENES)
        if k == 11:
            return "Seen at %s; next dose due at %s." % (self.time(), self.time())
        if k == 12:
            return "History notable for %s." % self.ch(_EPONYMS)
        if k == 13:
            return "Last colonoscopy %d, mammogram %d, Tdap %d." % (
                r.randint(2012, 2024),
                r.randint(2018, 2024),
                r.randint(2014, 2024),
            )
        if k == 14:
            return "Smokes %d ppd x %d years; alcohol %d drinks/week." % (
                r.randint(0, 2),
                r.randint(2, 40),
                r.randint(0, 30),
            )
        if k == 15:
            return "NDC %s dispensed, #%d with %d refills." % (
                self.pat("99999-999-99"),
                r.randint(14, 90),
                r.randint(0, 5),
            )
        if k == 16:
            return "Weight %d lb, height %d in, BMI %.1f." % (
                r.randint(98, 310),
                r.randint(58, 76),
                r.uniform(17, 44),
            )
        if k == 17:
            return "Pain %d/10, gait steady, fall risk score %d." % (
                r.randint(0, 10),
                r.randint(0, 45),
            )
        if k == 18:
            return "Plan: continue %s; recheck %s in %d months." % (
                self.drug(),
                self.ch(["BMP", "A1c", "CBC", "lipids", "TSH", "LFTs"]),
                r.randint(1, 6),
            )
        if k == 19:
            return "Sister age %d with %s; brother %d, healthy." % (
                r.randint(20, 89),
                self.ch(["lupus", "asthma", "bipolar I", "hypothyroidism"]),
                r.randint(18, 89),
            )
        if k == 20:
            return "LOINC %s resulted; %s noted." % (
                self.pat("9999-9"),
                self.ch(["hemolysis", "no clot", "lipemia", "QNS on first draw"]),
            )
        return "Discussed with %s; %s." % (
            self.ch(_DEPTS),
            self.ch(
                ["no changes today", "agrees with plan", "will review imaging", "consult placed"]
            ),
        )

    # ============================================================ STYLES
    # Each style returns (chunks, filler) where filler() yields one PHI-free chunk.

    # ---------------------------------------------------------------- dictation
    def st_dictation(self):
        r = self.r
        mode = r.choice(["verbatim", "raw", "asr"])
        low = mode != "asr"

        def P():
            if mode == "verbatim":
                return r.choice(
                    [
                        " period ",
                        " period ",
                        " period new paragraph ",
                        " period next line ",
                        " full stop ",
                    ]
                )
            if mode == "raw":
                return " "
            return r.choice([". ", ". ", ".\n"])

        def K():
            if mode == "verbatim":
                return r.choice([" comma ", " "])
            if mode == "raw":
                return " "
            return ", "

        def cz(s):
            return s.lower() if low else s

        def nm(p):
            return self.nm(p, "lower" if low else self.ch(["full", "full", "lower"]))

        pt = self.person()
        pr = "she" if pt.sex == "F" else "he"
        pos = "her" if pt.sex == "F" else "his"
        clin = self.clin()
        chunks = []
        fill = self.neg_dict_factory(P, K, pr)

        k = r.randint(0, 3)
        if k == 0:
            chunks.append(
                C(
                    cz("This is doctor "),
                    self.nm(clin, "lower" if low else "full"),
                    " ",
                    cz(self.ch(["dictating a", "with a", "for a"])),
                    " ",
                    cz(
                        self.ch(
                            [
                                "psychiatry follow up",
                                "clinic note",
                                "discharge summary",
                                "history and physical",
                                "dermatology clinic note",
                                "telephone note",
                            ]
                        )
                    ),
                    " ",
                    cz("on patient "),
                    nm(pt),
                    P(),
                )
            )
        elif k == 1:
            chunks.append(
                C(
                    cz(self.ch(["Patient name ", "Patient is ", "Name "])),
                    nm(pt),
                    K(),
                    cz("last name spelled "),
                    (
                        self.spell(
                            pt.family.split(" ")[-1], self.ch(["hy", "sp", "sp_low", "nato"])
                        ),
                        "NAME",
                    ),
                    P(),
                )
            )
        elif k == 2:
            chunks.append(
                C(
                    cz("Dictating for "),
                    self.ch(["doctor ", "dr "]),
                    self.nm(clin, "lower" if low else "family"),
                    " ",
                    cz("regarding "),
                    nm(pt),
                    K(),
                    cz("that's "),
                    (self.spell(pt.family.split(" ")[0], "hy"), "NAME"),
                    P(),
                )
            )
        else:
            chunks.append(
                C(
                    cz(
                        self.ch(
                            [
                                "Okay um this is a ",
                                "Uh start dictation this is a ",
                                "New dictation ",
                            ]
                        )
                    ),
                    cz(
                        self.ch(
                            [
                                "new patient visit",
                                "follow up visit",
                                "telephone encounter",
                                "consult note",
                            ]
                        )
                    ),
                    " ",
                    cz("for "),
                    nm(pt),
                    P(),
                )
            )
        if self.p(0.8):
            old = self.p(0.3)
            d1 = self.date("spoken", self.dob(old))
            if self.p(0.15):
                chunks.append(
                    C(
                        cz("Date of birth "),
                        d1,
                        " ",
                        self.ch(["scratch that", "correction", "sorry"]),
                        " ",
                        self.date("spoken", self.dob(old)),
                        P(),
                    )
                )
            else:
                chunks.append(C(cz(self.ch(["Date of birth ", "DOB ", "Birthdate is "])), d1, P()))
        if self.p(0.6):
            chunks.append(
                C(
                    cz(self.ch(["Medical record number ", "MRN ", "Record number "])),
                    (self.say_digits(self.mrn()), "MRN"),
                    P(),
                )
            )
        if self.p(0.5):
            chunks.append(
                C(
                    cz(self.ch(["Date of service ", "Seen today ", "Date of visit "])),
                    self.date("spoken"),
                    P(),
                )
            )
        # HPI
        chunks.append(
            C(
                cz(pr.capitalize() + " is "),
                self.age(spoken=True, article=True),
                cz(
                    self.ch(
                        ["woman", "female", "lady"]
                        if pt.sex == "F"
                        else ["man", "male", "gentleman"]
                    )
                    if self.p(0.8)
                    else "patient"
                )
                + " ",
                cz(
                    "with a history of %s and %s"
                    % (
                        self.ch(
                            [
                                "hypertension",
                                "type two diabetes",
                                "major depressive disorder",
                                "glaucoma",
                                "psoriasis",
                                "atrial fibrillation",
                                "COPD",
                            ]
                        ),
                        self.ch(
                            [
                                "hyperlipidemia",
                                "anxiety",
                                "cataracts",
                                "chronic kidney disease stage three",
                                "eczema",
                                "insomnia",
                            ]
                        ),
                    )
                ),
                K(),
                cz(
                    self.ch(
                        [
                            "who presents for follow up",
                            "who comes in today for worsening symptoms",
                            "seen for a routine visit",
                            "referred for evaluation",
                        ]
                    )
                ),
                P(),
            )
        )
        chunks.append(
            C(
                cz("Current medications include "),
                cz(self.drug(spoken=True)),
                K(),
                cz(self.drug(spoken=True)),
                K(),
                cz("and " + self.drug(spoken=True)),
                P(),
            )
        )
        chunks.append(C(cz(self.vitals(spoken=True)), P()))
        if self.p(0.5):
            relw, rel = self.rel(
                [
                    "daughter",
                    "son",
                    "wife",
                    "husband",
                    "mom",
                    "dad",
                    "grandma",
                    "niece",
                    "caregiver",
                    "brother",
                ],
                cult=pt.cult if self.p(0.7) else None,
            )
            chunks.append(
                C(
                    cz(pr.capitalize() + " is accompanied by " + pos + " " + relw) + " ",
                    self.nm(rel, "lower" if low else "given") if self.p(0.6) else nm(rel),
                    P(),
                )
            )
            if self.p(0.6):
                chunks.append(C(cz("Best contact number is "), (self.say_phone(), "PHONE"), P()))
        if self.p(0.35):
            chunks.append(
                C(
                    cz(pr.capitalize() + " lives at "),
                    (self.say_street(), "ADDRESS"),
                    " ",
                    cz("in "),
                    ((self.city().lower() if low else self.city()), "GEO"),
                    " ",
                    self.ch(["", "zip code "]),
                    (" ".join(_ONES[int(c)] for c in "%05d" % self.ri(1001, 99950)), "GEO"),
                    P(),
                )
            )
        elif self.p(0.3):
            g = self.ch(_HOODS + _CITIES)
            chunks.append(
                C(
                    cz(pr.capitalize() + " recently moved to "),
                    ((g.lower() if low else g), "GEO"),
                    cz(" from " + self.ch(_STATES)),
                    P(),
                )
            )
        if self.p(0.3):
            chunks.append(
                C(
                    cz(
                        self.ch(
                            [
                                pr.capitalize() + " asked that the results be emailed to",
                                pr.capitalize() + " prefers email at",
                                pos.capitalize() + " email address is",
                                "Email is",
                            ]
                        )
                        + " "
                    ),
                    (self.email_spoken(pt), "EMAIL"),
                    P(),
                )
            )
        if self.p(0.2):
            chunks.append(C(cz("Handouts are available at "), (self.url_spoken(), "URL"), P()))
        if self.p(0.25):
            which = r.randint(0, 2)
            if which == 0:
                chunks.append(
                    C(
                        cz("Medicare number "),
                        (self.say_digits(self.pat("9AA9AA9AA99")), "HEALTH_PLAN"),
                        P(),
                    )
                )
            elif which == 1:
                chunks.append(
                    C(
                        cz(self.ch(["Social security number ", "Social is "])),
                        (self.say_digits(self.ssn()), "SSN"),
                        P(),
                    )
                )
            else:
                chunks.append(
                    C(
                        cz(self.ch(["Account number ", "Encounter number "])),
                        (self.say_digits(self.account()), "ACCOUNT"),
                        P(),
                    )
                )
        if self.p(0.15):
            chunks.append(
                C(
                    cz(self.ch(["License plate for the parking form is ", "Plate number "])),
                    (self.say_digits(self.plate()), "VEHICLE"),
                    P(),
                )
            )
        if self.p(0.15):
            chunks.append(
                C(
                    cz(
                        self.ch(
                            ["Pacemaker serial number ", "Insulin pump serial ", "Device serial "]
                        )
                    ),
                    (self.say_digits(self.device()), "DEVICE"),
                    P(),
                )
            )
        chunks.append(
            C(
                cz(self.ch(["Assessment and plan", "Impression", "Plan"])),
                K(),
                cz(
                    "continue %s and recheck %s in %s %s"
                    % (
                        self.drug(spoken=True),
                        self.ch(["labs", "a one c", "pressure", "pressures"]),
                        nw(r.randint(2, 12)),
                        self.ch(["weeks", "months"]),
                    )
                ),
                P(),
            )
        )
        if self.p(0.5):
            chunks.append(
                C(
                    cz(
                        self.ch(
                            ["Follow up on ", "Return visit scheduled for ", "Next appointment "]
                        )
                    ),
                    self.date("spoken"),
                    P(),
                )
            )
        if self.p(0.5):
            chunks.append(
                C(
                    cz(self.ch(["cc ", "Copy to ", "Please send a copy to "])),
                    self.ch(["doctor ", "dr "]),
                    self.nm(self.clin(), "lower" if low else "full"),
                    P(),
                )
            )
        chunks.append(
            C(
                cz(
                    self.ch(["End of dictation", "That's all thanks", "End dictation", "Thank you"])
                ),
                "\n" if mode == "asr" else " ",
            )
        )
        return chunks, fill

    def neg_dict_factory(self, P, K, pr):
        def f():
            r = self.r
            k = r.randint(0, 9)
            if k == 0:
                s = "no chest pain no shortness of breath" + K().rstrip() + " appetite is fair"
            elif k == 1:
                s = "heart rate %s blood pressure %s over %s" % (
                    nw(r.randint(55, 120), False),
                    nw(r.randint(100, 170), False),
                    nw(r.randint(55, 99), False),
                )
            elif k == 2:
                s = "a one c was %s point %s in %d" % (
                    nw(r.randint(5, 11)),
                    _ONES[r.randint(0, 9)],
                    r.randint(2015, 2024),
                )
            elif k == 3:
                s = "%s reports sleeping about %s hours a night for the past %s weeks" % (
                    pr,
                    nw(r.randint(3, 9)),
                    nw(r.randint(2, 8)),
                )
            elif k == 4:
                s = "phq nine score %s gad seven %s" % (nw(r.randint(0, 27)), nw(r.randint(0, 21)))
            elif k == 5:
                s = "increase " + self.drug(spoken=True)
            elif k == 6:
                s = "visual acuity twenty %s in the right eye and twenty %s in the left" % (
                    nw(r.choice([20, 25, 30, 40, 50, 70, 100]), False),
                    nw(r.choice([20, 25, 30, 40, 60, 80]), False),
                )
            elif k == 7:
                s = "%s is %s years old and lives in %s" % (
                    pr,
                    nw(r.randint(20, 89), False),
                    self.ch(_STATES).lower(),
                )
            elif k == 8:
                s = "oxygen saturation %s percent temperature ninety eight point %s" % (
                    nw(r.randint(88, 100), False),
                    _ONES[r.randint(0, 9)],
                )
            else:
                s = (
                    "lungs clear to auscultation bilaterally"
                    + K().rstrip()
                    + " abdomen soft nontender"
                )
            return C(s.strip() + P())

        return f

    # ---------------------------------------------------------------- psychiatric intake
    def st_psych(self):
        r = self.r
        pt = self.person()
        she = pt.sex == "F"
        pr, pos = ("She", "her") if she else ("He", "his")
        chunks = []
        chunks.append(
            C(
                self.ch(
                    [
                        "PSYCHIATRIC INTAKE EVALUATION",
                        "Behavioral Health Intake Assessment",
                        "Initial Psychiatric Evaluation",
                        "Psychiatric Emergency Services - Intake",
                        "Outpatient Psychiatry New Patient Note",
                    ]
                ),
                "\n",
            )
        )
        k = r.randint(0, 3)
        if k == 0:
            chunks.append(
                C(
                    "Patient: ",
                    self.nm(pt),
                    self.ch([" | ", "   ", "; "]),
                    "DOB: ",
                    self.date("form", self.dob()),
                    self.ch([" | ", "  "]),
                    "MRN: ",
                    (self.mrn(), "MRN"),
                    "\n",
                )
            )
        elif k == 1:
            chunks.append(
                C(
                    self.nm(pt, "last_first"),
                    "\n",
                    "MRN ",
                    (self.mrn(), "MRN"),
                    "  Acct ",
                    (self.account(), "ACCOUNT"),
                    "\n",
                )
            )
        elif k == 2:
            chunks.append(C("Name: ", self.nm(pt), "   Age: ", self.age(), " Sex: ", pt.sex, "\n"))
        else:
            chunks.append(
                C(
                    "Identifying data: pt is ",
                    self.age(article=True),
                    "%s %s referred by "
                    % (
                        self.ch(["single", "married", "divorced", "widowed"]),
                        "woman" if she else "man",
                    ),
                    self.dr(),
                    " for ",
                    self.ch(
                        [
                            "depressed mood",
                            "suicidal ideation",
                            "psychosis",
                            "panic attacks",
                            "alcohol withdrawal",
                        ]
                    ),
                    ".\n",
                )
            )
        if self.p(0.6):
            chunks.append(C("Date of evaluation: ", self.date("num"), " at ", self.time(), "\n"))
        if self.p(0.4):
            chunks.append(
                C(
                    "Location: ",
                    self.ch(["inpatient unit 4 West", "CPEP", "crisis unit", "adolescent unit"]),
                    ", rm ",
                    (self.pat(self.ch(["999", "999A", "9A-99"])), "OTHER_ID"),
                    self.ch([", bed ", " bed ", "-"]),
                    (
                        self.ch(["1", "2", "3", "4", "A", "B", "C", "D", "12", "14", "21"]),
                        "OTHER_ID",
                    ),
                    "; belongings in locker ",
                    (self.pat("99"), "OTHER_ID"),
                    ".\n",
                )
            )
        if self.p(0.5):
            relw, rel = self.rel(
                [
                    "mother",
                    "father",
                    "sister",
                    "partner",
                    "husband",
                    "wife",
                    "grandmother",
                    "aunt",
                    "roommate",
                ],
                cult=pt.cult,
            )
            chunks.append(
                C(
                    "Sources: patient, chart review, and ",
                    relw,
                    " ",
                    self.nm(rel, self.ch(["full", "given", "nick"])),
                    self.ch([" (", " at ", ", tel "]),
                    (self.phone(), "PHONE"),
                    self.ch([").", "."]),
                    "\n",
                )
            )
        cc = self.ch(
            [
                '"I can\'t sleep and I keep hearing things."',
                '"I don\'t want to be here anymore."',
                '"My mom made me come."',
                '"Everything feels heavy."',
                '"I need help with my drinking."',
                '"The panic attacks are back."',
            ]
        )
        chunks.append(C("Chief complaint: ", cc, "\n"))
        hpi = C(
            "HPI: %s reports %s x %d %s with %s, poor concentration, and %s. "
            % (
                pr,
                self.ch(
                    [
                        "low mood",
                        "worsening anxiety",
                        "racing thoughts",
                        "auditory hallucinations",
                        "irritability",
                    ]
                ),
                r.randint(2, 10),
                self.ch(["weeks", "months"]),
                self.ch(
                    [
                        "anhedonia",
                        "early morning awakening",
                        "decreased appetite",
                        "10 lb weight loss",
                    ]
                ),
                self.ch(
                    [
                        "passive SI without plan",
                        "no SI/HI",
                        "intermittent SI, no intent",
                        "denies SI",
                    ]
                ),
            )
        )
        if self.p(0.5):
            dw, dec = self.rel(
                [
                    "husband",
                    "brother",
                    "son",
                    "grandfather",
                    "best friend",
                    "mother",
                    "sister",
                    "wife",
                ],
                cult=pt.cult,
            )
            hpi += C(
                "Symptoms worsened after the death of ",
                pos,
                " ",
                dw,
                " ",
                self.nm(dec, self.ch(["full", "given"])),
                " on ",
                self.date("prose"),
                ". ",
            )
        elif self.p(0.4):
            hpi += C("Last took ", self.drug(_PSY_DRUGS), " on ", self.date("prose"), ". ")
        chunks.append(hpi + C("\n"))
        chunks.append(
            C(
                "Past psych hx: %d prior hospitalizations (%d, %d); trials of %s and %s. %s.\n"
                % (
                    r.randint(0, 4),
                    r.randint(2005, 2015),
                    r.randint(2016, 2024),
                    self.ch(_PSY_DRUGS)[0],
                    self.ch(_PSY_DRUGS)[0],
                    self.ch(
                        [
                            "One suicide attempt by overdose in %d" % r.randint(2000, 2023),
                            "No prior attempts",
                            "Hx of self-harm (cutting) age %d-%d"
                            % (r.randint(12, 15), r.randint(16, 19)),
                        ]
                    ),
                )
            )
        )
        if self.p(0.7):
            sc = [
                ("PHQ-9", 27),
                ("GAD-7", 21),
                ("PCL-5", 80),
                ("AUDIT-C", 12),
                ("MoCA", 30),
                ("MMSE", 30),
                ("YMRS", 60),
                ("CIWA-Ar", 67),
                ("COWS", 48),
            ]
            r.shuffle(sc)
            parts = []
            for name, mx in sc[: r.randint(2, 4)]:
                v = r.randint(0, mx)
                parts.append(
                    "%s %d" % (name, v)
                    if name not in ("MoCA", "MMSE")
                    else "%s %d/%d" % (name, r.randint(14, mx), mx)
                )
            chunks.append(
                C(
                    "Screening: "
                    + ", ".join(parts)
                    + "; C-SSRS screen %s.\n"
                    % self.ch(["negative", "positive (ideation without method)", "low risk"])
                )
            )
        if self.p(0.6):
            sw, sp = self.rel(
                [
                    "%s partner " % pos,
                    "%s mother " % pos,
                    "a roommate ",
                    "%s son " % pos,
                    "grandma ",
                    "%s uncle " % pos,
                ],
                cult=pt.cult,
            )
            soc = C("Social: lives with ", sw)
            if self.p(0.6):
                soc += C(self.nm(sp, self.ch(["given", "full", "lower"])), " ")
            soc += C(
                "in ",
                (self.ch(_HOODS + _CITIES), "GEO"),
                "; ",
                self.ch(
                    [
                        "unemployed since %d" % r.randint(2015, 2024),
                        "works as a line cook",
                        "on disability",
                        "college student",
                        "retired teacher",
                    ]
                ),
                "; grew up in ",
                self.ch([(self.ch(_FOREIGN), "GEO"), self.ch(_STATES), self.ch(_COUNTRIES)]),
                ".\n",
            )
            chunks.append(soc)
        if self.p(0.35):
            k = r.randint(0, 2)
            if k == 0:
                chunks.append(
                    C(
                        "Legal: on probation; PO ",
                        self.nm(self.person(), self.ch(["full", "family"])),
                        ", case # ",
                        (
                            self.pat(self.ch(["99-CR-99999", "9999CF999999", "CR-99-9999"])),
                            "OTHER_ID",
                        ),
                        ".\n",
                    )
                )
            elif k == 1:
                chunks.append(
                    C(
                        "Legal: court-ordered evaluation, docket no. ",
                        (self.pat(self.ch(["9999-MH-9999", "99MH999", "MH-9999-999"])), "OTHER_ID"),
                        "; hearing ",
                        self.date("prose"),
                        ".\n",
                    )
                )
            else:
                chunks.append(
                    C("Legal: denies current charges; DUI in %d.\n" % r.randint(1995, 2023))
                )
        if self.p(0.3):
            chunks.append(
                C(
                    "Research: enrolled in ",
                    self.ch(["ketamine RCT", "TMS study", "digital CBT trial"]),
                    ", subj ",
                    (self.pat(self.ch(["9999", "A-999", "999-99"])), "OTHER_ID"),
                    ".\n",
                )
            )
        chunks.append(
            C(
                'MSE: %s, %s, speech %s, mood "%s", affect %s, TP %s, TC %s, insight %s, judgment %s.\n'
                % (
                    self.ch(["disheveled", "well groomed", "casually dressed", "poor hygiene"]),
                    self.ch(["psychomotor slowing", "restless", "calm", "guarded"]),
                    self.ch(["normal rate", "pressured", "soft, slow", "latent"]),
                    self.ch(["bad", "okay", "numb", "anxious"]),
                    self.ch(["constricted", "labile", "flat", "congruent"]),
                    self.ch(["linear", "tangential", "circumstantial", "goal directed"]),
                    self.ch(["no SI/HI", "+ passive SI", "paranoid ideation", "ruminative guilt"]),
                    self.ch(["fair", "poor", "limited"]),
                    self.ch(["fair", "poor", "intact"]),
                )
            )
        )
        chunks.append(C("Dx: %s, %s.\n" % (self.ch(_ICD_PSY), self.ch(_ICD_PSY))))
        plan = C(
            "Plan: start %s; %s; safety plan reviewed incl. 988 crisis line. "
            % (
                self.drug(_PSY_DRUGS),
                self.ch(
                    ["CBT referral", "IOP referral", "labs incl. TSH, Li level", "EKG for QTc"]
                ),
            )
        )
        if self.p(0.6):
            plan += C("RTC ", self.date("prose"), " with ", self.dr(), ".")
        chunks.append(plan + C("\n"))
        if self.p(0.5):
            chunks.append(
                C(
                    self.dr(),
                    self.ch(["", " ", " | "]),
                    self.ch(["", "pager %s" % self.pat("9999")]),
                    "\n",
                )
            )
        return chunks, lambda: C(self.neg_psych() + "\n")

    def neg_psych(self):
        r = self.r
        return self.ch(
            [
                "Sleep %d-%d h/night, appetite %s."
                % (
                    r.randint(2, 5),
                    r.randint(5, 9),
                    self.ch(["decreased", "increased", "unchanged"]),
                ),
                "Denies AH/VH, no mania, no command hallucinations.",
                "Substance: ETOH %d drinks/day, cannabis %s, no IVDU."
                % (r.randint(0, 12), self.ch(["daily", "weekends", "denies"])),
                "Family psych hx: %s with %s, %s."
                % (
                    self.ch(["mother", "father", "maternal aunt", "brother"]),
                    self.ch(["bipolar I", "schizophrenia", "MDD", "AUD"]),
                    self.ch(
                        ["no completed suicides", "uncle died by suicide at %d" % r.randint(20, 70)]
                    ),
                ),
                "Risk: chronic risk moderate, acute risk low; no access to firearms.",
                "Medications tried: %s (GI upset), %s (no effect)."
                % (self.ch(_PSY_DRUGS)[0], self.ch(_PSY_DRUGS)[0]),
                "PHQ-9 %d, GAD-7 %d, MMSE %d/30."
                % (r.randint(0, 27), r.randint(0, 21), r.randint(18, 30)),
                "Trauma hx: reports childhood neglect; PCL-5 %d." % r.randint(10, 70),
                "Developmental: met milestones; IEP in grade %d." % r.randint(2, 10),
                "Labs: %s; UDS positive for %s."
                % (
                    self.labs(),
                    self.ch(["THC", "cocaine", "fentanyl", "benzodiazepines", "nothing"]),
                ),
                "Lithium level %.1f on %d; QTc %d ms."
                % (r.uniform(0.4, 1.3), r.randint(2018, 2024), r.randint(390, 490)),
            ]
        )

    # ---------------------------------------------------------------- ophthalmology
    def st_ophtho(self):
        r = self.r
        pt = self.person()
        chunks = []
        old = self.p(0.35)
        chunks.append(
            C(
                self.ch(
                    [
                        "OPHTHALMOLOGY CLINIC NOTE",
                        "Eye Clinic - Follow-up",
                        "Retina Consult",
                        "Glaucoma Clinic",
                        "Cataract pre-op evaluation",
                        "Cornea clinic",
                    ]
                ),
                "\n",
            )
        )
        k = r.randint(0, 2)
        if k == 0:
            chunks.append(
                C(
                    "Pt: ",
                    self.nm(pt),
                    "  DOB ",
                    self.date("num", self.dob(old)),
                    "  MRN ",
                    (self.mrn(), "MRN"),
                    "\n",
                )
            )
        elif k == 1:
            chunks.append(
                C(
                    self.nm(pt, "last_first"),
                    " | ",
                    (self.mrn(), "MRN"),
                    " | DOS ",
                    self.date("label"),
                    "\n",
                )
            )
        else:
            chunks.append(
                C(
                    self.age(old=old),
                    ("female" if pt.sex == "F" else "male") + " seen ",
                    self.date("prose"),
                    " for ",
                    self.ch(
                        [
                            "blurry vision OD",
                            "floaters OS",
                            "glaucoma f/u",
                            "dry eye",
                            "diabetic eye exam",
                            "cataract eval",
                        ]
                    ),
                    ".\n",
                )
            )
        if self.p(0.5):
            chunks.append(
                C(
                    "Referring: ",
                    self.dr(),
                    "; ",
                    self.ch(["PCP", "optometrist", "endocrinology", "ED"]),
                    [", fax ", (self.phone(False), "FAX")] if self.p(0.3) else "",
                    ".\n",
                )
            )
        chunks.append(
            C(
                "CC/HPI: %s x %d %s, %s. Hx %s since %d.\n"
                % (
                    self.ch(
                        [
                            "gradual blurring OD",
                            "glare while driving at night",
                            "new floaters OS",
                            "eye pain and redness OD",
                            "itchy, watery eyes OU",
                        ]
                    ),
                    r.randint(1, 11),
                    self.ch(["weeks", "months"]),
                    self.ch(["no flashes", "no curtain", "worse with reading", "no trauma"]),
                    self.ch(["POAG", "DM2", "AMD", "ocular HTN", "keratoconus"]),
                    r.randint(1995, 2023),
                )
            )
        )
        va = [20, 25, 30, 40, 50, 60, 70, 80, 100, 200, 400]
        chunks.append(
            C(
                "VA %s: OD 20/%d, OS 20/%d; PH OD 20/%d. (Snellen)\n"
                % (self.ch(["sc", "cc"]), self.ch(va), self.ch(va), self.ch(va[:6]))
            )
        )
        chunks.append(
            C(
                "IOP (%s): %d / %d mmHg at %s.\n"
                % (
                    self.ch(["Goldmann", "Tonopen", "iCare"]),
                    r.randint(9, 34),
                    r.randint(9, 34),
                    self.time(),
                )
            )
        )
        chunks.append(
            C(
                "SLE: L/L %s; K %s; AC %s; lens %s.\n"
                % (
                    self.ch(["MGD", "wnl", "blepharitis"]),
                    self.ch(["clear", "SPK", "guttae", "scar"]),
                    self.ch(["D&Q", "1+ cell", "shallow"]),
                    self.ch(["2+ NS", "PCIOL", "trace PSC", "clear"]),
                )
            )
        )
        chunks.append(
            C(
                "DFE: C/D %.1f OD, %.1f OS; macula %s; periphery %s.\n"
                % (
                    r.uniform(0.2, 0.9),
                    r.uniform(0.2, 0.9),
                    self.ch(["flat", "drusen", "CSME", "ERM"]),
                    self.ch(["attached 360", "lattice OD", "no holes"]),
                )
            )
        )
        if self.p(0.45):
            chunks.append(
                C(
                    "IOL implanted OD ",
                    self.date("prose"),
                    ": ",
                    self.ch(
                        [
                            "Alcon SN60WF",
                            "J&J ZCB00",
                            "B+L enVista MX60",
                            "Alcon AcrySof IQ Toric SN6AT3",
                        ]
                    ),
                    " +%.1f D, serial no. " % (r.randint(30, 52) / 2.0),
                    (self.device(), "DEVICE"),
                    ".\n",
                )
            )
        if self.p(0.4):
            chunks.append(
                C(
                    self.ch(["Fundus photos saved: ", "OCT/photo file ", "Imaging: "]),
                    (self.photo([1, 2, 4, 4, 6]), "PHOTO"),
                    "; RNFL avg %d um.\n" % r.randint(60, 110),
                )
            )
        if self.p(0.2):
            chunks.append(
                C("Iris-recognition check-in template ID ", (self.biometric(), "BIOMETRIC"), ".\n")
            )
        if self.p(0.25):
            chunks.append(
                C(
                    "DMV vision form completed; DL # ",
                    (self.dl(), "LICENSE"),
                    " (",
                    self.ch(_STATES),
                    ").\n",
                )
            )
        chunks.append(
            C(
                "A/P: %s - %s. %s.\n"
                % (
                    self.ch(_ICD_EYE),
                    self.ch(
                        [
                            "continue " + self.ch(_EYE_DROPS),
                            "start " + self.ch(_EYE_DROPS),
                            "observe",
                            "plan CE/IOL OD (CPT 66984)",
                        ]
                    ),
                    self.ch(
                        [
                            "HVF 24-2 in 3 mo",
                            "OCT macula (92134) next visit",
                            "Schirmer %d mm/5 min" % r.randint(2, 20),
                            "Ishihara %d/14" % r.randint(8, 14),
                        ]
                    ),
                )
            )
        )
        if self.p(0.55):
            chunks.append(
                C(
                    "RTC ",
                    self.date("prose"),
                    self.ch([" with ", " - ", " to see "]),
                    self.dr(),
                    ".\n",
                )
            )
        if self.p(0.3):
            chunks.append(
                C(
                    "Tech: ",
                    self.nm(self.person(), self.ch(["initials", "full", "init_last"])),
                    "\n",
                )
            )
        return chunks, lambda: C(self.neg_ophtho() + "\n")

    def neg_ophtho(self):
        r = self.r
        return self.ch(
            [
                "Pupils: PERRL, no APD. EOM full. CVF full to finger count.",
                "Gonioscopy: open to CBB 360 OU.",
                "Schirmer I: %d mm OD, %d mm OS at 5 min; TBUT %d s."
                % (r.randint(2, 20), r.randint(2, 20), r.randint(3, 12)),
                "Amsler grid: %s. Color: Ishihara %d/14 OU."
                % (self.ch(["no metamorphopsia", "distortion OD"]), r.randint(9, 14)),
                "Refraction: OD %+.2f %+.2f x %03d, OS %+.2f sph."
                % (r.uniform(-6, 3), -r.uniform(0, 2), r.randint(1, 180), r.uniform(-6, 3)),
                "HVF 24-2: MD %.1f dB, PSD %.1f dB, reliable."
                % (-r.uniform(0, 12), r.uniform(1, 9)),
                "Pachymetry %d / %d um." % (r.randint(480, 600), r.randint(480, 600)),
                "Hertel %d/%d mm, base %d."
                % (r.randint(14, 24), r.randint(14, 24), r.randint(95, 110)),
                "Rx: " + self.ch(_EYE_DROPS) + ".",
                "Intravitreal %s 0.05 mL OD given, CPT 67028, J%s."
                % (
                    self.ch(["aflibercept 2 mg", "bevacizumab 1.25 mg", "faricimab 6 mg"]),
                    self.pat("9999"),
                ),
                "Genetics: %s; family hx of %s."
                % (
                    self.ch(["ABCA4 c.5882G>A", "RPE65", "MYOC p.Gln368Ter", "OPTN"]),
                    self.ch(["glaucoma", "Stargardt", "RP", "AMD"]),
                ),
            ]
        )

    # ---------------------------------------------------------------- dermatology
    def st_derm(self):
        r = self.r
        pt = self.person()
        chunks = []
        chunks.append(
            C(
                self.ch(
                    [
                        "DERMATOLOGY",
                        "Dermatology Clinic Note",
                        "Derm New Patient",
                        "Skin Cancer Screening",
                        "Mohs Surgery Note",
                    ]
                ),
                "\n",
            )
        )
        k = r.randint(0, 2)
        if k == 0:
            chunks.append(
                C(
                    "Name: ",
                    self.nm(pt),
                    " | DOB: ",
                    self.date("form", self.dob()),
                    " | Acct: ",
                    (self.account(), "ACCOUNT"),
                    "\n",
                )
            )
        elif k == 1:
            chunks.append(
                C(
                    self.nm(pt, "last_first"),
                    "  MRN:",
                    self.ch(["", " "]),
                    (self.mrn(), "MRN"),
                    "\n",
                )
            )
        else:
            chunks.append(
                C(
                    "Pt ",
                    self.nm(pt, self.ch(["lower", "full"])),
                    ", ",
                    self.age(),
                    "Fitzpatrick %s, seen %s.\n"
                    % (
                        self.ch(["I", "II", "III", "IV", "V", "VI"]),
                        self.ch(["in clinic", "for TBSE", "for biopsy results"]),
                    ),
                )
            )
        if self.p(0.6):
            chunks.append(C("Date of service: ", self.date("num"), "\n"))
        loc = self.ch(
            [
                "left forearm",
                "R upper back",
                "scalp vertex",
                "L nasal ala",
                "R shin",
                "bilateral elbows",
                "intergluteal cleft",
                "L cheek",
                "dorsal R hand",
            ]
        )
        chunks.append(
            C(
                "HPI: %s on %s, present since %d, %s. Hx %d blistering sunburns; tanning bed use in %ss.\n"
                % (
                    self.ch(
                        [
                            "changing mole",
                            "itchy scaly plaques",
                            "non-healing papule",
                            "hypopigmented patches",
                            "painful nodules",
                        ]
                    ),
                    loc,
                    r.randint(2010, 2024),
                    self.ch(
                        [
                            "bleeds intermittently",
                            "enlarging",
                            "no prior tx",
                            "failed OTC hydrocortisone",
                        ]
                    ),
                    r.randint(0, 9),
                    self.ch(["199", "200"]) + "0",
                )
            )
        )
        chunks.append(
            C(
                "Exam: %d x %d mm %s %s on %s; %s. Dermoscopy: %s.\n"
                % (
                    r.randint(2, 18),
                    r.randint(2, 18),
                    self.ch(
                        [
                            "pink pearly",
                            "irregularly pigmented",
                            "erythematous scaly",
                            "waxy stuck-on",
                            "ulcerated",
                        ]
                    ),
                    self.ch(["papule", "macule", "plaque", "nodule"]),
                    loc,
                    self.ch(
                        ["Nikolsky neg", "Auspitz sign +", "Wood's lamp: accentuation", "no LAD"]
                    ),
                    self.ch(
                        [
                            "atypical network, regression",
                            "arborizing vessels",
                            "milia-like cysts",
                            "dotted vessels",
                            "blue-white veil",
                        ]
                    ),
                )
            )
        )
        if self.p(0.5):
            chunks.append(
                C(
                    "Tests: %s.\n"
                    % self.ch(
                        [
                            "KOH prep positive for hyphae",
                            "Tzanck smear negative",
                            "Wood's lamp coral-red fluorescence",
                            "patch testing: nickel 2+",
                            "BSA %d%%, PASI %.1f, DLQI %d"
                            % (r.randint(1, 40), r.uniform(1, 30), r.randint(0, 30)),
                        ]
                    )
                )
            )
        if self.p(0.6):
            chunks.append(
                C(
                    "Procedure: %d mm punch bx (CPT 11104) / shave (11102) of %s, specimen A; path accession "
                    % (r.choice([3, 4, 6]), loc),
                    (self.pat(self.ch(["S99-99999", "AA99-9999", "99-S-9999"])), "OTHER_ID"),
                    ".\n",
                )
            )
        if self.p(0.35):
            chunks.append(
                C(
                    "Path: %s, Breslow depth %.1f mm, Clark level %s, mitoses %s; margins %s.\n"
                    % (
                        self.ch(
                            [
                                "superficial spreading melanoma",
                                "nodular BCC",
                                "SCC in situ",
                                "dysplastic nevus, moderate atypia",
                            ]
                        ),
                        r.uniform(0.1, 3.5),
                        self.ch(["II", "III", "IV"]),
                        self.ch(["<1/mm2", "2/mm2", "0"]),
                        self.ch(["clear", "involved", "close (0.8 mm)"]),
                    )
                )
            )
        if self.p(0.5):
            chunks.append(
                C(
                    self.ch(
                        ["Clinical photos: ", "Photos uploaded as ", "Photo ID ", "TBP images "]
                    ),
                    (self.photo([0, 1, 2, 3, 3, 5, 6, 7, 8]), "PHOTO"),
                    self.ch([".", "; consent signed."]),
                    "\n",
                )
            )
        if self.p(0.2):
            chunks.append(
                C(
                    "iPLEDGE patient ID ",
                    (self.pat("9999999999"), "OTHER_ID"),
                    "; pregnancy test negative ",
                    self.date("prose"),
                    ".\n",
                )
            )
        if self.p(0.15):
            chunks.append(
                C(
                    "Portal photo upload from ",
                    (self.ip(), "IP"),
                    " via ",
                    (self.url(), "URL"),
                    "\n",
                )
            )
        chunks.append(
            C(
                "A/P: %s - %s. %s.\n"
                % (
                    self.ch(_ICD_DERM),
                    self.ch(_TOPICALS),
                    self.ch(
                        [
                            "RTC 3 mo for FBSE",
                            "Mohs referral",
                            "ED&C 17000",
                            "LN2 x %d AKs (17003)" % r.randint(2, 14),
                            "start dupilumab 300 mg q2wk",
                        ]
                    ),
                )
            )
        )
        if self.p(0.5):
            chunks.append(C("F/u ", self.date("prose"), " with ", self.dr(), ".\n"))
        return chunks, lambda: C(self.neg_derm() + "\n")

    def neg_derm(self):
        r = self.r
        return self.ch(
            [
                "ROS: no fevers, no arthralgias, no new medications.",
                "Rx: " + self.ch(_TOPICALS) + ".",
                "FHx melanoma in father dx at %d; CDKN2A testing %s."
                % (r.randint(30, 80), self.ch(["negative", "pending", "declined"])),
                "Sunscreen SPF %d+ counseled; avoid midday sun." % r.choice([30, 50]),
                "ABCDE: asymmetry %s, border %s, color %s, diameter %d mm."
                % (
                    self.ch(["+", "-"]),
                    self.ch(["irregular", "regular"]),
                    self.ch(["variegated", "uniform"]),
                    r.randint(2, 12),
                ),
                "Isotretinoin %d mg daily, cumulative %d mg/kg; lipids ok."
                % (r.choice([20, 30, 40]), r.randint(20, 150)),
                "Genotype: %s; vitiligo since age %d."
                % (self.ch(["MC1R R151C", "FLG R501X", "HLA-C*06:02"]), r.randint(3, 60)),
                "Dx codes %s, %s; CPT %s."
                % (
                    self.ch(_ICD_DERM),
                    self.ch(_ICD_DERM),
                    self.ch(["11104", "11102", "17000", "96910", "11305"]),
                ),
                "Phototherapy NB-UVB %d mJ/cm2, session %d."
                % (r.randint(200, 1500), r.randint(1, 36)),
            ]
        )

    # ---------------------------------------------------------------- lab requisition / specimen label
    def st_lab(self):
        r = self.r
        pt = self.person()
        chunks = []
        kind = r.choice(["label", "req", "req", "genetic"])
        if kind == "label":
            chunks.append(
                C(
                    self.ch(["SPECIMEN LABEL", "*** SPECIMEN ***", "LAB LABEL", ""]),
                    "\n" if True else "",
                )
            )
            chunks.append(C(self.nm(pt, self.ch(["last_first", "last_first", "caps"])), "\n"))
            chunks.append(
                C(
                    "DOB ",
                    self.date(self.ch(["form", "label"]), self.dob(self.p(0.2))),
                    self.ch(["  ", " | ", "   "]),
                    self.ch(["MRN ", "MR# ", "MRN:"]),
                    (self.mrn(), "MRN"),
                    "\n",
                )
            )
            chunks.append(
                C(
                    self.ch(["ACC# ", "Accession: ", "ACCN "]),
                    (
                        self.pat(self.ch(["99-999-9999", "A99999999", "9999999999", "99AA-99999"])),
                        "OTHER_ID",
                    ),
                    "  Coll: ",
                    self.date(self.ch(["form", "label"])),
                    " ",
                    self.time(),
                    "\n",
                )
            )
            sp = self.ch(_SPECIMENS)
            t1 = self.ch(_TESTS)
            chunks.append(C("%s - %s (%s)\n" % (sp, t1[0], t1[1])))
            if self.p(0.5):
                chunks.append(
                    C(
                        "Bed ",
                        (self.pat(self.ch(["99", "9A", "999-9"])), "OTHER_ID"),
                        "  Loc: %s  Collector: " % self.ch(["5N", "ICU", "ED", "OP LAB"]),
                        self.nm(self.person(), self.ch(["initials", "init_last"])),
                        "\n",
                    )
                )
        else:
            chunks.append(
                C(
                    self.ch(
                        [
                            "LABORATORY REQUISITION",
                            "Outpatient Lab Order",
                            "REFERENCE LAB TEST REQUEST",
                            "Molecular Genetics Requisition"
                            if kind == "genetic"
                            else "Lab Order Form",
                        ]
                    ),
                    "\n",
                )
            )
            chunks.append(
                C(
                    "Patient: ",
                    self.nm(pt, self.ch(["last_first", "full", "caps"])),
                    "   Sex: ",
                    pt.sex,
                    "   DOB: ",
                    self.date("form", self.dob()),
                    "\n",
                )
            )
            if self.p(0.6):
                chunks.append(
                    C(
                        "Address: ",
                        self.address_block(caps=self.p(0.3)),
                        "   Ph: ",
                        (self.phone(), "PHONE"),
                        "\n",
                    )
                )
            chunks.append(
                C("MRN: ", (self.mrn(), "MRN"), "   Acct #: ", (self.account(), "ACCOUNT"), "\n")
            )
            if self.p(0.6):
                chunks.append(
                    C(
                        "Bill to: ",
                        self.ch(
                            [
                                "Medicare",
                                "Medicaid",
                                "BCBS",
                                "Aetna",
                                "UnitedHealthcare",
                                "Cigna",
                                "Kaiser",
                            ]
                        ),
                        ", member ID ",
                        (self.plan_id(), "HEALTH_PLAN"),
                        "\n",
                    )
                )
            chunks.append(
                C("Ordering provider: ", self.dr(), "  NPI ", (self.npi(), "LICENSE"), "\n")
            )
            if self.p(0.25):
                chunks.append(
                    C("Copy results to: ", self.dr(), ", fax ", (self.phone(False), "FAX"), "\n")
                )
            tests = r.sample(_TESTS, r.randint(2, 5))
            chunks.append(C("Tests: " + "; ".join("%s (%s)" % t for t in tests) + "\n"))
            chunks.append(
                C(
                    "Dx codes: %s, %s   Fasting: %s   Specimen: %s\n"
                    % (
                        self.ch(_ICD_GEN),
                        self.ch(_ICD_GEN + _ICD_PSY),
                        self.ch(["Y (10 h)", "N", "Y"]),
                        self.ch(_SPECIMENS),
                    )
                )
            )
            chunks.append(
                C(
                    "Collected ",
                    self.date("num"),
                    " ",
                    self.time(),
                    " by ",
                    self.nm(self.person(), self.ch(["initials", "init_last", "full"])),
                    "\n",
                )
            )
            if kind == "genetic":
                rw, rel = self.rel(["sister", "mother", "father", "brother"], cult=pt.cult)
                chunks.append(
                    C(
                        "Indication: familial variant %s in %s "
                        % (self.ch(_GENES[:3] + _GENES[8:9] + _GENES[14:15]), rw),
                        self.nm(rel, self.ch(["full", "given"])),
                        " (DOB ",
                        self.date("form", self.dob()),
                        "); panel %s.\n"
                        % ", ".join(
                            r.sample(
                                [
                                    "BRCA1",
                                    "BRCA2",
                                    "PALB2",
                                    "TP53",
                                    "CHEK2",
                                    "ATM",
                                    "MLH1",
                                    "MSH2",
                                    "CDKN2A",
                                ],
                                4,
                            )
                        ),
                    )
                )
                if self.p(0.5):
                    chunks.append(
                        C(
                            "Research biobank subject ID ",
                            (
                                self.pat(self.ch(["AAA-999-9999", "99-9999", "SUBJ9999"])),
                                "OTHER_ID",
                            ),
                            "\n",
                        )
                    )
        return chunks, lambda: C(self.neg_lab() + "\n")

    def neg_lab(self):
        r = self.r
        t = self.ch(_TESTS)
        return self.ch(
            [
                "%s (%s) - %s" % (t[0], t[1], self.ch(_SPECIMENS)),
                "Results: " + self.labs(),
                "Stability: room temp %d h, refrigerated %d days."
                % (r.randint(2, 24), r.randint(2, 14)),
                "Tube order: blood culture, citrate, SST, heparin, EDTA, fluoride.",
                "LOINC %s; CPT %s; HCPCS %s."
                % (
                    self.pat("9999-9"),
                    self.ch(_CPT),
                    self.ch(["G0103", "G0328", "P9603", "36415"]),
                ),
                "Courier pickup %s; spin within %d min."
                % (self.time(), r.choice([30, 45, 60, 120])),
                "Reflex to %s if %s."
                % (
                    self.ch(["free T4", "culture", "smear review", "HCV RNA"]),
                    self.ch(["abnormal", "positive", "TSH > 4.5"]),
                ),
                "Priority: %s. Volume %d mL."
                % (self.ch(["STAT", "routine", "timed"]), r.randint(1, 10)),
                "Gene panel: %s; methods NGS + del/dup." % self.ch(_GENES),
            ]
        )

    # ---------------------------------------------------------------- registration / intake form (OCR-like)
    def ocr(self, s):
        """Distort a field label the way OCR does."""
        r = self.r
        k = r.randint(0, 9)
        if k == 0:
            return " ".join(s)
        if k == 1:
            return s.replace("O", "0")
        if k == 2 and len(s) > 3:
            i = r.randint(1, len(s) - 1)
            return s[:i] + " " + s[i:]
        if k == 3:
            return s.replace("I", "l")
        return s

    def st_form(self):
        r = self.r
        pt = self.person()
        caps = self.p(0.6)

        def F(lbl):
            return self.ocr(lbl.upper() if caps else lbl.title()) + self.ch(
                [": ", ":", " : ", "  ", ": "]
            )

        def S():
            return self.ch([" | ", "   ", "  |  ", "\t", " ¦ ", "     "])

        def up(segs):
            return [(s.upper(), l) if caps else (s, l) for s, l in segs]

        chunks = []
        chunks.append(
            C(
                self.ch(
                    [
                        "PATIENT REGISTRATION FORM",
                        "NEW PATIENT INTAKE",
                        "ADMISSION FACE SHEET",
                        "Patient Information",
                        "REGISTRO DE PACIENTE / PATIENT REGISTRATION",
                    ]
                ),
                self.ch(["", "        PAGE 1 OF 2", "   (PLEASE PRINT)"]),
                "\n",
            )
        )
        k = r.randint(0, 2)
        if k == 0:
            chunks.append(
                C(
                    F("Last name"),
                    up([(pt.family, "NAME")]),
                    S(),
                    F("First"),
                    up([(pt.given, "NAME")]),
                    (S() + F("MI") + pt.middle) if pt.middle else "",
                    "\n",
                )
            )
        elif k == 1:
            chunks.append(C(F("Patient name"), up(self.nm(pt, "last_first")), "\n"))
        else:
            chunks.append(C(F("Name"), up(self.nm(pt, self.ch(["full", "nick"]))), "\n"))
        old = self.p(0.3)
        y, m, d = self.dob(old)
        a = 2024 - y
        chunks.append(
            C(
                F("DOB"),
                self.date("form", (y, m, d)),
                S(),
                F("Age"),
                (str(a), "AGE" if a > 89 else None),
                S(),
                F("Sex"),
                pt.sex,
                S(),
                F("Marital"),
                self.ch(["S", "M", "D", "W"]),
                "\n",
            )
        )
        if self.p(0.85):
            st = self.street()
            cty = self.city()
            state = self.ch(_ST_ABBR)
            if caps:
                st, cty = st.upper(), cty.upper()
            chunks.append(
                C(
                    F("Address"),
                    (st, "ADDRESS"),
                    "\n",
                    F("City"),
                    (cty, "GEO"),
                    S(),
                    F("State"),
                    state,
                    S(),
                    F("Zip"),
                    (self.zipc(), "GEO"),
                    "\n",
                )
            )
        if self.p(0.3):
            chunks.append(
                C(
                    F("County"),
                    (self.ch(_COUNTIES).upper() if caps else self.ch(_COUNTIES), "GEO"),
                    S(),
                    F("Country of birth"),
                    self.ch(_COUNTRIES),
                    "\n",
                )
            )
        chunks.append(
            C(
                F("Home phone"),
                (self.phone(), "PHONE"),
                S(),
                F("Cell"),
                (self.phone(), "PHONE") if self.p(0.5) else "",
                "\n",
            )
        )
        if self.p(0.6):
            chunks.append(C(F("E-mail"), (self.email_written(pt), "EMAIL"), "\n"))
        if self.p(0.6):
            ss = self.ssn()
            if self.p(0.3):
                chunks.append(C(F("SSN"), "XXX-XX-", (ss[-4:], "SSN"), "\n"))
            else:
                chunks.append(C(F("SSN"), (ss, "SSN"), "\n"))
        chunks.append(
            C(F("MRN"), (self.mrn(), "MRN"), S(), F("Acct"), (self.account(), "ACCOUNT"), "\n")
        )
        if self.p(0.75):
            chunks.append(
                C(
                    F("Primary ins"),
                    self.ch(
                        [
                            "MEDICARE",
                            "MEDICAID",
                            "AETNA",
                            "BCBS PPO",
                            "HUMANA",
                            "TRICARE",
                            "SELF PAY",
                        ]
                    ),
                    S(),
                    F("Member ID"),
                    (self.plan_id(), "HEALTH_PLAN"),
                    "\n",
                )
            )
        if self.p(0.35):
            chunks.append(C(F("Driver lic"), self.ch(_ST_ABBR) + " ", (self.dl(), "LICENSE"), "\n"))
        if self.p(0.7):
            ecw, ec = self.rel(
                ["daughter", "son", "spouse", "mother", "friend", "niece", "brother"],
                cult=pt.cult if self.p(0.7) else None,
            )
            chunks.append(
                C(
                    F("Emergency contact"),
                    up(self.nm(ec, self.ch(["full", "last_first", "caps"]))),
                    S(),
                    F("Rel"),
                    ecw.upper() if caps else ecw,
                    S(),
                    F("Ph"),
                    (self.phone(), "PHONE"),
                    "\n",
                )
            )
        if self.p(0.5):
            chunks.append(
                C(
                    F("Preferred language"),
                    self.ch(
                        [
                            "Spanish",
                            "Vietnamese",
                            "Portuguese",
                            "Haitian Creole",
                            "English",
                            "Arabic",
                            "Tagalog",
                            "Hmong",
                        ]
                    ),
                    S(),
                    F("Interpreter"),
                    self.ch(["Y", "N"]),
                    "\n",
                )
            )
        if self.p(0.3):
            chunks.append(
                C(
                    F("Patient photo"),
                    (self.photo([0, 2, 5, 6, 8]), "PHOTO"),
                    S(),
                    F("Palm scan ID") if self.p(0.5) else F("Biometric ID"),
                    (self.biometric(), "BIOMETRIC"),
                    "\n",
                )
            )
        if self.p(0.15):
            chunks.append(C(F("Kiosk IP"), (self.ip(), "IP"), "\n"))
        if self.p(0.2):
            chunks.append(
                C(
                    F("PCP"),
                    up(self.dr("full")),
                    S(),
                    F("PCP fax"),
                    (self.phone(False), "FAX"),
                    "\n",
                )
            )
        chunks.append(
            C(
                "[%s] Diabetes [%s] HTN [%s] Asthma [%s] Depression [%s] Cancer\n"
                % tuple(self.ch(["X", " ", " "]) for _ in range(5))
            )
        )
        chunks.append(
            C(
                F("Allergies"),
                self.ch(["NKDA", "PCN", "SULFA", "LATEX, CODEINE", "none"]),
                S(),
                F("Height"),
                "%d'%d\"" % (r.randint(4, 6), r.randint(0, 11)),
                S(),
                F("Weight"),
                "%d lb" % r.randint(90, 320),
                "\n",
            )
        )
        chunks.append(C(F("Signature"), "________", S(), F("Date"), self.date("form"), "\n"))
        return chunks, lambda: C(self.neg_form(caps) + "\n")

    def neg_form(self, caps):
        r = self.r
        s = self.ch(
            [
                "Medications: %s; %s" % (self.drug(), self.drug()),
                "Tobacco: %s | Alcohol: %s | Drugs: %s"
                % (
                    self.ch(["never", "former, quit %d" % r.randint(1980, 2023), "current"]),
                    self.ch(["none", "social", "daily"]),
                    self.ch(["denies", "cannabis"]),
                ),
                "[ ] Heart disease [X] High cholesterol [ ] Stroke [ ] Kidney disease",
                "Reason for visit: %s"
                % self.ch(
                    [
                        "annual physical",
                        "follow-up",
                        "rash",
                        "vision check",
                        "anxiety",
                        "med refill",
                    ]
                ),
                "Pharmacy preference: mail order | retail",
                "Advance directive on file: %s | POLST: %s"
                % (self.ch(["Y", "N"]), self.ch(["Y", "N"])),
                "Race/ethnicity: declined | Religion: declined",
                "PHQ-2 score %d | Fall in past year: %s" % (r.randint(0, 6), self.ch(["Y", "N"])),
                "Primary care: %s clinic | Referral: %s"
                % (
                    self.ch(["Internal Medicine", "Family Medicine", "Geriatrics"]),
                    self.ch(_DEPTS),
                ),
                "Immunizations: flu %d, COVID %d, Shingrix series complete"
                % (r.randint(2019, 2024), r.randint(2021, 2024)),
                "State of residence: %s (no county listed)" % self.ch(_STATES),
            ]
        )
        return s.upper() if caps else s

    # ---------------------------------------------------------------- court / legal / CPS letters
    def st_legal(self):
        r = self.r
        child = self.p(0.6)
        pt = self.person()
        chunks = []
        k = r.randint(0, 3)
        if k == 0:
            chunks.append(
                C(
                    "SUPERIOR COURT OF %s, " % self.ch(_STATES).upper(),
                    self.ch(["COUNTY OF ", "IN AND FOR THE COUNTY OF "]),
                    (self.ch(_COUNTIES).replace(" County", "").upper(), "GEO"),
                    "\n",
                )
            )
        elif k == 1:
            chunks.append(
                C(
                    self.ch(
                        [
                            "Department of Children and Family Services",
                            "Child Protective Services",
                            "Office of the County Attorney",
                            "Juvenile Court Services",
                        ]
                    ),
                    " - ",
                    (self.ch(_COUNTIES), "GEO"),
                    "\n",
                )
            )
        elif k == 2:
            chunks.append(C("Health Information Management - Release of Information\n"))
        else:
            chunks.append(C("CONFIDENTIAL - CHILD ABUSE PEDIATRICS CONSULTATION\n"))
        if child:
            chunks.append(
                C(
                    "RE: In the Matter of ",
                    self.nm(pt, self.ch(["initials", "full", "caps"])),
                    ", a minor",
                    [", DOB ", self.date("form", self.ymd(2008, 2023))]
                    if self.p(0.5)
                    else [" (born ", self.date("form", self.ymd(2008, 2023)), ")"],
                    "\n",
                )
            )
        else:
            chunks.append(
                C(
                    "RE: ",
                    self.nm(pt, self.ch(["full", "caps", "last_first"])),
                    ", DOB ",
                    self.date("form", self.dob(self.p(0.3))),
                    "\n",
                )
            )
        chunks.append(
            C(
                self.ch(["Case No.: ", "Case # ", "Docket No. ", "Referral #: ", "Intake #"]),
                (
                    self.pat(
                        self.ch(
                            [
                                "9999-JV-999999",
                                "99JV99999",
                                "99-CV-99999",
                                "9999-999999",
                                "JD-9999-99",
                                "AA-99-999999",
                            ]
                        )
                    ),
                    "OTHER_ID",
                ),
                "\n",
            )
        )
        chunks.append(
            C(
                self.ch(
                    [
                        "Dear Judge ",
                        "Dear Hon. ",
                        "To: Caseworker ",
                        "Attn: ",
                        "Dear Ms. ",
                        "Dear Mr. ",
                    ]
                ),
                self.nm(self.person(), self.ch(["family", "full"])),
                ":\n",
            )
        )
        if child:
            mom = self.person(sex="F", cult=pt.cult)
            body = C(
                "This letter summarizes the evaluation of the above child seen in ",
                self.ch(_DEPTS),
                " on ",
                self.date("prose"),
                ". ",
            )
            body += C(
                "The child was brought in by ",
                self.ch(["mother ", "mom ", "grandmother ", "foster mother "]),
                self.nm(mom, self.ch(["full", "given"])),
                self.ch([" (age %d) " % r.randint(17, 60), " "]),
                "for %s. "
                % self.ch(
                    [
                        "a swollen arm",
                        "bruising to the face",
                        "failure to thrive",
                        "a burn on the hand",
                        "fussiness",
                    ]
                ),
            )
            body += C(
                "Skeletal survey showed %s; ophthalmology exam %s. Weight at the %s percentile. "
                % (
                    self.ch(
                        [
                            "a healing posterior rib fracture",
                            "no fractures",
                            "a metaphyseal corner fracture",
                            "a spiral fracture of the right humerus",
                        ]
                    ),
                    self.ch(
                        [
                            "showed no retinal hemorrhages",
                            "showed multilayered retinal hemorrhages OU",
                        ]
                    ),
                    ords(r.choice([3, 5, 10, 25, 50, 90, 97])),
                )
            )
            chunks.append(body + C("\n"))
            if self.p(0.6):
                chunks.append(
                    C(
                        "Caseworker ",
                        self.nm(self.person(), self.ch(["full", "init_last"])),
                        " may be reached at ",
                        (self.phone(False), "PHONE"),
                        self.ch([" or ", "; email "]),
                        (self.email_written(self.person()), "EMAIL"),
                        ".\n",
                    )
                )
            if self.p(0.5):
                pw_, pp_ = self.rel(
                    [
                        "maternal aunt ",
                        "grandfather ",
                        "foster mother ",
                        "paternal grandmother ",
                        "uncle ",
                    ],
                    cult=pt.cult,
                )
                chunks.append(
                    C(
                        "Child is currently placed with ",
                        pw_,
                        self.nm(pp_, self.ch(["full", "family", "given"])),
                        " at ",
                        (self.street(), "ADDRESS"),
                        ", ",
                        (self.city(), "GEO"),
                        ".\n",
                    )
                )
            if self.p(0.4):
                chunks.append(
                    C(
                        "Police report ",
                        (self.pat(self.ch(["99-999999", "AA99-99999", "9999-99999"])), "OTHER_ID"),
                        " filed by Det. ",
                        self.nm(self.person(), self.ch(["family", "full"])),
                        ", badge ",
                        (self.pat(self.ch(["9999", "999", "99999"])), "OTHER_ID"),
                        ".\n",
                    )
                )
            chunks.append(C("Diagnoses: %s, %s.\n" % (self.ch(_ICD_CPS), self.ch(_ICD_CPS))))
        else:
            body = C(
                "Pursuant to the subpoena dated ",
                self.date("prose"),
                ", enclosed are records of treatment from ",
                self.date("num"),
                " to ",
                self.date("num"),
                ". ",
            )
            body += C(
                "%s was treated for %s and is followed by %s. "
                % (
                    self.ch(["The patient", "Your client", "Our patient"]),
                    self.ch(
                        [
                            "major depressive disorder (F33.1)",
                            "a traumatic brain injury",
                            "opioid use disorder",
                            "dementia, moderate",
                        ]
                    ),
                    self.ch(_DEPTS),
                )
            )
            chunks.append(body + C("\n"))
            if self.p(0.5):
                chunks.append(
                    C(
                        "Patient is ",
                        self.age(article=True, style=self.ch([0, 1, 3])),
                        "resident of ",
                        (self.ch(_CITIES + _HOODS), "GEO"),
                        ", ",
                        self.ch(_STATES),
                        "; guardian ",
                        self.nm(self.person(cult=pt.cult)),
                        " (",
                        (self.phone(), "PHONE"),
                        ").\n",
                    )
                )
            if self.p(0.4):
                chunks.append(
                    C(
                        "Counsel: ",
                        self.nm(self.person()),
                        ", Esq., bar no. ",
                        (self.pat(self.ch(["999999", "9999999", "A9999999"])), "LICENSE"),
                        ", fax ",
                        (self.phone(False), "FAX"),
                        ".\n",
                    )
                )
            if self.p(0.3):
                chunks.append(
                    C(
                        "Claim no. ",
                        (self.pat("99-999999-AA"), "ACCOUNT"),
                        "; SSN ",
                        (self.ssn(), "SSN"),
                        ".\n",
                    )
                )
        chunks.append(
            C(
                self.ch(
                    [
                        "Please contact me with questions.\n",
                        "These records are released under HIPAA 45 CFR 164.512(e).\n",
                        "Respectfully submitted,\n",
                        "Sincerely,\n",
                    ]
                )
            )
        )
        chunks.append(
            C(
                self.dr(self.ch(["full", "full", "caps"])),
                "\n",
                self.ch(
                    [
                        "Child Abuse Pediatrics",
                        "Custodian of Records",
                        "Attending Psychiatrist",
                        "Forensic Psychiatry",
                        "",
                    ]
                ),
                "\n",
            )
        )
        return chunks, lambda: C(self.neg_legal() + "\n")

    def neg_legal(self):
        r = self.r
        return self.ch(
            [
                "The findings are consistent with inflicted injury; a medical explanation was not identified.",
                "Labs including CBC, PT/INR, PTT, von Willebrand panel and LFTs were normal.",
                "Records are provided pursuant to 42 CFR Part 2 where applicable.",
                "Mandated report filed with the State of %s hotline at %s."
                % (self.ch(_STATES), self.time()),
                "No information regarding HIV status or substance use treatment is enclosed.",
                "Developmental screening (ASQ-3) was within normal limits for a %d-month-old."
                % r.randint(4, 30),
                "Hearing is scheduled in Department %d at %s." % (r.randint(1, 40), self.time()),
                "Tanner stage %d; growth chart reviewed from %d to %d."
                % (r.randint(1, 5), r.randint(2010, 2018), r.randint(2019, 2024)),
                "Head CT showed no intracranial hemorrhage; MRI brain %s."
                % self.ch(["unremarkable", "pending", "not indicated"]),
            ]
        )

    # ---------------------------------------------------------------- police / EMS hand-off
    def st_ems(self):
        r = self.r
        pt = self.person()
        chunks = []
        unit = self.ch(
            [
                "Medic %d" % r.randint(1, 60),
                "Rescue %d" % r.randint(1, 30),
                "Engine %d" % r.randint(1, 40),
                "Ambulance %d" % r.randint(1, 99),
                "Squad %d" % r.randint(1, 20),
            ]
        )
        chunks.append(
            C(
                self.ch(
                    [
                        "%s to ED: " % unit,
                        "EMS handoff - %s - " % unit,
                        "RADIO REPORT %s: " % unit.upper(),
                        "Police/EMS: ",
                    ]
                )
            )
        )
        chunks.append(
            C(
                self.ch(["pt ", "Pt is ", "we have ", ""]),
                self.age(style=self.ch([0, 2, 6, 7]), article=self.p(0.5)),
                self.ch(["F ", "M ", "female ", "male "]),
                self.ch(
                    [
                        "found down at ",
                        "MVC at ",
                        "fall at home, ",
                        "c/o CP, picked up at ",
                        "assault victim at ",
                    ]
                ),
                (self.street(), "ADDRESS"),
                self.ch([", ", " in "]),
                (self.city(), "GEO"),
                ". ",
            )
        )
        if self.p(0.5):
            chunks.append(
                C(
                    self.ch(["Pt ", "pt ", "ID'd as "]),
                    self.nm(pt, self.ch(["lower", "lower", "caps", "full"])),
                    self.ch([" per wallet", ", per family", " per DL", ""]),
                    ". ",
                )
            )
        chunks.append(
            C(
                "LKW %s, GCS %d (E%dV%dM%d), %s, BGL %d. "
                % (
                    self.time(),
                    r.randint(3, 15),
                    r.randint(1, 4),
                    r.randint(1, 5),
                    r.randint(1, 6),
                    self.vitals(),
                    r.randint(40, 450),
                )
            )
        )
        chunks.append(
            C(
                self.ch(
                    [
                        "Narcan 2 mg IN x1 w/ response. ",
                        "ASA 324 mg given. ",
                        "C-collar applied, LSB. ",
                        "12-lead STE II, III, aVF, transmitted. ",
                        "NS 500 mL bolus. ",
                        "Zofran 4 mg IV. ",
                        "Tourniquet L thigh at %s. " % self.time(),
                    ]
                )
            )
        )
        if self.p(0.5):
            rw, rel = self.rel(
                ["Daughter ", "Son ", "Wife ", "Husband ", "Neighbor ", "mom ", "grandma ", "dad "],
                cult=pt.cult,
            )
            chunks.append(
                C(
                    rw,
                    self.nm(rel, self.ch(["full", "given", "lower"])),
                    " on scene, cb ",
                    (self.phone(), "PHONE") if self.p(0.6) else (self.say_phone(), "PHONE"),
                    ". ",
                )
            )
        if self.p(0.45):
            k = r.randint(0, 2)
            if k == 0:
                chunks.append(
                    C(
                        "Vehicle %d %s, plate "
                        % (
                            r.randint(1998, 2024),
                            self.ch(
                                [
                                    "Honda Civic",
                                    "Ford F-150",
                                    "Toyota Camry",
                                    "Nissan Altima",
                                    "Chevy Malibu",
                                ]
                            ),
                        ),
                        (self.plate() if self.p(0.6) else self.say_digits(self.plate()), "VEHICLE"),
                        ". ",
                    )
                )
            elif k == 1:
                chunks.append(C("VIN ", (self.vin(), "VEHICLE"), " per tow sheet. "))
            else:
                chunks.append(
                    C(
                        "Plate reads ",
                        (
                            " ".join(
                                _NATO[c] if c.isalpha() else _ONES[int(c)]
                                for c in self.pat("9AAA999")
                            ),
                            "VEHICLE",
                        ),
                        ". ",
                    )
                )
        if self.p(0.5):
            chunks.append(
                C(
                    self.ch(["APD ", "Ofc. ", "Officer ", "Trooper ", "Sgt. "]),
                    self.nm(self.person(), self.ch(["family", "full"])),
                    self.ch([" badge ", ", badge #", " #"]),
                    (self.pat(self.ch(["9999", "999", "99999"])), "OTHER_ID"),
                    self.ch([" on scene", ""]),
                    self.ch([", report # ", ", incident ", ", CAD "]),
                    (self.pat(self.ch(["99-999999", "9999-999999", "A99-99999"])), "OTHER_ID"),
                    ". ",
                )
            )
        if self.p(0.3):
            chunks.append(C("DL # ", (self.dl(), "LICENSE"), " (", self.ch(_STATES), "). "))
        if self.p(0.3):
            chunks.append(
                C(
                    "Belongings bag tag ",
                    (self.pat(self.ch(["9999", "A999", "99-999"])), "OTHER_ID"),
                    ". ",
                )
            )
        if self.p(0.3):
            chunks.append(
                C(
                    "PCR # ",
                    (self.pat(self.ch(["99999999", "9999-99-9999"])), "ACCOUNT"),
                    ", ",
                    self.date(self.ch(["form", "label"])),
                    ". ",
                )
            )
        if self.p(0.25):
            chunks.append(
                C(
                    "Hx per med list: ",
                    self.drug(),
                    ", ",
                    self.drug(),
                    "; ",
                    self.ch(["LVAD", "pacemaker", "insulin pump", "VP shunt"]),
                    " SN ",
                    (self.device(), "DEVICE"),
                    ". ",
                )
            )
        chunks.append(C("ETA %d min" % r.randint(2, 25), self.ch([".\n", "\n", ". Out.\n"])))
        return chunks, lambda: C(self.neg_ems() + " ")

    def neg_ems(self):
        r = self.r
        return self.ch(
            [
                "Pupils %d mm sluggish, skin pale/diaphoretic." % r.randint(2, 7),
                "Stroke scale: facial droop L, arm drift L, speech slurred.",
                "Trauma alert called at %s, level %d." % (self.time(), r.randint(1, 3)),
                "ETOH on board, vomited x%d en route." % r.randint(1, 4),
                "Extrication %d min, restrained driver, airbags deployed." % r.randint(5, 40),
                "EKG: sinus tach %d, no ectopy." % r.randint(100, 150),
                "Pain %d/10, fentanyl %d mcg IV." % (r.randint(3, 10), r.choice([25, 50, 75, 100])),
                "Moved from %s last year per family." % self.ch(_STATES),
                "Hx CHF, COPD on %d L home O2." % r.randint(1, 4),
                "SpO2 %d%% on NRB, EtCO2 %d." % (r.randint(85, 100), r.randint(20, 55)),
            ]
        )

    # ---------------------------------------------------------------- interpreter-mediated
    def st_interp(self):
        r = self.r
        lang = r.choices(["es", "pt", "fr"], [6, 3, 2])[0]
        L = {"es": "Spanish", "pt": "Portuguese", "fr": "French"}[lang]
        pt = self.person(
            cult=self.ch(
                {
                    "es": ["es_MX", "es_ES", "es_AR", "es_MX"],
                    "pt": ["pt_BR", "pt_BR"],
                    "fr": ["fr_FR", "en_US"],
                }[lang]
            )
        )
        she = pt.sex == "F"
        chunks = []
        chunks.append(
            C(
                self.ch(
                    [
                        "Interpreter-mediated visit",
                        "Visit conducted with a %s interpreter" % L,
                        "%s interpreter present" % L,
                        "INTERPRETED ENCOUNTER (%s)" % L.upper(),
                    ]
                ),
                self.ch([" via video", " in person", " by phone", ""]),
                ". ",
            )
        )
        if self.p(0.7):
            chunks.append(
                C(
                    "Interpreter: ",
                    self.nm(self.person(), self.ch(["full", "given", "init_last"])),
                    self.ch([", ID #", " (ID ", " #"]),
                    (self.pat(self.ch(["9999", "99999", "999999"])), "OTHER_ID"),
                    self.ch(["", ")"]),
                    ".\n",
                )
            )
        else:
            chunks.append(C("\n"))
        chunks.append(
            C(
                "Patient: ",
                self.nm(pt, self.ch(["full", "full", "last_first", "caps"])),
                ", ",
                self.age(),
                ("woman" if she else "man"),
                ".\n",
            )
        )
        if lang == "es":
            chunks.append(C("Fecha de nacimiento: ", self.date("es", self.dob()), " (confirmed). "))
            q = self.ch(
                [
                    "Me duele el pecho desde ",
                    "Tengo mareos desde ",
                    "No duermo bien desde ",
                    "Empezó la fiebre ",
                ]
            )
            chunks.append(C('Pt states "', q, self.date("es"), '" (symptoms since that date). '))
            if self.p(0.4):
                chunks.append(
                    C("Número de seguro social: ", (self.say_digits(self.ssn(), "es"), "SSN"), ". ")
                )
            if self.p(0.5):
                rw, rel = self.rel(
                    ["hija", "hijo", "esposo", "esposa", "mamá", "abuela"], cult=pt.cult
                )
                chunks.append(
                    C(
                        "Vive en ",
                        (self.ch(_CITIES + _HOODS), "GEO"),
                        " con su ",
                        rw,
                        " ",
                        self.nm(rel, self.ch(["given", "full"])),
                        ". ",
                    )
                )
            if self.p(0.4):
                chunks.append(
                    C(
                        "Teléfono: ",
                        (
                            self.say_digits(
                                self.phone_digits()[0] + "-" + self.pat("999-9999"), "es"
                            )
                            if self.p(0.5)
                            else self.phone(),
                            "PHONE",
                        ),
                        ". ",
                    )
                )
            chunks.append(
                C(
                    "Toma %s, %s. "
                    % (
                        self.ch(
                            [
                                "dos pastillas al día",
                                "una tableta cada ocho horas",
                                "metformina quinientos miligramos dos veces al día",
                                "tres veces al día",
                            ]
                        ),
                        self.ch(
                            [
                                "desde hace tres semanas",
                                "hace dos meses",
                                "cada noche",
                                "con comida",
                            ]
                        ),
                    )
                )
            )
        elif lang == "pt":
            chunks.append(C("Data de nascimento: ", self.date("pt", self.dob()), ". "))
            chunks.append(C('Pt reports "estou com dor de cabeça desde ', self.date("pt"), '". '))
            if self.p(0.5):
                chunks.append(
                    C(
                        "Mora em ",
                        (
                            self.ch(
                                [
                                    "Framingham",
                                    "Lowell",
                                    "Fall River",
                                    "New Bedford",
                                    "Newark",
                                    "Somerville",
                                ]
                                + _HOODS
                            ),
                            "GEO",
                        ),
                        " com a ",
                        self.ch(["filha", "mãe", "irmã", "avó"]),
                        " ",
                        self.nm(self.person(cult="pt_BR", sex="F"), self.ch(["given", "full"])),
                        ". ",
                    )
                )
            if self.p(0.4):
                chunks.append(
                    C(
                        "Telefone: ",
                        (self.say_digits(self.pat("999-999-9999"), "pt"), "PHONE"),
                        ". ",
                    )
                )
            chunks.append(
                C(
                    "Toma %s. "
                    % self.ch(
                        [
                            "um comprimido por dia",
                            "losartana cinquenta miligramas",
                            "dois comprimidos à noite",
                            "insulina dez unidades",
                        ]
                    )
                )
            )
        else:
            chunks.append(
                C(
                    self.ch(["Date de naissance: ", "Né%s " % ("e" if she else "")]),
                    self.date("fr", self.dob()),
                    ". ",
                )
            )
            chunks.append(C("Pt says \"j'ai mal au ventre depuis ", self.date("fr"), '". '))
            if self.p(0.35):
                chunks.append(
                    C(
                        "Numéro de sécurité sociale: ",
                        (self.pat("9 99 99 99 999 999 99"), "SSN"),
                        ". ",
                    )
                )
            if self.p(0.5):
                chunks.append(
                    C(
                        "Habite à ",
                        (self.ch(_CITIES + ["Lewiston", "Little Haiti", "Mattapan"]), "GEO"),
                        " avec ",
                        self.ch(["sa fille", "sa mère", "sa sœur"]),
                        " ",
                        self.nm(self.person(cult="fr_FR", sex="F"), self.ch(["given", "full"])),
                        ". ",
                    )
                )
            chunks.append(
                C(
                    "Prend %s. "
                    % self.ch(
                        [
                            "deux comprimés par jour",
                            "un comprimé le matin",
                            "amlodipine cinq milligrammes",
                        ]
                    )
                )
            )
        chunks.append(C("\n"))
        chunks.append(
            C(
                self.vitals(),
                ". ",
                self.ch(["Exam: ", "PE: "]),
                self.ch(
                    [
                        "lungs clear, RRR, abd soft",
                        "mild epigastric tenderness",
                        "no focal deficits",
                        "bilateral LE edema 1+",
                    ]
                ),
                ".\n",
            )
        )
        if self.p(0.4):
            chunks.append(
                C(
                    "MRN ",
                    (self.mrn(), "MRN"),
                    "; insurance ",
                    self.ch(["Medicaid", "MassHealth", "Medi-Cal", "Emergency Medicaid"]),
                    " ID ",
                    (self.plan_id(), "HEALTH_PLAN"),
                    ".\n",
                )
            )
        if self.p(0.3):
            chunks.append(
                C(
                    "Family member ",
                    self.nm(self.person(cult=pt.cult), self.ch(["given", "full"])),
                    " initially interpreted; professional interpreter requested per policy.\n",
                )
            )
        chunks.append(
            C(
                "A/P: %s; %s. Teach-back completed in %s.\n"
                % (self.ch(_ICD_GEN), self.drug(_MED_DRUGS), L)
            )
        )
        if self.p(0.5):
            chunks.append(
                C(
                    "Next visit ",
                    self.date(self.ch(["prose", "form"])),
                    "; reminder by ",
                    self.ch(["text", "phone"]),
                    " to ",
                    (self.phone(), "PHONE"),
                    ".\n",
                )
            )
        return chunks, lambda: C(self.neg_interp(lang) + " ")

    def neg_interp(self, lang):
        r = self.r
        if lang == "es":
            s = self.ch(
                [
                    "Dolor %s de diez. " % es_n(r.randint(1, 10)),
                    "Tres veces al día con comida.",
                    "No tiene fiebre ni tos.",
                    "Desde hace %s semanas." % es_n(r.randint(2, 9)),
                    "Presión alta desde hace %s años." % es_n(r.randint(2, 30)),
                    "Tiene %s años." % es_n(r.randint(20, 89)),
                    "Dos pastillas cada ocho horas.",
                ]
            )
        elif lang == "pt":
            s = self.ch(
                [
                    "Dor %s de dez." % pt_n(r.randint(1, 10)),
                    "Sem febre.",
                    "Há três semanas.",
                    "Duas vezes por dia.",
                    "Pressão alta há %d anos." % r.randint(2, 30),
                ]
            )
        else:
            s = self.ch(
                [
                    "Douleur %s sur dix." % fr_n(r.randint(1, 10)),
                    "Pas de fièvre.",
                    "Depuis trois semaines.",
                    "Deux fois par jour.",
                    "Diabète depuis %d." % r.randint(1990, 2023),
                ]
            )
        return s + " " + self.neg_common()

    # ---------------------------------------------------------------- assembly
    STYLES = (
        ("dictation", 17),
        ("psych", 11),
        ("ophtho", 10),
        ("derm", 10),
        ("lab", 11),
        ("form", 12),
        ("legal", 10),
        ("ems", 10),
        ("interp", 9),
    )

    def snippet(self):
        r = self.r
        names = [s for s, _ in self.STYLES]
        ws = [w for _, w in self.STYLES]
        style = r.choices(names, ws)[0]
        phi = r.random() >= 0.10
        chunks, filler = getattr(self, "st_" + style)()
        if not phi:
            chunks = [c for c in chunks if all(l is None for _, l in c)]
        return self.assemble(chunks, filler, style)

    @staticmethod
    def _wc(chunk):
        return sum(len(s.split()) for s, _ in chunk), sum(len(s.split()) for s, l in chunk if l)

    def assemble(self, chunks, filler, style):
        r = self.r
        out = []
        words = pw = 0
        cap = r.randint(60, 220) if r.random() < 0.6 else 220
        for c in chunks:
            cw, cp = self._wc(c)
            if words + cw > cap and words >= 30:
                continue
            out.append(c)
            words += cw
            pw += cp
        tries = 0
        while (
            words < 32 or pw * 2 > words * 0.9 or (r.random() < 0.25 and tries == 0)
        ) and tries < 40:
            tries += 1
            c = (
                filler()
                if (style == "dictation" or r.random() < 0.75)
                else C(
                    self.neg_common()
                    + ("\n" if style not in ("dictation", "ems", "interp") else " ")
                )
            )
            if style == "dictation":
                c = [(s.lower().replace(";", "").replace(",", ""), l) for s, l in c]
            cw, _ = self._wc(c)
            if words + cw > 220:
                continue
            pos = r.randint(1, len(out)) if len(out) > 1 else len(out)
            out.insert(pos, c)
            words += cw
        text_parts = []
        spans = []
        pos = 0
        for c in out:
            for s, l in c:
                if l:
                    spans.append({"start": pos, "end": pos + len(s), "label": l})
                text_parts.append(s)
                pos += len(s)
        text = "".join(text_parts)
        # trim trailing whitespace (never inside a span)
        stripped = text.rstrip()
        return {"text": stripped, "spans": spans}


def generate(seed: int, count: int) -> list:
    """Return ``count`` synthetic snippets with PHI spans; deterministic in ``seed``."""
    r = random.Random(seed)
    fk = Faker(FAKER_LOCALES)
    fk.seed_instance(seed)
    g = _G(r, fk)
    return [g.snippet() for _ in range(count)]


if __name__ == "__main__":
    import collections

    data = generate(1, 3000)
    counts = collections.Counter()
    total_words = 0
    for ex in data:
        t = ex["text"]
        prev = 0
        for sp in ex["spans"]:
            s, e, lab = sp["start"], sp["end"], sp["label"]
            assert 0 <= s < e <= len(t), (sp, t)
            assert s >= prev, ("overlap/unsorted", sp, t)
            assert lab in LABELS, lab
            v = t[s:e]
            assert v and v == v.strip(), (repr(v), t)
            prev = e
            counts[lab] += 1
        total_words += len(t.split())
    for lab in LABELS:
        print("%-12s %d" % (lab, counts[lab]))
    print("total_words %d" % total_words)
