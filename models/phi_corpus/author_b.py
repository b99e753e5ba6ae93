"""Synthetic PHI-tagging snippets, author B.

Styles: oncology consults and tumour-board notes, cardiology clinic letters,
endocrinology/diabetes follow-ups, billing and insurance correspondence,
care-coordination e-mails, SMS reminders, patient-portal messages and
pharmacy refill requests.  Text is assembled piece by piece so that every
PHI span offset is recorded at the moment it is written.
"""

import datetime
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

_LOCALES = [
    "en_US",
    "en_GB",
    "es_MX",
    "es_CO",
    "vi_VN",
    "zh_TW",
    "en_IN",
    "it_IT",
    "pl_PL",
    "ru_RU",
    "pt_PT",
    "nl_NL",
    "ja_JP",
    "ga_IE",
    "sw",
    "yo_NG",
    "ig_NG",
    "tw_GH",
    "zu_ZA",
]

# --------------------------------------------------------------------------
# calendar and number words
# --------------------------------------------------------------------------
MONTHS = [
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
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WD_SHORT = [("Mon",), ("Tue", "Tues"), ("Wed",), ("Thu", "Thurs"), ("Fri",), ("Sat",), ("Sun",)]
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
_ORD_ONES = [
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]


def _words(n):
    if n < 20:
        return _ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return _TENS[t] + ("-" + _ONES[o] if o else "")
    h, rest = divmod(n, 100)
    return _ONES[h] + " hundred" + (" and " + _words(rest) if rest else "")


def _ord_words(n):
    if n < 20:
        return _ORD_ONES[n]
    t, o = divmod(n, 10)
    if o == 0:
        return _TENS[t][:-1] + "ieth"
    return _TENS[t] + "-" + _ORD_ONES[o]


def _ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suf)


def _ascii(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


_RU = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}


def _translit(s):
    out = []
    for ch in s:
        low = ch.lower()
        if low in _RU:
            t = _RU[low]
            out.append(t.capitalize() if ch != low else t)
        else:
            out.append(ch)
    return "".join(out)


# --------------------------------------------------------------------------
# name pools that Faker does not romanise (or does not have)
# --------------------------------------------------------------------------
VI_GIVEN_F = [
    "Lan",
    "Hương",
    "Thảo",
    "Ngọc",
    "Phương",
    "Hạnh",
    "Trang",
    "Linh",
    "Thu",
    "Hoa",
    "Mai",
    "Yến",
    "Nhung",
    "Vy",
    "Diệp",
    "Tuyết",
]
VI_GIVEN_M = [
    "Minh",
    "Tuấn",
    "Dũng",
    "Quang",
    "Bảo",
    "Khánh",
    "Hùng",
    "Việt",
    "Long",
    "Phúc",
    "Thắng",
    "Hiếu",
    "Nam",
    "Sơn",
    "Tâm",
    "Đạt",
]
VI_MID_F = ["Thị", "Ngọc", "Thanh", "Kim", "Xuân", "Thu", "Bích"]
VI_MID_M = ["Văn", "Minh", "Đức", "Hữu", "Quốc", "Thanh", "Công"]
KO_LAST = [
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
    "Baek",
    "Moon",
]
KO_GIVEN_F = [
    "Seo-yeon",
    "Ha-eun",
    "Ji-woo",
    "Su-bin",
    "Hye-jin",
    "Eun-ji",
    "Min-seo",
    "Ye-jin",
    "Soo-ah",
    "Young-hee",
    "Da-eun",
    "Mi-kyung",
]
KO_GIVEN_M = [
    "Min-jun",
    "Ji-hoon",
    "Do-yoon",
    "Jae-won",
    "Young-ho",
    "Sung-min",
    "Hyun-woo",
    "Dong-hyun",
    "Seung-ho",
    "Tae-yang",
    "Joon-young",
    "Kyung-soo",
]
FA_GIVEN_F = [
    "Shirin",
    "Farzaneh",
    "Maryam",
    "Parisa",
    "Niloufar",
    "Leila",
    "Azadeh",
    "Golnaz",
    "Roya",
    "Mahnaz",
    "Fereshteh",
    "Yasaman",
]
FA_GIVEN_M = [
    "Dariush",
    "Mehdi",
    "Reza",
    "Kourosh",
    "Arash",
    "Babak",
    "Hamid",
    "Behrouz",
    "Farhad",
    "Kaveh",
    "Omid",
    "Siavash",
]
FA_LAST = [
    "Hosseini",
    "Rezaei",
    "Mohammadi",
    "Karimi",
    "Ahmadi",
    "Jafari",
    "Moradi",
    "Tehrani",
    "Ghorbani",
    "Sadeghi",
    "Esfahani",
    "Najafi",
    "Farahani",
    "Shirazi",
    "Rahimi",
    "Abbasi",
    "Khosravi",
    "Mirzaei",
]
BN_GIVEN_F = [
    "Ayesha",
    "Farhana",
    "Nusrat",
    "Rumana",
    "Shirin",
    "Tahmina",
    "Sharmin",
    "Nasrin",
    "Jannatul",
    "Sumaiya",
    "Mousumi",
    "Rupa",
]
BN_GIVEN_M = [
    "Rahim",
    "Karim",
    "Tanvir",
    "Sabbir",
    "Arif",
    "Mahbub",
    "Shafiqul",
    "Rezaul",
    "Anisur",
    "Habibur",
    "Sohel",
    "Partha",
]
BN_LAST = [
    "Hossain",
    "Rahman",
    "Chowdhury",
    "Islam",
    "Uddin",
    "Akter",
    "Begum",
    "Sarkar",
    "Mondal",
    "Talukder",
    "Bhuiyan",
    "Haque",
    "Miah",
    "Sikder",
    "Khatun",
    "Das",
]
TL_GIVEN_F = [
    "Maria Luz",
    "Rowena",
    "Jocelyn",
    "Marivic",
    "Lourdes",
    "Ma. Cristina",
    "Rosalinda",
    "Marites",
    "Imelda",
    "Analyn",
    "Princess",
    "Jhoanna",
]
TL_GIVEN_M = [
    "Jose Rizalino",
    "Arnel",
    "Rodel",
    "Jun-Jun",
    "Rommel",
    "Reynaldo",
    "Ferdinand",
    "Bong",
    "Danilo",
    "Jomar",
    "Efren",
    "Jericho",
]
TL_LAST = [
    "dela Cruz",
    "Santos",
    "Reyes",
    "Bautista",
    "Villanueva",
    "Mercado",
    "Dimaculangan",
    "Macapagal",
    "Lacson",
    "Panganiban",
    "de los Reyes",
    "Manalo",
    "Dizon",
    "Mangubat",
    "Pangilinan",
    "Tolentino",
]
AR_GIVEN_F = [
    "Fatima",
    "Layla",
    "Noor",
    "Hana",
    "Amira",
    "Yasmin",
    "Rania",
    "Salma",
    "Mariam",
    "Huda",
]
AR_GIVEN_M = [
    "Omar",
    "Yusuf",
    "Khalid",
    "Ibrahim",
    "Tariq",
    "Samir",
    "Hassan",
    "Mahmoud",
    "Faisal",
    "Nabil",
]
AR_LAST = [
    "al-Rashid",
    "al-Masri",
    "El-Amin",
    "Haddad",
    "Nasser",
    "Abu-Bakr",
    "al-Farsi",
    "bin Yusuf",
    "Khoury",
    "al-Hashimi",
    "Abdel-Rahman",
    "Saleh",
    "Mansour",
    "el-Sayed",
]
MY_GIVEN_F = ["Nur Aisyah", "Siti Nurhaliza", "Farah", "Nurul Huda"]
MY_GIVEN_M = ["Ahmad", "Muhammad Hafiz", "Azlan", "Faizal"]
MY_LAST = ["Rahman", "Ismail", "Abdullah", "Hassan", "Yusof", "Osman"]
NA_LAST = [
    "Runs After",
    "Two Bears",
    "Little Wolf",
    "Yellowhorse",
    "Eagleheart",
    "Spotted Elk",
    "Many Horses",
    "Standing Bear",
    "Red Cloud",
    "Tsosie",
    "Begay",
    "Yazzie",
    "Whitehorse",
    "Black Elk",
    "Iron Shell",
    "Kills Straight",
    "Looking Horse",
    "Plenty Holes",
    "Good Voice",
    "Brings Plenty",
    "Lone Hill",
    "Crow Ghost",
]
YO_EXTRA = [
    "Adébáyọ̀",
    "Olúwaseun",
    "Ọlámidé",
    "Àdìgún",
    "Oyèwọlé",
    "Fúnmiláyọ̀",
    "Adéwálé",
    "Ìbùkún",
]
IG_EXTRA_LAST = ["Okonkwo-Eze", "Nwachukwu", "Obi-Okafor", "Eze-Nwosu", "Chukwuemeka", "Onyekachi"]
GA_EXTRA = [
    ("Siobhán", "Ní Bhriain", True),
    ("Aoife", "O'Sullivan", True),
    ("Pádraig", "Mac Giolla Phádraig", False),
    ("Caoimhe", "Nic Amhlaoibh", True),
    ("Seán", "Ó Ceallaigh", False),
    ("Niamh", "O'Donoghue", True),
    ("Ciarán", "McGettigan", False),
    ("Gráinne", "Ní Mhurchú", True),
]
NICKS = {
    "Robert": "Bobby",
    "William": "Bill",
    "Elizabeth": "Liz",
    "Margaret": "Peggy",
    "James": "Jimmy",
    "Richard": "Rick",
    "Katherine": "Kate",
    "Joseph": "Joey",
    "Jesús": "Chuy",
    "José": "Pepe",
    "Francisco": "Pancho",
    "Tomasz": "Tomek",
    "Katarzyna": "Kasia",
    "Aleksandr": "Sasha",
    "Ekaterina": "Katya",
    "Dmitriy": "Dima",
    "Guadalupe": "Lupe",
    "Ignacio": "Nacho",
    "Rebecca": "Becky",
}
GENERIC_NICKS = [
    "Bubba",
    "Nena",
    "Mimi",
    "Tito",
    "Junior",
    "Sonny",
    "Cookie",
    "Nana",
    "Ace",
    "Boo",
    "Tiny",
    "Peaches",
    "Red",
    "Chief",
    "Lulu",
    "Bear",
]

_CULTURES = [
    ("en_US", 17),
    ("en_GB", 6),
    ("es_MX", 7),
    ("es_CO", 4),
    ("vi", 5),
    ("zh_TW", 4),
    ("ja", 3),
    ("ko", 4),
    ("en_IN", 5),
    ("bn", 3),
    ("fa", 3),
    ("ga", 3),
    ("it_IT", 4),
    ("pl_PL", 4),
    ("ru", 4),
    ("af", 8),
    ("tl", 4),
    ("pt_PT", 3),
    ("nl_NL", 3),
    ("ar", 3),
    ("na", 3),
    ("my", 1),
]
_CULT_NAMES = [c for c, _ in _CULTURES]
_CULT_W = [w for _, w in _CULTURES]

# --------------------------------------------------------------------------
# places and organisations
# --------------------------------------------------------------------------
US_CITIES = [
    "Albuquerque",
    "Fresno",
    "Dayton",
    "Hialeah",
    "Tacoma",
    "Brownsville",
    "Lowell",
    "Duluth",
    "Flagstaff",
    "Yonkers",
    "Paterson",
    "Macon",
    "Billings",
    "Laredo",
    "Stockton",
    "Toledo",
    "Worcester",
    "Spokane",
    "Chula Vista",
    "Bakersfield",
    "Little Rock",
    "Sioux Falls",
    "Gary",
    "Lafayette",
    "Provo",
    "Santa Fe",
    "Rapid City",
    "Kalamazoo",
    "Scranton",
    "Gallup",
    "Eagle Pass",
    "Hilo",
    "Anchorage",
    "Rochester",
    "Yakima",
    "Pueblo",
    "Dearborn",
    "Elizabeth",
    "Lawrence",
    "Salinas",
]
NEIGHBORHOODS = [
    "Pilsen",
    "Little Haiti",
    "Koreatown",
    "Sunset Park",
    "Mission District",
    "Boyle Heights",
    "Fishtown",
    "Five Points",
    "Germantown",
    "Jackson Heights",
    "Little Saigon",
    "East Harlem",
    "Hyde Park",
    "Ironbound",
    "Overtown",
    "Washington Heights",
    "Chinatown",
    "Southie",
    "Corktown",
    "Fruitvale",
]
COUNTIES = [
    "Maricopa County",
    "Cook County",
    "Hidalgo County",
    "Cuyahoga County",
    "Fresno County",
    "Wayne County",
    "Kern County",
    "Erie County",
    "Pima County",
    "Bexar County",
    "Hennepin County",
    "Navajo County",
    "Oglala Lakota County",
    "King County",
    "Dade County",
    "Essex County",
]
UK_TOWNS = [
    "Leeds",
    "Wolverhampton",
    "Stoke-on-Trent",
    "Bradford",
    "Swansea",
    "Sheffield",
    "Luton",
    "Dundee",
    "Derby",
    "Slough",
    "Blackburn",
    "Leicester",
    "Croydon",
    "Harrogate",
]
STATES = [
    ("Ohio", "OH"),
    ("Texas", "TX"),
    ("Arizona", "AZ"),
    ("California", "CA"),
    ("Florida", "FL"),
    ("Illinois", "IL"),
    ("New York", "NY"),
    ("New Mexico", "NM"),
    ("Oregon", "OR"),
    ("Michigan", "MI"),
    ("Georgia", "GA"),
    ("Washington", "WA"),
    ("Pennsylvania", "PA"),
    ("Massachusetts", "MA"),
    ("South Dakota", "SD"),
    ("Minnesota", "MN"),
    ("New Jersey", "NJ"),
    ("Colorado", "CO"),
    ("Alaska", "AK"),
    ("Hawaii", "HI"),
    ("Montana", "MT"),
    ("Utah", "UT"),
    ("Nevada", "NV"),
    ("North Carolina", "NC"),
    ("Virginia", "VA"),
    ("Wisconsin", "WI"),
]
ORG_PREFIX = [
    "Northgate",
    "Lakeshore",
    "Cedar Hollow",
    "Bayview",
    "Pinecrest",
    "Harbor Point",
    "Meadowlark",
    "Stonebridge",
    "Valley Oak",
    "Silver Creek",
    "Riverbend",
    "Summit Ridge",
    "Redwood Crest",
    "Mesa Verde",
    "Prairie Wind",
    "Blue Heron",
    "Ironwood",
    "Granite Peak",
    "Willow Bend",
    "Saint Brigid's",
    "Mercy Ridge",
]
ORG_ONC = [
    "Cancer Institute",
    "Oncology Associates",
    "Cancer Center",
    "Hematology & Oncology",
    "Infusion Center",
    "Breast Center",
]
ORG_CARD = [
    "Heart & Vascular",
    "Cardiology Associates",
    "Heart Institute",
    "Cardiac Electrophysiology",
    "Cardiology Clinic",
]
ORG_ENDO = [
    "Diabetes & Endocrine Center",
    "Endocrinology",
    "Thyroid Clinic",
    "Diabetes Education Program",
    "Metabolic Health",
]
ORG_PCP = [
    "Family Medicine",
    "Primary Care",
    "Internal Medicine",
    "Community Health Center",
    "Medical Group",
]
ORG_PHARM = ["Specialty Pharmacy", "Pharmacy", "Apothecary", "Rx"]
RETAIL_PHARM = [
    "CVS Pharmacy",
    "Walgreens",
    "Rite Aid",
    "Walmart Pharmacy",
    "Kroger Pharmacy",
    "Costco Pharmacy",
    "H-E-B Pharmacy",
    "Publix Pharmacy",
    "Boots",
]
PAYERS = [
    "Medicare",
    "Medicare Part B",
    "Medicaid",
    "Aetna",
    "Cigna",
    "UnitedHealthcare",
    "Humana",
    "Blue Cross Blue Shield of Illinois",
    "Anthem Blue Cross",
    "Kaiser Permanente",
    "Tricare",
    "Molina Healthcare",
    "Oscar Health",
    "Ambetter",
    "Highmark",
    "Medicare Advantage (Humana)",
    "Texas Medicaid",
    "Medi-Cal",
    "Wellcare",
    "Florida Blue",
]
FREE_MAIL = [
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.com",
    "icloud.com",
    "aol.com",
    "comcast.net",
    "proton.me",
    "att.net",
    "msn.com",
    "ymail.com",
]
CREDS = [
    "MD",
    "DO",
    "NP",
    "PA-C",
    "RN",
    "MD, FACC",
    "MD, PhD",
    "RN, CDCES",
    "PharmD",
    "APRN",
    "RN, OCN",
    "MSN, RN",
    "CPhT",
    "LCSW",
    "BSN, RN",
]
ROLES = [
    "Referral Coordinator",
    "Nurse Navigator",
    "Patient Access Specialist",
    "Prior Authorization Specialist",
    "Billing Specialist",
    "Care Coordinator",
    "Clinical Pharmacist",
    "Scheduling",
    "Practice Manager",
    "Financial Counselor",
    "Oncology Nurse Navigator",
    "Diabetes Educator",
    "Device Clinic RN",
    "Medical Assistant",
]
RELATIONS = [
    "daughter",
    "son",
    "wife",
    "husband",
    "granddaughter",
    "grandson",
    "niece",
    "nephew",
    "sister",
    "brother",
    "partner",
    "caregiver",
    "neighbor",
    "daughter-in-law",
    "son-in-law",
]
_REL_FEM = {
    "daughter": True,
    "son": False,
    "wife": True,
    "husband": False,
    "granddaughter": True,
    "grandson": False,
    "niece": True,
    "nephew": False,
    "sister": True,
    "brother": False,
    "daughter-in-law": True,
    "son-in-law": False,
}
SPELL = {
    "A": "Adam",
    "B": "boy",
    "C": "cat",
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
    "U": "umbrella",
    "V": "Victor",
    "W": "William",
    "X": "x-ray",
    "Y": "yellow",
    "Z": "zebra",
}
UP = "ABCDEFGHJKLMNPRSTUVWXYZ"
DIG = "0123456789"
MBI_L = "ACDEFGHJKMNPQRTUVWXY"

# --------------------------------------------------------------------------
# clinical (non-PHI) vocabulary
# --------------------------------------------------------------------------
ONC_DX = [
    ("stage IIIA (cT2bN2M0) adenocarcinoma of the right upper lobe", "C34.11"),
    ("stage IV non-small cell lung cancer with an EGFR exon 19 deletion", "C34.90"),
    ("metastatic NSCLC, KRAS G12C mutated, PD-L1 TPS 60%", "C34.12"),
    ("ER+/PR+/HER2- invasive ductal carcinoma of the left breast, pT2N1aM0, stage IIB", "C50.912"),
    ("triple-negative breast cancer, cT3N1M0, Ki-67 70%", "C50.911"),
    ("HER2-positive (IHC 3+) breast cancer, stage IIA", "C50.411"),
    ("stage III colon adenocarcinoma (pT3N1bM0), MSS", "C18.7"),
    ("metastatic rectal adenocarcinoma with liver involvement, RAS wild-type", "C20"),
    ("diffuse large B-cell lymphoma, germinal center subtype, stage IIIB, IPI 3", "C83.38"),
    ("classic Hodgkin lymphoma, nodular sclerosis type, stage IIA", "C81.10"),
    ("borderline resectable pancreatic adenocarcinoma", "C25.0"),
    ("high-grade serous ovarian carcinoma, FIGO stage IIIC, germline BRCA1 c.68_69delAG", "C56.9"),
    ("prostate adenocarcinoma, Gleason 4+3=7 (Grade Group 3)", "C61"),
    ("IgG kappa multiple myeloma, R-ISS stage II", "C90.00"),
    ("stage IIIB melanoma, BRAF V600E positive, Breslow depth 3.1 mm", "C43.59"),
    ("hepatocellular carcinoma, BCLC stage B, Child-Pugh A6", "C22.0"),
    ("extensive-stage small cell lung cancer", "C34.91"),
    ("HER2 3+ gastric adenocarcinoma with peritoneal disease", "C16.9"),
    ("CLL, Rai stage I, with del(17p) and unmutated IGHV", "C91.10"),
    ("follicular lymphoma grade 1-2, FLIPI 2", "C82.08"),
    ("muscle-invasive urothelial carcinoma of the bladder, cT2N0M0", "C67.9"),
    ("clear cell renal cell carcinoma, IMDC intermediate risk", "C64.1"),
    ("glioblastoma, IDH-wildtype, MGMT promoter methylated", "C71.9"),
    ("p16-positive squamous cell carcinoma of the oropharynx, T2N1M0", "C10.9"),
    ("AML with NPM1 mutation, FLT3-ITD negative", "C92.00"),
    ("Lynch syndrome-associated endometrial carcinoma, MSI-H, stage IB", "C54.1"),
]
ONC_REGIMENS = [
    "FOLFOX",
    "mFOLFOX6 plus bevacizumab",
    "FOLFIRINOX",
    "gemcitabine/nab-paclitaxel",
    "R-CHOP x 6 cycles",
    "Pola-R-CHP",
    "ABVD x 4 cycles",
    "carboplatin/pemetrexed/pembrolizumab",
    "dose-dense AC followed by weekly paclitaxel",
    "TCHP",
    "osimertinib 80 mg daily",
    "sotorasib 960 mg daily",
    "capecitabine 1000 mg/m2 BID days 1-14",
    "daratumumab, lenalidomide and dexamethasone (DRd)",
    "VRd induction",
    "olaparib 300 mg BID maintenance",
    "enzalutamide 160 mg daily plus ADT",
    "nivolumab/ipilimumab",
    "atezolizumab plus bevacizumab",
    "FLOT",
    "weekly cisplatin 40 mg/m2 with IMRT to 70 Gy",
    "temozolomide 75 mg/m2 with RT (Stupp)",
    "trastuzumab deruxtecan 5.4 mg/kg q3w",
    "pembrolizumab 200 mg q3w",
    "CAPOX x 3 months",
    "venetoclax plus azacitidine",
    "zanubrutinib 160 mg BID",
    "bendamustine-rituximab",
    "letrozole 2.5 mg plus ribociclib 600 mg",
    "anastrozole 1 mg daily",
    "tamoxifen 20 mg daily",
]
ONC_GENES = [
    "EGFR L858R",
    "EGFR exon 19 deletion",
    "ALK rearrangement",
    "ROS1 fusion",
    "KRAS G12C",
    "KRAS G12D (c.35G>A)",
    "BRAF V600E",
    "PIK3CA H1047R",
    "TP53 c.743G>A (p.R248Q)",
    "BRCA2 c.5946delT",
    "HER2 amplification",
    "MET exon 14 skipping",
    "NTRK3 fusion",
    "IDH1 R132H",
    "ESR1 Y537S",
    "ATM c.7271T>G",
    "PALB2 c.3113G>A",
    "FLT3-ITD",
    "NPM1 type A",
]
CARD_DX = [
    ("heart failure with reduced ejection fraction (LVEF 30-35%)", "I50.22"),
    ("paroxysmal atrial fibrillation", "I48.0"),
    ("persistent atrial fibrillation", "I48.19"),
    ("coronary artery disease s/p PCI to the proximal LAD", "I25.10"),
    ("severe aortic stenosis, AVA 0.8 cm2, mean gradient 44 mmHg", "I35.0"),
    ("hypertrophic obstructive cardiomyopathy", "I42.1"),
    ("essential hypertension", "I10"),
    ("symptomatic bradycardia with 2:1 AV block", "I44.1"),
    ("Wolff-Parkinson-White pattern", "I45.6"),
    ("congenital long QT syndrome", "I45.81"),
    ("nonischemic dilated cardiomyopathy", "I42.0"),
    ("hyperlipidemia", "E78.5"),
    ("supraventricular tachycardia", "I47.1"),
    ("moderate mitral regurgitation", "I34.0"),
    ("HFpEF, NYHA class II", "I50.32"),
    ("Takotsubo cardiomyopathy, recovered", "I51.81"),
]
CARD_MEDS = [
    "metoprolol succinate 50 mg daily",
    "carvedilol 12.5 mg BID",
    "sacubitril/valsartan 49/51 mg BID",
    "spironolactone 25 mg daily",
    "dapagliflozin 10 mg daily",
    "empagliflozin 10 mg daily",
    "apixaban 5 mg BID",
    "rivaroxaban 20 mg with supper",
    "atorvastatin 80 mg nightly",
    "rosuvastatin 20 mg",
    "ezetimibe 10 mg",
    "amiodarone 200 mg daily",
    "furosemide 40 mg daily",
    "torsemide 20 mg",
    "ticagrelor 90 mg BID",
    "clopidogrel 75 mg",
    "aspirin 81 mg",
    "lisinopril 10 mg",
    "amlodipine 5 mg",
    "diltiazem ER 180 mg",
    "flecainide 100 mg BID",
    "mavacamten 5 mg",
    "evolocumab 140 mg q2w",
]
CARD_DEVICES = [
    "Medtronic Azure XT DR MRI SureScan dual-chamber pacemaker",
    "Boston Scientific WATCHMAN FLX left atrial appendage occluder",
    "Abbott CardioMEMS HF sensor",
    "Medtronic Micra AV leadless pacemaker",
    "Boston Scientific EMBLEM MRI S-ICD",
    "Abbott Gallant dual-chamber ICD",
    "Medtronic LINQ II insertable cardiac monitor",
    "Zio XT patch monitor",
    "Biotronik Edora 8 DR-T",
    "Abbott HeartMate 3 LVAD",
]
ENDO_DX = [
    ("type 2 diabetes mellitus with hyperglycemia", "E11.65"),
    ("type 2 diabetes without complications", "E11.9"),
    ("type 1 diabetes on insulin pump therapy", "E10.9"),
    ("type 2 diabetes with diabetic chronic kidney disease", "E11.22"),
    ("Hashimoto thyroiditis with hypothyroidism", "E06.3"),
    ("Graves disease", "E05.00"),
    ("toxic multinodular goiter", "E05.20"),
    ("ACTH-independent Cushing syndrome", "E24.9"),
    ("primary adrenal insufficiency (Addison disease)", "E27.1"),
    ("primary hyperparathyroidism", "E21.0"),
    ("postmenopausal osteoporosis", "M81.0"),
    ("polycystic ovary syndrome", "E28.2"),
    ("papillary thyroid carcinoma s/p total thyroidectomy", "C73"),
    ("obesity, BMI 38", "E66.9"),
    ("prediabetes", "R73.03"),
    ("LADA", "E13.9"),
]
ENDO_MEDS = [
    "metformin ER 1000 mg BID",
    "semaglutide (Ozempic) 1 mg weekly",
    "tirzepatide (Mounjaro) 7.5 mg weekly",
    "empagliflozin (Jardiance) 25 mg daily",
    "dulaglutide (Trulicity) 1.5 mg weekly",
    "insulin glargine (Lantus) 24 units at bedtime",
    "insulin degludec (Tresiba) 30 units daily",
    "insulin lispro (Humalog) ICR 1:10, ISF 1:40",
    "insulin aspart (NovoLog) per sliding scale",
    "glipizide 5 mg BID",
    "levothyroxine 88 mcg daily",
    "levothyroxine 112 mcg",
    "methimazole 10 mg daily",
    "alendronate 70 mg weekly",
    "denosumab 60 mg q6 months",
    "hydrocortisone 15 mg AM / 5 mg PM",
    "fludrocortisone 0.1 mg daily",
    "cinacalcet 30 mg BID",
    "vitamin D3 2000 IU daily",
    "sitagliptin 100 mg daily",
    "pioglitazone 15 mg",
]
ENDO_DEVICES = [
    "Dexcom G7 CGM",
    "FreeStyle Libre 3",
    "Omnipod 5 with Dexcom G6",
    "Tandem t:slim X2 with Control-IQ",
    "Medtronic MiniMed 780G with Guardian 4 sensor",
    "Dexcom G6 CGM",
    "InPen smart pen",
    "Eversense E3 implantable CGM",
]
PHARM_DRUGS = [
    ("metformin ER 500 mg tablet", "2 tabs PO BID with meals", 360),
    ("levothyroxine 75 mcg tablet", "1 tab PO daily on an empty stomach", 90),
    ("Ozempic 1 mg/dose pen", "inject 1 mg SC once weekly", 3),
    ("Eliquis 5 mg tablet", "1 tab PO BID", 180),
    ("atorvastatin 40 mg tablet", "1 tab PO at bedtime", 90),
    ("Humalog KwikPen 100 units/mL", "up to 60 units/day per scale", 15),
    ("Jardiance 10 mg tablet", "1 tab PO daily", 90),
    ("Entresto 24/26 mg tablet", "1 tab PO BID", 180),
    ("anastrozole 1 mg tablet", "1 tab PO daily", 90),
    ("capecitabine 500 mg tablet", "3 tabs PO BID days 1-14 of 21-day cycle", 84),
    ("ondansetron 8 mg ODT", "1 tab SL q8h PRN nausea", 30),
    ("Dexcom G7 sensor", "change every 10 days", 9),
    ("Lantus SoloStar 100 units/mL", "inject 22 units SC nightly", 15),
    ("Synthroid 100 mcg tablet", "1 tab PO daily", 90),
    ("metoprolol tartrate 25 mg tablet", "1 tab PO BID", 180),
    ("warfarin 5 mg tablet", "as directed per INR clinic", 90),
    ("Farxiga 10 mg tablet", "1 tab PO daily", 90),
    ("tamoxifen 20 mg tablet", "1 tab PO daily", 90),
    ("Mounjaro 5 mg/0.5 mL pen", "inject 5 mg SC weekly", 4),
    ("Omnipod 5 pods", "change every 72 hours", 30),
    ("methimazole 5 mg tablet", "2 tabs PO daily", 180),
    ("Xarelto 20 mg tablet", "1 tab PO with evening meal", 90),
    ("prochlorperazine 10 mg tablet", "1 tab PO q6h PRN", 30),
    ("glipizide 5 mg tablet", "1 tab PO BID before meals", 180),
]
CPT_LINES = [
    ("99214", "Office/outpatient visit, est., moderate MDM"),
    ("99215", "Office/outpatient visit, est., high MDM"),
    ("99204", "New patient visit, moderate MDM"),
    ("96413", "Chemo IV infusion, first hour"),
    ("96415", "Chemo IV infusion, each add'l hour"),
    ("96417", "Chemo IV infusion, sequential"),
    ("J9271", "Pembrolizumab, 1 mg"),
    ("J9035", "Bevacizumab, 10 mg"),
    ("J9045", "Carboplatin, 50 mg"),
    ("J9267", "Paclitaxel, 1 mg"),
    ("J2506", "Pegfilgrastim, 0.5 mg"),
    ("93000", "ECG, 12-lead with interpretation"),
    ("93306", "TTE complete with Doppler"),
    ("93224", "Holter monitor, 48 hours"),
    ("93350", "Stress echocardiogram"),
    ("93298", "Remote ICM interrogation, 30 days"),
    ("33208", "Pacemaker insertion, dual chamber"),
    ("95251", "CGM interpretation, 72 hours"),
    ("83036", "Hemoglobin A1c"),
    ("84443", "TSH"),
    ("A9276", "CGM sensor, 1 day supply"),
    ("E0784", "External insulin pump"),
    ("G0108", "Diabetes self-management training, 30 min"),
    ("77386", "IMRT delivery, complex"),
    ("Q5108", "Pegfilgrastim-jmdb biosimilar"),
    ("36591", "Port blood draw"),
]
CARC = [
    ("CO-197", "precertification/authorization absent"),
    ("CO-50", "not deemed a medical necessity by the payer"),
    ("CO-16", "claim lacks information needed for adjudication"),
    ("CO-97", "payment included in the allowance for another service"),
    ("CO-4", "procedure code inconsistent with the modifier used"),
    ("CO-11", "diagnosis inconsistent with the procedure"),
    ("CO-29", "time limit for filing has expired"),
    ("PR-1", "deductible amount"),
    ("PR-2", "coinsurance amount"),
    ("PR-204", "service not covered under the current benefit plan"),
    ("CO-B7", "provider not certified for this procedure on this date"),
    ("OA-18", "exact duplicate claim/service"),
]
EPONYM_LINES = [
    "No Cushingoid features on exam.",
    "Negative Chvostek and Trousseau signs.",
    "Hx of Hashimoto thyroiditis, stable on replacement.",
    "Graves ophthalmopathy is quiescent (CAS 1/7).",
    "48-hour Holter showed rare PVCs, burden <1%.",
    "Valsalva maneuver increased the murmur.",
    "Kussmaul respirations absent.",
    "History of Barrett esophagus on surveillance.",
    "Paget disease of bone, inactive.",
    "No Horner syndrome.",
    "Raynaud phenomenon noted in cold weather.",
    "Kaplan-Meier estimates from the trial were reviewed with the family.",
    "Bruce protocol, 9 minutes, 10.1 METs, no ischemic changes.",
    "Foley removed on POD 2.",
    "Whipple procedure discussed with HPB surgery.",
    "Lynch syndrome screening (MLH1, MSH2, MSH6, PMS2 IHC) intact.",
    "Hodgkin lymphoma in remission since 2016.",
    "Addison disease stable on hydrocortisone.",
    "Epley maneuver deferred.",
    "Babinski downgoing bilaterally.",
]
CAPS_WORDS = [
    "Assessment",
    "Plan",
    "Impression",
    "History",
    "Medications",
    "Allergies",
    "Labs",
    "Imaging",
    "Follow-up",
    "Recommendations",
    "Summary",
    "Note",
    "Reason for referral",
    "Interval history",
]
SMS_AUTOTEXT = [
    "Reply C to confirm, R to reschedule. Msg&data rates may apply. Reply STOP to opt out.",
    "Please arrive 15 minutes early and bring your insurance card and a list of current medications.",
    "If you are fasting for labs, water and black coffee are OK.",
    "Do not reply to this automated message. For emergencies call 911.",
    "Masks are optional in the waiting room. Parking validation available at the front desk.",
    "For a telehealth visit, please test your camera and microphone before the appointment.",
]


# --------------------------------------------------------------------------
# text builder: records offsets as pieces are appended
# --------------------------------------------------------------------------
class _Doc:
    __slots__ = ("parts", "n", "spans", "casual")

    def __init__(self, casual=None):
        self.parts = []
        self.n = 0
        self.spans = []
        self.casual = casual

    def _raw(self, s):
        self.parts.append(s)
        self.n += len(s)

    def __call__(self, *pieces):
        for pc in pieces:
            if pc is None or pc == "":
                continue
            if isinstance(pc, list):
                self(*pc)
            elif isinstance(pc, tuple):
                val, lab = pc
                core = val.strip()
                if not core:
                    continue
                i = val.find(core)
                if i:
                    self._raw(val[:i])
                self.spans.append((self.n, self.n + len(core), lab))
                self._raw(core)
                tail = val[i + len(core) :]
                if tail:
                    self._raw(tail)
            else:
                if self.casual is not None:
                    pc = self.casual(pc)
                self._raw(pc)
        return self

    def text(self):
        return "".join(self.parts)

    def words(self):
        return len(self.text().split())


class _P:
    """A person: given name(s), surname, culture and rendering preferences."""

    __slots__ = ("first", "middle", "last", "female", "cult", "east", "nick")

    def __init__(self, first, middle, last, female, cult, east, nick):
        self.first = first
        self.middle = middle
        self.last = last
        self.female = female
        self.cult = cult
        self.east = east
        self.nick = nick


class _Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.fk = Faker(_LOCALES)
        self.fk.seed_instance(seed)
        self.us = self.fk["en_US"]
        self.gb = self.fk["en_GB"]

    # ---------------------------------------------------------------- utils
    def ch(self, seq):
        return seq[self.r.randrange(len(seq))]

    def pr(self, p):
        return self.r.random() < p

    def dg(self, n):
        r = self.r
        return "".join(DIG[r.randrange(10)] for _ in range(n))

    def al(self, n, pool=UP):
        r = self.r
        return "".join(pool[r.randrange(len(pool))] for _ in range(n))

    def num(self, lo, hi, dec=0):
        v = self.r.uniform(lo, hi)
        return ("%." + str(dec) + "f") % v

    def money(self, lo, hi):
        v = self.r.uniform(lo, hi)
        return "${:,.2f}".format(v)

    def casual_fn(self, typo=0.05, lower=True):
        r = self.r
        subs = {
            "you": "u",
            "please": "pls",
            "thanks": "thx",
            "appointment": "appt",
            "because": "bc",
            "tomorrow": "tmrw",
            "going to": "gonna",
            "medication": "med",
            "prescription": "script",
            "about": "abt",
            "with": "w/",
            "your": "ur",
            "okay": "ok",
            "I am": "im",
            "I'm": "im",
            "doctor": "dr",
            "know": "kno",
        }

        def word(m):
            w = m.group(0)
            lw = w.lower()
            if lw in subs and r.random() < 0.35:
                return subs[lw]
            if len(w) >= 5 and r.random() < typo:
                i = r.randrange(1, len(w) - 2)
                k = r.random()
                if k < 0.45:
                    w = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
                elif k < 0.8:
                    w = w[:i] + w[i + 1 :]
                else:
                    w = w[:i] + w[i] + w[i:]
            return w

        def fn(s):
            if lower:
                s = s.lower()
            return re.sub(r"[A-Za-z']+(?: to)?", word, s)

        return fn

    # ---------------------------------------------------------------- people
    def person(self, female=None, cult=None):
        r = self.r
        fk = self.fk
        if female is None:
            female = r.random() < 0.52
        if cult is None:
            cult = r.choices(_CULT_NAMES, _CULT_W)[0]
        middle = ""
        east = False
        if cult in (
            "en_US",
            "en_GB",
            "es_MX",
            "es_CO",
            "it_IT",
            "pl_PL",
            "pt_PT",
            "nl_NL",
            "en_IN",
        ):
            f = fk[cult]
            first = f.first_name_female() if female else f.first_name_male()
            last = f.last_name()
            if cult in ("es_MX", "es_CO") and r.random() < 0.45:
                last = last + " " + f.last_name()
            elif cult in ("es_MX", "es_CO") and r.random() < 0.08:
                last = self.ch(["de la Garza", "de León", "del Río", "de la Cruz", "de los Santos"])
            elif cult == "pt_PT" and r.random() < 0.3:
                last = self.ch(["da Silva", "dos Santos", "da Costa", "de Sousa"]) + " " + last
            elif cult == "nl_NL" and r.random() < 0.25:
                last = self.ch(["van der ", "van den ", "de ", "van "]) + last
            elif cult in ("en_US", "en_GB") and r.random() < 0.1:
                last = (
                    last
                    + "-"
                    + fk[self.ch(["en_GB", "es_MX", "ig_NG", "pl_PL", "it_IT"])].last_name()
                )
            elif cult in ("en_US", "en_GB", "it_IT") and r.random() < 0.05:
                last = self.ch(["O'", "Mc", "Di ", "De "]) + last
            if cult in ("en_US", "en_GB") and r.random() < 0.5:
                middle = f.first_name_female() if female else f.first_name_male()
        elif cult == "vi":
            last = fk["vi_VN"].last_name()
            first = self.ch(VI_GIVEN_F if female else VI_GIVEN_M)
            middle = self.ch(VI_MID_F if female else VI_MID_M)
            east = r.random() < 0.6
        elif cult == "zh_TW":
            f = fk["zh_TW"]
            first = f.first_romanized_name_female() if female else f.first_romanized_name_male()
            first = "-".join(x.capitalize() for x in first.split("-"))
            if r.random() < 0.3:
                first = first.replace("-", "")
            last = f.last_romanized_name().capitalize()
            east = r.random() < 0.4
        elif cult == "ja":
            f = fk["ja_JP"]
            first = f.first_romanized_name_female() if female else f.first_romanized_name_male()
            last = f.last_romanized_name()
            east = r.random() < 0.25
        elif cult == "ko":
            first = self.ch(KO_GIVEN_F if female else KO_GIVEN_M)
            last = self.ch(KO_LAST)
            east = r.random() < 0.35
        elif cult == "bn":
            first = self.ch(BN_GIVEN_F if female else BN_GIVEN_M)
            last = self.ch(BN_LAST)
        elif cult == "fa":
            first = self.ch(FA_GIVEN_F if female else FA_GIVEN_M)
            last = self.ch(FA_LAST)
        elif cult == "ga":
            if r.random() < 0.4:
                first, last, female = self.ch(GA_EXTRA)
            else:
                f = fk["ga_IE"]
                first = f.first_name_female() if female else f.first_name_male()
                last = f.last_name()
        elif cult == "ru":
            f = fk["ru_RU"]
            if female:
                first, last, middle = (
                    f.first_name_female(),
                    f.last_name_female(),
                    f.middle_name_female(),
                )
            else:
                first, last, middle = f.first_name_male(), f.last_name_male(), f.middle_name_male()
            first, last, middle = _translit(first), _translit(last), _translit(middle)
            if r.random() < 0.5:
                middle = ""
        elif cult == "af":
            loc = self.ch(["sw", "yo_NG", "ig_NG", "tw_GH", "zu_ZA"])
            f = fk[loc]
            first = f.first_name_female() if female else f.first_name_male()
            last = f.last_name()
            if loc == "yo_NG" and r.random() < 0.3:
                first = self.ch(YO_EXTRA)
            if loc == "ig_NG" and r.random() < 0.3:
                last = self.ch(IG_EXTRA_LAST)
        elif cult == "tl":
            first = self.ch(TL_GIVEN_F if female else TL_GIVEN_M)
            last = self.ch(TL_LAST)
            if r.random() < 0.4:
                middle = self.ch(TL_LAST).split()[-1]
        elif cult == "ar":
            first = self.ch(AR_GIVEN_F if female else AR_GIVEN_M)
            last = self.ch(AR_LAST)
        elif cult == "na":
            f = fk["en_US"]
            first = f.first_name_female() if female else f.first_name_male()
            last = self.ch(NA_LAST)
        else:  # Malay
            first = self.ch(MY_GIVEN_F if female else MY_GIVEN_M)
            last = ("binti " if female else "bin ") + self.ch(MY_LAST)
        nick = NICKS.get(first) or self.ch(GENERIC_NICKS)
        return _P(first, middle, last, female, cult, east, nick)

    def nm(self, p, form=None):
        """Render a person's name; the whole result is the NAME span."""
        if form is None:
            form = self.r.choices(
                [
                    "full",
                    "full",
                    "full",
                    "mid",
                    "lcf",
                    "LCF",
                    "lcfm",
                    "caps",
                    "init",
                    "nick",
                    "sf",
                    "lower",
                ],
                [30, 0, 0, 8, 10, 6, 6, 4, 5, 2, 3, 2],
            )[0]
        first, last, mid = p.first, p.last, p.middle
        if p.cult == "my":
            form = {
                "lcf": "full",
                "LCF": "caps",
                "lcfm": "full",
                "sf": "full",
                "init": "full",
                "nick": "full",
            }.get(form, form)
        if form == "full":
            if p.cult == "vi" and p.east:
                return "%s %s %s" % (last, mid, first)
            if p.east:
                return "%s %s" % (last, first)
            return "%s %s" % (first, last)
        if form == "mid":
            if mid:
                if p.cult in ("ru", "vi", "tl"):
                    return "%s %s %s" % (first, mid, last)
                return "%s %s. %s" % (first, mid[0], last)
            return "%s %s" % (first, last)
        if form == "lcf":
            return "%s, %s" % (last, first)
        if form == "LCF":
            return ("%s, %s" % (last, first)).upper()
        if form == "lcfm":
            if mid:
                return "%s, %s %s." % (last, first, mid[0])
            return "%s, %s %s." % (last, first, self.ch(UP))
        if form == "caps":
            return ("%s %s" % (first, last)).upper()
        if form == "init":
            return "%s. %s" % (first[0], last)
        if form == "nick":
            return '%s "%s" %s' % (first, p.nick, last)
        if form == "sf":
            return "%s %s" % (last, first)
        if form == "lower":
            return ("%s %s" % (first, last)).lower()
        if form == "first":
            return first
        if form == "last":
            return last
        if form == "flast":  # first + last, western order always
            return "%s %s" % (first, last)
        return "%s %s" % (first, last)

    def title(self, p, dr=False):
        if dr:
            return self.ch(["Dr. ", "Dr. ", "Dr ", "Dr. "])
        if p.female:
            t = ["Ms. ", "Mrs. ", "Ms ", "Mrs "]
            if p.cult in ("es_MX", "es_CO"):
                t.append("Sra. ")
            return self.ch(t)
        t = ["Mr. ", "Mr "]
        if p.cult in ("es_MX", "es_CO"):
            t.append("Sr. ")
        return self.ch(t)

    def cred(self, clin=True):
        return self.ch(CREDS[:7] if clin else CREDS)

    # ---------------------------------------------------------------- dates
    def rdate(self, y0=2019, y1=2026):
        a = datetime.date(y0, 1, 1).toordinal()
        b = datetime.date(y1, 12, 28).toordinal()
        return datetime.date.fromordinal(self.r.randint(a, b))

    def dob(self, age=None, ref_year=2025):
        if age is None:
            age = self.r.randint(19, 88)
        y = ref_year - age
        return datetime.date.fromordinal(
            self.r.randint(datetime.date(y, 1, 1).toordinal(), datetime.date(y, 12, 28).toordinal())
        )

    def fdate(self, d, kind=None):
        r = self.r
        m, dd, y = d.month, d.day, d.year
        if kind is None:
            kind = r.choice(
                [
                    "num",
                    "num",
                    "num",
                    "long",
                    "long",
                    "short",
                    "iso",
                    "abbr",
                    "nomonth",
                    "eu",
                    "compact",
                    "spoken",
                    "wk",
                ]
            )
        if kind == "num":
            k = r.randrange(6)
            return [
                "%02d/%02d/%d" % (m, dd, y),
                "%d/%d/%d" % (m, dd, y),
                "%d/%d/%02d" % (m, dd, y % 100),
                "%d-%d-%02d" % (m, dd, y % 100),
                "%02d-%02d-%d" % (m, dd, y),
                "%02d/%02d/%02d" % (m, dd, y % 100),
            ][k]
        if kind == "long":
            k = r.randrange(5)
            return [
                "%s %d, %d" % (MONTHS[m - 1], dd, y),
                "%d %s %d" % (dd, MONTHS[m - 1], y),
                "%s %s, %d" % (MONTHS[m - 1], _ordinal(dd), y),
                "%s. %d, %d" % (MON[m - 1], dd, y),
                "%s %d %d" % (MON[m - 1], dd, y),
            ][k]
        if kind == "abbr":
            k = r.randrange(5)
            return [
                "%d %s %d" % (dd, MON[m - 1], y),
                "%02d %s %02d" % (dd, MON[m - 1].upper(), y % 100),
                "%02d%s%d" % (dd, MON[m - 1].upper(), y),
                "%s-%02d-%d" % (MON[m - 1], dd, y),
                "%d-%s-%d" % (dd, MON[m - 1], y),
            ][k]
        if kind == "short":
            k = r.randrange(5)
            return [
                "%d/%d" % (m, dd),
                "%s %d" % (MON[m - 1], dd),
                "%s %s" % (MONTHS[m - 1], _ordinal(dd)),
                "%d-%d" % (m, dd),
                "%s %d" % (MONTHS[m - 1], dd),
            ][k]
        if kind == "iso":
            return "%d-%02d-%02d" % (y, m, dd)
        if kind == "eu":
            k = r.randrange(3)
            return [
                "%02d/%02d/%d" % (dd, m, y),
                "%d.%d.%d" % (dd, m, y),
                "%02d.%02d.%02d" % (dd, m, y % 100),
            ][k]
        if kind == "compact":
            return "%d%02d%02d" % (y, m, dd)
        if kind == "monthyear":
            k = r.randrange(3)
            return ["%s %d" % (MONTHS[m - 1], y), "%02d/%d" % (m, y), "%s %d" % (MON[m - 1], y)][k]
        if kind == "nomonth":
            return "the " + _ordinal(dd)
        if kind == "spoken":
            k = r.randrange(3)
            return [
                "%s %s" % (MONTHS[m - 1].lower(), _ord_words(dd)),
                "the %s of %s" % (_ord_words(dd), MONTHS[m - 1]),
                "%s %s" % (MONTHS[m - 1], _ord_words(dd)),
            ][k]
        if kind == "wk":
            wd = d.weekday()
            k = r.randrange(4)
            return [
                "%s, %s %d" % (WEEKDAYS[wd], MONTHS[m - 1], dd),
                "%s %d/%d" % (self.ch(WD_SHORT[wd]), m, dd),
                "%s the %s" % (self.ch(WD_SHORT[wd]), _ordinal(dd)),
                "%s, %s %d" % (WEEKDAYS[wd], MON[m - 1], dd),
            ][k]
        return "%d/%d/%d" % (m, dd, y)

    def ds(self, kind=None, y0=2019, y1=2026):
        return (self.fdate(self.rdate(y0, y1), kind), "DATE")

    def time_(self):
        r = self.r
        h = r.randint(7, 17)
        mi = self.ch([0, 15, 30, 45, 10, 20, 40, 50])
        k = r.randrange(4)
        if k == 0:
            return "%d:%02d %s" % (h if h <= 12 else h - 12, mi, "AM" if h < 12 else "PM")
        if k == 1:
            return "%02d:%02d" % (h, mi)
        if k == 2:
            return "%d:%02d%s" % (h if h <= 12 else h - 12, mi, "am" if h < 12 else "pm")
        return "%d%s" % (h if h <= 12 else h - 12, "am" if h < 12 else "pm")

    # ---------------------------------------------------------------- ages
    def age_val(self, old=None):
        if old is None:
            old = self.pr(0.35)
        if old:
            return self.r.choice([90, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 104])
        return self.r.randint(24, 89) if self.pr(0.85) else self.r.choice([86, 87, 88, 89])

    def age_phrase(self, a=None, female=None, kind=None, pred=False):
        """A piece list like ['a ', ('93','AGE'), '-year-old woman']."""
        if a is None:
            a = self.age_val()
        if female is None:
            female = self.pr(0.5)
        num = str(a)
        wordy = _words(a)
        if kind is None:
            kind = self.ch([0, 1, 2, 7, 8, 0, 2]) if pred else self.r.randrange(9)
        if female:
            noun = self.ch(["woman", "female", "lady", "patient", "woman"])
            sx = self.ch(["F", "F", "f", "W"])
        else:
            noun = self.ch(["man", "male", "gentleman", "patient", "man"])
            sx = self.ch(["M", "M", "m"])

        def v(s):
            return (s, "AGE") if a > 89 else s

        art = "an " if num.startswith("8") or num == "11" or num == "18" else "a "
        if kind == 0:
            return [art, v(num), "-year-old " + noun]
        if kind == 1:
            return ["an " if wordy.startswith("eight") else "a ", v(wordy), "-year-old " + noun]
        if kind == 2:
            return [art, v(num), " y/o " + noun] if self.pr(0.5) else [v(num), " y/o " + noun]
        if kind == 3:
            return [v(num), "yo " + sx]
        if kind == 4:
            return [noun + ", age ", v(num)]
        if kind == 5:
            return [v(num), sx]
        if kind == 6:
            return [noun + " aged ", v(num)]
        if kind == 7:
            return [art, v(num), " year old " + noun]
        return [art, v(num), " y.o. " + noun]

    # ---------------------------------------------------------------- places
    def street(self, uk=False):
        r = self.r
        if uk:
            s = self.gb.street_address().replace("\n", ", ")
            return s
        k = r.random()
        if k < 0.06:
            return "PO Box %d" % r.randint(10, 9999)
        if k < 0.1:
            return "%d %s %s" % (
                r.randint(100, 99999),
                self.ch(["County Road", "State Route", "Hwy", "FM"]),
                r.randint(2, 999),
            )
        s = self.us.street_address()
        if r.random() < 0.15 and "Apt" not in s and "Suite" not in s:
            s += (
                self.ch([", ", " "])
                + self.ch(["Apt ", "Apt. ", "Unit ", "#", "Suite ", "Lot "])
                + str(r.randint(1, 999))
                + self.ch(["", "", "B", "C"])
            )
        return s

    def city(self):
        r = self.r
        k = r.random()
        if k < 0.45:
            return self.ch(US_CITIES)
        return self.us.city()

    def state(self):
        return self.ch(STATES)

    def zipc(self):
        if self.pr(0.15):
            return self.us.zipcode_plus4()
        return self.us.zipcode()

    def addr_lines(self, sep="\n", uk=False):
        """Pieces for a two-line address (street / city, ST ZIP)."""
        if uk:
            return [
                (self.street(True), "ADDRESS"),
                sep,
                (self.ch(UK_TOWNS), "GEO"),
                sep,
                (self.gb.postcode(), "GEO"),
            ]
        st = self.state()
        return [
            (self.street(), "ADDRESS"),
            sep,
            (self.city(), "GEO"),
            ", ",
            st[1],
            " ",
            (self.zipc(), "GEO"),
        ]

    def geo_mention(self):
        k = self.r.randrange(5)
        if k == 0:
            return ["lives in ", (self.city(), "GEO")]
        if k == 1:
            return ["lives in the ", (self.ch(NEIGHBORHOODS), "GEO"), " area"]
        if k == 2:
            return ["drives in from ", (self.ch(COUNTIES), "GEO")]
        if k == 3:
            return ["recently moved to ", (self.city(), "GEO"), " from ", self.state()[0]]
        return ["lives near ", (self.city(), "GEO"), ", ", self.state()[0]]

    # ---------------------------------------------------------------- orgs
    def org(self, kind):
        pool = {
            "onc": ORG_ONC,
            "card": ORG_CARD,
            "endo": ORG_ENDO,
            "pcp": ORG_PCP,
            "pharm": ORG_PHARM,
        }[kind]
        return "%s %s" % (self.ch(ORG_PREFIX), self.ch(pool))

    def domain(self, org=None):
        if org is None:
            org = self.ch(ORG_PREFIX) + self.ch(
                ["health", "med", "clinic", "care", "oncology", "heart"]
            )
        base = re.sub(r"[^a-z]", "", _ascii(org).lower())[:18]
        return base + self.ch([".org", ".org", ".com", "health.org", ".net", "med.org"])

    # ---------------------------------------------------------------- contact ids
    def phone(self, uk=False):
        r = self.r
        if uk or r.random() < 0.04:
            return self.ch(
                [
                    "020 7946 0%03d" % r.randint(0, 999),
                    "07700 900%03d" % r.randint(0, 999),
                    "+44 7700 900%03d" % r.randint(0, 999),
                    "(0161) 496 0%03d" % r.randint(0, 999),
                    "0113 496 0%03d" % r.randint(0, 999),
                ]
            )
        a = r.randint(201, 989)
        if a % 100 == 11:
            a += 1
        e = r.randint(200, 999)
        ln = r.randint(0, 9999)
        if r.random() < 0.2:
            e = 555
            ln = r.randint(100, 199)
        k = r.randrange(10)
        s = [
            "(%d) %d-%04d",
            "%d-%d-%04d",
            "%d.%d.%04d",
            "+1 %d %d %04d",
            "%d%d%04d",
            "1-%d-%d-%04d",
            "+1 (%d) %d-%04d",
            "%d %d %04d",
            "(%d)%d-%04d",
            "%d-%d-%04d",
        ][k] % (a, e, ln)
        if r.random() < 0.05:
            s += self.ch([" x", " ext. ", " ext "]) + str(r.randint(100, 9999))
        return s

    def email(self, p=None, domain=None):
        r = self.r
        if p is None:
            p = self.person()
        f = re.sub(r"[^a-z]", "", _ascii(p.first).lower()) or "pt"
        l = re.sub(r"[^a-z]", "", _ascii(p.last).lower()) or "user"
        k = r.randrange(7)
        local = [
            f + "." + l,
            f[0] + l,
            f + l + str(r.randint(1, 99)),
            f + "_" + l,
            l + f[0] + str(r.randint(1940, 2005)),
            f + "." + l[0],
            l + "." + f,
        ][k]
        return local + "@" + (domain or self.ch(FREE_MAIL))

    def role_email(self, domain):
        return (
            self.ch(
                [
                    "referrals",
                    "scheduling",
                    "billing",
                    "priorauth",
                    "onc.nav",
                    "deviceclinic",
                    "endo.intake",
                    "refills",
                    "hf.clinic",
                    "records",
                    "intake",
                    "tumorboard",
                ]
            )
            + "@"
            + domain
        )

    def ssn(self):
        r = self.r
        a, b, c = r.randint(100, 899), r.randint(10, 99), r.randint(1000, 9999)
        k = r.randrange(5)
        return [
            "%d-%d-%d" % (a, b, c),
            "%d %d %d" % (a, b, c),
            "%d%d%d" % (a, b, c),
            "XXX-XX-%d" % c,
            "%d-%d-%d" % (a, b, c),
        ][k]

    def mrn(self):
        r = self.r
        k = r.randrange(9)
        if k == 0:
            return self.dg(7)
        if k == 1:
            return self.dg(8)
        if k == 2:
            return "00" + self.dg(7)
        if k == 3:
            return self.ch(["E", "M", "H", "A"]) + self.dg(r.randint(6, 8))
        if k == 4:
            return "%s-%s-%s" % (self.dg(2), self.dg(2), self.dg(3))
        if k == 5:
            return self.dg(3) + "-" + self.dg(4)
        if k == 6:
            return self.dg(6)
        if k == 7:
            return "MR" + self.dg(7)
        return self.dg(9)

    def member(self):
        r = self.r
        k = r.randrange(9)
        if k == 0:
            return self.al(3) + self.dg(9)
        if k == 1:
            return "W" + self.dg(9)
        if k in (2, 3):  # Medicare Beneficiary Identifier
            s = (
                str(r.randint(1, 9))
                + self.al(1, MBI_L)
                + self.al(1, MBI_L + DIG)
                + self.dg(1)
                + self.al(1, MBI_L)
                + self.al(1, MBI_L + DIG)
                + self.dg(1)
                + self.al(2, MBI_L)
                + self.dg(2)
            )
            return s if k == 2 else s[:4] + "-" + s[4:7] + "-" + s[7:]
        if k == 4:
            return "%s-%s-%s" % (self.al(3), self.dg(4), self.dg(4))
        if k == 5:
            return self.al(2) + self.dg(8) + "-0" + str(r.randint(1, 4))
        if k == 6:
            return self.dg(9) + self.ch(["A", "B", "C1", "D"])
        if k == 7:
            return "U" + self.dg(10)
        return self.al(1) + self.dg(2) + self.al(1) + self.dg(6)

    def group(self):
        k = self.r.randrange(4)
        return [
            self.dg(7),
            "GRP-" + self.dg(5),
            self.dg(5) + "-" + self.dg(3),
            self.al(1) + self.dg(4),
        ][k]

    def claim(self):
        k = self.r.randrange(5)
        return [
            "CLM" + self.dg(9),
            self.dg(5) + "-" + self.dg(4) + "-" + self.dg(2),
            self.dg(13),
            "E" + self.dg(2) + self.al(1) + self.dg(8),
            "%d%s-%s" % (self.r.randint(21, 26), self.dg(6), self.dg(5)),
        ][k]

    def account(self):
        k = self.r.randrange(6)
        return [
            self.dg(8),
            self.dg(4) + "-" + self.dg(4) + "-" + self.dg(2),
            "A" + self.dg(9),
            self.dg(10),
            "%s-%s" % (self.dg(6), self.dg(3)),
            "HAR" + self.dg(9),
        ][k]

    def encounter(self):
        k = self.r.randrange(3)
        return [self.dg(9), "ENC" + self.dg(8), self.dg(4) + self.al(2) + self.dg(4)][k]

    def npi(self):
        r = self.r
        base = str(r.choice([1, 2])) + self.dg(8)
        digs = [int(c) for c in "80840" + base]
        tot = 0
        for i, d in enumerate(reversed(digs)):
            if i % 2 == 0:
                d *= 2
                if d > 9:
                    d -= 9
            tot += d
        return base + str((10 - tot % 10) % 10)

    def dea(self, p=None):
        l2 = _ascii(p.last)[0].upper() if p is not None and _ascii(p.last) else self.al(1)
        if not l2.isalpha():
            l2 = "X"
        d = [self.r.randrange(10) for _ in range(6)]
        chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
        return self.ch(["A", "B", "F", "M"]) + l2 + "".join(map(str, d)) + str(chk)

    def dl(self):
        k = self.r.randrange(5)
        return [
            self.al(1) + self.dg(7),
            "%s%s-%s-%s" % (self.al(1), self.dg(3), self.dg(4), self.dg(4)),
            "%s %s %s" % (self.dg(3), self.dg(3), self.dg(3)),
            self.dg(9),
            "%s%s %s %s %s" % (self.al(1), self.dg(3), self.dg(3), self.dg(2), self.dg(3)),
        ][k]

    def prof_lic(self):
        k = self.r.randrange(5)
        return [
            self.al(1) + self.dg(5),
            self.dg(2) + "." + self.dg(6),
            "RN" + self.dg(6),
            self.dg(7),
            self.al(2) + "-" + self.dg(5),
        ][k]

    def plate(self):
        k = self.r.randrange(5)
        return [
            str(self.r.randint(1, 9)) + self.al(3) + self.dg(3),
            self.al(3) + "-" + self.dg(4),
            self.al(3) + " " + self.dg(3),
            self.al(2) + self.dg(2) + " " + self.al(3),
            self.dg(3) + " " + self.al(3),
        ][k]

    def vin(self):
        return self.us.vin()

    def serial(self, kind="generic"):
        k = self.r.randrange(6)
        if kind == "cgm" and self.pr(0.5):
            return self.dg(1) + self.al(1) + self.dg(2) + self.al(2)
        return [
            self.al(3) + self.dg(6) + self.al(1),
            self.dg(1) + self.al(1) + self.dg(1) + self.al(1) + "-" + self.dg(5),
            "SN" + self.dg(8),
            self.al(2) + self.dg(7) + self.al(1),
            self.dg(4) + "-" + self.dg(3) + "-" + self.dg(4),
            self.al(1) + self.dg(9),
        ][k]

    def url(self, domain=None):
        r = self.r
        domain = domain or self.domain()
        k = r.randrange(6)
        if k == 0:
            return "https://telehealth.%s/join/%s" % (domain, self.al(3).lower() + self.dg(5))
        if k == 1:
            return "https://portal.%s/msg/%s" % (domain, self.dg(8))
        if k == 2:
            return "https://pay.%s/bill?acct=%s" % (domain, self.dg(8))
        if k == 3:
            return "%s/r/%s" % (
                self.ch(["bit.ly", "tinyurl.com", "t.ly"]),
                self.al(6, UP + "abcdefghjkmnpqrstuvwxyz" + DIG),
            )
        if k == 4:
            return "https://meet.%s/j/%s?pwd=%s" % (
                domain,
                self.dg(10),
                self.al(8, "abcdefghijkmnpqrstuvwxyzABCDEFGH0123456789"),
            )
        return "www.%s/appt/%s" % (domain, self.dg(6))

    def ip(self):
        if self.pr(0.15):
            return self.us.ipv6()
        return self.us.ipv4_public()

    def biometric(self):
        k = self.r.randrange(4)
        return [
            "FP-" + self.dg(4) + "-" + self.dg(4),
            "VP" + self.dg(7),
            "RS-" + self.al(2) + self.dg(6),
            "BIO" + self.dg(8),
        ][k]

    def photo(self, idphoto=False):
        r = self.r
        if idphoto:
            k = r.randrange(3)
            return [
                "PH-" + self.dg(6),
                "id_scan_%s.jpg" % self.dg(6),
                "PHOTOID-%s" % (self.al(2) + self.dg(5)),
            ][k]
        k = r.randrange(6)
        if k == 0:
            return "IMG_%04d.jpg" % r.randint(1, 9999)
        if k == 1:
            return "IMG_%d%02d%02d_%02d%02d%02d.HEIC" % (
                r.randint(2019, 2026),
                r.randint(1, 12),
                r.randint(1, 28),
                r.randint(0, 23),
                r.randint(0, 59),
                r.randint(0, 59),
            )
        if k == 2:
            return "%s_%s.png" % (
                self.ch(["wound", "rash", "foot", "site", "incision", "pump_site"]),
                self.dg(6),
            )
        if k == 3:
            return "PXL_%d%02d%02d_%s.jpg" % (
                r.randint(2019, 2026),
                r.randint(1, 12),
                r.randint(1, 28),
                self.dg(9),
            )
        if k == 4:
            return "PH-" + self.dg(6)
        return "photo_%s.jpeg" % self.dg(5)

    def room(self):
        k = self.r.randrange(4)
        return [
            str(self.r.randint(2, 12)) + self.dg(2) + self.ch(["", "A", "B"]),
            "%s-%d" % (self.dg(3), self.r.randint(1, 4)),
            self.ch(["4W", "5E", "ICU", "CCU", "6N"]) + "-" + self.dg(2),
            "Bay " + str(self.r.randint(1, 24)),
        ][k]

    def other_id(self, kind):
        r = self.r
        if kind == "pa":
            k = r.randrange(4)
            return [
                "PA" + self.dg(8),
                self.dg(2) + "-" + self.dg(6),
                self.al(1) + self.dg(9),
                "%s%s" % (self.al(3), self.dg(7)),
            ][k]
        if kind == "rx":
            return self.ch(["", "", "RX", "7"]) + self.dg(7)
        if kind == "track":
            k = r.randrange(3)
            return [
                "1Z" + self.al(3) + self.dg(3) + self.dg(10),
                "9400" + self.dg(18),
                "1Z %s %s %s %s" % (self.al(3) + self.dg(3), self.dg(2), self.dg(4), self.dg(4)),
            ][k]
        if kind == "study":
            return "%s-%s-%s" % (self.ch(["ONC", "CV", "DM", "LUNG", "BR"]), self.dg(4), self.dg(3))
        if kind == "case":
            return "%d-%s-%s" % (
                r.randint(2019, 2026),
                self.ch(["AP", "GR", "CS", "CV"]),
                self.dg(5),
            )
        if kind == "badge":
            return self.dg(5)
        if kind == "ref":
            return "REF" + self.dg(7)
        if kind == "locker":
            return str(r.randint(1, 300))
        return self.al(2) + self.dg(6)

    def spelled(self, s):
        out = []
        for c in s:
            if c.isalpha():
                out.append("%s as in %s" % (c, SPELL.get(c.upper(), c)))
            elif c.isdigit():
                out.append(c)
        return " ".join(out)

    def spaced(self, s):
        return " ".join(c for c in s if c.isalnum())

    # ================================================================ clinical sentences (no PHI)
    def yr(self, lo=2008, hi=2025):
        return str(self.r.randint(lo, hi))

    def onc_sent(self, ks=None):
        r = self.r
        k = self.ch(ks) if ks else r.randrange(16)
        if k == 0:
            return "Diagnosed with %s in %s." % (self.ch(ONC_DX)[0], self.yr(2012, 2025))
        if k == 1:
            g1, g2 = r.sample(ONC_GENES, 2)
            return "NGS (FoundationOne CDx) notable for %s and %s; TMB %s mut/Mb, %s." % (
                g1,
                g2,
                self.num(1, 22, 0),
                self.ch(["MSS", "MSI-H", "MSS, PD-L1 CPS 10"]),
            )
        if k == 2:
            return "Previously treated with %s (%s), best response %s." % (
                self.ch(ONC_REGIMENS),
                self.yr(2015, 2024),
                self.ch(
                    [
                        "partial response",
                        "stable disease",
                        "complete metabolic response",
                        "progression after 3 cycles",
                    ]
                ),
            )
        if k == 3:
            return (
                "Labs: WBC %s K/uL, ANC %s, Hgb %s g/dL, platelets %d K/uL, creatinine %s mg/dL, AST/ALT %d/%d."
                % (
                    self.num(2.1, 11, 1),
                    self.num(0.8, 7, 1),
                    self.num(7.9, 14.5, 1),
                    r.randint(62, 420),
                    self.num(0.6, 1.8, 2),
                    r.randint(14, 88),
                    r.randint(11, 95),
                )
            )
        if k == 4:
            return self.ch(
                [
                    "CT chest/abdomen/pelvis shows partial response per RECIST 1.1, target lesions down %d%%."
                    % r.randint(18, 64),
                    "PET/CT: FDG-avid right hilar node, SUVmax %s; no distant disease."
                    % self.num(3, 18, 1),
                    "MRI brain without evidence of metastatic disease.",
                    "Bone scan negative for osseous metastases.",
                    "Restaging CT demonstrates two new hepatic lesions consistent with progression.",
                    "Echo LVEF %d%% prior to anthracycline." % r.randint(52, 68),
                    "Mammogram and breast MRI show a %s cm mass at 2 o'clock, 4 cm FN."
                    % self.num(1.1, 4.8, 1),
                    "Colonoscopy: circumferential mass at 18 cm from the anal verge.",
                ]
            )
        if k == 5:
            return self.ch(
                [
                    "Grade 2 peripheral neuropathy per CTCAE v5.0; oxaliplatin reduced to 65 mg/m2.",
                    "Grade 1 hand-foot syndrome, managed with urea 20% cream.",
                    "Nausea controlled with ondansetron 8 mg q8h PRN and olanzapine 5 mg qHS.",
                    "No febrile neutropenia; pegfilgrastim 6 mg on day 2.",
                    "Immune-related hypothyroidism, TSH %s, started levothyroxine 50 mcg."
                    % self.num(8, 40, 1),
                    "Fatigue grade 1, appetite fair, weight down %s kg over %d weeks."
                    % (self.num(1, 7, 1), r.randint(2, 10)),
                    "Grade 3 diarrhea during cycle 2 required admission; budesonide started.",
                    "Mucositis grade 2, magic mouthwash prescribed.",
                    "Alopecia as expected; scalp cooling declined.",
                ]
            )
        if k == 6:
            return self.ch(
                [
                    "Proceed with cycle %d today if ANC > 1500 and platelets > 100K."
                    % r.randint(2, 12),
                    "Hold treatment one week and recheck CBC with differential.",
                    "Refer to genetics for germline testing (Lynch syndrome evaluation).",
                    "Continue denosumab 120 mg q4w with calcium and vitamin D.",
                    "Restage after cycle 4 with CT C/A/P and CEA.",
                    "Goals of care discussed; wishes to continue full treatment.",
                    "Palliative care referral placed for symptom management.",
                    "Start dexamethasone 4 mg BID with pantoprazole 40 mg.",
                    "Plan surgical resection 6-8 weeks after completion of neoadjuvant therapy.",
                    "Check hepatitis B serologies before rituximab.",
                    "Dose-reduce capecitabine to 825 mg/m2 BID.",
                    "Return in 3 weeks with labs.",
                ]
            )
        if k == 7:
            return "ECOG %d, KPS %d%%." % (r.randint(0, 3), self.ch([60, 70, 80, 90, 100]))
        if k == 8:
            return "Pain %d/10, managed with oxycodone %d mg q4-6h PRN and senna." % (
                r.randint(0, 8),
                self.ch([5, 10]),
            )
        if k == 9:
            dx = self.ch(ONC_DX)
            return "ICD-10 %s; billed %s, %s." % (
                dx[1],
                self.ch(["96413", "96409", "96365"]),
                self.ch(["J9271 x 200", "J9035 x 50", "J9045 x 10", "J9267 x 175", "Q5108 x 1"]),
            )
        if k == 10:
            return self.ch(EPONYM_LINES)
        if k == 11:
            return "Tumor markers: CEA %s ng/mL, CA 19-9 %d U/mL, LDH %d U/L." % (
                self.num(1, 80, 1),
                r.randint(9, 2400),
                r.randint(140, 620),
            )
        if k == 12:
            return "Radiation oncology recommends %s Gy in %d fractions." % (
                self.ch(["50.4", "45", "60", "70", "30", "20"]),
                self.ch([5, 10, 25, 28, 30, 35]),
            )
        if k == 13:
            return "Cycle %d day 1 of %s given today; infusion time %s hours, no reaction." % (
                r.randint(1, 8),
                self.ch(ONC_REGIMENS),
                self.num(1, 6, 1),
            )
        if k == 14:
            return "Discussed the %s trial (%s); eligibility pending PD-L1 status." % (
                self.ch(
                    ["KEYNOTE-671", "CheckMate 816", "DESTINY-Breast04", "ADAURA", "MONALEESA-2"]
                ),
                "NCT0" + self.dg(7),
            )
        return "Weight %s kg, BSA %s m2; albumin %s g/dL." % (
            self.num(44, 110, 1),
            self.num(1.4, 2.3, 2),
            self.num(2.6, 4.6, 1),
        )

    def card_sent(self, ks=None):
        r = self.r
        k = self.ch(ks) if ks else r.randrange(13)
        if k == 0:
            return "History of %s (%s)." % self.ch(CARD_DX)
        if k == 1:
            return "ECG: sinus rhythm at %d bpm, PR %d ms, QRS %d ms, QTc %d ms." % (
                r.randint(52, 98),
                r.randint(140, 240),
                r.randint(80, 150),
                r.randint(400, 495),
            )
        if k == 2:
            lo = self.ch([20, 25, 30, 35, 40, 50, 55, 60])
            return "TTE shows LVEF %d-%d%%, %s, RVSP %d mmHg." % (
                lo,
                lo + 5,
                self.ch(
                    [
                        "grade II diastolic dysfunction",
                        "mild MR",
                        "moderate TR",
                        "no significant valvular disease",
                        "LVH with septal thickness 1.6 cm",
                    ]
                ),
                r.randint(22, 58),
            )
        if k == 3:
            return "%s: %s." % (
                self.ch(
                    ["24-hour Holter", "48-hour Holter", "14-day Zio patch", "30-day event monitor"]
                ),
                self.ch(
                    [
                        "AF burden %d%%, mean ventricular rate %d"
                        % (r.randint(2, 60), r.randint(70, 118)),
                        "PVC burden %s%%, no sustained VT" % self.num(0.2, 18, 1),
                        "sinus rhythm with brief SVT runs, longest 9 beats",
                        "no pauses > 3 seconds",
                    ]
                ),
            )
        if k == 4:
            return "Current medications: %s, %s and %s." % tuple(r.sample(CARD_MEDS, 3))
        if k == 5:
            return "NYHA class %s; CHA2DS2-VASc %d, HAS-BLED %d." % (
                self.ch(["I", "II", "II", "III"]),
                r.randint(1, 7),
                r.randint(0, 4),
            )
        if k == 6:
            return (
                "Labs: NT-proBNP %d pg/mL, K %s mmol/L, creatinine %s mg/dL, LDL %d mg/dL, hs-troponin %d ng/L."
                % (
                    r.randint(90, 9800),
                    self.num(3.5, 5.4, 1),
                    self.num(0.7, 2.1, 1),
                    r.randint(38, 190),
                    r.randint(3, 42),
                )
            )
        if k == 7:
            return self.ch(
                [
                    "Exercise treadmill test, Bruce protocol, 8 minutes 30 seconds, 10.1 METs, negative for ischemia.",
                    "Cardiac MRI with mid-wall LGE in the basal septum.",
                    "Coronary CTA: CAC score %d, 50-69%% proximal LAD stenosis."
                    % r.randint(0, 900),
                    "Stress echo without inducible wall-motion abnormality.",
                    "Right heart catheterization: PCWP %d mmHg, CI %s."
                    % (r.randint(8, 30), self.num(1.8, 3.2, 1)),
                ]
            )
        if k == 8:
            return self.ch(
                [
                    "Uptitrate sacubitril/valsartan to 97/103 mg BID as BP allows.",
                    "Continue apixaban 5 mg BID; no dose reduction criteria met.",
                    "Refer to EP for pulmonary vein isolation.",
                    "Repeat echo in 3 months after GDMT optimization.",
                    "Sodium restriction < 2 g/day and daily weights; call for gain > 3 lb in a day.",
                    "Cardiac rehab referral, 36 sessions.",
                    "Hold metoprolol if HR < 55.",
                    "Consider TAVR evaluation with structural heart team.",
                    "Lipid panel in 6-8 weeks after adding ezetimibe.",
                ]
            )
        if k == 9:
            return "Device: %s, functioning normally, battery %s years remaining." % (
                self.ch(CARD_DEVICES),
                self.num(3, 11, 1),
            )
        if k == 10:
            return self.ch(EPONYM_LINES[:8])
        if k == 11:
            return "BP %d/%d, HR %d, SpO2 %d%% on room air, weight %s kg." % (
                r.randint(98, 168),
                r.randint(56, 98),
                r.randint(52, 104),
                r.randint(91, 99),
                self.num(52, 128, 1),
            )
        return "Diagnoses billed: %s, %s; CPT %s." % (
            self.ch(CARD_DX)[1],
            self.ch(CARD_DX)[1],
            self.ch(["93000", "93306", "93224", "93350", "93298", "99214-25"]),
        )

    def endo_sent(self, ks=None):
        r = self.r
        k = self.ch(ks) if ks else r.randrange(13)
        if k == 0:
            return "Follow-up for %s (%s)." % self.ch(ENDO_DX)
        if k == 1:
            return "A1c %s%% (prior %s%%); fasting glucose %d mg/dL." % (
                self.num(5.8, 11.9, 1),
                self.num(6, 12.5, 1),
                r.randint(88, 260),
            )
        if k == 2:
            return (
                "CGM (%s, 14 days): time in range %d%%, TAR %d%%, TBR %d%%, GMI %s%%, CV %d%%."
                % (
                    self.ch(ENDO_DEVICES),
                    r.randint(38, 88),
                    r.randint(8, 55),
                    r.randint(0, 6),
                    self.num(6.1, 9.5, 1),
                    r.randint(24, 44),
                )
            )
        if k == 3:
            return "TSH %s mIU/L, free T4 %s ng/dL, TPO antibodies %s." % (
                self.num(0.01, 12, 2),
                self.num(0.6, 2.9, 1),
                self.ch(["positive (412 IU/mL)", "negative", "positive"]),
            )
        if k == 4:
            return "Current regimen: %s and %s." % tuple(r.sample(ENDO_MEDS, 2))
        if k == 5:
            return (
                "UACR %d mg/g, eGFR %d mL/min/1.73m2, LDL %d mg/dL, 25-OH vitamin D %d ng/mL."
                % (r.randint(4, 480), r.randint(28, 110), r.randint(48, 160), r.randint(11, 52))
            )
        if k == 6:
            return self.ch(
                [
                    "Increase basal insulin by 2 units every 3 days until fasting glucose < 130.",
                    "Start tirzepatide 2.5 mg weekly x 4 weeks, then 5 mg.",
                    "Reduce levothyroxine to 75 mcg and recheck TSH in 6 weeks.",
                    "Continue methimazole; consider RAI vs thyroidectomy if relapse.",
                    "DEXA due next year; continue alendronate with calcium 1200 mg/day.",
                    "Annual dilated eye exam and monofilament foot exam completed.",
                    "Sick-day rules and stress dosing reviewed; emergency hydrocortisone kit refilled.",
                    "Adjust pump settings: basal 0.85 u/h from midnight to 6 AM, ICR 1:8 at breakfast.",
                    "Referred to diabetes education (DSMES) and medical nutrition therapy.",
                ]
            )
        if k == 7:
            return "BMI %s kg/m2, BP %d/%d, weight %s lb." % (
                self.num(19, 46, 1),
                r.randint(102, 162),
                r.randint(58, 96),
                self.num(110, 320, 0),
            )
        if k == 8:
            return "Calcium %s mg/dL, PTH %d pg/mL, 24-hour urine calcium %d mg." % (
                self.num(8.9, 11.8, 1),
                r.randint(18, 190),
                r.randint(90, 420),
            )
        if k == 9:
            return self.ch(EPONYM_LINES)
        if k == 10:
            return (
                "Hypoglycemia: %d episodes < 70 mg/dL in the past 2 weeks, none requiring assistance."
                % r.randint(0, 9)
            )
        if k == 11:
            return "Thyroid US: %s cm nodule, TI-RADS %d; FNA %s." % (
                self.num(0.6, 3.8, 1),
                r.randint(2, 5),
                self.ch(
                    ["Bethesda II", "Bethesda III, Afirma benign", "not indicated", "Bethesda IV"]
                ),
            )
        return "Dx %s; CPT %s, %s." % (
            self.ch(ENDO_DX)[1],
            self.ch(["99214", "99215", "99213"]),
            self.ch(["95251", "83036", "84443", "G0108"]),
        )

    def bill_sent(self, ks=None):
        r = self.r
        k = self.ch(ks) if ks else r.randrange(10)
        c = self.ch(CPT_LINES)
        if k == 0:
            return "CPT %s (%s) billed %s, allowed %s." % (
                c[0],
                c[1],
                self.money(90, 4800),
                self.money(40, 2600),
            )
        if k == 1:
            rc = self.ch(CARC)
            return "Adjustment reason %s: %s." % rc
        if k == 2:
            return "Patient responsibility %s (deductible %s, coinsurance 20%%)." % (
                self.money(10, 900),
                self.money(0, 500),
            )
        if k == 3:
            return "Place of service %s; modifier %s; diagnosis pointer A." % (
                self.ch(["11", "22", "19", "02"]),
                self.ch(["25", "59", "GT", "95", "JW", "JZ"]),
            )
        if k == 4:
            return "Appeals must be filed within %d days of the date on this notice." % self.ch(
                [60, 90, 120, 180]
            )
        if k == 5:
            return (
                "Per LCD %s, continuous glucose monitors are covered when the beneficiary is insulin-treated or has problematic hypoglycemia."
                % ("L" + self.dg(5))
            )
        if k == 6:
            return "Payer: %s. Plan type %s. Coverage is subject to medical necessity review." % (
                self.ch(PAYERS),
                self.ch(["PPO", "HMO", "EPO", "Medicare Advantage", "Medicaid managed care"]),
            )
        if k == 7:
            return "NDC %s-%s-%s, %d units administered." % (
                self.dg(5),
                self.dg(4),
                self.dg(2),
                r.randint(1, 400),
            )
        if k == 8:
            return "DRG %d; revenue code %s; total charges %s." % (
                r.randint(100, 900),
                self.ch(["0250", "0260", "0335", "0480", "0636"]),
                self.money(800, 88000),
            )
        return "Out-of-pocket maximum met: %s of %s." % (
            self.money(100, 8000),
            self.ch(["$8,150.00", "$9,450.00", "$3,000.00", "$6,350.00"]),
        )

    def pharm_sent(self, ks=None):
        r = self.r
        k = self.ch(ks) if ks else r.randrange(7)
        if k == 0:
            d = self.ch(PHARM_DRUGS)
            return "%s, sig: %s, qty %d." % (d[0].capitalize(), d[1], d[2])
        if k == 1:
            return (
                "Insurance rejected as refill too soon (NCPDP reject 79); next eligible in %d days."
                % self.r.randint(2, 20)
            )
        if k == 2:
            return "Copay %s after manufacturer savings card." % self.money(0, 120)
        if k == 3:
            return "Drug interaction check: %s with %s, %s." % (
                self.ch(["clarithromycin", "fluconazole", "amiodarone", "rifampin"]),
                self.ch(["apixaban", "atorvastatin", "warfarin", "tamoxifen"]),
                self.ch(["monitor", "moderate severity", "avoid combination"]),
            )
        if k == 4:
            return "Prior authorization required by %s; ICD-10 %s submitted." % (
                self.ch(PAYERS),
                self.ch(["E11.65", "E11.9", "I48.0", "C50.912", "E10.9", "E66.9"]),
            )
        if k == 5:
            return "90-day supply requested; patient counseled on storage below 86 F."
        return "Last A1c %s%%; eGFR %d, OK to continue metformin." % (
            self.num(6, 10, 1),
            self.r.randint(31, 99),
        )

    def filler(self, dom):
        return {
            "onc": self.onc_sent,
            "card": self.card_sent,
            "endo": self.endo_sent,
            "bill": self.bill_sent,
            "pharm": self.pharm_sent,
        }[dom]()

    def distinct(self, fn, ks, n):
        out, seen = [], set()
        for _ in range(n * 4):
            x = fn(ks)
            key = x.split()[0]
            if key not in seen:
                seen.add(key)
                out.append(x)
                if len(out) == n:
                    break
        return out

    def sents(self, dom, n):
        out, seen = [], set()
        tries = 0
        while len(out) < n and tries < n * 4:
            tries += 1
            s = self.filler(dom)
            key = s.split()[0]
            if key in seen:
                continue
            seen.add(key)
            out.append(s)
        return " ".join(out)

    # ================================================================ shared pieces
    def relative(self, pt):
        rel = self.ch(RELATIONS)
        fem = _REL_FEM.get(rel)
        for _ in range(6):
            p = self.person(female=fem, cult=pt.cult if self.pr(0.7) else None)
            if p.first != pt.first:
                break
        if rel in ("wife", "husband", "partner") and pt.female == p.female and self.pr(0.7):
            rel = "partner"
        if self.pr(0.55) and pt.cult not in ("my", "vi"):
            p.last = pt.last
        return rel, p

    def sig(self, p, org=None, dom=None, cred=None, role=None, full=True):
        """Signature block pieces."""
        out = [
            "\n",
            self.ch(["", "", "Thanks,\n", "Best,\n", "Regards,\n", "Sincerely,\n", "-- \n"]),
        ]
        out += [(self.nm(p, self.ch(["full", "full", "mid", "caps"])), "NAME")]
        if cred:
            out.append(", " + cred)
        if role:
            out.append("\n" + role)
        if org:
            out.append("\n" + org)
        if full:
            k = self.r.randrange(3)
            if k == 0:
                out += [
                    "\n",
                    self.ch(["P: ", "Tel: ", "Phone ", "T "]),
                    (self.phone(), "PHONE"),
                    self.ch([" | F: ", "  Fax: ", " / fax "]),
                    (self.phone(), "FAX"),
                ]
            elif k == 1:
                out += ["\n", self.ch(["Direct: ", "Office: ", "Ph "]), (self.phone(), "PHONE")]
            if dom and self.pr(0.6):
                out += ["\n", (self.email(p, dom), "EMAIL")]
        return out

    def pt_line(self, pt, dob, mrn=True, sep=None):
        sep = sep or self.ch(["   ", " | ", "; ", "\n", "  "])
        out = [
            self.ch(["Patient: ", "Pt: ", "Name: ", "PATIENT: ", "Re: "]),
            (self.nm(pt, self.ch(["LCF", "lcf", "lcfm", "full", "caps", "mid"])), "NAME"),
            sep,
            self.ch(["DOB: ", "DOB ", "D.O.B. ", "Date of birth: "]),
            (self.fdate(dob, self.ch(["num", "num", "iso", "abbr", "long"])), "DATE"),
        ]
        if mrn:
            out += [
                sep,
                self.ch(["MRN: ", "MRN ", "MR#: ", "Med Rec #: ", "Chart #: "]),
                (self.mrn(), "MRN"),
            ]
        return out

    def followup(self):
        k = self.r.randrange(5)
        if k == 0:
            return [
                "Return to clinic on ",
                self.ds(self.ch(["num", "long", "wk", "short"]), 2024, 2026),
                " at " + self.time_() + ".",
            ]
        if k == 1:
            return ["Follow up in %d %s." % (self.r.randint(2, 12), self.ch(["weeks", "months"]))]
        if k == 2:
            return ["Next visit scheduled for ", self.ds("wk", 2024, 2026), "."]
        if k == 3:
            return ["RTC %d weeks with labs 1 week prior." % self.r.randint(2, 8)]
        return [
            "Next appointment: ",
            self.ds(None, 2024, 2026),
            self.ch([" with labs.", " (telehealth).", "."]),
        ]

    # ================================================================ styles
    def s_onc(self):
        r = self.r
        d = _Doc()
        pt, ref, doc = self.person(), self.person(), self.person()
        age = self.age_val()
        visit = self.rdate(2021, 2026)
        dob = self.dob(age, visit.year)
        dx = self.ch(ONC_DX)
        if self.pr(0.6):
            d(
                self.ch(
                    [
                        "HEMATOLOGY/ONCOLOGY CONSULTATION",
                        "Medical Oncology Consult Note",
                        "ONCOLOGY NEW PATIENT EVALUATION",
                        "Oncology Follow-up",
                        "Infusion Visit Note",
                        "Thoracic Oncology Clinic",
                    ]
                ),
                "\n",
            )
            d(self.pt_line(pt, dob), "\n")
            d(
                self.ch(["Date of service: ", "DOS: ", "Visit date: ", "Date: "]),
                self.ds(self.ch(["num", "iso", "abbr", "long"]), 2021, 2026),
                "\n",
            )
            if self.pr(0.6):
                d(
                    self.ch(["Referring: ", "Referred by: ", "PCP: "]),
                    self.title(ref, True),
                    (self.nm(ref, self.ch(["full", "init", "mid"])), "NAME"),
                    ", " + self.org("pcp"),
                    "\n",
                )
            d("\n", self.ch(["HPI: ", "History: ", "Interval history: ", ""]))
            d(
                self.ch(["Pt is ", "Patient is ", ""]),
                self.age_phrase(age, pt.female, pred=True),
                " with ",
                dx[0],
                ". ",
            )
        else:
            d(self.ch(["", "Consult requested by ", "Seen at the request of "]))
            if d.n:
                d(self.title(ref, True), (self.nm(ref, self.ch(["full", "init"])), "NAME"), ". ")
            d(
                (self.nm(pt, self.ch(["full", "full", "mid", "nick"])), "NAME"),
                " is ",
                self.age_phrase(age, pt.female, pred=True),
                " with ",
                dx[0],
                ", seen on ",
                (self.fdate(visit, self.ch(["num", "long", "wk"])), "DATE"),
                self.ch(
                    [" for treatment planning. ", " for a second opinion. ", " in follow-up. "]
                ),
            )
        d(self.sents("onc", r.randint(2, 4)))
        k = r.randrange(6)
        if k == 0:
            rel, rp = self.relative(pt)
            d(
                " Accompanied by %s " % rel,
                (self.nm(rp, self.ch(["full", "first"])), "NAME"),
                self.ch([", who is the health care proxy", "", " (primary caregiver)"]),
            )
            if self.pr(0.6):
                d(", reachable at ", (self.phone(), "PHONE"))
            d(". ")
        elif k == 1:
            d(
                " Social: ",
                self.ch(
                    [
                        "retired teacher",
                        "former machinist",
                        "works as a nurse",
                        "never smoker",
                        "40 pack-year former smoker",
                    ]
                ),
                "; ",
                self.geo_mention(),
                ". ",
            )
        elif k == 2:
            d(
                " Enrolled on ",
                self.ch(
                    [
                        "KEYNOTE-B15",
                        "a phase II institutional study",
                        "NRG-GY018",
                        "an ECOG-ACRIN trial",
                    ]
                ),
                " as subject ",
                (self.other_id("study"), "OTHER_ID"),
                ". ",
            )
        elif k == 3:
            d(
                " Port (",
                self.ch(["BardPort", "PowerPort", "Smart Port"]),
                ") placed ",
                self.ds(self.ch(["num", "abbr", "monthyear"]), 2019, 2025),
                self.ch([", serial ", ", SN ", ", device ID "]),
                (self.serial(), "DEVICE"),
                ". ",
            )
        elif k == 4:
            d(" Pathology reviewed (accession ", (self.other_id("case"), "OTHER_ID"), "). ")
        elif self.pr(0.5):
            op = self.ch(
                [
                    " Photos of the rash uploaded to the media tab (",
                    " Clinical photo of the port site: ",
                    " Skin toxicity photographed (",
                ]
            )
            d(op, (self.photo(), "PHOTO"), ")" if op.endswith("(") else "", ". ")
        d(
            "\n\n",
            self.ch(
                ["Assessment/Plan:", "A/P:", "PLAN", "Recommendations:", "Impression and plan:"]
            ),
            "\n",
        )
        for x in self.distinct(self.onc_sent, [3, 5, 6, 6, 6, 8, 9, 12], r.randint(2, 4)):
            d(self.ch(["- ", "• ", "* ", ""]), x, "\n")
        d(self.followup(), "\n")
        if self.pr(0.7):
            d(
                "\n",
                self.ch(["Electronically signed by ", "Signed: ", "", "Attending: "]),
                (self.nm(doc, self.ch(["full", "mid", "init"])), "NAME"),
                ", " + self.ch(["MD", "DO", "MD, PhD", "NP"]),
            )
            if self.pr(0.4):
                d(" on ", self.ds(self.ch(["num", "iso"]), 2021, 2026), " " + self.time_())
            if self.pr(0.15):
                d(" (NPI ", (self.npi(), "LICENSE"), ")")
            d("\n")
        return d, "onc"

    def s_tumor_board(self):
        r = self.r
        d = _Doc()
        pres = self.person()
        d(
            self.ch(
                [
                    "MULTIDISCIPLINARY TUMOR BOARD",
                    "Thoracic Tumor Board",
                    "GI Tumor Board Summary",
                    "Breast MDT",
                    "Lymphoma Conference",
                    "Tumour Board minutes",
                ]
            ),
            self.ch([" — ", " - ", ", ", "\nDate: "]),
            self.ds(self.ch(["num", "long", "abbr", "iso"]), 2021, 2026),
            "\n",
        )
        ncase = r.randint(1, 2) if self.pr(0.3) else 1
        for ci in range(ncase):
            pt = self.person()
            age = self.age_val()
            dx = self.ch(ONC_DX)
            d(
                "\nCase %d: " % r.randint(1, 9),
                (self.nm(pt, self.ch(["LCF", "lcf", "full", "init", "lcfm"])), "NAME"),
                " (",
                (str(age), "AGE") if age > 89 else str(age),
                self.ch(["F" if pt.female else "M", " y/o", "yo", "F" if pt.female else "M"]),
                ")",
            )
            if self.pr(0.7):
                d(", MRN ", (self.mrn(), "MRN"))
            d(
                "\n",
                self.ch(["Presenter: ", "Presented by "]),
                self.title(pres, True),
                (self.nm(pres, self.ch(["full", "last", "init"])), "NAME"),
                " (",
                self.ch(
                    [
                        "Medical Oncology",
                        "Surgical Oncology",
                        "Thoracic Surgery",
                        "Radiation Oncology",
                        "GI",
                    ]
                ),
                ")\n",
            )
            d("Dx: ", dx[0], "\n")
            d(
                "Path: ",
                self.ch(
                    [
                        "core biopsy",
                        "EBUS-TBNA of station 7",
                        "resection specimen",
                        "excisional node biopsy",
                        "CT-guided liver biopsy",
                    ]
                ),
            )
            if self.pr(0.5):
                d(
                    self.ch([" (case ", " (accession ", " ("]),
                    (
                        self.ch(["S", "SP", "NP"]) + self.dg(2) + "-" + self.dg(5)
                        if self.pr(0.5)
                        else self.other_id("case"),
                        "OTHER_ID",
                    ),
                    ")",
                )
            d(", ", self.ch(ONC_GENES), "\n")
            d(
                "Imaging: ",
                self.onc_sent([4])
                if self.pr(0.3)
                else self.ch(
                    [
                        "PET/CT%s shows FDG-avid disease limited to the primary and ipsilateral nodes."
                        % self.ch(["", " from outside"]),
                        "MRI pelvis: T3b tumor, CRM threatened, EMVI positive.",
                        "CT: 3.2 cm pancreatic head mass abutting the SMV < 180 degrees.",
                        "Interval response after 4 cycles; Deauville 2.",
                    ]
                ),
                "\n",
            )
            d("Discussion: ", self.sents("onc", r.randint(1, 2)), "\n")
            d(
                "Recommendation: ",
                self.ch(
                    [
                        "neoadjuvant chemoradiation followed by resection.",
                        "proceed to surgery; adjuvant therapy per final pathology.",
                        "systemic therapy with %s; re-present after restaging."
                        % self.ch(ONC_REGIMENS),
                        "SBRT to the oligoprogressive site and continue current therapy.",
                        "clinical trial screening, genetics referral.",
                        "hospice discussion given declining performance status.",
                    ]
                ),
                "\n",
            )
        if self.pr(0.75):
            names = [self.person() for _ in range(r.randint(2, 4))]
            d(self.ch(["Attendees: Drs. ", "Present: Drs. ", "Attending physicians: "]))
            for i, p in enumerate(names):
                if i:
                    d(", " if i < len(names) - 1 else self.ch([" and ", ", "]))
                d((self.nm(p, self.ch(["last", "last", "full"])), "NAME"))
            if self.pr(0.6):
                nav = self.person()
                d("; ", (self.nm(nav, self.ch(["full", "init"])), "NAME"), ", RN (navigator)")
            d("\n")
        if self.pr(0.3):
            d("Next conference ", self.ds("wk", 2024, 2026), " at 7:00 AM, room 3B.\n")
        return d, "onc"

    def s_cardio_letter(self):
        r = self.r
        d = _Doc()
        org = self.org("card")
        dom = self.domain(org)
        pt, ref, doc = self.person(), self.person(), self.person()
        age = self.age_val()
        visit = self.rdate(2021, 2026)
        dob = self.dob(age, visit.year)
        uk = self.pr(0.12)
        if self.pr(0.7):
            d(org, "\n", self.addr_lines("\n", uk), "\n")
            if self.pr(0.7):
                d(
                    self.ch(["Tel ", "Phone: ", "T: "]),
                    (self.phone(uk), "PHONE"),
                    self.ch(["  Fax ", " | Fax: ", "\nF: "]),
                    (self.phone(uk), "FAX"),
                    "\n",
                )
            d("\n")
        d(
            (self.fdate(visit, self.ch(["long", "long", "eu" if uk else "num", "abbr"])), "DATE"),
            "\n\n",
        )
        if self.pr(0.7):
            d(
                self.title(ref, True),
                (self.nm(ref, self.ch(["full", "mid", "init"])), "NAME"),
                "\n",
                self.org("pcp"),
                "\n",
            )
            if self.pr(0.6):
                d(self.addr_lines(self.ch(["\n", ", "]), uk), "\n")
            d("\n")
        d(
            self.ch(["Re: ", "RE: ", "Re:  "]),
            (self.nm(pt, self.ch(["full", "caps", "mid", "lcf"])), "NAME"),
            self.ch([", DOB ", " (DOB ", " - d.o.b. "]),
            (self.fdate(dob, "eu" if uk else self.ch(["num", "long"])), "DATE"),
        )
        if d.parts[-2].startswith(" ("):
            d(")")
        if self.pr(0.6):
            d(
                self.ch([", MRN ", ", Hospital no. ", "  NHS no. " if uk else ", MRN: "]),
                (self.mrn() if not uk else self.dg(3) + " " + self.dg(3) + " " + self.dg(4), "MRN"),
            )
        d("\n\n", self.ch(["Dear ", "Dear Dr. ", "Dear Dr "]))
        if d.parts[-1] == "Dear ":
            d(self.title(ref, True).strip() + " ")
        d((self.nm(ref, self.ch(["last", "last", "full"])), "NAME"), ",\n\n")
        d(
            self.ch(["Thank you for referring ", "I had the pleasure of seeing ", "I reviewed "]),
            self.title(pt),
            (self.nm(pt, self.ch(["last", "full"])), "NAME"),
            self.ch([" in clinic", " today", " in the heart failure clinic", " for follow-up"]),
            self.ch([" on ", " on ", ", "]),
            (self.fdate(visit, self.ch(["long", "short", "wk"])), "DATE"),
            ". ",
        )
        pr_ = "She" if pt.female else "He"
        d(
            pr_,
            " is ",
            self.age_phrase(age, pt.female, pred=True),
            " with ",
            self.ch(CARD_DX)[0],
            ". ",
        )
        d(self.sents("card", r.randint(2, 4)), "\n\n")
        k = r.randrange(5)
        if k == 0:
            dev = self.ch(CARD_DEVICES)
            d(
                self.ch(
                    ["An " if dev[0] in "AEIOU" else "A ", "The ", "Her " if pt.female else "His "]
                ),
                dev,
                " was implanted on ",
                self.ds(self.ch(["num", "long", "abbr"]), 2016, 2025),
                self.ch([" (serial ", " (SN ", " (model/serial "]),
                (self.serial(), "DEVICE"),
                "). Remote monitoring is active. ",
            )
        elif k == 1:
            d(
                "Ambulatory monitor (",
                self.ch(["Zio XT", "BardyDx CAM", "Holter"]),
                ", device ",
                (self.serial(), "DEVICE"),
                ") was worn from ",
                self.ds(self.ch(["short", "num"]), 2023, 2026),
                " to ",
                self.ds(self.ch(["short", "num"]), 2023, 2026),
                ". ",
            )
        elif k == 2:
            d(
                pr_,
                " ",
                self.geo_mention(),
                " and ",
                self.ch(
                    [
                        "has stopped driving",
                        "walks 2 miles daily",
                        "cares for a spouse with dementia",
                    ]
                ),
                ". ",
            )
        elif k == 3:
            rel, rp = self.relative(pt)
            d(
                pr_,
                " attended with ",
                "her " if pt.female else "his ",
                rel,
                " ",
                (self.nm(rp, self.ch(["first", "flast"])), "NAME"),
                ". ",
            )
        d(self.ch(["Plan:\n", "My recommendations are:\n", "Plan\n"]))
        bl = self.ch(["%d. ", "- ", "• "])
        for i, x in enumerate(
            self.distinct(self.card_sent, [4, 6, 8, 8, 8, 9, 12], r.randint(2, 4))
        ):
            d(bl % (i + 1) if "%" in bl else bl, x, "\n")
        d(
            self.followup(),
            "\n\n",
            self.ch(["Yours sincerely,", "Kind regards,", "With best wishes,", "Sincerely,"]),
            "\n",
        )
        d(
            (self.nm(doc, self.ch(["full", "mid"])), "NAME"),
            ", ",
            self.ch(["MD, FACC", "MD", "MBBS, MRCP" if uk else "DO", "MD, FHRS", "NP"]),
            "\n",
        )
        if self.pr(0.15):
            d(
                self.ch(["GMC no. " if uk else "NPI ", "License no. ", "State lic. "]),
                (self.npi() if self.pr(0.5) and not uk else self.prof_lic(), "LICENSE"),
                "\n",
            )
        d(
            self.ch(
                [
                    "Consultant Cardiologist" if uk else "Cardiology",
                    "Electrophysiology",
                    "Advanced Heart Failure",
                    "General Cardiology",
                ]
            ),
            "\n",
        )
        if self.pr(0.3):
            d(
                "cc: ",
                self.title(pt),
                (self.nm(pt, "full"), "NAME"),
                ", ",
                (self.street(uk), "ADDRESS"),
                "\n",
            )
        if self.pr(0.15):
            d(
                "Dictated ",
                self.ds("num"),
                "; transcribed by ",
                (self.nm(self.person(), "init"), "NAME"),
                "\n",
            )
        if self.pr(0.25):
            d("Secure reply: ", (self.role_email(dom), "EMAIL"), "\n")
        return d, "card"

    def s_endo(self):
        r = self.r
        d = _Doc()
        pt, doc = self.person(), self.person()
        age = self.age_val()
        visit = self.rdate(2021, 2026)
        dob = self.dob(age, visit.year)
        dx = self.ch(ENDO_DX)
        fmt = r.randrange(3)
        if fmt == 0:  # SOAP
            d(
                self.ch(
                    [
                        "ENDOCRINOLOGY FOLLOW-UP",
                        "Diabetes Clinic Progress Note",
                        "Endocrine Return Visit",
                        "Thyroid Clinic Note",
                    ]
                ),
                "\n",
            )
            d(
                self.pt_line(pt, dob),
                "\n",
                self.ch(["Visit: ", "Date: ", "Seen: "]),
                (self.fdate(visit, self.ch(["num", "iso", "abbr"])), "DATE"),
                "\n\n",
            )
            d(
                "S: ",
                self.ch(["Pt", "Patient"]),
                " is ",
                self.age_phrase(age, pt.female, pred=True),
                " with ",
                dx[0],
                ". ",
                self.ch(
                    [
                        "Reports good adherence.",
                        "Missed several doses while traveling.",
                        "Notes fatigue and cold intolerance.",
                        "Working night shifts, meals irregular.",
                        "No polyuria or polydipsia.",
                    ]
                ),
                "\n",
            )
            d("O: ", self.endo_sent([7]), " ", self.endo_sent([1, 3, 5, 8]), "\n")
            d(
                "A: ",
                dx[1],
                " ",
                dx[0],
                self.ch(
                    [", improving.", ", above goal.", ", at goal.", ", suboptimally controlled."]
                ),
                "\n",
            )
            d("P: ", self.endo_sent([6]), " ", self.endo_sent([6, 4, 10]), "\n")
        elif fmt == 1:  # bullets + lab table
            d(
                (self.nm(pt, self.ch(["caps", "LCF", "full", "lcfm"])), "NAME"),
                self.ch([" | ", " - ", ", "]),
                self.age_phrase(age, pt.female, kind=self.ch([3, 5])),
                self.ch([" | MRN ", " | #", ", MRN: "]),
                (self.mrn(), "MRN"),
                "\n",
            )
            d(
                self.ch(["Diabetes follow-up", "Endo f/u", "Pump/CGM review"]),
                " ",
                self.ds(self.ch(["num", "short", "abbr"]), 2022, 2026),
                "\n\n",
            )
            d(self.ch(["Lab trend:", "Results", "A1c history"]), "\n")
            hdr = self.ch(
                [("Date", "A1c", "eGFR"), ("Date", "A1c", "LDL"), ("Collected", "HbA1c %", "UACR")]
            )
            d("%-12s%-8s%s\n" % hdr)
            dt = self.rdate(2020, 2023)
            for _ in range(r.randint(2, 4)):
                ds_ = self.fdate(dt, self.ch(["num", "iso"]))
                d(
                    (ds_, "DATE"),
                    " " * max(1, 12 - len(ds_)),
                    "%-8s%d\n" % (self.num(6.2, 11.4, 1), r.randint(30, 140)),
                )
                dt = dt + datetime.timedelta(days=r.randint(80, 200))
            d("\n")
            for x in self.distinct(self.endo_sent, [2, 4, 6, 10, 11, 0], r.randint(2, 3)):
                d(self.ch(["- ", "• ", "* "]), x, "\n")
        else:  # narrative
            d(
                (self.nm(pt, self.ch(["full", "mid", "nick"])), "NAME"),
                " returns for ",
                dx[0],
                " on ",
                (self.fdate(visit, self.ch(["long", "wk", "num"])), "DATE"),
                ". ",
            )
            d(
                self.ch(["She" if pt.female else "He", "The patient"]),
                " is ",
                self.age_phrase(age, pt.female, pred=True),
                ". ",
            )
            d(self.sents("endo", r.randint(2, 4)), "\n")
        k = r.randrange(7)
        if k == 0:
            dev = self.ch(ENDO_DEVICES)
            d(dev, self.ch([" serial ", " SN: ", " (transmitter ID ", " pump serial # "]))
            sn = self.serial("cgm")
            d(
                (sn, "DEVICE"),
                ")" if d.parts[-2].endswith("ID ") else "",
                "; settings downloaded and reviewed.\n",
            )
        elif k == 1:
            rel, rp = self.relative(pt)
            d(
                rel.capitalize(),
                " ",
                (self.nm(rp, self.ch(["first", "flast"])), "NAME"),
                " helps with insulin dosing",
                self.ch([" and can be reached at ", "; cell "]),
                (self.phone(), "PHONE"),
                ".\n",
            )
        elif k == 4:
            d(
                "Patient sent a photo of the ",
                self.ch(["infusion site", "sensor site", "foot ulcer", "injection site"]),
                " (",
                (self.photo(), "PHOTO"),
                "); ",
                self.ch(
                    ["mild erythema, no induration.", "rotate sites.", "podiatry referral placed."]
                ),
                "\n",
            )
        elif k == 2:
            d(
                "Patient uploads CGM data via ",
                self.ch(["Clarity", "LibreView", "Glooko", "CareLink"]),
                "; clinic share code ",
                (self.al(4) + "-" + self.dg(4), "OTHER_ID"),
                ".\n",
            )
        elif k == 3:
            d(
                "Lives ",
                self.ch(["alone ", "with family ", ""]),
                "in ",
                (self.city(), "GEO"),
                "; ",
                self.ch(
                    [
                        "pharmacy access is limited.",
                        "uses mail-order pharmacy.",
                        "works as a bus driver (CDL, insulin waiver pending).",
                    ]
                ),
                "\n",
            )
        d(self.followup(), "\n")
        if self.pr(0.7):
            d(
                (self.nm(doc, self.ch(["full", "mid", "init"])), "NAME"),
                ", ",
                self.ch(["MD", "DO", "NP", "PA-C", "RN, CDCES"]),
                "\n",
            )
        return d, "endo"

    # ---------------------------------------------------------------- billing
    def s_claim_form(self):
        r = self.r
        d = _Doc()
        pt = self.person()
        ins = pt if self.pr(0.6) else self.person()
        prov = self.person()
        age = self.age_val()
        dob = self.dob(age, 2025)
        payer = self.ch(PAYERS)
        d(
            self.ch(
                [
                    "CLAIM SUMMARY",
                    "CMS-1500 CLAIM DETAIL",
                    "Professional Claim",
                    "CLAIM STATUS INQUIRY",
                ]
            ),
            self.ch([" — ", "\n", " / "]),
            payer,
            "\n",
        )
        d(
            self.ch(["Claim #: ", "Claim No. ", "ICN: ", "Claim ID "]),
            (self.claim(), "ACCOUNT"),
            "\n",
        )
        d(
            self.ch(["1a. Insured ID: ", "Member ID: ", "Subscriber ID: ", "MBI: "]),
            (self.member(), "HEALTH_PLAN"),
        )
        if self.pr(0.6):
            d(
                self.ch(["   Group #: ", "  Grp: ", "\n11. Group number: "]),
                (self.group(), "HEALTH_PLAN"),
            )
        d(
            "\n2. Patient name: ",
            (self.nm(pt, self.ch(["LCF", "lcfm", "LCF", "caps"])), "NAME"),
            "\n",
        )
        d(
            "3. DOB: ",
            (self.fdate(dob, self.ch(["num", "num", "iso"])), "DATE"),
            "   Sex: ",
            "F" if pt.female else "M",
            "\n",
        )
        if self.pr(0.6):
            d("5. Address: ", self.addr_lines(", "), "\n")
        if self.pr(0.35):
            d("   Phone: ", (self.phone(), "PHONE"), "\n")
        if ins is not pt:
            d(
                "4. Insured: ",
                (self.nm(ins, self.ch(["LCF", "lcfm"])), "NAME"),
                self.ch(["  Rel: spouse", "  Rel: parent", "  Rel: other"]),
                "\n",
            )
        if self.pr(0.35):
            d(self.ch(["SSN: ", "1a. SSN/EIN: ", "Insured SSN: "]), (self.ssn(), "SSN"), "\n")
        d(
            "17. Referring provider: ",
            (self.nm(prov, self.ch(["LCF", "full", "caps"])), "NAME"),
            "  17b NPI: ",
            (self.npi(), "LICENSE"),
            "\n",
        )
        d("21. Dx: ")
        dx = [self.ch(ONC_DX)[1], self.ch(CARD_DX)[1], self.ch(ENDO_DX)[1]]
        r.shuffle(dx)
        d(", ".join("%s. %s" % ("ABC"[i], c) for i, c in enumerate(dx[: r.randint(1, 3)])), "\n")
        d(
            "24. ",
            self.ch(["DOS", "From-To", "Service date"]),
            self.ch(["  POS  CPT/HCPCS  Mod  Units  Charge\n", " | POS | Code | Units | Charge\n"]),
        )
        for _ in range(r.randint(1, 4)):
            c = self.ch(CPT_LINES)
            d(
                "    ",
                self.ds(self.ch(["num", "num", "compact", "iso"]), 2023, 2026),
                "  ",
                self.ch(["11", "22", "19", "02"]),
                "   ",
                c[0],
                "  ",
                self.ch(["", "25", "59", "JZ", "GT"]),
                "  ",
                str(r.randint(1, 12)),
                "  ",
                self.money(45, 6200),
                "\n",
            )
        d("26. Patient account no.: ", (self.account(), "ACCOUNT"), "\n")
        d(
            "28. Total charge: ",
            self.money(120, 18000),
            "   ",
            self.ch(["Amount paid: $0.00", "Status: pended", "Status: denied", "Status: paid"]),
            "\n",
        )
        if self.pr(0.3):
            d(
                self.ch(["Prior auth #: ", "Auth number ", "PA ref "]),
                (self.other_id("pa"), "OTHER_ID"),
                "\n",
            )
        if self.pr(0.5):
            d(self.bill_sent([1, 3, 4, 6, 7]), "\n")
        return d, "bill"

    def s_denial_letter(self):
        r = self.r
        d = _Doc()
        pt, mdir = self.person(), self.person()
        payer = self.ch(PAYERS)
        rc = self.ch(CARC)
        d(
            payer,
            self.ch([" Utilization Management", " Claims Department", " Appeals Unit", ""]),
            "\n",
        )
        if self.pr(0.5):
            d(
                ("P.O. Box %d" % r.randint(1000, 99999), "ADDRESS"),
                ", ",
                (self.city(), "GEO"),
                ", ",
                self.state()[1],
                " ",
                (self.zipc(), "GEO"),
                "\n",
            )
        d("\n", self.ds(self.ch(["long", "num", "abbr"]), 2023, 2026), "\n\n")
        if self.pr(0.6):
            d(
                (self.nm(pt, self.ch(["caps", "full", "mid"])), "NAME"),
                "\n",
                self.addr_lines("\n"),
                "\n\n",
            )
        d(
            self.ch(
                [
                    "RE: Notice of adverse benefit determination",
                    "Re: Claim denial",
                    "Subject: Explanation of denial",
                    "Re: Prior authorization request",
                ]
            ),
            "\n",
        )
        d(
            "Member: ",
            (self.nm(pt, self.ch(["full", "LCF", "lcf"])), "NAME"),
            self.ch(["   ID: ", " | Member ID ", "\nMember ID: "]),
            (self.member(), "HEALTH_PLAN"),
            "\n",
        )
        d(
            self.ch(["Claim number: ", "Claim #", "Reference: "]),
            (self.claim(), "ACCOUNT"),
            self.ch(["   Date of service: ", "\nDOS: ", " | DOS "]),
            self.ds(self.ch(["num", "long"]), 2023, 2026),
            "\n\n",
        )
        d(self.ch(["Dear ", "Dear "]), self.title(pt), (self.nm(pt, "last"), "NAME"), ",\n\n")
        svc = self.ch(CPT_LINES)
        d(
            "We reviewed the request for ",
            svc[1],
            " (",
            svc[0],
            ") ordered by ",
            self.title(mdir, True),
            (self.nm(mdir, self.ch(["full", "init"])), "NAME"),
            ". This service was not approved. Reason: ",
            rc[0],
            " - ",
            rc[1],
            ". ",
        )
        d(" ".join(self.bill_sent([0, 1, 3, 4, 5, 7]) for _ in range(r.randint(1, 2))), " ")
        if self.pr(0.5):
            d(
                "The clinical criteria used (",
                self.ch(["InterQual", "MCG", "NCCN Category 2A", "plan policy CP.PHAR.123"]),
                ") are available on request. ",
            )
        d(
            "\n\nTo appeal, send a written request and supporting records to ",
            self.ch(["fax ", "our fax line ", "the Appeals Unit at fax "]),
            (self.phone(), "FAX"),
        )
        if self.pr(0.5):
            d(" or call ", (self.phone(), "PHONE"))
        d(
            ". Reference case ",
            (self.other_id(self.ch(["case", "pa"])), "OTHER_ID"),
            self.ch([" on all correspondence.", "."]),
            "\n\n",
        )
        d(
            "Sincerely,\n",
            (self.nm(self.person(), "full"), "NAME"),
            ", ",
            self.ch(["MD", "DO", "RN"]),
            "\n",
            self.ch(["Medical Director", "Clinical Reviewer", "Appeals Coordinator"]),
            "\n",
        )
        return d, "bill"

    def s_eob(self):
        r = self.r
        d = _Doc()
        pt = self.person()
        payer = self.ch(PAYERS)
        d(
            self.ch(
                [
                    "EXPLANATION OF BENEFITS",
                    "EOB Summary",
                    "Explanation of Benefits - THIS IS NOT A BILL",
                    "Remittance summary",
                ]
            ),
            "\n",
            payer,
            "\n",
        )
        d(
            self.ch(["Member: ", "Patient: ", "Subscriber: "]),
            (self.nm(pt, self.ch(["caps", "full", "LCF"])), "NAME"),
            self.ch(["   Member ID: ", " | ID# ", "\nID: "]),
            (self.member(), "HEALTH_PLAN"),
            "\n",
        )
        if self.pr(0.5):
            d(
                "Group: ",
                (self.group(), "HEALTH_PLAN"),
                self.ch(["   ", "  |  "]),
                "Plan: ",
                self.ch(
                    ["PPO Gold 1500", "HMO Select", "Medicare Advantage PPO", "Bronze HSA 7000"]
                ),
                "\n",
            )
        d(
            "Claim: ",
            (self.claim(), "ACCOUNT"),
            self.ch(["   Provider: ", " | Provider: ", "\nProvider: "]),
            self.org(self.ch(["onc", "card", "endo"])),
            "\n",
        )
        d("Processed: ", self.ds(self.ch(["num", "long"]), 2023, 2026), "\n\n")
        d(
            "%-12s %-7s %-10s %-10s %-10s %s\n"
            % ("Date", "Code", "Billed", "Allowed", "Paid", "You owe")
        )
        for _ in range(r.randint(2, 5)):
            dt = self.fdate(self.rdate(2023, 2026), self.ch(["num", "num", "iso"]))
            c = self.ch(CPT_LINES)[0]
            billed = r.uniform(60, 3000)
            allowed = billed * r.uniform(0.2, 0.9)
            owe = allowed * self.ch([0, 0.2, 0.2, 1.0, 0.1])
            d(
                (dt, "DATE"),
                " " * max(1, 13 - len(dt)),
                "%-7s %-10s %-10s %-10s %s\n"
                % (
                    c,
                    "${:,.2f}".format(billed),
                    "${:,.2f}".format(allowed),
                    "${:,.2f}".format(allowed - owe),
                    "${:,.2f}".format(owe),
                ),
            )
        d("\n")
        for _ in range(r.randint(1, 2)):
            rc = self.ch(CARC)
            d(rc[0], ": ", rc[1], "\n")
        d(self.bill_sent([2, 4, 9]), "\n")
        if self.pr(0.4):
            d(
                self.ch(["Questions? Call ", "Member services: "]),
                (self.phone(), "PHONE"),
                self.ch([" (TTY 711).", ", Mon-Fri 8am-8pm.", "."]),
                "\n",
            )
        if self.pr(0.25):
            d("View online: ", (self.url(), "URL"), "\n")
        return d, "bill"

    def s_bill_inquiry(self):
        """Patient or family e-mail/portal message about a bill."""
        r = self.r
        cas = self.pr(0.5)
        d = _Doc(self.casual_fn() if cas else None)
        pt = self.person()
        writer, rel = pt, None
        if self.pr(0.35):
            rel, writer = self.relative(pt)
        d(
            "Subject: ",
            self.ch(
                [
                    "Question about my bill",
                    "billing question",
                    "Statement - please help",
                    "Insurance denied my CGM",
                    "charge for visit",
                ]
            ),
            "\n\n",
        )
        d(self.ch(["Hello,", "Hi,", "To whom it may concern,", "hi"]), "\n")
        if rel:
            d(
                self.ch(["I'm writing for my ", "This is about my "]),
                rel if rel not in ("caregiver", "neighbor") else "mother",
                " ",
                (self.nm(pt, "flast").lower() if cas else self.nm(pt, "flast"), "NAME"),
            )
            op = self.ch([", date of birth ", " (DOB ", ", born "])
            dob = self.dob(self.age_val(), 2025)
            d(
                op,
                (self.fdate(dob, self.ch(["num", "long", "spoken"])), "DATE"),
                ")" if op == " (DOB " else "",
                ". ",
            )
        d(
            self.ch(["I got a statement for ", "We received a bill for ", "I was charged "]),
            self.money(60, 4800),
            self.ch([" for the visit on ", " from ", " for services on "]),
            self.ds(self.ch(["short", "num", "long"]), 2024, 2026),
            ". ",
        )
        d(
            self.ch(["My insurance is ", "We have ", "The plan is "]),
            self.ch(PAYERS),
            self.ch([" and the member ID is ", ", ID ", ", my member number is "]),
        )
        mid = self.member()
        if self.pr(0.25):
            mid = self.spelled(mid) if self.pr(0.5) else self.spaced(mid)
        d((mid, "HEALTH_PLAN"), ". ")
        d(
            self.ch(["The account number on the statement is ", "Account # ", "Statement acct "]),
            (self.account(), "ACCOUNT"),
            ". ",
        )
        d(
            self.ch(
                [
                    "I thought this was covered since it was a follow up for my diabetes.",
                    "They said the code was wrong (99215 vs 99214).",
                    "Can you resubmit with the right diagnosis code, E11.65?",
                    "Can I set up a payment plan? I can do about $50 a month.",
                    "The EOB says CO-197, no prior auth, but the office said they got one.",
                ]
            ),
            " ",
        )
        if self.pr(0.25):
            d(
                self.ch(["I paid online from IP ", "The payment portal logged my login from "]),
                (self.ip(), "IP"),
                self.ch([" but it shows unpaid. ", " and then gave an error. "]),
            )
        if self.pr(0.3):
            if self.pr(0.5):
                d("Last 4 of SSN if you need it: ", (self.dg(4), "SSN"), ". ")
            else:
                d(self.ch(["My social is ", "SSN on the account is "]), (self.ssn(), "SSN"), ". ")
        d(
            "\n",
            self.ch(["You can reach me at ", "Call me at ", "My cell is "]),
            (self.phone(), "PHONE"),
            ".\n",
        )
        d(
            self.ch(["Thanks,\n", "thank you\n", "- "]),
            (self.nm(writer, self.ch(["first", "flast", "full"])), "NAME"),
            "\n",
        )
        return d, "bill"

    def s_call_note(self):
        """Patient-access / billing call-centre log."""
        r = self.r
        d = _Doc()
        pt, agent = self.person(), self.person()
        caller, rel = pt, "self"
        if self.pr(0.4):
            rel, caller = self.relative(pt)
        d(
            self.ch(
                [
                    "Patient Access Call Log",
                    "BILLING CALL NOTE",
                    "Customer Service Interaction",
                    "Financial Counseling - phone note",
                ]
            ),
            "\n",
        )
        d(
            self.ch(["Date/Time: ", "Call date: ", "Logged: "]),
            self.ds(self.ch(["num", "iso", "abbr"]), 2023, 2026),
            " " + self.time_(),
        )
        d(
            self.ch(["   Agent: ", " | Rep: ", "\nAgent: "]),
            (self.nm(agent, self.ch(["full", "init", "first"])), "NAME"),
        )
        if self.pr(0.5):
            d(self.ch([" (badge ", " (ID "]), (self.other_id("badge"), "OTHER_ID"), ")")
        d("\nCaller: ", (self.nm(caller, self.ch(["full", "lcf", "caps"])), "NAME"), " (", rel, ")")
        if rel != "self":
            d(
                " calling for ",
                (self.nm(pt, self.ch(["full", "lcf"])), "NAME"),
                "; HIPAA release on file",
            )
        d(
            "\nVerification: DOB ",
            (self.fdate(self.dob(self.age_val(), 2025), self.ch(["num", "num", "long"])), "DATE"),
        )
        k = r.randrange(4)
        if k == 0:
            d(
                ", voiceprint match (",
                self.ch(["VoiceVault ID ", "voice ID ", "VP ref "]),
                (self.biometric(), "BIOMETRIC"),
                ")",
            )
        elif k == 1:
            d(", last 4 SSN ", (self.dg(4), "SSN"))
        elif k == 2:
            d(", address on file ", (self.street(), "ADDRESS"), ", ", (self.city(), "GEO"))
        else:
            d(", palm-vein scan at kiosk (template ", (self.biometric(), "BIOMETRIC"), ")")
        d(
            "\n",
            self.ch(["Guarantor account: ", "Account #: ", "HAR: "]),
            (self.account(), "ACCOUNT"),
        )
        if self.pr(0.5):
            d(self.ch(["   Encounter: ", "  CSN "]), (self.encounter(), "ACCOUNT"))
        d(
            "\nReason: ",
            self.ch(
                [
                    "disputes balance of %s for %s"
                    % (
                        self.money(80, 5200),
                        self.ch(["infusion", "echo", "CGM supplies", "ED visit", "Holter"]),
                    ),
                    "asks why %s denied the claim" % self.ch(PAYERS),
                    "requests itemized statement and payment plan",
                    "new insurance card, %s, needs claims rebilled" % self.ch(PAYERS),
                    "financial assistance application status",
                ]
            ),
            ".\n",
        )
        d("Notes: ", self.sents("bill", r.randint(1, 3)), " ")
        kk = r.randrange(4)
        if kk == 0:
            d(
                "Portal audit shows last login ",
                self.ds(self.ch(["num", "short"]), 2024, 2026),
                " from IP ",
                (self.ip(), "IP"),
                ". ",
            )
        elif kk == 1:
            d("Photo ID on file (", (self.photo(True), "PHOTO"), ") matches caller. ")
        elif kk == 2:
            mid = self.member()
            if self.pr(0.4):
                mid = self.spelled(mid) if self.pr(0.5) else self.spaced(mid)
            d(
                self.ch(["Member ID ", "Caller read member ID as "]),
                (mid, "HEALTH_PLAN"),
                self.ch([" verified with ", "; eligibility confirmed with "]),
                self.ch(PAYERS),
                ". ",
            )
        d("\nCallback: ", (self.phone(), "PHONE"), self.ch(["", " (cell)", " after 5 pm"]), "\n")
        if self.pr(0.5):
            d(
                self.ch(["Ticket #", "Case #: ", "Ref "]),
                (self.other_id(self.ch(["case", "x"])), "OTHER_ID"),
                "\n",
            )
        return d, "bill"

    # ---------------------------------------------------------------- care-coordination e-mail
    def s_care_email(self):
        r = self.r
        d = _Doc()
        a, b = self.person(), self.person()
        pt = self.person()
        dom_a = self.domain(self.org(self.ch(["onc", "card", "endo", "pcp"])))
        dom_b = self.domain(self.org(self.ch(["onc", "card", "endo", "pcp", "pharm"])))
        age = self.age_val()
        dob = self.dob(age, 2025)
        sent = self.rdate(2022, 2026)
        d(
            "From: ",
            (self.nm(a, self.ch(["full", "lcf", "full"])), "NAME"),
            " <",
            (self.email(a, dom_a), "EMAIL"),
            ">\n",
        )
        d("To: ")
        if self.pr(0.5):
            d((self.nm(b, "full"), "NAME"), " <", (self.email(b, dom_b), "EMAIL"), ">")
        else:
            d((self.role_email(dom_b), "EMAIL"))
        d("\n")
        if self.pr(0.35):
            c = self.person()
            d("Cc: ", (self.email(c, dom_a), "EMAIL"), "\n")
        if self.pr(0.6):
            d(
                "Date: ",
                (self.fdate(sent, self.ch(["wk", "long", "num"])), "DATE"),
                " " + self.time_(),
                "\n",
            )
        subj_pt = self.ch(["initials", "name", "none", "name"])
        d(
            "Subject: ",
            self.ch(
                [
                    "Referral: ",
                    "RE: ",
                    "FW: records for ",
                    "Care coordination - ",
                    "Urgent: ",
                    "Follow up re ",
                ]
            ),
        )
        if subj_pt == "initials":
            d((pt.first[0] + "." + pt.last[0] + ".", "NAME"))
        elif subj_pt == "name":
            d((self.nm(pt, self.ch(["lcf", "full", "LCF"])), "NAME"))
        else:
            d(
                self.ch(
                    [
                        "new patient referral",
                        "transfer of care",
                        "CGM start",
                        "chemo clearance",
                        "cardiac clearance before port placement",
                    ]
                )
            )
        d(
            "\n\n",
            self.ch(["Hi ", "Hello ", "Dear ", "Good morning "]),
            (self.nm(b, "first"), "NAME"),
            ",\n\n",
        )
        d(
            self.ch(
                [
                    "We are referring ",
                    "Following up on ",
                    "Sending over records for ",
                    "Quick question about ",
                ]
            ),
            self.title(pt),
            (self.nm(pt, self.ch(["full", "full", "mid", "lcf"])), "NAME"),
            " (DOB ",
            (self.fdate(dob, self.ch(["num", "num", "iso"])), "DATE"),
        )
        if self.pr(0.7):
            d(self.ch([", MRN ", "; our MRN ", ", chart "]), (self.mrn(), "MRN"))
        d(
            "), ",
            self.age_phrase(age, pt.female, pred=True),
            self.ch([" with ", " followed here for "]),
        )
        dom = self.ch(["onc", "card", "endo"])
        dx = self.ch({"onc": ONC_DX, "card": CARD_DX, "endo": ENDO_DX}[dom])
        d(dx[0], ". ", self.sents(dom, r.randint(1, 3)), "\n\n")
        k = r.randrange(6)
        if k == 0:
            d(
                self.ch(["Could you see ", "Can you fit "]),
                "her" if pt.female else "him",
                " in before ",
                self.ds(self.ch(["short", "wk", "nomonth", "long"]), 2024, 2026),
                "? ",
                self.ch(
                    [
                        "Chemo is scheduled to start that week.",
                        "Surgery is booked and needs cardiac clearance.",
                        "Her pump supplies run out then."
                        if pt.female
                        else "His pump supplies run out then.",
                    ]
                ),
                " ",
            )
        elif k == 1:
            d(
                "Prior auth ",
                (self.other_id("pa"), "OTHER_ID"),
                " was approved by ",
                self.ch(PAYERS),
                " through ",
                self.ds(self.ch(["num", "long"]), 2024, 2026),
                ". ",
            )
        elif k == 2:
            d(
                "Transportation is arranged: ",
                self.ch(["son", "daughter", "neighbor", "ride service"]),
                " will bring ",
                "her" if pt.female else "him",
                " in a ",
                self.ch(
                    [
                        "silver Toyota Camry",
                        "red Ford F-150",
                        "white Honda CR-V",
                        "gray Nissan Rogue",
                    ]
                ),
                ", plate ",
                (self.plate(), "VEHICLE"),
                self.ch([", for valet.", ", disability parking approved."]),
                " ",
            )
        elif k == 3:
            d(
                "Patient ",
                self.geo_mention(),
                " and prefers the ",
                self.ch(["satellite clinic", "main campus", "telehealth option"]),
                ". ",
            )
        elif k == 4:
            rel, rp = self.relative(pt)
            d(
                "Please coordinate with ",
                "her " if pt.female else "his ",
                rel,
                " ",
                (self.nm(rp, self.ch(["flast", "full"])), "NAME"),
                " at ",
                (self.phone(), "PHONE"),
                self.ch(
                    [" (preferred).", "; patient is hard of hearing.", ", speaks Spanish.", "."]
                ),
                " ",
            )
        else:
            d(
                "Records were faxed to ",
                (self.phone(), "FAX"),
                " on ",
                self.ds(self.ch(["short", "num"]), 2024, 2026),
                self.ch(["; please confirm receipt.", ", 14 pages."]),
                " ",
            )
        if self.pr(0.25):
            d("Telehealth link for the joint visit: ", (self.url(dom_a), "URL"), " ")
        if self.pr(0.15):
            d(
                self.ch(["Attached: ", "Attachments: ", "See attached "]),
                (self.photo(), "PHOTO"),
                self.ch([", ", " and "]),
                self.ch(["referral.pdf", "notes.pdf", "labs.pdf"]),
                ". ",
            )
        d("\n")
        d(
            self.sig(
                a,
                self.org(self.ch(["onc", "card", "endo", "pcp"])),
                dom_a,
                self.ch(["", "", "RN", "LPN", "MSW", "RN, BSN"]) or None,
                self.ch(ROLES),
            ),
            "\n",
        )
        if self.pr(0.3):
            d(
                "\nCONFIDENTIALITY NOTICE: This e-mail may contain protected health information. If you received it in error, notify the sender and delete it.\n"
            )
        return d, dom

    # ---------------------------------------------------------------- SMS
    def s_sms(self):
        r = self.r
        d = _Doc()
        pt, doc = self.person(), self.person()
        org = self.org(self.ch(["onc", "card", "endo", "pcp"]))
        cas = self.casual_fn(0.04)
        if self.pr(0.5):
            d(
                self.ch(
                    ["SMS thread", "Text messages", "Two-way text log", "Patient texting (Luma)"]
                ),
                self.ch([" - ", " | ", "\n"]),
                org,
                "\n",
            )
        else:
            d(self.ch(["Text from ", "Msg from ", "From "]))
            if self.pr(0.5):
                op = self.ch([" (", " - "])
                d(str(r.randint(20000, 99999)), op, org, ")" if op == " (" else "")
            else:
                d((self.phone(), "PHONE"))
            d("\n")
        stamp = self.pr(0.5)

        def who(x):
            if stamp:
                d("[", self.time_(), "] ")
            d(x, ": ")

        def pwho():
            if self.pr(0.35):
                who((self.nm(pt, self.ch(["first", "flast"])), "NAME"))
            else:
                who(self.ch(["Patient", "Pt", "Reply", "Patient", "Them", "Contact"]))

        greet = self.ch(["Hi ", "Hello ", "", "Dear "])
        appt = self.rdate(2024, 2026)
        kind = r.randrange(6)
        who(self.ch(["Clinic", org.split()[0], "Auto", "Office"]))
        if greet:
            d(greet, (self.nm(pt, self.ch(["first", "first", "full", "caps"])), "NAME"), ", ")
        if kind in (0, 1, 2):
            d(
                self.ch(
                    [
                        "this is a reminder of your appointment with ",
                        "you have an upcoming visit with ",
                        "reminder: appt w/ ",
                    ]
                ),
                self.title(doc, True),
                (self.nm(doc, self.ch(["last", "full"])), "NAME"),
                " on ",
                (self.fdate(appt, self.ch(["wk", "short", "num", "wk"])), "DATE"),
                " at ",
                self.time_(),
                ". ",
            )
            if self.pr(0.3):
                d(
                    self.ch(["Join your video visit: ", "Telehealth link: ", "Check in online: "]),
                    (self.url(), "URL"),
                    " ",
                )
            d(self.ch(SMS_AUTOTEXT), "\n")
        elif kind == 3:
            d(
                "your ",
                self.ch(["labs", "results", "CT report", "echo report", "A1c result"]),
                " are available in the portal: ",
                (self.url(), "URL"),
                ". ",
                self.ch(["Reply STOP to opt out.", "Do not reply to this number."]),
                "\n",
            )
        elif kind == 4:
            d(
                "your prescription ",
                self.ch(["Rx #", "RX ", "order "]),
                (self.other_id("rx"), "OTHER_ID"),
                " for ",
                self.ch(PHARM_DRUGS)[0].upper() if self.pr(0.5) else self.ch(PHARM_DRUGS)[0],
                " is ready for pickup at ",
                self.ch(RETAIL_PHARM),
                ", ",
                (self.street(), "ADDRESS"),
                ". ",
                self.ch(["Copay $4.00.", "Pickup by 9 PM.", "Text HELP for help."]),
                "\n",
            )
        else:
            d(
                "your infusion of ",
                self.ch(
                    ["pembrolizumab", "FOLFOX", "zoledronic acid", "iron sucrose", "rituximab"]
                ),
                " is confirmed for ",
                (self.fdate(appt, self.ch(["wk", "short"])), "DATE"),
                " at ",
                self.time_(),
                ", chair ",
                (self.room(), "OTHER_ID"),
                ". Labs 1 hour prior.\n",
            )
        # replies
        for _ in range(r.randint(1, 3)):
            pwho()
            d.casual = cas
            k = r.randrange(11)
            if k == 9:
                dt = self.rdate(2024, 2026)
                d(
                    self.ch(["can i come ", "is there anything ", "i can do "]),
                    "next ",
                    (
                        "%s the %s" % (self.ch(WD_SHORT[dt.weekday()]).lower(), _ordinal(dt.day)),
                        "DATE",
                    ),
                    self.ch(["?", " instead", " after 2"]),
                )
            elif k == 10:
                op = self.ch(["my mrn is ", "chart number ", "my member id is "])
                v = self.mrn() if "member" not in op else self.member()
                v = self.spaced(v) if self.pr(0.6) else self.spelled(v)
                d(
                    op,
                    (v, "HEALTH_PLAN" if "member" in op else "MRN"),
                    self.ch([" if u need it", "", " for the form"]),
                )
            elif k == 0:
                d(self.ch(["C", "Y", "ok confirmed", "yes thank you", "confirm"]))
                d(" ", self.ch(["will be there", "see you then", "thx", ""]))
            elif k == 1:
                d(
                    self.ch(["can i move it to ", "need to reschedule, is ", "can we do "]),
                    (
                        self.fdate(
                            self.rdate(2024, 2026), self.ch(["nomonth", "wk", "short", "spoken"])
                        ).lower(),
                        "DATE",
                    ),
                    self.ch([" instead", " any better", " in the morning?", "? my ride cant come"]),
                )
            elif k == 2:
                rel, rp = self.relative(pt)
                d(
                    "this is ",
                    "her " if pt.female else "his ",
                    rel,
                    " ",
                    (self.nm(rp, "first").lower(), "NAME"),
                    ". ",
                )
                a = self.age_val(old=self.pr(0.6))
                if a > 89:
                    d(
                        self.ch(["she" if pt.female else "he", "mom" if pt.female else "dad"]),
                        " is ",
                        (self.ch([str(a), _words(a)]), "AGE"),
                        " now and ",
                        self.ch(
                            ["cant drive", "uses a walker", "needs a wheelchair at the entrance"]
                        ),
                    )
                else:
                    d(
                        self.ch(["she" if pt.female else "he", "mom" if pt.female else "dad"]),
                        " is ",
                        str(a),
                        " and ",
                        self.ch(
                            ["cant drive anymore", "is hard of hearing", "only speaks vietnamese"]
                        ),
                    )
                d(". call me at ", (self.phone(), "PHONE"))
            elif k == 3:
                d(
                    self.ch(
                        [
                            "do i need to fast",
                            "should i take my metformin that morning",
                            "do i hold my eliquis before",
                            "can i bring my husband",
                        ]
                    ),
                    "?",
                )
            elif k == 4:
                d(
                    "parking permit for my car ",
                    (self.plate(), "VEHICLE"),
                    self.ch([" please", ", its a blue honda", " - handicap tag expired"]),
                )
            elif k == 5:
                kq = r.randrange(3)
                d(
                    ["my a1c was ", "sugar this am was ", "bp today "][kq],
                    [
                        self.num(6, 11, 1),
                        str(r.randint(90, 320)),
                        "%d/%d" % (r.randint(100, 170), r.randint(60, 100)),
                    ][kq],
                    self.ch([" is that ok", "", " fyi"]),
                )
            elif k == 6:
                d("wrong number. i am not ", (self.nm(pt, "first").lower(), "NAME"))
            elif k == 7:
                d("pls send to my email ", (self.email(pt), "EMAIL"))
            else:
                d(
                    self.ch(
                        [
                            "running 15 min late",
                            "on my way",
                            "stuck in traffic on I-10",
                            "here in the lobby",
                        ]
                    )
                )
            d.casual = None
            d("\n")
            if self.pr(0.5):
                who(self.ch(["Clinic", "Office", "Front desk"]))
                d(
                    self.ch(
                        [
                            "Thank you, see you soon.",
                            "Noted. A nurse will call you back.",
                            "Yes, nothing to eat or drink after midnight except water.",
                            "We have openings at 9:20 AM or 2:40 PM.",
                            "Please call the office to discuss results.",
                            "OK, we updated your chart.",
                        ]
                    ),
                    "\n",
                )
        return d, "pharm" if kind == 4 else "endo"

    # ---------------------------------------------------------------- portal message
    def s_portal(self):
        r = self.r
        cas = self.casual_fn(self.ch([0.02, 0.05, 0.08]), lower=self.pr(0.7))
        d = _Doc()
        pt, doc = self.person(), self.person()
        family = self.pr(0.35)
        rel, writer = self.relative(pt) if family else (None, pt)
        dom = self.ch(["onc", "card", "endo", "endo"])
        if self.pr(0.6):
            d(
                self.ch(["Message from: ", "From: ", "Patient message - "]),
                (self.nm(pt, self.ch(["full", "lcf", "caps"])), "NAME"),
            )
            if self.pr(0.5):
                d(
                    self.ch([" | Sent: ", "\nSent: ", "  "]),
                    self.ds(self.ch(["num", "wk", "abbr"]), 2023, 2026),
                    " " + self.time_(),
                )
            if self.pr(0.12):
                d(self.ch(["  IP: ", " | from "]), (self.ip(), "IP"))
            d(
                "\n",
                self.ch(["To: ", "Recipient: "]),
                self.title(doc, True),
                (self.nm(doc, self.ch(["full", "last"])), "NAME"),
                self.ch(["'s care team", " / pool", ""]),
                "\n",
            )
        d("Subject: ")
        d.casual = cas
        d(
            self.ch(
                {
                    "onc": [
                        "question about chemo",
                        "side effects",
                        "my port",
                        "pain meds",
                        "scan results?",
                    ],
                    "card": ["swelling", "pacemaker", "heart rate high", "eliquis refill", "dizzy"],
                    "endo": [
                        "sugars high",
                        "ozempic question",
                        "pump problem",
                        "thyroid med",
                        "sensor fell off",
                    ],
                }[dom]
            ),
            "\n\n",
        )
        k = r.randrange(4)
        if k == 0:
            d(
                "hi dr ",
                (self.nm(doc, "last").lower() if cas("A") == "a" else self.nm(doc, "last"), "NAME"),
                ",\n",
            )
        elif k == 1:
            d.casual = None
            d("Dear ", self.title(doc, True), (self.nm(doc, "last"), "NAME"), ",\n")
            d.casual = cas
        elif k == 2:
            d("hello,\n")
        if family:
            pn = self.nm(pt, "first")
            if cas("A") == "a":
                pn = pn.lower()
            d("this is ")
            d((pn, "NAME"), "'s ", rel, ", ")
            wn = self.nm(writer, "first")
            d((wn.lower() if cas("A") == "a" else wn, "NAME"), ". ")
            a = self.age_val(old=self.pr(0.5))
            if rel in ("son", "daughter", "son-in-law", "daughter-in-law"):
                d(
                    self.ch(["my mom" if pt.female else "my dad", "she" if pt.female else "he"]),
                    " is ",
                )
            elif rel in ("grandson", "granddaughter"):
                d(
                    self.ch(
                        ["my grandma" if pt.female else "my grandpa", "she" if pt.female else "he"]
                    ),
                    " is ",
                )
            else:
                d("she is " if pt.female else "he is ")
            if a > 89:
                d((self.ch([str(a), _words(a)]), "AGE"))
            else:
                d(self.ch([str(a), _words(a)]))
            d(" and ")
        else:
            if self.pr(0.35):
                op = self.ch(["my dob is ", "(dob ", "this is for my chart, birthday "])
                d(
                    op,
                    (
                        self.fdate(
                            self.dob(self.age_val(), 2025), self.ch(["num", "num", "long", "iso"])
                        ),
                        "DATE",
                    ),
                    ") " if op == "(dob " else ". ",
                )
            d(
                self.ch(
                    [
                        "i wanted to ask something. ",
                        "just wanted to let you know, ",
                        "i have a question. ",
                        "i am writing because ",
                    ]
                )
            )
        body = {
            "onc": [
                "since the last chemo i have had diarrhea like 5 times a day",
                "my hands are peeling from the capecitabine",
                "the nausea meds (zofran 8mg) arent really helping",
                "my port site is red and warm",
                "i have a fever of 100.8",
                "the numbness in my feet is worse after the oxaliplatin",
                "oxycodone 5mg is not lasting 4 hours",
                "i read that KRAS G12C has a pill now, can we talk about sotorasib",
            ],
            "card": [
                "my ankles are swollen again and i gained 4 lbs in 2 days",
                "the pacemaker site is itchy",
                "my heart rate was 130 on my watch",
                "i get dizzy when i stand up since the entresto went up",
                "the eliquis is $140 a month now",
                "i felt my icd shock once last night",
            ],
            "endo": [
                "my sugars have been running 250-300 in the mornings",
                "the ozempic makes me throw up",
                "i missed my levothyroxine for 3 days",
                "my dexcom keeps saying sensor error",
                "my omnipod failed twice this week",
                "i had a low of 48 at night and had to eat glucose tabs",
                "my a1c was 9.1 and i dont understand why",
            ],
        }[dom]
        if family:
            pro, pos = ("she", "her") if pt.female else ("he", "his")
            fb = {
                "onc": [
                    "since the last chemo {s} has had diarrhea like 5 times a day",
                    "{p} hands are peeling from the capecitabine",
                    "the zofran 8mg isnt helping {p} nausea",
                    "{p} port site looks red",
                    "{s} had a fever of 100.8 last night",
                    "{s} is more confused since the new pain med",
                    "{s} is barely eating, maybe 2 ensures a day",
                ],
                "card": [
                    "{p} ankles are swollen again and {s} gained 4 lbs in 2 days",
                    "{s} gets dizzy when {s} stands up since the entresto went up",
                    "{p} heart rate was 130 on the watch",
                    "the eliquis copay is $140 a month now",
                    "{s} fell in the bathroom, no injury",
                ],
                "endo": [
                    "{p} sugars have been 250-300 in the mornings",
                    "{s} keeps forgetting the lantus at night",
                    "the dexcom keeps saying sensor error",
                    "{s} had a low of 48 overnight and we gave juice",
                    "{p} a1c was 9.1 and we dont understand why",
                    "{s} is not eating much so should we cut the glipizide",
                ],
            }[dom]
            b1, b2 = self.r.sample(fb, 2)
            d(b1.format(s=pro, p=pos), ". ", b2.format(s=pro, p=pos), ". ")
        else:
            b1, b2 = self.r.sample(body, 2)
            d(b1, ". ", b2, ". ")
        kk = self.ch([0, 1, 1, 2, 3, 4, 5, 6, 7])
        if kk == 0:
            d(
                "it started ",
                (
                    self.fdate(
                        self.rdate(2024, 2026), self.ch(["nomonth", "short", "spoken", "wk"])
                    ).lower()
                    if cas("A") == "a"
                    else self.fdate(self.rdate(2024, 2026), self.ch(["nomonth", "short", "wk"])),
                    "DATE",
                ),
                ". ",
            )
        elif kk == 1:
            op = self.ch(
                ["i attached a picture (", "pic attached: ", "photo is in the attachments - "]
            )
            d(op, (self.photo(), "PHOTO"), ")" if op.endswith("(") else "", ". ")
        elif kk == 2:
            d(
                "my appt isnt until ",
                (
                    self.fdate(
                        self.rdate(2024, 2026), self.ch(["short", "wk", "nomonth", "spoken"])
                    ),
                    "DATE",
                ),
                ", can i come in sooner? ",
            )
        elif kk == 3:
            d(
                "the serial on the ",
                self.ch(["pump", "receiver", "transmitter", "monitor"]),
                " is ",
                (self.serial("cgm"), "DEVICE"),
                " if you need it for the warranty. ",
            )
        elif kk == 4:
            d(
                "we moved to ",
                (self.city(), "GEO"),
                ", ",
                self.ch([s[0] for s in STATES]),
                " so pls send the rx to the ",
                self.ch(RETAIL_PHARM),
                " on ",
                (self.us.street_name(), "ADDRESS"),
                ". ",
            )
        elif kk == 5:
            d("i have an appt at ", self.time_(), " tomorrow, should i still come. ")
        elif kk == 7:
            d(
                "also need the handicap placard form signed. ",
                self.ch(["drivers license # is ", "my DL number is ", "license "]),
                (self.dl(), "LICENSE"),
            )
            op = self.ch([" and the plate is ", ", car plate ", ", vin "])
            d(op, (self.vin() if op == ", vin " else self.plate(), "VEHICLE"), ". ")
        d("what should i do?" if self.pr(0.5) else "thanks", "\n")
        if self.pr(0.5):
            d(self.ch(["call me ", "my number is ", "cell "]), (self.phone(), "PHONE"), "\n")
        d.casual = None
        sn = self.nm(writer, self.ch(["first", "first", "flast"]))
        d(
            self.ch(["- ", "", "thank you,\n", "thx "]),
            (sn.lower() if self.pr(0.4) else sn, "NAME"),
            "\n",
        )
        if self.pr(0.15):
            d("\n[Sent from mobile app; client IP ", (self.ip(), "IP"), "]\n")
        return d, dom

    # ---------------------------------------------------------------- pharmacy
    def s_refill_fax(self):
        r = self.r
        d = _Doc()
        pt, presc, rph = self.person(), self.person(), self.person()
        drug = self.ch(PHARM_DRUGS)
        store = self.ch(RETAIL_PHARM)
        d(
            self.ch(
                [
                    "REFILL AUTHORIZATION REQUEST",
                    "Prescription Renewal Request - FAX",
                    "Rx Refill Request",
                    "ePrescribing renewal (SureScripts)",
                ]
            ),
            "\n",
        )
        d(
            "To: ",
            self.title(presc, True),
            (self.nm(presc, self.ch(["full", "mid", "caps"])), "NAME"),
            self.ch(["   Fax: ", "\nFax: ", " @ fax "]),
            (self.phone(), "FAX"),
            "\n",
        )
        d(
            "From: ",
            store,
            self.ch([" #%05d" % r.randint(1, 19999), " Store %d" % r.randint(100, 9999), ""]),
            ", ",
            (self.street(), "ADDRESS"),
            ", ",
            (self.city(), "GEO"),
            "\n",
        )
        d(
            "Ph: ",
            (self.phone(), "PHONE"),
            self.ch(["   Fax: ", "  F: "]),
            (self.phone(), "FAX"),
            "\n\n",
        )
        d(self.pt_line(pt, self.dob(self.age_val(), 2025), mrn=False), "\n")
        if self.pr(0.4):
            d(self.ch(["Pt phone: ", "Patient tel: "]), (self.phone(), "PHONE"), "\n")
        d(
            "Rx #: ",
            (self.other_id("rx"), "OTHER_ID"),
            self.ch(["   Last fill: ", "\nLast filled: "]),
            self.ds(self.ch(["num", "num", "iso"]), 2024, 2026),
            "\n",
        )
        d("Drug: ", drug[0], "\nSig: ", drug[1], "\nQty: %d   Refills remaining: 0\n" % drug[2])
        d("Prescriber NPI: ", (self.npi(), "LICENSE"))
        if self.pr(0.5):
            d("   DEA: ", (self.dea(presc), "LICENSE"))
        d("\n")
        if self.pr(0.5):
            d(self.pharm_sent([1, 3, 4, 6]), "\n")
        d("\n[ ] Approved, refills: ____   [ ] Denied   [ ] Needs appointment\n")
        d(
            "Pharmacist: ",
            (self.nm(rph, self.ch(["full", "init"])), "NAME"),
            ", PharmD",
            self.ch(["", "  Lic. "]),
        )
        if d.parts[-1] == "  Lic. ":
            d((self.prof_lic(), "LICENSE"))
        d("\n")
        return d, "pharm"

    def s_refill_portal(self):
        r = self.r
        d = _Doc()
        pt = self.person()
        cas = self.casual_fn(0.05, lower=self.pr(0.6))
        drugs = r.sample(PHARM_DRUGS, r.randint(1, 3))
        d(
            self.ch(
                [
                    "Medication Renewal Request",
                    "Refill request (MyChart)",
                    "Portal refill request",
                    "RX REQUEST",
                ]
            ),
            "\n",
        )
        d(
            self.ch(["Requested by: ", "Patient: ", "From: "]),
            (self.nm(pt, self.ch(["full", "lcf", "full"])), "NAME"),
        )
        if self.pr(0.5):
            d(self.ch(["   MRN ", " | MRN: "]), (self.mrn(), "MRN"))
        d("\n")
        for dr_ in drugs:
            d("- ", dr_[0], " (", dr_[1], ")\n")
        d(
            self.ch(["Pharmacy: ", "Preferred pharmacy: ", "Send to: "]),
            self.ch(RETAIL_PHARM),
            ", ",
            (self.street(), "ADDRESS"),
            ", ",
            (self.city(), "GEO"),
            ", ",
            self.state()[1],
            " ",
            (self.zipc(), "GEO"),
            "\n",
        )
        d("Comment: ")
        d.casual = cas
        d(
            self.ch(["I only have ", "down to ", "have "]),
            str(r.randint(1, 6)),
            self.ch([" pills left", " days left", " pens left"]),
            ". ",
        )
        d(
            self.ch(
                ["Going out of town on ", "Leaving for my daughter's on ", "Insurance changes on "]
            ),
            (
                self.fdate(self.rdate(2024, 2026), self.ch(["short", "nomonth", "long", "spoken"])),
                "DATE",
            ),
            ". ",
        )
        d(
            self.ch(
                [
                    "Please send a 90 day supply.",
                    "New insurance is ",
                    "My copay went up to $45, is there a generic?",
                ]
            )
        )
        if d.parts[-1].endswith("is "):
            d(self.ch(PAYERS), ", member ID ", (self.member(), "HEALTH_PLAN"), ".")
        d.casual = None
        d("\n")
        if self.pr(0.4):
            d(self.pharm_sent([0, 1, 2, 5]), "\n")
        d(
            self.ch(["Routed to: ", "Pool: "]),
            self.ch(["Endo RN pool", "Cardiology refill pool", "Onc pharmacy", "PCP triage"]),
            "\n",
        )
        return d, "pharm"

    def s_specialty_pharm(self):
        r = self.r
        d = _Doc()
        pt, rph = self.person(), self.person()
        drug = self.ch([x for x in PHARM_DRUGS if x[2] < 100])
        d(self.org("pharm"), self.ch([" - Intake Note", " | Dispensing note", "\nCall note"]), "\n")
        d(
            self.ch(["Date: ", "Call date: "]),
            self.ds(self.ch(["num", "abbr", "iso"]), 2023, 2026),
            " " + self.time_(),
            "\n",
        )
        d(
            self.ch(["Spoke with ", "Outbound call to ", "Inbound call from "]),
            self.ch(["patient ", "pt ", ""]),
            (self.nm(pt, self.ch(["full", "lcf", "mid"])), "NAME"),
        )
        d(
            self.ch([". Verified DOB ", ", identity verified with DOB "]),
            (self.fdate(self.dob(self.age_val(), 2025), self.ch(["num", "long"])), "DATE"),
            self.ch([" and address. ", ". "]),
        )
        d("Rx: ", drug[0], ", ", drug[1], ". ")
        k = r.randrange(5)
        if k == 0:
            d(
                "PA ",
                (self.other_id("pa"), "OTHER_ID"),
                " approved by ",
                self.ch(PAYERS),
                self.ch(["; copay $0 with foundation grant. ", "; copay card applied. "]),
            )
        elif k == 1:
            d(
                "Shipping via ",
                self.ch(["UPS", "FedEx", "USPS"]),
                " to ",
                (self.street(), "ADDRESS"),
                " for delivery ",
                self.ds(self.ch(["wk", "short"]), 2024, 2026),
                "; tracking ",
                (self.other_id("track"), "OTHER_ID"),
                ". ",
            )
        elif k == 2:
            d(
                "Controlled substance pickup: ID checked, driver's license ",
                (self.dl(), "LICENSE"),
                self.ch([", ", "; "]),
                self.ch(
                    [
                        "fingerprint verified (template ",
                        "biometric signature pad ID ",
                        "fingerprint scan ID ",
                    ]
                ),
                (self.biometric(), "BIOMETRIC"),
                ")" if self.pr(0.0) else "",
                ". ",
            )
        elif k == 3:
            d(
                "Insurance: ",
                self.ch(PAYERS),
                ", ID ",
                (self.member(), "HEALTH_PLAN"),
                ", BIN ",
                self.dg(6),
                ", PCN ",
                self.al(4),
                ". ",
            )
        else:
            rel, rp = self.relative(pt)
            d(
                rel.capitalize(),
                " ",
                (self.nm(rp, self.ch(["flast", "first"])), "NAME"),
                " will receive the package; alternate phone ",
                (self.phone(), "PHONE"),
                ". ",
            )
        d(self.sents("pharm", r.randint(1, 3)), "\n")
        d(
            self.ch(["Counseled on ", "Reviewed "]),
            self.ch(
                [
                    "hand-foot syndrome and diarrhea management",
                    "injection technique and sharps disposal",
                    "hypoglycemia symptoms",
                    "bleeding precautions",
                    "storage in the refrigerator at 36-46 F",
                ]
            ),
            ". ",
        )
        d(
            (self.nm(rph, self.ch(["full", "init"])), "NAME"),
            ", ",
            self.ch(["PharmD", "RPh", "CPhT"]),
            "\n",
        )
        return d, "pharm"

    # ---------------------------------------------------------------- no-PHI
    def s_nophi(self):
        r = self.r
        d = _Doc()
        k = r.randrange(6)
        dom = ["onc", "card", "endo", "bill", "pharm", "endo"][k]
        head = self.ch(CAPS_WORDS) + ":\n" if self.pr(0.4) else ""
        if k == 0:
            d(
                self.ch(
                    [
                        "Tumor board reference",
                        "Oncology pathway update",
                        "Chemotherapy education sheet",
                        "Treatment summary (template)",
                    ]
                ),
                "\n",
                head,
            )
            d(self.sents("onc", r.randint(4, 7)), "\n")
        elif k == 1:
            d(
                self.ch(
                    [
                        "Heart failure clinic protocol",
                        "Anticoagulation clinic guidance",
                        "Device clinic workflow",
                        "Cardiology consult template",
                    ]
                ),
                "\n",
                head,
            )
            for x in self.distinct(self.card_sent, None, r.randint(3, 6)):
                d(self.ch(["- ", "• ", ""]), x, "\n")
        elif k == 2:
            d(
                self.ch(
                    [
                        "Diabetes education handout",
                        "Insulin titration protocol",
                        "Thyroid follow-up checklist",
                        "CGM start instructions",
                    ]
                ),
                "\n",
                head,
            )
            d(self.sents("endo", r.randint(4, 6)), "\n")
        elif k == 3:
            d(
                self.ch(
                    [
                        "Billing policy update",
                        "Payer rules summary",
                        "Denial management tip sheet",
                        "Coding reminder",
                    ]
                ),
                "\n",
                head,
            )
            d(self.sents("bill", r.randint(4, 6)), "\n")
        elif k == 4:
            d(
                self.ch(["Clinic: ", "Auto: ", ""]),
                self.ch(
                    [
                        "Reminder: flu shots are available at all clinic locations this month. ",
                        "Our office will be closed for the holiday. ",
                        "New: you can now request refills in the portal. ",
                    ]
                ),
            )
            d(
                " ".join(r.sample(SMS_AUTOTEXT, 2)),
                "\n",
                self.ch(
                    ["Patient: ok thanks", "Reply: STOP", "Patient: what time do you open", ""]
                ),
                "\n",
            )
            d(self.sents("pharm", 2), "\n")
        else:
            cas = self.casual_fn(0.05)
            d.casual = cas
            d(
                "Subject: ",
                self.ch(["quick question", "side effects", "refill"]),
                "\n\n",
                "hi, ",
                self.ch(
                    [
                        "i am 67 and just started metformin 500mg twice a day and my stomach is upset. ",
                        "my a1c went from 8.4 to 7.1 since starting ozempic in 2023. ",
                        "i have been on eliquis 5mg for afib since 2019 and bruise easily. ",
                        "after the 3rd cycle of FOLFOX my fingers tingle in the cold. ",
                    ]
                ),
            )
            d(
                self.ch(
                    [
                        "should i take it with food? ",
                        "is that normal? ",
                        "do i need labs before my next visit? ",
                    ]
                ),
                "also my husband is 74 and wants to know if he needs a shingles shot. thanks\n",
            )
            d.casual = None
            d(self.sents(self.ch(["endo", "card", "pharm"]), r.randint(1, 3)), "\n")
        return d, dom


_STYLES = [
    ("s_onc", 11),
    ("s_tumor_board", 7),
    ("s_cardio_letter", 11),
    ("s_endo", 11),
    ("s_claim_form", 4),
    ("s_denial_letter", 4),
    ("s_eob", 3),
    ("s_bill_inquiry", 3),
    ("s_call_note", 3),
    ("s_care_email", 10),
    ("s_sms", 9),
    ("s_portal", 10),
    ("s_refill_fax", 4),
    ("s_refill_portal", 3),
    ("s_specialty_pharm", 3),
]
_STYLE_NAMES = [s for s, _ in _STYLES]
_STYLE_W = [w for _, w in _STYLES]


def _phi_words(text, spans):
    return sum(len(text[s:e].split()) for s, e, _ in spans)


def _one(g):
    r = g.r
    for attempt in range(8):
        if attempt < 6 and r.random() >= 0.1:
            style = r.choices(_STYLE_NAMES, _STYLE_W)[0]
        else:
            style = "s_nophi"
        d, dom = getattr(g, style)()
        target = r.randint(30, 60)
        guard = 0
        while guard < 12:
            t = d.text()
            nw = len(t.split())
            if nw >= target and _phi_words(t, d.spans) * 2 <= nw:
                break
            d(
                ("\n" if t.endswith("\n") or r.random() < 0.3 else " ")
                if not t.endswith((" ", "\n"))
                else "",
                g.filler(dom),
            )
            guard += 1
        t = d.text()
        nw = len(t.split())
        if 30 <= nw <= 220 and _phi_words(t, d.spans) * 2 <= nw:
            t2 = t.rstrip()
            spans = [{"start": s, "end": e, "label": l} for s, e, l in d.spans if e <= len(t2)]
            return {"text": t2, "spans": spans}
    raise RuntimeError("could not build a snippet")


def generate(seed: int, count: int) -> list:
    """Return `count` synthetic snippets with PHI character spans (deterministic for `seed`)."""
    g = _Gen(seed)
    return [_one(g) for _ in range(count)]


if __name__ == "__main__":
    data = generate(1, 3000)
    counts = {}
    words = 0
    for ex in data:
        t = ex["text"]
        words += len(t.split())
        prev = 0
        for sp in ex["spans"]:
            s, e, lab = sp["start"], sp["end"], sp["label"]
            assert 0 <= s < e <= len(t), (s, e)
            assert s >= prev, "overlap or unsorted"
            assert lab in LABELS, lab
            v = t[s:e]
            assert v and v == v.strip(), repr(v)
            prev = e
            counts[lab] = counts.get(lab, 0) + 1
    for lab in LABELS:
        print("%-12s %d" % (lab, counts.get(lab, 0)))
    print("total words", words)
