"""Synthetic PHI-span corpus, author D.

Seven styles, each with several templates:

1. secure-chat threads between staff (lower-case names, nicknames, rooms);
2. transcribed voicemails and phone calls, identifiers spelled or spoken
   (English and Spanish digits, NATO letters, dictated e-mail and URLs);
3. registration / social-history notes built around names of many cultures
   and relatives named by relation;
4. EMS run sheets (county agencies, cross streets, bystanders, GCS, vitals);
5. short codes that identify a person where they stand (lockers, beds,
   trial subjects, device serials, biometric references, photo files);
6. tables and genetic-counselling pedigrees;
7. dental / oral-surgery, obstetric / neonatal notes and prior-auth fax
   cover sheets.

Public API: ``generate(seed, count) -> list[dict]``; each item is
``{"text": str, "spans": [{"start", "end", "label"}]}`` with end-exclusive
character offsets.  The text is assembled from segments while offsets are
recorded; nothing is ever searched for.  Ages are labelled only from 90 up,
states are never labelled, and a good share of each note is clinical text
(drugs, doses, scores, codes, variants, eponyms) that stays unlabelled.
"""

from __future__ import annotations

import datetime as _dt
import random
import unicodedata

from faker import Faker

LABELS = tuple(
    "NAME|DATE|AGE|ADDRESS|GEO|PHONE|FAX|EMAIL|SSN|MRN|HEALTH_PLAN|ACCOUNT|LICENSE|VEHICLE|DEVICE|URL|IP|BIOMETRIC|PHOTO|OTHER_ID".split(
        "|"
    )
)
_LABELSET = frozenset(LABELS)

_WANTED_LOCALES = tuple(
    "en_US|es_MX|es_ES|vi_VN|zh_CN|en_IN|ga_IE|en_IE|pl_PL|yo_NG|ig_NG|fil_PH|pt_BR|fr_FR|de_DE|it_IT|tr_TR|ko_KR|en_GB|tw_GH|ha_NG|pa_IN".split(
        "|"
    )
)

# ==========================================================================
# number words (English and Spanish), spelled letters
# ==========================================================================
_ONES_EN = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS_EN = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORD_SMALL = {
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
_ES_SMALL = (
    "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce "
    "quince dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés "
    "veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve"
).split()
_ES_TENS = (
    "",
    "",
    "",
    "treinta",
    "cuarenta",
    "cincuenta",
    "sesenta",
    "setenta",
    "ochenta",
    "noventa",
)
_ES_DIGITS = "cero uno dos tres cuatro cinco seis siete ocho nueve".split()
_ES_MONTHS = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
).split()
_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_NATO = {
    "A": ("alpha", "apple", "Adam"),
    "B": ("bravo", "boy", "Bob"),
    "C": ("charlie", "cat", "Charles"),
    "D": ("delta", "dog", "David"),
    "E": ("echo", "Edward", "elephant"),
    "F": ("foxtrot", "Frank", "fox"),
    "G": ("golf", "George", "girl"),
    "H": ("hotel", "Henry", "house"),
    "I": ("india", "ice", "Ida"),
    "J": ("juliet", "John", "jack"),
    "K": ("kilo", "king", "Kevin"),
    "L": ("lima", "Larry", "lion"),
    "M": ("mike", "Mary", "mother"),
    "N": ("november", "Nancy", "nose"),
    "O": ("oscar", "ocean", "orange"),
    "P": ("papa", "Peter", "pie"),
    "Q": ("quebec", "queen", "quiet"),
    "R": ("romeo", "Robert", "red"),
    "S": ("sierra", "Sam", "sugar"),
    "T": ("tango", "Tom", "tree"),
    "U": ("uniform", "umbrella", "uncle"),
    "V": ("victor", "Victor", "violet"),
    "W": ("whiskey", "William", "water"),
    "X": ("x-ray", "xylophone", "x-ray"),
    "Y": ("yankee", "yellow", "yo-yo"),
    "Z": ("zulu", "zebra", "zero-z"),
}


def _num_en(n: int) -> str:
    if n < 20:
        return _ONES_EN[n]
    if n < 100:
        t, o = divmod(n, 10)
        return _TENS_EN[t] + ("-" + _ONES_EN[o] if o else "")
    h, rest = divmod(n, 100)
    return _ONES_EN[h] + " hundred" + (" " + _num_en(rest) if rest else "")


def _ord_en(n: int) -> str:
    if n in _ORD_SMALL:
        return _ORD_SMALL[n]
    t, o = divmod(n, 10)
    return _TENS_EN[t] + "-" + _ORD_SMALL[o]


def _ord_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _year_en(r: random.Random, y: int) -> str:
    hi, lo = divmod(y, 100)
    if y >= 2000 and (y < 2010 or r.random() < 0.4):
        return "two thousand" + (" " + _num_en(y - 2000) if y > 2000 else "")
    head = _num_en(hi)
    if lo == 0:
        return head + " hundred"
    if lo < 10:
        return head + " oh " + _ONES_EN[lo]
    return head + " " + _num_en(lo)


def _yy_en(n: int) -> str:
    return ("oh " + _ONES_EN[n]) if n < 10 else _num_en(n)


def _num_es(n: int) -> str:
    if n < 30:
        return _ES_SMALL[n]
    t, o = divmod(n, 10)
    return _ES_TENS[t] + (" y " + _ES_SMALL[o] if o else "")


def _digits_en(r: random.Random, digits: str, oh: float = 0.5) -> str:
    use_oh = r.random() < oh
    out = []
    for ch in digits:
        if ch == "0":
            out.append("oh" if use_oh else "zero")
        else:
            out.append(_ONES_EN[int(ch)])
    return " ".join(out)


def _digits_es(digits: str) -> str:
    return " ".join(_ES_DIGITS[int(c)] for c in digits)


def _spell_letters(r: random.Random, s: str) -> str:
    """Spell an identifier the way callers do: letters, NATO words, digits."""
    mode = r.choice(("plain", "plain", "nato", "dash", "nato_short"))
    out = []
    for ch in s:
        if ch.isalpha():
            up = ch.upper()
            if mode == "nato" and up in _NATO:
                out.append(f"{up} as in {r.choice(_NATO[up])}")
            elif mode == "nato_short" and up in _NATO:
                out.append(f"{up} {_NATO[up][0]}")
            elif mode == "dash":
                out.append(up)
            else:
                out.append(ch.lower() if r.random() < 0.6 else up)
        elif ch.isdigit():
            out.append(_ONES_EN[int(ch)] if r.random() < 0.5 else ch)
    sep = "-" if mode == "dash" else (", " if mode.startswith("nato") else " ")
    return sep.join(out)


# ==========================================================================
# name lists of many cultures (own lists where Faker has none or mixes)
# ==========================================================================
_VI_FAMILY = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Trương Đinh Lâm Mai"
).split()
_VI_MIDDLE = "Văn Thị Hữu Minh Ngọc Thanh Đức Quốc Xuân Kim Thu Bảo Gia".split()
_VI_GIVEN = (
    "Thảo Tuấn Hương Linh Dũng Phương Hải Trang Khoa Nhung Bảo Quyên Tâm Hiếu Vy Thủy "
    "Long Hạnh Phúc Tú Lan Hùng Nga Quang Tuyết Khánh An Trinh Sơn Yến Tuan Hoa"
).split()
_GA_GIVEN = (
    "Caoimhe Niamh Siobhán Aoife Saoirse Oisín Cian Pádraig Tadhg Eoghan Róisín Clodagh "
    "Séamus Ciarán Dearbhla Fionnuala Gráinne Darragh Bríd Máire Sorcha Diarmuid Ruairí "
    "Éabha Ailbhe Cathal Donncha Méabh"
).split()
_GA_FAMILY = tuple(
    "Ó Súilleabháin|Ní Bhriain|Mac Giolla Phádraig|Ó Conchúir|Ní Mhurchú|Ó Briain|O'Malley|McGrath|Ó Dónaill|Mac Cárthaigh|Ní Cheallaigh|Ó Néill|Breathnach|de Búrca|O'Sullivan|Ó hEadhra|Nic Amhlaoibh|Ó Ceallaigh|MacNamara|O'Donoghue".split(
        "|"
    )
)
_ES_GIVEN = tuple(
    "José María|María José|Juan Pablo|Ana Sofía|Jesús|Ramón|Inés|Begoña|Íñigo|Águeda|Concepción|María de los Ángeles|Nazaret|Joaquín|Germán|Yesenia|Maricruz|Efraín|Dolores|Ximena".split(
        "|"
    )
)
_ES_FAMILY = tuple(
    "Peña-Ibáñez|Núñez de Arce|Gutiérrez|Muñoz|Ordóñez|Castañeda|Báez|Hernández Ríos|Martínez-Alcántara|Zúñiga|Chávez Oyarzún|de la Peña|Sánchez-Villalobos|Echeverría|Cortés|Benítez".split(
        "|"
    )
)
_AR_GIVEN = (
    "Mohammed Fatima Abdulrahman Khadijah Yousef Nour Omar Layla Hamza Mariam Abdullah "
    "Rania Tariq Huda Zainab Bilal Samira Karim Amal Mustafa Aisha Ibrahim Yasmin Walid"
).split()
_AR_FAMILY = tuple(
    "Al-Hashimi|El-Sayed|Abu Bakr|Haddad|Al Mansouri|Al-Rashid|Khoury|Nasser|Abdel-Rahman|Al-Qahtani|El Amrani|Bou Saab|Darwish|Al-Farsi|Hamdan|Ben Youssef|Abu-Ghazaleh".split(
        "|"
    )
)
_YO_GIVEN = (
    "Adébáyọ̀ Olúwaseun Fúnmiláyọ̀ Títílọlá Adéwálé Bọ́lájí Yétúndé Olúmidé Kẹ́hìndé Táíwò "
    "Oládipúpọ̀ Abíọ́dún Adunni Ayọ̀dèjì"
).split()
_YO_FAMILY = "Oyèláràn Adébáyọ̀ Ọlálékan Àjàyí Ògúnlànà Adéyẹmí Ọ̀ṣìnubì Babátúndé Fáṣọlá".split()
_IG_GIVEN = (
    "Chukwuemeka Ngozi Obinna Adaeze Chiamaka Ifeanyi Nnamdi Uchenna Chinonso Amarachi Ebuka "
    "Ogechi Chidinma Kelechi Nkechi Onyekachi"
).split()
_IG_FAMILY = (
    "Okonkwo Nwachukwu Eze Okafor Obi Nwosu Okeke Uzoma Nnadi Chukwu Anyanwu Ibekwe".split()
)
_AKAN_KIDS = "Ama Kofi Kwame Akua Yaw Abena Kwabena Efua Kojo Adwoa Kwaku Esi Kwesi Afua".split()
_PA_GIVEN = (
    "Harpreet Gurpreet Manjit Jaswinder Navdeep Simranjit Amandeep Balwinder Kuldeep Paramjit "
    "Rajvir Harjot Sukhwinder Gurleen Jasleen Inderjit Mandeep Tejinder"
).split()
_PA_FAMILY = (
    "Singh Kaur Sandhu Dhillon Grewal Gill Sidhu Brar Randhawa Bains Cheema Virk Sekhon "
    "Dhaliwal Johal Aulakh"
).split()
_KO_FAMILY = (
    "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Shin Seo Kwon Hwang Ahn Song".split()
)
_KO_GIVEN = (
    "Min-jun Seo-yeon Ji-hoon Ha-eun Do-yun Ji-woo Seung-hyun Eun-ji Hyun-woo Soo-ah "
    "Jae-sung Yeon-woo Mi-kyung Dong-hyuk Hye-jin Sung-min Young-ho Ji-eun"
).split()
_ZH_PAIRS = (
    ("Zhang", "Wei"),
    ("Li", "Na"),
    ("Wang", "Fang"),
    ("Liu", "Yang"),
    ("Chen", "Jing"),
    ("Xu", "Zhiqiang"),
    ("Zhou", "Xiaoyan"),
    ("Ouyang", "Lin"),
    ("Huang", "Jianguo"),
    ("Zhao", "Meiling"),
    ("Sun", "Haoran"),
    ("Guo", "Shuang"),
    ("Situ", "Qiong"),
    ("Lu", "Yuxuan"),
)
_NA_GIVEN = (
    "Winona Dakota Cheyenne Marlon Shirley Leroy Tanya Vernon Autumn Raven Wilma Darrell "
    "Loretta Delbert Sage Tallulah Orlando Bernadine"
).split()
_NA_FAMILY = tuple(
    "Runs Through|Two Bulls|Little Thunder|Red Cloud|Yellow Horse|Kills Enemy|Spotted Eagle|Iron Shell|Brings Plenty|Standing Bear|Whirlwind Horse|Black Elk|Many Goats|Tsosie|Begay|Yazzie|Long Soldier|High Hawk|Afraid Of Bear|Good Voice Elk".split(
        "|"
    )
)
_FIL_GIVEN = (
    "Maricel Jericho Rowena Arnel Divina Jonel Lovely Princess Rodel Marites Junjun Analyn".split()
)
_FIL_FAMILY = tuple(
    "Dela Cruz|Bautista|Villanueva|Macaraeg|Pangilinan|Dimaculangan|Sta. Maria|Delos Santos|Manalo|Tolentino|Lacson".split(
        "|"
    )
)
_NICKS = {
    "Robert": "Bobby",
    "William": "Billy",
    "Margaret": "Peggy",
    "Elizabeth": "Betsy",
    "James": "Jimmy",
    "Richard": "Dick",
    "Katherine": "Kitty",
    "Patricia": "Trish",
    "Charles": "Chuck",
    "Edward": "Ted",
    "Dorothy": "Dot",
    "Theodore": "Teddy",
}
_NICK_OTHER = "Bubba Sunny Junior Peaches Tiny Lulu Mimi Coco Boo Red Skip Sissy Bud Dolly".split()

# relations used to introduce family members
_RELATIONS = tuple(
    "husband|wife|son|daughter|daughter-in-law|son-in-law|sister|brother|niece|nephew|granddaughter|grandson|partner|mother|father|aunt|cousin|stepdaughter|neighbour|friend".split(
        "|"
    )
)

# ==========================================================================
# places (GEO / ADDRESS) and states (never labelled)
# ==========================================================================
_TOWNS = tuple(
    "Millbrook|Cedar Falls|Bemidji|Gallup|Kayenta|Pine Ridge|Hialeah|Dearborn|Garden Grove|Westminster|Lawrenceburg|Chinle|Yakima|Lodi|Santa Ana|Brockton|Lowell|Gary|Kent|Holyoke|Muncie|Elkhart|Eagle Butte|Toppenish|Fond du Lac|Bay St. Louis|Port Arthur|Pharr|McAllen|Rosemead|Flushing|St. Cloud|Bowling Green|Hamtramck|Lake Charles|Ft. Wayne".split(
        "|"
    )
)
_NEIGHBOURHOODS = tuple(
    "Fishtown|Little Saigon|Pilsen|the Flats|Five Points|Brightmoor|Overtown|Bed-Stuy|Old North End|Frogtown|Logan Square|Chinatown|East Liberty|Riverside|Southie|Little Haiti|Germantown|the Bottoms|Mission Hill|Hazelwood|Near Eastside|Bronzeville|Irish Hill|Little Mogadishu".split(
        "|"
    )
)
_COUNTIES = tuple(
    "Marion|Lake|Cuyahoga|Allegheny|Hennepin|Ramsey|Pima|Harris|Wayne|Franklin|Summit|Polk|Erie|Jefferson|Shelby|McKinley|Navajo|Oglala Lakota|Hidalgo|Ziebach|St. Joseph|Delaware".split(
        "|"
    )
)
_STATES = (
    ("IN", "Indiana"),
    ("OH", "Ohio"),
    ("PA", "Pennsylvania"),
    ("MN", "Minnesota"),
    ("AZ", "Arizona"),
    ("TX", "Texas"),
    ("MI", "Michigan"),
    ("NM", "New Mexico"),
    ("SD", "South Dakota"),
    ("CA", "California"),
    ("MA", "Massachusetts"),
    ("WA", "Washington"),
    ("NY", "New York"),
    ("LA", "Louisiana"),
    ("KY", "Kentucky"),
)
_STREET_NAMES = tuple(
    "Ashland|Crestline|Maple|Old Mill|Kessler|Martin Luther King Jr|Division|Euclid|Halsted|Broad|Penn|Chandler|Tecumseh|Wabash|Bolivar|Cesar Chavez|Pulaski|Kedzie|Sycamore|County Road 12|Route 9|Baseline|Indian School|Navajo Route".split(
        "|"
    )
)
_STREET_TYPES = tuple("St|Ave|Rd|Blvd|Dr|Ln|Ct|Way|Street|Avenue|Road|Pkwy".split("|"))
_UNITS = ("Apt", "Apt.", "Unit", "#", "Lot", "Trlr", "Suite", "Bldg C Apt")
_EMAIL_DOMAINS = tuple(
    "gmail.com|yahoo.com|hotmail.com|outlook.com|icloud.com|aol.com|comcast.net|att.net|protonmail.com|live.com|sbcglobal.net".split(
        "|"
    )
)
_PORTALS = tuple(
    "mychart|followmyhealth|patientgateway|myhealth|healthelife|paymybill|careconnect".split("|")
)
_ORG_TLDS = ("org", "com", "net", "health", "us")

# ==========================================================================
# clinical text that must stay unlabelled (negatives)
# ==========================================================================
_DRUGS = tuple(
    "metoprolol tartrate 25 mg PO BID|heparin 5,000 units SC q8h|amoxicillin 500 mg TID x10d|ondansetron 4 mg IV q6h PRN|ceftriaxone 1 g IV daily|ibuprofen 600 mg q6h|furosemide 40 mg IV push|insulin glargine 22 units qHS|naloxone 0.4 mg IN|aspirin 324 mg chewed|nitroglycerin 0.4 mg SL x2|albuterol 2.5 mg neb|methylprednisolone 125 mg IV|dexamethasone 8 mg IV|apixaban 5 mg BID|hydromorphone 0.5 mg IV q3h PRN|vancomycin 1.25 g IV q12h (trough 14.2)|levetiracetam 1,000 mg IV load|D10 250 mL|acetaminophen 1 g PO q6h|enoxaparin 40 mg SC daily|lorazepam 1 mg IV|pantoprazole 40 mg daily|sertraline 50 mg daily|metformin 500 mg BID|KCl 20 mEq PO x1".split(
        "|"
    )
)
_LABS = tuple(
    "Na 134|K 5.8|Hgb 7.9|WBC 14.2|lactate 3.1|troponin 0.45|INR 2.6|glucose 48|BNP 1,240|Cr 1.9 (baseline 1.1)|pH 7.21 / pCO2 58|HbA1c 9.4%|TSH 0.02|plt 88K|Mg 1.4|lipase 612|procalcitonin 2.3|ferritin 9|CK 14,300|ammonia 88".split(
        "|"
    )
)
_SCORES = tuple(
    "NIHSS 14|GCS E3V4M6|GCS 13 (E3 V4 M6)|GCS 15|Braden 14|CHA2DS2-VASc 4|PHQ-9 of 17|Wells 4.5|Mallampati III|ASA 3|Morse fall 55|FLACC 4|CIWA 12|MELD 22|qSOFA 2|RASS -2|CAM-ICU positive|pain 7/10|mRS 1 at baseline".split(
        "|"
    )
)
_EPONYMS = tuple(
    "Ludwig's angina|Bell's palsy|Crohn's disease|Hashimoto's thyroiditis|Guillain-Barré|Parkinson's disease|Cushing's syndrome|Addison's disease|Sjögren's|Kawasaki disease|Hirschsprung disease|Down syndrome|tetralogy of Fallot|a positive Murphy's sign|tenderness at McBurney's point|Kernig's sign negative|Raynaud's|Wernicke's encephalopathy|Barrett's esophagus|Graves' disease|Paget's disease|a Colles fracture|a Jones fracture|s/p Whipple procedure|s/p Nissen fundoplication|Foley catheter in place|Takotsubo cardiomyopathy|Lynch syndrome|Li-Fraumeni syndrome|Meckel's diverticulum|Wolff-Parkinson-White|Alzheimer's dementia|Hodgkin lymphoma|Charcot foot".split(
        "|"
    )
)
_CONDITIONS = (
    "Crohn's ulcerative Hashimoto's Parkinson's Graves' Addison's Raynaud's Sjögren's sickle-cell "
    "Cushing's Kawasaki lupus COPD CHF gout"
).split()
_GENES = (
    "BRCA1 BRCA2 MLH1 MSH2 MSH6 PMS2 EPCAM TP53 PALB2 CHEK2 ATM APC CFTR SMN1 HBB FMR1 "
    "KRAS EGFR HFE LDLR MYH7 PTEN CDH1 RET VHL"
).split()
_AA3 = "Ala Arg Asn Asp Cys Gln Glu Gly His Ile Leu Lys Met Phe Pro Ser Thr Trp Tyr Val".split()
_ICD10 = tuple(
    "E11.65|I10|J18.9|O24.410|K35.80|S72.001A|Z3A.39|P07.32|I63.9|N18.4|F32.1|K04.7|M54.16|R56.9|K12.2|O14.13|Z15.01|C50.911|S06.0X1A|W19.XXXA".split(
        "|"
    )
)
_CDT = tuple("D7140|D7210|D7240|D0220|D0330|D2391|D7953|D9230|D4341|D1110|D7510|D9222".split("|"))
_HCPCS = tuple(
    "J1100|J0696|J2405|J3490|E0601|A4253|J1885|J7050|G0283|Q4186|E0781|K0001|J9035|J2790".split("|")
)
_CPT = ("59510", "99284", "47562", "64483", "97110", "59400", "41800", "99223", "62323")
_VERTEBRAL = ("L4-L5", "L5-S1", "C5-6", "C6-C7", "T12", "T8-T9", "C2", "L1", "S1")
_ROLES = tuple(
    "charge RN|hospitalist|resident|PGY-2|attending|RT|CNA|unit clerk|OR tech|MSW|PharmD|CRNA|L&D RN|NICU NP|paramedic|EMT-B|dispatcher|scribe|bed board|house sup|PCT|wound RN|intern|fellow".split(
        "|"
    )
)
_ROLE_TAGS = ("RN", "MD", "NP", "PA-C", "RT", "CNA", "PharmD", "MSW", "DO", "CRNA", "LPN", "charge")


def _time(r: random.Random, colon: float = 0.3) -> str:
    h, m = r.randrange(24), r.randrange(60)
    return f"{h:02d}:{m:02d}" if r.random() < colon else f"{h:02d}{m:02d}"


def _variant(r: random.Random) -> tuple[str, str]:
    """A gene symbol and an HGVS variant (both unlabelled)."""
    gene = r.choice(_GENES)
    n = r.randrange(40, 9000)
    base = "ACGT"
    kind = r.randrange(6)
    if kind == 0:
        c = f"c.{n}del{r.choice(base)}"
    elif kind == 1:
        a = r.choice(base)
        c = f"c.{n}{a}>{r.choice([b for b in base if b != a])}"
    elif kind == 2:
        c = f"c.{n}_{n + r.randrange(1, 5)}dup"
    elif kind == 3:
        c = f"c.{n}+{r.randrange(1, 6)}G>A"
    elif kind == 4:
        c = f"c.{n}_{n + 1}del{r.choice(base)}{r.choice(base)}"
    else:
        c = f"c.{n}-{r.randrange(1, 20)}T>C"
    p = f"p.{r.choice(_AA3)}{max(1, n // 3)}{r.choice(_AA3 + ['Ter', 'fs'])}"
    if r.random() < 0.4:
        return gene, f"{c} ({p})"
    return gene, c if r.random() < 0.6 else p


def _neg_vitals(r: random.Random) -> str:
    parts = [
        f"BP {r.randrange(70, 190)}/{r.randrange(40, 110)}",
        f"HR {r.randrange(48, 150)}",
        f"RR {r.randrange(10, 34)}",
        f"SpO2 {r.randrange(84, 100)}% {r.choice(['RA', 'on 2L NC', 'NRB 15 L', 'on CPAP'])}",
        f"T {r.randrange(355, 401) / 10:.1f}",
        f"BG {r.randrange(40, 420)}",
    ]
    r.shuffle(parts)
    return ", ".join(parts[: r.randrange(3, 7)])


def _neg_sentence(r: random.Random, k: int | None = None) -> str:
    """One sentence of unlabelled clinical content."""
    if k is None:
        k = r.randrange(12)
    if k == 0:
        return f"Started {r.choice(_DRUGS)}; {r.choice(_LABS)}, {r.choice(_LABS)}."
    if k == 1:
        return f"Hx of {r.choice(_EPONYMS)} ({r.choice(_ICD10)}), {r.choice(_SCORES)}."
    if k == 2:
        g, v = _variant(r)
        return f"Known {g} {v}, classified {r.choice(['pathogenic', 'likely pathogenic', 'VUS'])}."
    if k == 3:
        return f"Vitals {_neg_vitals(r)}."
    if k == 4:
        role = r.choice(_ROLES)
        return f"{role[0].upper()}{role[1:]} aware; LKW {_time(r, 0)}, {r.choice(_SCORES)}."
    if k == 5:
        return f"MRI shows disc protrusion at {r.choice(_VERTEBRAL)}; plan ESI ({r.choice(_CPT)})."
    if k == 6:
        return f"Given {r.choice(_DRUGS)} at {_time(r)} and {r.choice(_DRUGS)}."
    if k == 7:
        return f"Billing: {r.choice(_HCPCS)} x{r.randrange(1, 4)}, dx {r.choice(_ICD10)}."
    if k == 8:
        return ", ".join(r.sample(_LABS, 3)) + " on AM draw."
    if k == 9:
        a, b = r.sample(_EPONYMS, 2)
        return f"Differential includes {a} vs {b}."
    if k == 10:
        return f"Discussed with {r.choice(_ROLES)} and {r.choice(_ROLES)}; {r.choice(_SCORES)}."
    return f"Continue {r.choice(_DRUGS)}, recheck {r.choice(_LABS).split()[0]} in AM."


# ==========================================================================
# document builder: offsets recorded while concatenating
# ==========================================================================
class _Doc:
    __slots__ = ("parts", "pos", "spans")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[dict] = []
        self.pos = 0

    def t(self, s: str) -> None:
        if s:
            self.parts.append(s)
            self.pos += len(s)

    def e(self, value: str, label: str) -> None:
        assert label in _LABELSET, label
        core = value.strip()
        if not core:
            self.t(value)
            return
        lead = value[: len(value) - len(value.lstrip())]
        trail = value[len(value.rstrip()) :]
        self.t(lead)
        self.spans.append({"start": self.pos, "end": self.pos + len(core), "label": label})
        self.parts.append(core)
        self.pos += len(core)
        self.t(trail)

    def add(self, *items) -> None:
        """Strings are plain text, ``(value, label)`` pairs are entities, None is skipped."""
        for it in items:
            if it is None:
                continue
            if isinstance(it, tuple):
                self.e(it[0], it[1])
            else:
                self.t(it)

    def text(self) -> str:
        return "".join(self.parts)


# ==========================================================================
# people
# ==========================================================================
_CULTURES = (
    ("us", 26),
    ("es", 9),
    ("vi", 8),
    ("ga", 6),
    ("ar", 6),
    ("yo", 4),
    ("ig", 4),
    ("pa", 5),
    ("ko", 5),
    ("zh", 6),
    ("pl", 5),
    ("na", 4),
    ("in", 4),
    ("fil", 3),
    ("eu", 5),
)
_CULT_NAMES = tuple(c for c, _ in _CULTURES)
_CULT_W = tuple(w for _, w in _CULTURES)


class _Fakers:
    """One seeded Faker per available locale; a fallback for missing ones."""

    _cache: dict[str, Faker | None] = {}

    def __init__(self, r: random.Random) -> None:
        self.f: dict[str, Faker] = {}
        for loc in _WANTED_LOCALES:
            if loc not in _Fakers._cache:
                try:
                    fk = Faker(loc)
                    fk.first_name()
                    _Fakers._cache[loc] = fk
                except Exception:
                    _Fakers._cache[loc] = None
            fk = _Fakers._cache[loc]
            seed = r.randrange(2**31)
            if fk is not None:
                fk.seed_instance(seed)
                self.f[loc] = fk

    def __getitem__(self, loc: str) -> Faker:
        return self.f.get(loc) or self.f["en_US"]


class _Person:
    __slots__ = ("culture", "family", "family_first", "given", "male", "middle", "nick")

    def __init__(self, given, family, culture, male, middle="", family_first=False, nick=""):
        self.given = given
        self.family = family
        self.culture = culture
        self.male = male
        self.middle = middle
        self.family_first = family_first
        self.nick = nick


def _given_for(r: random.Random, fk: _Fakers, culture: str, male: bool) -> str:
    """A given name only (used for relatives named by relation)."""
    return _person(r, fk, culture, male).given


def _person(
    r: random.Random, fk: _Fakers, culture: str | None = None, male: bool | None = None
) -> _Person:
    if culture is None:
        culture = r.choices(_CULT_NAMES, _CULT_W)[0]
    if male is None:
        male = r.random() < 0.5
    mid = ""
    ff = False
    if culture == "us":
        f = fk["en_US"]
        given = f.first_name_male() if male else f.first_name_female()
        family = f.last_name()
        if r.random() < 0.12:
            family = f"{family}-{f.last_name()}"
        if r.random() < 0.2:
            mid = f.first_name()[0] + "."
    elif culture == "es":
        f = fk[r.choice(("es_MX", "es_ES"))]
        given = (
            r.choice(_ES_GIVEN)
            if r.random() < 0.45
            else (f.first_name_male() if male else f.first_name_female())
        )
        family = r.choice(_ES_FAMILY) if r.random() < 0.45 else f"{f.last_name()} {f.last_name()}"
    elif culture == "vi":
        family, given = r.choice(_VI_FAMILY), r.choice(_VI_GIVEN)
        mid = r.choice(_VI_MIDDLE) if r.random() < 0.8 else ""
        if mid in ("Văn", "Thị"):
            mid = "Văn" if male else "Thị"
        ff = r.random() < 0.6
    elif culture == "ga":
        given = r.choice(_GA_GIVEN)
        family = r.choice(_GA_FAMILY) if r.random() < 0.6 else fk["ga_IE"].last_name()
    elif culture == "ar":
        given, family = r.choice(_AR_GIVEN), r.choice(_AR_FAMILY)
        if r.random() < 0.25:
            mid = r.choice(_AR_GIVEN)
    elif culture == "yo":
        f = fk["yo_NG"]
        given = r.choice(_YO_GIVEN) if r.random() < 0.5 else f.first_name()
        family = r.choice(_YO_FAMILY) if r.random() < 0.4 else f.last_name()
    elif culture == "ig":
        f = fk["ig_NG"]
        given = r.choice(_IG_GIVEN) if r.random() < 0.5 else f.first_name()
        family = r.choice(_IG_FAMILY) if r.random() < 0.5 else f.last_name()
    elif culture == "pa":
        given = r.choice(_PA_GIVEN)
        family = r.choice(_PA_FAMILY)
        if family in ("Singh", "Kaur") and r.random() < 0.5:
            mid = "Singh" if male else "Kaur"
            family = r.choice(_PA_FAMILY[2:])
    elif culture == "ko":
        family, given = r.choice(_KO_FAMILY), r.choice(_KO_GIVEN)
        ff = r.random() < 0.4
    elif culture == "zh":
        if r.random() < 0.5:
            family, given = r.choice(_ZH_PAIRS)
        else:
            f = fk["zh_CN"]
            family, given = f.last_romanized_name(), f.first_romanized_name()
        ff = r.random() < 0.45
    elif culture == "pl":
        f = fk["pl_PL"]
        given = f.first_name_male() if male else f.first_name_female()
        family = f.last_name_male() if male and hasattr(f, "last_name_male") else f.last_name()
    elif culture == "na":
        given, family = r.choice(_NA_GIVEN), r.choice(_NA_FAMILY)
    elif culture == "in":
        f = fk["en_IN"]
        given, family = f.first_name(), f.last_name()
    elif culture == "fil":
        given, family = r.choice(_FIL_GIVEN), r.choice(_FIL_FAMILY)
    else:
        f = fk[r.choice(("fr_FR", "de_DE", "pt_BR", "it_IT", "tr_TR", "en_GB"))]
        given = f.first_name_male() if male else f.first_name_female()
        family = f.last_name()
    nick = ""
    if given in _NICKS:
        nick = _NICKS[given]
    elif r.random() < 0.2:
        nick = r.choice(_NICK_OTHER)
    return _Person(given, family, culture, male, mid, ff, nick)


_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "ı": "i", "ß": "ss"})


def _fold(s: str) -> str:
    s = s.translate(_FOLD_EXTRA)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _full(p: _Person, middle: bool = True) -> str:
    mid = f" {p.middle}" if (middle and p.middle) else ""
    if p.family_first:
        return f"{p.family}{mid} {p.given}"
    return f"{p.given}{mid} {p.family}"


def _name(r: random.Random, p: _Person, mode: str | None = None) -> str:
    """A written form of a person's name; the whole result is one NAME span."""
    if mode is None:
        mode = r.choice(
            "full|full|full|last_first_caps|last_first|caps_surname_first|initial|caps_full|nick|fold_full".split(
                "|"
            )
        )
    if mode == "full":
        return _full(p, r.random() < 0.5)
    if mode == "last_first_caps":
        return f"{p.family.upper()}, {p.given.upper()}" + (
            f" {p.middle.upper()}" if p.middle and r.random() < 0.5 else ""
        )
    if mode == "last_first":
        return f"{p.family}, {p.given}" + (f" {p.middle}" if p.middle and r.random() < 0.4 else "")
    if mode == "caps_surname_first":
        return f"{p.family.upper()} {p.given}" + (
            f" {p.middle}" if p.middle and r.random() < 0.3 else ""
        )
    if mode == "initial":
        return f"{p.given[0]}. {p.family}" if r.random() < 0.7 else f"{p.given} {p.family[0]}."
    if mode == "caps_full":
        return _full(p).upper()
    if mode == "nick" and p.nick and not p.family_first:
        return (
            f'{p.given} "{p.nick}" {p.family}'
            if r.random() < 0.7
            else f"{p.given} ({p.nick}) {p.family}"
        )
    if mode == "fold_full":
        return _fold(_full(p))
    if mode == "given":
        return p.given
    if mode == "family":
        return p.family
    if mode == "lower_given":
        g = p.given.lower()
        return _fold(g) if r.random() < 0.4 else g
    if mode == "lower_family":
        f = p.family.lower()
        if r.random() < 0.5:
            f = _fold(f).replace("'", "").replace(" ", "" if r.random() < 0.5 else " ")
        return f
    return _full(p, False)


def _title(r: random.Random, p: _Person, lower: bool = False) -> str:
    t = (
        r.choice(("Mr.", "Mr", "Mister"))
        if p.male
        else r.choice(("Mrs.", "Ms.", "Mrs", "Ms", "Miss"))
    )
    return t.lower() if lower else t


def _ref(r: random.Random, p: _Person, lower: bool = False) -> list:
    """Title + surname (title unlabelled) as add() items."""
    if lower:
        return [_title(r, p, True) + " ", (_name(r, p, "lower_family"), "NAME")]
    return [_title(r, p) + " ", (p.family, "NAME")]


def _dr(r: random.Random, p: _Person) -> list:
    style = r.randrange(4)
    if style == 0:
        return [r.choice(("Dr ", "Dr. ", "dr ")), (p.family, "NAME")]
    if style == 1:
        return [
            (_full(p, False), "NAME"),
            r.choice((", MD", " MD", ", DO", " (attending)", ", DDS", ", CNM")),
        ]
    if style == 2:
        return ["Dr. ", (f"{p.given[0]}. {p.family}", "NAME")]
    return [(f"{p.family.upper()}, {p.given}", "NAME"), r.choice((" MD", ", NP", ", PA-C"))]


# ==========================================================================
# values: dates, ages, places, numbers and identifiers
# ==========================================================================
_D0 = _dt.date(1920, 1, 1).toordinal()


def _date(r: random.Random, y0: int = 1925, y1: int = 2025) -> _dt.date:
    a = _dt.date(y0, 1, 1).toordinal()
    b = _dt.date(y1, 12, 31).toordinal()
    return _dt.date.fromordinal(r.randrange(a, b + 1))


def _fmt_date(r: random.Random, d: _dt.date, mode: int | None = None) -> str:
    if mode is None:
        mode = r.randrange(16)
    m, dd, y = d.month, d.day, d.year
    mon = _MONTHS[m - 1]
    if mode == 0:
        return f"{m:02d}/{dd:02d}/{y}"
    if mode == 1:
        return f"{m}/{dd}/{y % 100:02d}"
    if mode == 2:
        return d.isoformat()
    if mode == 3:
        return f"{dd:02d} {mon[:3].upper()} {y % 100:02d}"
    if mode == 4:
        return f"{dd:02d}-{mon[:3]}-{y}"
    if mode == 5:
        return f"{mon} {_ord_suffix(dd)}"
    if mode == 6:
        return f"{mon} {dd}, {y}"
    if mode == 7:
        return f"{dd} {mon} {y}"
    if mode == 8:
        return f"{mon[:3]} {dd}"
    if mode == 9:
        return f"{dd:02d}.{m:02d}.{y}"
    if mode == 10:
        return f"{m}/{dd}"
    if mode == 11:
        return f"{y}{m:02d}{dd:02d}"
    if mode == 12:
        return f"{m}-{dd}-{y}"
    if mode == 13:
        return f"{mon[:3]}. {dd}, {y}" if mon != "May" else f"May {dd}, {y}"
    if mode == 14:
        return f"{dd}{mon[:3].upper()}{y}"
    return f"{m}/{dd}/{y}"


def _full_date(r: random.Random, d: _dt.date) -> str:
    """A date format that keeps the year (for DOBs)."""
    return _fmt_date(r, d, r.choice((0, 1, 2, 3, 4, 6, 7, 9, 12, 13, 14, 15)))


def _spoken_date(r: random.Random, d: _dt.date, year: bool = True) -> str:
    m, dd, y = d.month, d.day, d.year
    k = r.randrange(5)
    if k == 0:
        s = f"{_num_en(m)}, {_num_en(dd)}"
        return s + (f", {_yy_en(y % 100)}" if year else "")
    if k == 1:
        s = f"{_MONTHS[m - 1]} {_ord_en(dd)}"
        return s + (f", {_year_en(r, y)}" if year else "")
    if k == 2:
        s = f"the {_ord_en(dd)} of {_MONTHS[m - 1]}"
        return s + (f" {_year_en(r, y)}" if year else "")
    if k == 3:
        s = f"{_num_en(m)} {_num_en(dd)}"
        return s + (f" {_year_en(r, y)}" if year else "")
    s = f"{_MONTHS[m - 1]} {_num_en(dd)}"
    return s + (f" {_yy_en(y % 100)}" if year else "")


def _spoken_date_es(r: random.Random, d: _dt.date, year: bool = True) -> str:
    day = "primero" if d.day == 1 and r.random() < 0.5 else _num_es(d.day)
    s = f"{day} de {_ES_MONTHS[d.month - 1]}"
    if not year:
        return s
    if r.random() < 0.5:
        return s + f" del {_num_es(d.year % 100)}"
    if d.year >= 2000:
        return s + f" de dos mil {_num_es(d.year - 2000)}" if d.year > 2000 else s + " de dos mil"
    return s + f" de mil novecientos {_num_es(d.year % 100)}"


def _old_age(r: random.Random) -> int:
    return r.choice((90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 104, 106))


def _young_age(r: random.Random) -> int:
    return r.randrange(1, 89)


def _age_items(r: random.Random, age: int, attrib: bool = False) -> list:
    """Age phrase; only 90+ is labelled, younger ages are plain text.

    ``attrib`` restricts to forms that read after an article ("a 93-year-old").
    """
    num = str(age)
    if r.random() < 0.12:
        num = _num_en(age)
    form = r.randrange(3) if attrib else r.randrange(6)
    pre, post = {
        0: ("", " y/o"),
        1: ("", "yo"),
        2: ("", "-year-old"),
        3: ("aged ", ""),
        4: ("", " years old"),
        5: ("age ", ""),
    }[form]
    if age >= 90:
        return [pre, (num, "AGE"), post]
    return [pre + num + post]


def _state(r: random.Random) -> str:
    ab, full = r.choice(_STATES)
    return ab if r.random() < 0.7 else full


def _town(r: random.Random, fk: _Fakers) -> str:
    return r.choice(_TOWNS) if r.random() < 0.6 else fk["en_US"].city()


def _zip(r: random.Random) -> str:
    z = f"{r.randrange(1001, 99950):05d}"
    return z + f"-{r.randrange(10000):04d}" if r.random() < 0.15 else z


def _street(r: random.Random, fk: _Fakers, unit: float = 0.3) -> str:
    if r.random() < 0.4:
        s = fk["en_US"].street_address()
        return s if r.random() < 0.7 else s.split(" Apt")[0].split(" Suite")[0]
    num = r.randrange(1, 19999)
    pre = r.choice(("", "", "N ", "S ", "E ", "W ", "NE ", "SW "))
    name = r.choice(_STREET_NAMES)
    typ = (
        "" if name.startswith(("County Road", "Route", "Navajo")) else " " + r.choice(_STREET_TYPES)
    )
    if name == "Navajo Route":
        name = f"Navajo Route {r.randrange(1, 99)}"
    s = f"{num} {pre}{name}{typ}"
    if r.random() < unit:
        s += f" {r.choice(_UNITS)} {r.randrange(1, 40)}{r.choice(('', '', 'B', 'C'))}"
    return s


def _cross(r: random.Random, fk: _Fakers) -> str:
    a = f"{r.choice(_STREET_NAMES[:17])} {r.choice(_STREET_TYPES[:6])}"
    b = (
        fk["en_US"].street_name()
        if r.random() < 0.5
        else f"{_ord_suffix(r.randrange(1, 90))} {r.choice(('St', 'Ave'))}"
    )
    return f"{a} {r.choice(('&', '/', 'and', 'at', 'x'))} {b}"


def _county(r: random.Random, caps: bool = False) -> str:
    c = r.choice(_COUNTIES)
    if caps:
        return f"{c.upper()} {r.choice(('CO', 'CO.', 'COUNTY'))}"
    return f"{c} {r.choice(('County', 'Co.', 'Co'))}"


def _phone_digits(r: random.Random) -> str:
    area = r.randrange(201, 990)
    while area % 100 == 11:
        area += 1
    ex = r.randrange(201, 999)
    return f"{area}{ex}{r.randrange(10000):04d}"


def _fmt_phone(r: random.Random, d: str) -> str:
    k = r.randrange(7)
    a, b, c = d[:3], d[3:6], d[6:]
    out = (
        f"({a}) {b}-{c}",
        f"{a}-{b}-{c}",
        f"{a}.{b}.{c}",
        f"+1 {a} {b} {c}",
        f"{a}{b}{c}",
        f"1-{a}-{b}-{c}",
        f"({a}){b}-{c}",
    )[k]
    if r.random() < 0.08:
        out += f" x{r.randrange(100, 9999)}"
    return out


def _phone(r: random.Random) -> str:
    return _fmt_phone(r, _phone_digits(r))


def _spoken_phone(r: random.Random, d: str | None = None, lang: str = "en") -> str:
    d = d or _phone_digits(r)
    groups = [d[:3], d[3:6], d[6:]]
    if lang == "es":
        return ", ".join(_digits_es(g) for g in groups)
    if r.random() < 0.25:
        last = d[6:]
        tail = (
            f"{_num_en(int(last[:2]))} {_num_en(int(last[2:]))}"
            if last[0] != "0" and last[2] != "0"
            else _digits_en(r, last)
        )
        return f"{_digits_en(r, d[:3])}, {_digits_en(r, d[3:6])}, {tail}"
    return ", ".join(_digits_en(r, g) for g in groups)


def _ssn_digits(r: random.Random) -> str:
    area = r.randrange(1, 900)
    while area == 666:
        area = r.randrange(1, 900)
    return f"{area:03d}{r.randrange(1, 100):02d}{r.randrange(1, 10000):04d}"


def _ssn(r: random.Random) -> str:
    d = _ssn_digits(r)
    k = r.randrange(5)
    if k == 0:
        return f"{d[:3]} {d[3:5]} {d[5:]}"
    if k == 1:
        return d
    return f"{d[:3]}-{d[3:5]}-{d[5:]}"


def _mrn(r: random.Random) -> str:
    k = r.randrange(7)
    if k == 0:
        return f"{r.randrange(10**7, 10**8)}"
    if k == 1:
        return f"E{r.randrange(10**6, 10**7)}"
    if k == 2:
        return f"{r.randrange(1000, 9999)}-{r.randrange(100, 999)}"
    if k == 3:
        return f"00{r.randrange(10**6, 10**7)}"
    if k == 4:
        return f"MR{r.randrange(10**5, 10**6)}"
    if k == 5:
        return f"{r.randrange(100, 999)}-{r.randrange(10, 99)}-{r.randrange(10, 99)}"
    return f"{r.randrange(10**8, 10**9)}"


def _letters(r: random.Random, n: int, pool: str = "ABCDEFGHJKLMNPRSTUVWXYZ") -> str:
    return "".join(r.choice(pool) for _ in range(n))


def _member_id(r: random.Random) -> str:
    k = r.randrange(6)
    if k == 0:
        return f"{_letters(r, 3)}{r.randrange(10**8, 10**9)}"
    if k == 1:
        return f"W{r.randrange(10**8, 10**9)}"
    if k == 2:
        return f"{r.randrange(1, 10)}{_letters(r, 2)}{r.randrange(10)}-{_letters(r, 1)}{r.randrange(10)}{_letters(r, 1)}-{_letters(r, 2)}{r.randrange(10, 100)}"
    if k == 3:
        return f"{_letters(r, 2)}{r.randrange(10**7, 10**8)}{_letters(r, 1)}"
    if k == 4:
        return f"{r.randrange(10**10, 10**11)}"
    return f"{_letters(r, 3)} {r.randrange(1000, 9999)} {r.randrange(1000, 9999)}"


def _account(r: random.Random) -> str:
    k = r.randrange(5)
    if k == 0:
        return f"{r.randrange(10**7, 10**9)}"
    if k == 1:
        return f"{r.randrange(2018, 2026)}{r.randrange(10**8, 10**9)}"
    if k == 2:
        return f"HAR{r.randrange(10**6, 10**8)}"
    if k == 3:
        return f"{r.randrange(100, 999)}-{r.randrange(100000, 999999)}-{r.randrange(10, 99)}"
    return f"CLM-{r.randrange(10**5, 10**7)}"


def _npi(r: random.Random) -> str:
    base = f"{r.choice('12')}{r.randrange(10**7, 10**8):08d}"
    digits = "80840" + base
    total = 0
    for i, ch in enumerate(reversed(digits)):
        v = int(ch)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return base + str((10 - total % 10) % 10)


def _dea(r: random.Random, family: str = "") -> str:
    first = r.choice("ABFGM")
    second = (
        _fold(family[:1]).upper()
        if family and family[0].isalpha()
        else r.choice("ABCDEFGHJKLMNPRSTW")
    )
    n = [r.randrange(10) for _ in range(6)]
    chk = (n[0] + n[2] + n[4] + 2 * (n[1] + n[3] + n[5])) % 10
    return first + second + "".join(map(str, n)) + str(chk)


def _state_license(r: random.Random) -> str:
    k = r.randrange(5)
    if k == 0:
        return f"{r.choice(('MD', 'DO', 'RN', 'DDS'))}-{r.randrange(10000, 999999)}"
    if k == 1:
        return f"{_letters(r, 1)}{r.randrange(10000, 99999)}"
    if k == 2:
        return f"{r.randrange(10**6, 10**7)}"
    if k == 3:
        return f"{r.randrange(10, 99)}.{r.randrange(10**5, 10**6)}"
    return f"{_letters(r, 2)}{r.randrange(100000, 999999)}"


def _driver_license(r: random.Random) -> str:
    k = r.randrange(4)
    if k == 0:
        return f"{_letters(r, 1)}{r.randrange(100, 999)}-{r.randrange(1000, 9999)}-{r.randrange(1000, 9999)}"
    if k == 1:
        return f"{r.randrange(1000, 9999)}-{r.randrange(10, 99)}-{r.randrange(1000, 9999)}"
    if k == 2:
        return f"{_letters(r, 1)}{r.randrange(10**7, 10**8)}"
    return f"{r.randrange(10**8, 10**9)}"


def _plate(r: random.Random) -> str:
    k = r.randrange(5)
    if k == 0:
        return f"{r.randrange(1, 10)}{_letters(r, 3)}{r.randrange(100, 1000)}"
    if k == 1:
        return f"{_letters(r, 3)}-{r.randrange(1000, 10000)}"
    if k == 2:
        return f"{_letters(r, 3)} {r.randrange(100, 1000)}"
    if k == 3:
        return f"{r.randrange(10, 100)}{_letters(r, 1)}{r.randrange(100, 1000)}"
    return f"{_letters(r, 2)}{r.randrange(10, 100)}{_letters(r, 2)}"


def _vin(r: random.Random) -> str:
    pool = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    return "".join(r.choice(pool) for _ in range(17))


def _serial(r: random.Random) -> str:
    k = r.randrange(6)
    if k == 0:
        return f"{_letters(r, 2)}-{r.randrange(1000, 9999)}-{_letters(r, 1)}"
    if k == 1:
        return f"{r.randrange(1, 9)}{_letters(r, 1)}{r.randrange(10, 99)}{_letters(r, 1)}{r.randrange(100, 999)}"
    if k == 2:
        return f"{_letters(r, 3)}{r.randrange(100000, 999999)}{_letters(r, 1)}"
    if k == 3:
        return f"{r.randrange(10**9, 10**10)}"
    if k == 4:
        return f"(01){r.randrange(10**13, 10**14)}(21){_letters(r, 1)}{r.randrange(10000, 99999)}"
    return f"{_letters(r, 1)}{r.randrange(100, 999)}{_letters(r, 2)}{r.randrange(10, 99)}"


def _ip(r: random.Random, fk: _Fakers) -> str:
    k = r.randrange(5)
    f = fk["en_US"]
    if k == 0:
        return f.ipv4_private()
    if k == 1:
        return f.ipv6()
    return f.ipv4_public()


def _email(r: random.Random, fk: _Fakers, p: _Person | None = None) -> str:
    dom = r.choice(_EMAIL_DOMAINS)
    if p is None or r.random() < 0.3:
        return f"{fk['en_US'].user_name()}@{dom}"
    g = _fold(p.given).lower().replace(" ", "").replace("'", "").replace("-", "")
    f = _fold(p.family).lower().replace(" ", "").replace("'", "").replace(".", "")
    k = r.randrange(5)
    user = (
        f"{g}.{f}",
        f"{g[0]}{f}{r.randrange(1, 99)}",
        f"{f}_{g}",
        f"{g}{r.randrange(1950, 2010)}",
        f"{g}.{f[0]}",
    )[k]
    return f"{user}@{dom}"


def _spoken_email(r: random.Random, fk: _Fakers, p: _Person | None = None) -> str:
    e = _email(r, fk, p)
    user, dom = e.split("@")
    dig = {c: _ONES_EN[int(c)] for c in "0123456789"}

    def say(s: str) -> str:
        out = s.replace(".", " dot ").replace("_", " underscore ").replace("-", " dash ")
        if r.random() < 0.5:
            out = "".join(" " + dig[c] + " " if c.isdigit() else c for c in out)
        return " ".join(out.split())

    return f"{say(user)} at {say(dom)}"


def _url(r: random.Random, fk: _Fakers, p: _Person | None = None) -> str:
    k = r.randrange(6)
    portal = r.choice(_PORTALS)
    tld = r.choice(_ORG_TLDS)
    if k == 0:
        return f"https://{portal}.{fk['en_US'].domain_word()}health.{tld}/pay?acct={r.randrange(10**6, 10**8)}"
    if k == 1 and p is not None:
        slug = _fold(f"{p.given}-{p.family}").lower().replace(" ", "-").replace("'", "")
        return f"https://www.gofundme.com/f/help-{slug}-{r.choice(('recover', 'get-home', 'with-bills', 'heal'))}"
    if k == 2:
        return f"www.{portal}.{tld}/{r.choice(('pay', 'login', 'records', 'msg'))}"
    if k == 3:
        return f"https://telehealth.{fk['en_US'].domain_name()}/join/{_letters(r, 3).lower()}-{r.randrange(1000, 9999)}"
    if k == 4 and p is not None:
        slug = _fold(p.given + p.family).lower().replace(" ", "").replace("'", "")
        return f"https://www.caringbridge.org/visit/{slug}"
    return fk["en_US"].url() + r.choice(("", "portal", "patients/" + str(r.randrange(1000, 99999))))


def _spoken_url(r: random.Random) -> str:
    portal = r.choice(_PORTALS)
    tld = r.choice(_ORG_TLDS)
    path = r.choice(("pay", "login", "records", "forms", "billing"))
    head = r.choice(("w w w dot ", "www dot ", "", "h t t p s colon slash slash "))
    return f"{head}{portal} dot {tld} slash {path}"


def _locker(r: random.Random) -> str:
    return (
        f"{r.randrange(1, 60)}{r.choice('ABCDEF')}"
        if r.random() < 0.7
        else f"L-{r.randrange(100, 999)}"
    )


def _bed(r: random.Random) -> str:
    k = r.randrange(5)
    if k == 0:
        return f"{r.randrange(1, 9)}-{r.choice('NSEW')}-{r.randrange(1, 40):02d}"
    if k == 1:
        return f"{r.randrange(1, 12)}{r.choice('abcd')}"
    if k == 2:
        return f"{r.randrange(200, 990)}{r.choice(('A', 'B', '-1', '-2', ''))}"
    if k == 3:
        return f"{r.choice(('ICU', 'PCU', 'ED', 'L&D', 'NICU'))}-{r.randrange(1, 40)}"
    return f"{r.randrange(3, 12)}{r.choice('NSEW')}{r.randrange(1, 40)}"


def _subject(r: random.Random) -> str:
    k = r.randrange(4)
    if k == 0:
        return f"{r.randrange(100, 999)}-{r.randrange(1, 9999):04d}"
    if k == 1:
        return f"SUBJ-{r.randrange(1000, 9999)}"
    if k == 2:
        return f"{_letters(r, 3)}-{r.randrange(1000, 9999)}-{r.randrange(1, 999):03d}"
    return f"S{r.randrange(10, 99)}-{r.randrange(100, 999)}"


def _biometric(r: random.Random) -> str:
    return f"{r.choice(('PV', 'FP', 'IR', 'VP', 'FR', 'BIO'))}-{r.randrange(10, 99999)}" + (
        f"-{r.choice('ABCDK')}" if r.random() < 0.3 else ""
    )


def _photo(r: random.Random) -> str:
    k = r.randrange(6)
    if k == 0:
        return f"IMG_{r.randrange(1000, 9999)}.{r.choice(('jpg', 'JPG', 'HEIC', 'png'))}"
    if k == 1:
        return f"DSC_{r.randrange(1000, 9999)}.JPG"
    if k == 2:
        return f"wound_{r.randrange(100, 1299):04d}_{r.choice('abc')}.png"
    if k == 3:
        return f"PXL_{r.randrange(2019, 2026)}{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}_{r.randrange(10**5, 10**6)}.jpg"
    if k == 4:
        return f"photo_{r.randrange(1, 400)}.jpeg"
    return f"IO_{r.randrange(1, 99):02d}.jpg"


def _run_no(r: random.Random) -> str:
    return (
        f"{r.randrange(18, 26)}-{r.randrange(1, 99999):05d}"
        if r.random() < 0.6
        else f"{r.randrange(10**7, 10**8)}"
    )


def _lower_items(items: list) -> list:
    out = []
    for it in items:
        if it is None:
            continue
        if isinstance(it, tuple):
            out.append((it[0].lower(), it[1]))
        else:
            out.append(it.lower())
    return out


def _pad(r: random.Random, d: _Doc, target: int, sep: str = " ") -> None:
    """Append unlabelled clinical sentences until the note reaches ``target`` characters."""
    kinds = r.sample(range(12), 6)
    target += r.randrange(0, 260)
    for k in kinds:
        if d.pos >= target:
            break
        lead = "" if d.parts and d.parts[-1].endswith((" ", "\n")) else sep
        d.t(lead + _neg_sentence(r, k))


# ==========================================================================
# style 1: secure-chat threads
# ==========================================================================
def _speaker(r: random.Random, s: _Person) -> list:
    k = r.randrange(9)
    tag = r.choice(_ROLE_TAGS)
    if k >= 7:
        return [f"{r.choice(_ROLES)}: " if k == 7 else f"[{_time(r, 1)}] {tag}: "]
    if k == 0:
        return [(_full(s, False), "NAME"), f" ({tag}): "]
    if k == 1:
        return [r.choice(("Dr ", "Dr. ")), (s.family, "NAME"), ": "]
    if k == 2:
        return [(s.given.lower() if r.random() < 0.5 else s.given, "NAME"), ": "]
    if k == 3:
        return [(f"{s.family.upper()}, {s.given}", "NAME"), f" [{tag}]: "]
    if k == 4:
        return [f"[{_time(r, 1)}] ", (_full(s, False), "NAME"), ": "]
    if k == 5:
        return [f"{_time(r, 1)} ", (f"{s.given} {s.family[0]}.", "NAME"), f" {tag}: "]
    return [(s.given, "NAME"), f" - {r.choice(_ROLES)}: "]


def _chat_messages(r: random.Random, fk: _Fakers, P: _Person, room: str) -> list:
    """Candidate chat messages (lists of add() items) about patient P."""
    rel = _person(r, fk, P.culture if r.random() < 0.8 else None)
    relname = r.choice(_RELATIONS[:14])
    car = r.choice(
        "silver camry|red F-150|black civic|white minivan|blue corolla|grey silverado".split("|")
    )
    dev = r.choice(
        "CPAP|insulin pump|LVAD controller|hearing aids|wheelchair|glucose meter|BiPAP".split("|")
    )
    lg, lf = _name(r, P, "lower_given"), _name(r, P, "lower_family")
    msgs = [
        [
            "pt ",
            (lg, "NAME"),
            " in ",
            (room, "OTHER_ID"),
            " asking for pain meds again, last ",
            r.choice(_DRUGS),
        ],
        [
            _title(r, P, True) + " ",
            (lf, "NAME"),
            r.choice((" called", "'s family called", " husband called")),
            ", wants update. cb ",
            (_phone(r), "PHONE"),
        ],
        [
            "can u see ",
            (lf, "NAME"),
            " in ",
            (room, "OTHER_ID"),
            "? ",
            r.choice(_LABS),
            " on AM labs",
        ],
        [
            f"{relname} ",
            (rel.given, "NAME"),
            " at bedside, says they live in ",
            (r.choice(_NEIGHBOURHOODS).lower(), "GEO"),
            " off ",
            (_street(r, fk, 0), "ADDRESS"),
        ],
        [
            (_name(r, P, "nick"), "NAME"),
            " in bed ",
            (_bed(r), "OTHER_ID"),
            " refusing the foley again",
        ],
        [
            "pharmacy needs a new order for ",
            r.choice(_DRUGS),
            " for ",
            (_name(r, P, "initial"), "NAME"),
        ],
        [f"family bringing his {dev} from home, SN ", (_serial(r), "DEVICE")],
        [
            "DOB ",
            (_full_date(r, _date(r, 1925, 2005)), "DATE"),
            " confirmed w/ band, MRN ",
            (_mrn(r), "MRN"),
        ],
        [
            "is ",
            (_name(r, P, "full"), "NAME"),
            " the ",
            *_age_items(r, _old_age(r), True),
            " from ",
            (_town(r, fk).lower(), "GEO"),
            "?",
        ],
        [
            "transport at ",
            _time(r),
            " for ",
            (_name(r, P, "last_first_caps"), "NAME"),
            ", CT abd/pelvis w contrast",
        ],
        [
            f"{relname} ",
            (rel.given, "NAME"),
            " emailed ",
            (_email(r, fk, rel), "EMAIL"),
            " asking about visiting hrs",
        ],
        [
            f"security asking about a {car}, plate ",
            (_plate(r), "VEHICLE"),
            " in the ED bay, belongs to pt's son ",
            (_given_for(r, fk, P.culture, True), "NAME"),
        ],
        ["pls call ", (_full(rel, False), "NAME"), f" ({relname}) back at ", (_phone(r), "PHONE")],
        [
            "pt says she's from ",
            (_town(r, fk), "GEO"),
            ", ",
            _state(r),
            " originally, moved here from ",
            (_town(r, fk).lower(), "GEO"),
        ],
        [
            "d/c planned for ",
            (_fmt_date(r, _date(r, 2023, 2025), r.choice((5, 8, 10))), "DATE"),
            " if ",
            r.choice(_LABS),
            " holds",
        ],
        [
            "ortho (",
            *_dr(r, _person(r, fk)),
            f") wants flex/ext films of {r.choice(_VERTEBRAL)} first",
        ],
        ["who has the admit from ED? ", r.choice(_CONDITIONS), " flare?"],
        [
            r.choice(_SCORES),
            " now, was ",
            r.choice(("9", "12", "worse", "better")),
            ". ",
            r.choice(_ROLES),
            " aware",
        ],
        [r.choice(("ok", "on it", "thx", "k will do", "omw", "10-4", "👍")), ""],
        [_neg_sentence(r)],
        [
            r.choice(
                "RT coming for neb|bed board says no tele beds|rapid called, resolved|charge RN aware|house sup has the sitter req".split(
                    "|"
                )
            )
        ],
        ["zip on the face sheet is wrong, should be ", (_zip(r), "GEO"), " not ", (_zip(r), "GEO")],
    ]
    return msgs


def _style_chat(r: random.Random, fk: _Fakers, d: _Doc) -> None:
    P = _person(r, fk)
    staff = [_person(r, fk) for _ in range(r.randrange(2, 5))]
    room = _bed(r)
    lower = r.random() < 0.3
    k = r.randrange(4)
    if k == 0:
        d.add(
            f"Secure Chat — {r.choice(('4 North', '6E tele', 'MICU', 'ED pod C', '5 West ortho', 'L&D'))} — ",
            (_fmt_date(r, _date(r, 2022, 2025)), "DATE"),
            "\n",
        )
    elif k == 1:
        d.add(
            "TigerConnect thread re: ",
            (_name(r, P, r.choice(("full", "last_first_caps", "last_first"))), "NAME"),
            " / ",
            (room, "OTHER_ID"),
            "\n",
        )
    elif k == 2:
        d.add(
            r.choice(("Vocera", "Teams", "Epic chat", "Halo")),
            " group: ",
            r.choice(_ROLES),
            ", ",
            r.choice(_ROLES),
            ", ",
            r.choice(_ROLES),
            "\n",
        )
    msgs = _chat_messages(r, fk, P, room)
    first = msgs[:16]
    rest = msgs[16:]
    r.shuffle(first)
    chosen = first[: r.randrange(3, 6)] + r.sample(rest, r.randrange(2, 4))
    r.shuffle(chosen)
    for i, m in enumerate(chosen):
        s = staff[i % len(staff)] if r.random() < 0.85 else r.choice(staff)
        items = _speaker(r, s) + m
        if lower:
            items = _lower_items(items)
        d.add(*items)
        d.t("\n")
    while d.pos < 420 + r.randrange(0, 200):
        d.add(f"{r.choice(_ROLES)}: ", _neg_sentence(r), "\n")


# ==========================================================================
# style 2: transcribed voicemail and phone calls
# ==========================================================================
def _vm_header(r: random.Random, d: _Doc, spanish: bool = False) -> None:
    when = _date(r, 2023, 2025)
    k = r.randrange(4)
    if k == 0:
        d.add(
            "Voicemail transcription (auto) — received ",
            (_fmt_date(r, when), "DATE"),
            f" {_time(r)}, {r.randrange(0, 3)}m{r.randrange(5, 59)}s\n",
        )
    elif k == 1:
        d.add("TELEPHONE ENCOUNTER ", (_fmt_date(r, when, r.choice((0, 1, 3))), "DATE"), "\n")
    elif k == 2:
        d.add(
            f"Call center note, line {r.choice(('Spanish', 'Nurse Advice', 'Billing', 'Scheduling'))}, ",
            (_fmt_date(r, when), "DATE"),
            "\n",
        )
    else:
        d.add("[audio transcript", " — interpreter" if spanish else "", "] ")


def _vm_english(r: random.Random, fk: _Fakers, d: _Doc) -> None:
    _vm_header(r, d)
    caller = _person(r, fk)
    P = _person(r, fk, caller.culture if r.random() < 0.7 else None)
    rel = r.choice(("mother", "father", "husband", "wife", "grandmother", "son", "aunt"))
    P = _person(r, fk, P.culture, rel in ("father", "husband", "son"))
    d.add(
        r.choice(('"Hi, this is ', "\"Hey, um, it's ", '"Good morning, my name is ')),
        (_full(caller, False), "NAME"),
    )
    if r.random() < 0.7:
        d.add(
            ", last name spelled ",
            (_spell_letters(r, _fold(caller.family).replace(" ", "").replace("'", "")), "NAME"),
        )
    d.add(f", I'm calling about my {rel} ", (_name(r, P, "full"), "NAME"))
    dob = _date(r, 1925, 1990)
    d.add(", date of birth ", (_spoken_date(r, dob), "DATE"), ". ")
    opts = [
        ["She's ", (_num_en(_old_age(r)), "AGE"), " and she fell again Tuesday. "],
        [
            "The appointment was supposed to be ",
            (_spoken_date(r, _date(r, 2024, 2025), False), "DATE"),
            " but nobody called. ",
        ],
        ["Can you call me back at ", (_spoken_phone(r), "PHONE"), ". "],
        ["Her insurance ID is ", (_spell_letters(r, _member_id(r)), "HEALTH_PLAN"), ". "],
        ["You can email me, it's ", (_spoken_email(r, fk, caller), "EMAIL"), ". "],
        ["The bill says go to ", (_spoken_url(r), "URL"), " but it doesn't work. "],
        [
            "We moved, the new address is ",
            (_street(r, fk, 0.4), "ADDRESS"),
            " in ",
            (_town(r, fk), "GEO"),
            ". ",
        ],
        [
            "Is the refill for the ",
            r.choice(("metformin", "lisinopril", "eliquis", "the water pill", "inhaler")),
            " ready? ",
        ],
        ["Fax the forms to ", (_spoken_phone(r), "FAX"), ", that's the nursing home. "],
        [
            "The account number on the letter is ",
            (_digits_en(r, str(r.randrange(10**7, 10**9))), "ACCOUNT"),
            ". ",
        ],
        [
            "She's seeing ",
            "Dr. ",
            (_person(r, fk).family, "NAME"),
            " on ",
            (_spoken_date(r, _date(r, 2024, 2025), False), "DATE"),
            ". ",
        ],
    ]
    r.shuffle(opts)
    for o in opts[: r.randrange(4, 7)]:
        d.add(*o)
    d.add('Okay, thanks, bye."\n')
    nurse = _person(r, fk)
    d.add(
        r.choice(("RN callback ", "Returned call ", "Called back ")),
        (_fmt_date(r, _date(r, 2024, 2025), r.choice((8, 10, 5))), "DATE"),
        f" {_time(r)}: spoke with caller, two identifiers verified. ",
    )
    d.add(
        _neg_sentence(r),
        " ",
        (_full(nurse, False), "NAME"),
        ", ",
        r.choice(("RN", "LPN", "MA", "triage RN")),
        ".",
    )
    _pad(r, d, 480)


def _vm_spanish(r: random.Random, fk: _Fakers, d: _Doc) -> None:
    _vm_header(r, d, True)
    caller = _person(r, fk, "es")
    P = _person(r, fk, "es")
    rel = r.choice(("mi esposo", "mi mamá", "mi papá", "mi hija", "mi abuela", "mi hijo"))
    P = _person(r, fk, "es", rel in ("mi esposo", "mi papá", "mi hijo"))
    d.add(
        r.choice(('"Hola, habla ', '"Buenas tardes, soy ', '"Sí, le llama ')),
        (_full(caller), "NAME"),
        f", llamo por {rel} ",
        (_full(P), "NAME"),
    )
    d.add(", fecha de nacimiento ", (_spoken_date_es(r, _date(r, 1928, 1990)), "DATE"), ". ")
    opts = [
        ["Mi número es ", (_spoken_phone(r, lang="es"), "PHONE"), ". "],
        ["Su seguro social es ", (_digits_es(_ssn_digits(r)), "SSN"), ". "],
        [
            "La cita era el ",
            (_spoken_date_es(r, _date(r, 2024, 2025), False), "DATE"),
            " y no nos llamaron. ",
        ],
        ["Vivimos en ", (_street(r, fk, 0.3), "ADDRESS"), ", en ", (_town(r, fk), "GEO"), ". "],
        [
            "Tiene ",
            (_num_es(_old_age(r) % 100 + 0) if False else str(_old_age(r)), "AGE"),
            " años y está muy débil. ",
        ],
        ["El número del Medicaid es ", (_spell_letters(r, _member_id(r)), "HEALTH_PLAN"), ". "],
        [
            "Necesita más ",
            r.choice(("insulina", "metformina", "losartán", "oxígeno")),
            ", ",
            r.choice(("", "la de 500 mg, ", "dos veces al día, ")),
            "por favor. ",
        ],
        [
            "Mándelo al correo ",
            (
                _spoken_email(r, fk, caller)
                .replace(" at ", " arroba ")
                .replace(" dot ", " punto "),
                "EMAIL",
            ),
            ". ",
        ],
    ]
    r.shuffle(opts)
    for o in opts[: r.randrange(3, 6)]:
        d.add(*o)
    d.add('Gracias."\n')
    interp = _person(r, fk)
    d.add(
        "Interpreted by ",
        (_full(interp, False), "NAME"),
        f" (Spanish, via {r.choice(('phone', 'video', 'in person'))}). ",
    )
    d.add(
        "Caller reports ",
        r.choice(
            ("poor intake", "new confusion", "missed doses", "fever x2 days", "fall without LOC")
        ),
        "; ",
        _neg_sentence(r),
    )
    _pad(r, d, 500)


def _vm_call(r: random.Random, fk: _Fakers, d: _Doc) -> None:
    """Phone encounter documented by staff with spoken identifiers quoted."""
    _vm_header(r, d)
    P = _person(r, fk)
    d.add("Caller: ", (_name(r, P), "NAME"), r.choice((" (self)", " (patient)", "")), ". ")
    d.add(
        'Identity verified: DOB read back as "',
        (_spoken_date(r, _date(r, 1925, 2000)), "DATE"),
        '"',
    )
    if r.random() < 0.6:
        d.add(' and last four of SSN "', (_digits_en(r, _ssn_digits(r)[-4:]), "SSN"), '"')
    d.add(". ")
    opts = [
        ['Member ID given as "', (_spell_letters(r, _member_id(r)[:8]), "HEALTH_PLAN"), '". '],
        ['Wants results sent to "', (_spoken_email(r, fk, P), "EMAIL"), '". '],
        ['Callback "', (_spoken_phone(r), "PHONE"), '". '],
        [
            "Reports the portal link ",
            (_url(r, fk, P), "URL"),
            " shows an error from IP ",
            (_ip(r, fk), "IP"),
            ". ",
        ],
        [
            'Asked for appt on "the ',
            (_ord_suffix(r.randrange(1, 29)), "DATE"),
            '", offered ',
            (_fmt_date(r, _date(r, 2024, 2025), r.choice((5, 8, 10))), "DATE"),
            ". ",
        ],
        ["Provider ", *_dr(r, _person(r, fk)), " to review ", r.choice(_LABS), ". "],
        [
            'Full SSN read digit by digit for the form: "',
            (_digits_en(r, _ssn_digits(r), 0.7), "SSN"),
            '". ',
        ],
        [
            "Says the pharmacy on ",
            (_cross(r, fk), "ADDRESS"),
            " in ",
            (_town(r, fk), "GEO"),
            " is out of stock. ",
        ],
    ]
    r.shuffle(opts)
    for o in opts[: r.randrange(3, 6)]:
        d.add(*o)
    d.add(_neg_sentence(r), " ", _neg_sentence(r))
    _pad(r, d, 450)


# ==========================================================================
# style 3: names of many cultures; relatives named by relation
# ==========================================================================
def _kids(r: random.Random, fk: _Fakers, P: _Person, d: _Doc) -> None:
    n = r.randrange(2, 4)
    d.add(r.choice(("Children: ", "children - ", "Kids: ", "Has children ")))
    akan = r.random() < 0.25
    for i in range(n):
        g = r.choice(_AKAN_KIDS) if akan else _given_for(r, fk, P.culture, r.random() < 0.5)
        d.add((g, "NAME"), f" ({r.randrange(1, 17)})")
        d.t(", " if i < n - 2 else (" and " if i == n - 2 else ". "))


def _style_names_social(r: random.Random, fk: _Fakers, d: _Doc) -> None:
    P = _person(r, fk)
    age = (
        _old_age(r)
        if r.random() < 0.25
        else _young_age(r) + 18
        if r.random() < 0.5
        else _young_age(r)
    )
    age = min(age, 106)
    d.add(r.choice(("SOCIAL HISTORY\n", "Psychosocial assessment: ", "SW note — ", "")))
    d.add(
        (
            _name(r, P, r.choice(("last_first_caps", "caps_surname_first", "full", "fold_full"))),
            "NAME",
        ),
        " is a ",
        *_age_items(r, age, True),
        f" {r.choice(('man', 'widower', 'retired farmer') if P.male else ('woman', 'widow', 'former teacher'))} who lives with ",
    )
    sp = _person(r, fk, P.culture, not P.male)
    d.add(
        r.choice(("wife ", "husband ", "partner ")),
        (sp.given, "NAME"),
        " in ",
        (r.choice(_NEIGHBOURHOODS), "GEO"),
        ", ",
        (_town(r, fk), "GEO"),
        ". ",
    )
    _kids(r, fk, P, d)
    inlaw = _person(r, fk, None if r.random() < 0.5 else P.culture)
    d.add(
        r.choice(("Daughter-in-law ", "Son-in-law ", "Niece ", "Eldest son ")),
        (_name(r, inlaw, r.choice(("given", "full"))), "NAME"),
        " is the primary contact",
        r.choice((", cell ", " at ", ": ")),
        (_phone(r), "PHONE"),
        ". ",
    )
    d.add(
        "Language: ",
        r.choice(
            "Vietnamese|Punjabi|Arabic|Yoruba|Spanish|Korean|Mandarin|Polish|Irish/English|Lakota/English|Tagalog".split(
                "|"
            )
        ),
    )
    d.add(
        r.choice(
            (
                ", interpreter used. ",
                ", declines interpreter. ",
                "; family interprets (discouraged). ",
            )
        )
    )
    k = r.randrange(3)
    if k == 0:
        d.add(
            *_ref(r, P, True),
            r.choice((" prefers to be called ", " goes by ")),
            (P.nick or P.given, "NAME"),
            ". ",
        )
    elif k == 1:
        d.add(
            r.choice(("Per ", "According to ")),
            *_ref(r, sp),
            ", ",
            r.choice(("he", "she", "they")),
            " stopped driving after the ",
            r.choice(_EPONYMS),
            " diagnosis. ",
        )
    else:
        d.add("Former neighbour ", (_name(r, _person(r, fk)), "NAME"), " checks in daily. ")
    d.add(
        r.choice(("Tobacco: ", "ETOH: ", "Substance use: ")),
        r.choice(("never", "quit 2 ppd x30 yrs", "2-3 beers/wk", "denies")),
        ". ",
    )
    d.add(_neg_sentence(r))
    _pad(r, d, 520)


def _style_names_facesheet(r: random.Random, fk: _Fakers, d: _Doc) -> None:
    P = _person(r, fk)
    sep = r.choice((": ", " - ", ":\t", " "))
    d.add(r.choice(("REGISTRATION / FACE SHEET\n", "Patient Demographics\n", "ADT summary\n")))
    d.add(
        "Patient",
        sep,
        (_name(r, P, r.choice(("last_first_caps", "caps_surname_first", "last_first"))), "NAME"),
        "\n",
    )
    if P.nick or r.random() < 0.4:
        d.add("Preferred name", sep, (P.nick or P.given, "NAME"), "\n")
    if r.random() < 0.3:
        d.add("AKA", sep, (_fold(_full(P, False)), "NAME"), "\n")
    d.add(
        "DOB",
        sep,
        (_full_date(r, _date(r, 1920, 2010)), "DATE"),
        "   MRN",
        sep,
        (_mrn(r), "MRN"),
        "\n",
    )
    d.add(
        "Address",
        sep,
        (_street(r, fk, 0.5), "ADDRESS"),
        ", ",
        (_town(r, fk), "GEO"),
        ", ",
        _state(r),
        " ",
        (_zip(r), "GEO"),
        "\n",
    )
    d.add(r.choice(("Home", "Cell", "Mobile")), sep, (_phone(r), "PHONE"), "\n")
    if r.random() < 0.5:
        d.add("Email", sep, (_email(r, fk, P), "EMAIL"), "\n")
    for _ in range(r.randrange(1, 3)):
        ec = _person(r, fk, P.culture if r.random() < 0.7 else None)
        d.add(
            "Emergency contact",
            sep,
            (_name(r, ec, r.choice(("full", "last_first_caps", "caps_full"))), "NAME"),
            f" ({r.choice(_RELATIONS)}) ",
            (_phone(r), "PHONE"),
            "\n",
        )
    d.add(
        "Primary ins",
        sep,
        r.choice(
            "Medicaid|BCBS PPO|Aetna Medicare Adv|UHC Community Plan|Tricare|self-pay".split("|")
        ),
    )
    d.add(" member ", (_member_id(r), "HEALTH_PLAN"), "\n")
    d.add(
        "Language",
        sep,
        r.choice(
            "Vietnamese|Spanish|Arabic|Punjabi|Korean|Cantonese|Polish|Yoruba|English".split("|")
        ),
        "   Religion",
        sep,
        r.choice(("Catholic", "Buddhist", "Muslim", "Sikh", "none", "Baptist", "Traditional")),
        "\n",
    )
    d.add("PCP", sep, *_dr(r, _person(r, fk)), "\n")
    d.add("Reason", sep, _neg_sentence(r))


def _style_names_family_mtg(r: random.Random, fk: _Fakers, d: _Doc) -> None:
    P = _person(r, fk)
    d.add(
        r.choice(("Family meeting ", "Goals-of-care meeting ", "Care conference ")),
        (_fmt_date(r, _date(r, 2023, 2025)), "DATE"),
        ". ",
    )
    d.add(
        (f"{P.family.upper()}, {P.given.upper()}", "NAME")
        if r.random() < 0.5
        else (_name(r, P, "caps_surname_first"), "NAME")
    )
    d.add(
        r.choice((" remains intubated, ", " is DNR/DNI, ", " continues on BiPAP, ")),
        r.choice(_SCORES),
        ". Present: ",
    )
    n = r.randrange(3, 6)
    for i in range(n):
        rel = r.choice(_RELATIONS)
        q = _person(r, fk, P.culture if r.random() < 0.75 else None)
        if r.random() < 0.5:
            d.add(f"{rel} ", (_name(r, q, r.choice(("given", "given", "full"))), "NAME"))
        else:
            d.add((_name(r, q, r.choice(("full", "nick", "given"))), "NAME"), f" ({rel})")
        d.t("; " if i < n - 1 else ". ")
    d.add("Also ", r.choice(_ROLES), ", ", r.choice(_ROLES), " and ", *_dr(r, _person(r, fk)), ". ")
    if r.random() < 0.5:
        d.add(
            *_ref(r, P, r.random() < 0.4),
            r.choice(("'s brother flew in from ", "'s sister lives in ")),
            (_town(r, fk), "GEO"),
            ", ",
            _state(r),
            ". ",
        )
    d.add(
        "Discussed ",
        r.choice(_EPONYMS),
        r.choice((" and prognosis; ", " and trach/PEG; ")),
        _neg_sentence(r),
        " ",
    )
    d.add(
        "Family asked that updates go to ", (_email(r, fk, _person(r, fk, P.culture)), "EMAIL"), "."
    )
    _pad(r, d, 480)


# ==========================================================================
# style 4: EMS run sheets
# ==========================================================================
_EMS_CC = tuple(
    "fall|unresponsive|SOB|chest pain|MVC|seizure|stroke alert|hypoglycemia|syncope|OD".split("|")
)
_EMS_TX = tuple(
    "IV 18g L AC, NS TKO|D10 12.5 g IV, recheck BG 112|aspirin 324 mg PO, NTG 0.4 mg SL x2|naloxone 2 mg IN with good effect|C-collar, LSB, pelvic binder|midazolam 5 mg IM, seizure stopped|12-lead: STE II, III, aVF, cath lab activated|CPAP 10 cmH2O, albuterol/ipratropium neb|splinted R wrist, ice, fentanyl 50 mcg IN".split(
        "|"
    )
)


def _ems_agency(r: random.Random) -> list:
    k = r.randrange(3)
    if k == 0:
        return [(_county(r, True), "GEO"), " EMS"]
    if k == 1:
        return [(_county(r), "GEO"), r.choice((" Fire/EMS", " Ambulance District", " EMS"))]
    return [r.choice(("Township Fire", "Regional EMS", "Tribal EMS", "Rural/Metro"))]


def _style_ems(r: random.Random, fk: _Fakers, d: _Doc) -> None:
    P = _person(r, fk)
    old = r.random() < 0.35
    age = _old_age(r) if old else r.randrange(18, 89)
    unit = (
        f"{r.choice(('Medic', 'Rescue', 'Ambulance', 'Engine', 'Squad', 'M'))} {r.randrange(1, 60)}"
    )
    cc = r.choice(_EMS_CC)
    k = r.randrange(3)
    if k == 0:
        d.add(*_ems_agency(r), f"  {unit}  Run # ", (_run_no(r), "OTHER_ID"), "\n")
        d.add(
            "Date: ",
            (_fmt_date(r, _date(r, 2022, 2025), r.choice((0, 1, 3, 2))), "DATE"),
            f"  Disp {_time(r, 0)}  On scene {_time(r, 0)}  Dep {_time(r, 0)}\n",
        )
        d.add(
            "Location: ",
            (_cross(r, fk) if r.random() < 0.6 else _street(r, fk), "ADDRESS"),
            ", ",
            (_town(r, fk), "GEO"),
            "\n",
        )
        d.add(
            "Pt: ",
            (_name(r, P, r.choice(("last_first_caps", "caps_full", "last_first"))), "NAME"),
            "  DOB ",
            (_full_date(r, _date(r, 2024 - age, 2024 - age)), "DATE"),
            "  Age ",
        )
        d.add(*([(str(age), "AGE")] if old else [str(age)]), f"  Sex {'M' if P.male else 'F'}\n")
        d.add(
            f"CC: {cc}. ",
            r.choice(
                "Found by neighbour |Found by neighbor |Called in by daughter |Bystander ".split(
                    "|"
                )
            ),
            (_full(_person(r, fk), False), "NAME"),
        )
        d.add(
            r.choice(
                (" on the kitchen floor", " in the driveway", " slumped in car", " at bus stop")
            ),
            f", LKW {_time(r, 0)}. ",
        )
        d.add(
            f"GCS E{r.randrange(1, 5)}V{r.randrange(1, 6)}M{r.randrange(1, 7)}, {_neg_vitals(r)}. "
        )
        d.add(f"Tx: {r.choice(_EMS_TX)}. ")
        if r.random() < 0.5:
            d.add("DL # ", (_driver_license(r), "LICENSE"), " used for ID. ")
        d.add(
            "Report to RN ",
            (_name(r, _person(r, fk), r.choice(("full", "initial", "given"))), "NAME"),
            f" at {_time(r, 0)}. Crew: {r.choice(('paramedic', 'EMT-P', 'AEMT'))} ",
            (_full(_person(r, fk), False), "NAME"),
            ".",
        )
    elif k == 1:
        d.add(
            f"{unit} dispatched to ",
            (_street(r, fk, 0.5), "ADDRESS"),
            " (",
            (r.choice(_NEIGHBOURHOODS) if r.random() < 0.4 else _town(r, fk), "GEO"),
            f") for {cc} at {_time(r, 0)}. ",
        )
        d.add(
            "C: pt is a ",
            *_age_items(r, age, True),
            f" {'M' if P.male else 'F'}, ",
            (_name(r, P, r.choice(("full", "caps_full", "last_first_caps"))), "NAME"),
            ", ",
        )
        d.add(
            r.choice(("found by ", "c/o weakness per ", "witnessed by ")),
            r.choice(("neighbour ", "son ", "caregiver ", "landlord ")),
            (_name(r, _person(r, fk), r.choice(("full", "given"))), "NAME"),
            ". ",
        )
        d.add(
            f"H: hx {r.choice(_CONDITIONS)}, {r.choice(('CHF', 'DM2', 'afib on apixaban', 'ESRD on HD MWF', 'COPD 2L home O2'))}. "
        )
        d.add(
            f"A: GCS E{r.randrange(1, 5)}V{r.randrange(1, 6)}M{r.randrange(1, 7)}; {_neg_vitals(r)}. "
        )
        d.add(f"R: {r.choice(_EMS_TX)}. ")
        d.add(
            "T: to ED, ",
            r.choice(("emergent", "non-emergent", "Code 3")),
            ", report to ",
            *_dr(r, _person(r, fk)),
            ". ",
        )
        if r.random() < 0.6:
            d.add("PCR ", (_run_no(r), "OTHER_ID"), "; ", *_ems_agency(r), ".")
    else:
        d.add(*_ems_agency(r), f" — {unit} — MVC\n")
        d.add(
            "Scene: ",
            (_cross(r, fk), "ADDRESS"),
            r.choice((", ", " near ")),
            (_town(r, fk), "GEO"),
            ", ",
            _state(r),
            f". Disp {_time(r, 0)}.\n",
        )
        veh = r.choice(
            "2014 Honda Civic|2009 Ford F-150|2019 Toyota RAV4|2006 Chevy Impala|2021 Tesla Model 3".split(
                "|"
            )
        )
        d.add(
            "Pt ",
            (_name(r, P), "NAME"),
            ", ",
            *_age_items(r, age),
            f", restrained driver of {veh}, plate ",
            (_plate(r), "VEHICLE"),
        )
        if r.random() < 0.6:
            d.add(", VIN ", (_vin(r), "VEHICLE"))
        d.add(
            f". Intrusion >12 in, airbag deployed. GCS E{r.randrange(2, 5)}V{r.randrange(2, 6)}M{r.randrange(4, 7)}; {_neg_vitals(r)}. "
        )
        d.add(f"C-spine tender at {r.choice(_VERTEBRAL)}. {r.choice(_EMS_TX)}. ")
        other = _person(r, fk)
        d.add(
            "Other driver ",
            (_name(r, other, r.choice(("full", "last_first_caps"))), "NAME"),
            ", DL ",
            (_driver_license(r), "LICENSE"),
            ", refused transport. ",
        )
        d.add(
            "Officer ",
            (_person(r, fk).family, "NAME"),
            f" (badge {r.randrange(100, 9999)}) on scene.",
        )
    _pad(r, d, 460)


# ==========================================================================
# style 5: short codes that identify a person where they stand
# ==========================================================================
_BELONGINGS = tuple(
    "cell phone|wallet|rosary|dentures (upper)|glasses|cane|keys|jacket|$43 cash|wedding ring".split(
        "|"
    )
)


def _style_codes_belongings(r: random.Random, fk: _Fakers, d: _Doc) -> None:
    P = _person(r, fk)
    d.add(
        r.choice(("Belongings inventory", "PATIENT PROPERTY LIST", "Valuables envelope")),
        " — ",
        (_name(r, P, r.choice(("last_first_caps", "full", "last_first"))), "NAME"),
        ", MRN ",
        (_mrn(r), "MRN"),
        "\n",
    )
    items = r.sample(_BELONGINGS, r.randrange(3, 6))
    d.add(
        "Items: ",
        ", ".join(items),
        ". Placed in ",
        r.choice(("locker ", "Locker ", "security locker #")),
        (_locker(r), "OTHER_ID"),
        "; key with ",
        r.choice(_ROLES),
        ".\n",
    )
    d.add(
        "Pt moved to ",
        r.choice(("bed ", "Bed ", "rm ", "room ")),
        (_bed(r), "OTHER_ID"),
        f" at {_time(r)}. ",
    )
    if r.random() < 0.6:
        dev = r.choice(
            "hearing aid (L)|hearing aids|insulin pump|CPAP|TENS unit|power wheelchair|Dexcom receiver".split(
                "|"
            )
        )
        d.add(f"{dev} SN ", (_serial(r), "DEVICE"), " labelled and kept at bedside. ")
    if r.random() < 0.5:
        d.add("Photo of items taken: ", (_photo(r), "PHOTO"), ". ")
    d.add(
        "Witnessed by ",
        (_name(r, _person(r, fk), r.choice(("full", "initial"))), "NAME"),
        f" ({r.choice(_ROLE_TAGS)}) and ",
        (_name(r, _person(r, fk), "full"), "NAME"),
        " (",
        r.choice(("daughter", "son", "wife", "security")),
        "). ",
    )
    d.add("Pt signed on ", (_fmt_date(r, _date(r, 2023, 2025)), "DATE"), ". ", _neg_sentence(r))
    _pad(r, d, 430)


def _style_codes_wound(r: random.Random, fk: _Fakers, d: _Doc) -> None:
    P = _person(r, fk)
    d.add(
        r.choice(("WOUND CARE NOTE ", "Wound/ostomy consult ", "Skin assessment ")),
        (_fmt_date(r, _date(r, 2023, 2025)), "DATE"),
        "\n",
    )
    d.add(
        (_name(r, P), "NAME"), r.choice((", bed ", " in ", " — rm ")), (_bed(r), "OTHER_ID"), ". "
    )
    site = r.choice(("sacrum", "L heel", "R ischium", "coccyx", "R lateral malleolus", "occiput"))
    d.add(
        f"Stage {r.choice(('2', '3', '4', 'unstageable'))} pressure injury to {site}, {r.randrange(1, 9)}.{r.randrange(10)} x {r.randrange(1, 7)}.{r.randrange(10)} x 0.{r.randrange(1, 9)} cm, Braden {r.randrange(9, 19)}. "
    )
    n = r.randrange(1, 4)
    d.add("Wound photo" + ("s " if n > 1 else " "))
    for i in range(n):
        d.add((_photo(r), "PHOTO"))
        d.t(", " if i < n - 1 else " ")
    d.add(
        r.choice(("uploaded to media tab", "saved to Haiku", "attached to chart")),
        " with consent of ",
        r.choice(("pt", "daughter", "husband", "POA")),
        " ",
        (_name(r, _person(r, fk, P.culture), r.choice(("given", "full"))), "NAME"),
        ". ",
    )
    d.add(
        f"Plan: {r.choice(('silicone foam q3d', 'Santyl + moist gauze daily', 'NPWT 125 mmHg continuous', 'zinc barrier BID'))}; ",
        r.choice(_LABS),
        ", albumin 2.4. ",
    )
    if r.random() < 0.5:
        d.add("Low-air-loss mattress SN ", (_serial(r), "DEVICE"), " ordered. ")
    d.add(
        "F/u ",
        (_fmt_date(r, _date(r, 2024, 2025), r.choice((5, 8, 10))), "DATE"),
        ". ",
        (_full(_person(r, fk), False), "NAME"),
        ", BSN, CWOCN",
    )
    _pad(r, d, 430)


def _style_codes_research(r: random.Random, fk: _Fakers, d: _Doc) -> None:
    P = _person(r, fk)
    nct = f"NCT0{r.randrange(1000000, 6999999)}"
    d.add(
        r.choice(("Research visit", "STUDY VISIT NOTE", "Clinical trial encounter")),
        f" — {nct}, visit {r.choice(('C1D1', 'C3D15', 'week 12', 'screening', 'EOT'))}\n",
    )
    d.add(
        "Subject ",
        (_subject(r), "OTHER_ID"),
        " (",
        (_name(r, P, r.choice(("initial", "full", "last_first_caps"))), "NAME"),
        ") seen ",
        (_fmt_date(r, _date(r, 2023, 2025)), "DATE"),
        ". ",
    )
    d.add(
        r.choice(
            "Palm scan ref |palm-vein check-in ID |Fingerprint template |Iris enrolment ref |Voiceprint ID ".split(
                "|"
            )
        ),
        (_biometric(r), "BIOMETRIC"),
        " matched at kiosk. ",
    )
    g, v = _variant(r)
    d.add(
        f"Eligibility: {g} {v} confirmed; ECOG {r.randrange(0, 3)}, {r.choice(_LABS)}, {r.choice(_LABS)}. "
    )
    d.add(
        f"Dosed {r.choice(('pembrolizumab 200 mg IV', 'olaparib 300 mg PO BID', 'study drug 2 caps', 'placebo/active per IWRS'))}. "
    )
    if r.random() < 0.6:
        d.add(
            "Wearable ",
            r.choice(("actigraph", "patch monitor", "CGM")),
            " SN ",
            (_serial(r), "DEVICE"),
            " issued. ",
        )
    if r.random() < 0.5:
        d.add(
            "ePRO app login from ",
            (_ip(r, fk), "IP"),
            " flagged; reset sent to ",
            (_email(r, fk, P), "EMAIL"),
            ". ",
        )
    d.add(
        "Randomized ",
        (_fmt_date(r, _date(r, 2022, 2024)), "DATE"),
        "; PI ",
        *_dr(r, _person(r, fk)),
        f", CRC {r.choice(('', 'B. '))}",
        (_person(r, fk).family, "NAME"),
        ".",
    )
    _pad(r, d, 450)


def _style_codes_device(r: random.Random, fk: _Fakers, d: _Doc) -> None:
    P = _person(r, fk)
    dev = r.choice(
        "dual-chamber pacemaker|ICD|CRT-D|ILR|LVAD|spinal cord stimulator|cochlear implant|VNS generator".split(
            "|"
        )
    )
    model = r.choice(("model DDMB1D4", "model W1DR01", "model LNR001", "HM3", "model 106", "CI622"))
    d.add(
        r.choice(("Device clinic", "REMOTE TRANSMISSION REVIEW", "Interrogation")),
        " — ",
        (_name(r, P), "NAME"),
        ", DOB ",
        (_full_date(r, _date(r, 1925, 1995)), "DATE"),
        "\n",
    )
    d.add(
        f"{dev}, {model}, SN ",
        (_serial(r), "DEVICE"),
        ", implanted ",
        (_fmt_date(r, _date(r, 2008, 2024)), "DATE"),
        ". ",
    )
    d.add(
        f"Battery {r.randrange(2, 12)}.{r.randrange(10)} yrs, RA {r.randrange(1, 4)}.{r.randrange(10)} mV, RV threshold 0.{r.randrange(5, 9)} V @ 0.4 ms, AP {r.randrange(1, 99)}%, VP {r.randrange(1, 99)}%. "
    )
    if r.random() < 0.7:
        d.add(
            "Home monitor SN ",
            (_serial(r), "DEVICE"),
            " last connected from ",
            (_ip(r, fk), "IP"),
            ". ",
        )
    if r.random() < 0.5:
        d.add(
            "Lead ", r.choice(("5076-52cm", "7122Q", "4598")), " SN ", (_serial(r), "DEVICE"), ". "
        )
    d.add(
        _neg_sentence(r),
        " Reviewed by ",
        *_dr(r, _person(r, fk)),
        "; next remote ",
        (_fmt_date(r, _date(r, 2024, 2026), r.choice((5, 8, 1))), "DATE"),
        ".",
    )
    _pad(r, d, 430)


# ==========================================================================
# style 6: tables and pedigrees
# ==========================================================================
_FH_DX = tuple(
    "breast ca|ovarian ca|colon ca|MI|CVA|T2DM|prostate ca|dementia|healthy|endometrial ca|pancreatic ca|HTN".split(
        "|"
    )
)
_RELS_FH = tuple(
    "Mother|Father|Sister|Brother|MGM|MGF|PGM|PGF|Maternal aunt|Paternal uncle|Daughter|Son|Cousin (mat)".split(
        "|"
    )
)


def _style_table_fh(r: random.Random, fk: _Fakers, d: _Doc) -> None:
    P = _person(r, fk)
    d.add(
        r.choice(("FAMILY HISTORY", "Family hx table", "Relatives")),
        " for ",
        (_name(r, P, r.choice(("last_first_caps", "full"))), "NAME"),
        ", DOB ",
        (_full_date(r, _date(r, 1950, 2000)), "DATE"),
        "\n",
    )
    sep = r.choice((" | ", "|", " \u00a6 ", "\t| "))
    d.add("Relation", sep, "Name", sep, "Age", sep, "Status", sep, "Dx\n")
    for rel in r.sample(_RELS_FH, r.randrange(4, 7)):
        q = _person(r, fk, P.culture if r.random() < 0.8 else None)
        old = rel in ("MGM", "MGF", "PGM", "PGF") and r.random() < 0.6
        lo, hi = (
            (55, 89)
            if rel in ("MGM", "MGF", "PGM", "PGF")
            else (4, 50)
            if rel in ("Daughter", "Son")
            else (20, 89)
        )
        age = _old_age(r) if old else r.randrange(lo, hi)
        dead = r.random() < 0.4
        d.add(rel, sep, (_name(r, q, r.choice(("full", "given", "last_first"))), "NAME"), sep)
        d.add(*([(str(age), "AGE")] if age >= 90 else [str(age)]), sep)
        if dead:
            d.add("d. ", (_fmt_date(r, _date(r, 1990, 2024), r.choice((2, 3, 0, 1))), "DATE"))
        else:
            d.add(r.choice(("living", "alive", "A&W")))
        d.add(sep, r.choice(_FH_DX), f" @{r.randrange(30, 80)}" if r.random() < 0.5 else "", "\n")
    d.add(
        "Ashkenazi ancestry: ",
        r.choice(("no", "yes (maternal)", "unknown")),
        ". Consanguinity denied.",
    )
    _pad(r, d, 420)


def _style_table_log(r: random.Random, fk: _Fakers, d: _Doc) -> None:
    P = _person(r, fk)
    d.add(
        r.choice(("Encounter log", "CONTACT LOG", "Care-coordination table")),
        ": ",
        (_name(r, P, r.choice(("caps_surname_first", "last_first_caps", "full"))), "NAME"),
        " / ",
        (_mrn(r), "MRN"),
        "\n",
    )
    d.add("Date | Time | Contact | Note\n")
    start = _date(r, 2023, 2025)
    fmt = r.choice((0, 1, 2, 3, 4, 9, 15))
    for i in range(r.randrange(4, 7)):
        day = _dt.date.fromordinal(start.toordinal() + i * r.randrange(1, 9))
        d.add(
            (_fmt_date(r, day, fmt if r.random() < 0.7 else None), "DATE"), " | ", _time(r), " | "
        )
        q = _person(r, fk)
        k = r.randrange(6)
        if k == 0:
            d.add(
                (_name(r, q, "full"), "NAME"),
                " (",
                r.choice(_RELATIONS),
                ") | called ",
                (_phone(r), "PHONE"),
                ", LVM",
            )
        elif k == 1:
            d.add(
                "fax to SNF | ",
                (_phone(r), "FAX"),
                ", ",
                r.choice(("H&P", "MAR", "PT notes")),
                " sent",
            )
        elif k == 2:
            d.add(r.choice(_ROLES), " | ", r.choice(_SCORES), ", ", r.choice(_DRUGS))
        elif k == 3:
            d.add(*_dr(r, q), " | reviewed ", r.choice(_LABS), ", dx ", r.choice(_ICD10))
        elif k == 4:
            d.add("portal | msg from ", (_email(r, fk, P), "EMAIL"))
        else:
            d.add(
                "pt | ",
                r.choice(("no answer", "confirmed appt", "requested refill", "transport arranged")),
            )
        d.t("\n")
    _pad(r, d, 400)


def _style_pedigree(r: random.Random, fk: _Fakers, d: _Doc) -> None:
    P = _person(r, fk)
    gene, var = _variant(r)
    d.add(
        r.choice(("Genetic counselling note", "GC consult", "PEDIGREE SUMMARY")),
        ", ",
        (_fmt_date(r, _date(r, 2023, 2025)), "DATE"),
        ".\n",
    )
    d.add(
        "Proband ",
        (_name(r, P), "NAME"),
        f" (II-{r.randrange(1, 6)}), DOB ",
        (_full_date(r, _date(r, 1950, 2000)), "DATE"),
        f", heterozygous for {gene} {var}. ",
    )
    mother = _person(r, fk, P.culture, False)
    d.add(
        "Mother ",
        (_name(r, mother, r.choice(("full", "given"))), "NAME"),
        f" (I-2) dx {r.choice(_FH_DX)} at {r.randrange(30, 70)}",
    )
    if r.random() < 0.6:
        d.add(", died at ", (str(_old_age(r)), "AGE"))
    else:
        d.add(f", died at {r.randrange(40, 89)}")
    d.add(". ")
    for rel in r.sample(
        ("Maternal aunt", "Sister", "Brother", "Paternal cousin", "Maternal uncle", "Daughter"),
        r.randrange(2, 4),
    ):
        q = _person(
            r, fk, P.culture if r.random() < 0.8 else None, rel in ("Brother", "Maternal uncle")
        )
        g2, v2 = _variant(r)
        d.add(f"{rel} ", (_name(r, q, r.choice(("full", "given", "nick"))), "NAME"))
        d.add(
            r.choice(
                (
                    f" tested positive for {gene} {var}",
                    f" carries {g2} {v2} (VUS)",
                    " declined testing",
                    f" negative for {gene}",
                    " lives in ",
                )
            )
        )
        if d.parts[-1].endswith("lives in "):
            d.add((_town(r, fk), "GEO"), ", ", _state(r), ", not yet tested")
        d.add(". ")
    d.add(
        f"NCCN criteria met; MLH1/MSH2/MSH6/PMS2 IHC {r.choice(('intact', 'loss of MSH2/MSH6'))}. "
    )
    d.add(
        "Letter for relatives mailed to ",
        (_street(r, fk, 0.3), "ADDRESS"),
        ", ",
        (_town(r, fk), "GEO"),
        " ",
        (_zip(r), "GEO"),
        ".",
    )
    _pad(r, d, 520)


# ==========================================================================
# style 7: dental / oral surgery, obstetric / neonatal, prior-auth fax cover
# ==========================================================================
def _style_dental(r: random.Random, fk: _Fakers, d: _Doc) -> None:
    P = _person(r, fk)
    d.add(
        r.choice(("ORAL & MAXILLOFACIAL SURGERY", "Dental clinic note", "OMFS consult")),
        " — ",
        (_fmt_date(r, _date(r, 2023, 2025)), "DATE"),
        "\n",
    )
    d.add(
        "Pt: ",
        (_name(r, P), "NAME"),
        "  DOB ",
        (_full_date(r, _date(r, 1935, 2012)), "DATE"),
        "  Chart ",
        (_mrn(r), "MRN"),
        "\n",
    )
    teeth = r.sample(("#1", "#16", "#17", "#32", "#30", "#19", "#3", "#14", "#8", "#9"), 2)
    dx = r.choice(
        "r/o Ludwig's angina|pericoronitis|irreversible pulpitis|Angle class II div 1 malocclusion|Angle class III, planned Le Fort I|periapical abscess (K04.7)|dry socket".split(
            "|"
        )
    )
    d.add(f"Dx: {dx}. Ext {teeth[0]} and {teeth[1]} ({r.choice(_CDT)}, {r.choice(_CDT)}); ")
    d.add(
        f"lidocaine 2% 1:100k {r.choice(('3.6', '5.4', '1.8'))} mL, {r.choice(('IV sedation', 'N2O', 'local only'))} ({r.choice(('D9239', 'D9230', 'D9222'))}). "
    )
    d.add(
        f"Rx {r.choice(('amoxicillin 500 mg TID x7d', 'clindamycin 300 mg QID', 'ibuprofen 600 mg q6h', 'chlorhexidine 0.12% rinse BID'))}. "
    )
    if r.random() < 0.6:
        d.add(
            "Intraoral photos ",
            (_photo(r), "PHOTO"),
            " and ",
            (_photo(r), "PHOTO"),
            " in imaging. ",
        )
    ref = _person(r, fk)
    d.add(
        "Referring DDS ",
        (_name(r, ref, r.choice(("full", "initial"))), "NAME"),
        ", lic ",
        (_state_license(r), "LICENSE"),
        ", NPI ",
        (_npi(r), "LICENSE"),
        ". ",
    )
    if r.random() < 0.5:
        d.add(
            "Guardian ",
            (_name(r, _person(r, fk, P.culture)), "NAME"),
            " consented; cell ",
            (_phone(r), "PHONE"),
            ". ",
        )
    d.add(
        "Ins: ",
        r.choice(("Delta Dental", "MetLife Dental", "Medicaid dental", "Cigna DPPO")),
        " ID ",
        (_member_id(r), "HEALTH_PLAN"),
        ", claim ",
        (_account(r), "ACCOUNT"),
        ".",
    )
    _pad(r, d, 500)


def _style_ob(r: random.Random, fk: _Fakers, d: _Doc) -> None:
    M = _person(r, fk, None, False)
    F = _person(r, fk, M.culture if r.random() < 0.7 else None, True)
    g = r.randrange(1, 6)
    d.add(
        r.choice(("DELIVERY SUMMARY", "L&D note", "Newborn admission")),
        " ",
        (_fmt_date(r, _date(r, 2023, 2025)), "DATE"),
        "\n",
    )
    d.add(
        "Mother: ",
        (_name(r, M, r.choice(("last_first_caps", "full", "caps_surname_first"))), "NAME"),
        f", {r.randrange(17, 45)} y/o G{g}P{g - 1}{r.randrange(0, 2)}0{g - 1}, MRN ",
        (_mrn(r), "MRN"),
        f", {r.randrange(34, 42)}w{r.randrange(0, 7)}d. ",
    )
    d.add(
        f"{r.choice(('SVD', 'Primary LTCS', 'Repeat CS', 'VAVD'))} at {_time(r, 0)} ({r.choice(_CPT)}); EBL {r.randrange(2, 15)}00 mL; {r.choice(('oxytocin 30 units/500 mL', 'magnesium sulfate 2 g/h', 'carboprost 250 mcg IM', 'TXA 1 g IV'))}. "
    )
    sex = r.choice(("girl", "boy"))
    bg = _given_for(r, fk, M.culture, sex == "boy")
    d.add(f"Baby {sex} ", (f"{bg} {M.family if r.random() < 0.5 else F.family}", "NAME"))
    if r.random() < 0.4:
        d.add(f" (Baby {sex.capitalize()} ", (M.family, "NAME"), ")")
    d.t(", ")
    d.add(
        f"Apgars {r.randrange(3, 9)}/{r.randrange(7, 10)}, {r.randrange(1800, 4600)} g, MRN ",
        (_mrn(r), "MRN"),
        ", born ",
        (_fmt_date(r, _date(r, 2024, 2025), r.choice((0, 1, 6, 3))), "DATE"),
        ". ",
    )
    d.add(
        "HUGS tag ",
        (f"{r.randrange(10000, 99999)}", "DEVICE"),
        " applied; ",
        r.choice(("NICU bed ", "crib ", "MBU rm ")),
        (_bed(r), "OTHER_ID"),
        ". ",
    )
    d.add(
        "FOB ",
        (_name(r, F, r.choice(("full", "given", "nick"))), "NAME"),
        r.choice((" at bedside", " on FaceTime", " deployed")),
        "; ",
    )
    if r.random() < 0.5:
        d.add(
            "siblings ",
            (_given_for(r, fk, M.culture, True), "NAME"),
            f" ({r.randrange(2, 12)}) and ",
            (_given_for(r, fk, M.culture, False), "NAME"),
            f" ({r.randrange(2, 12)}). ",
        )
    d.add(
        f"GBS {r.choice(('neg', 'pos, PCN x2 doses', 'unknown'))}, {r.choice(('O24.410', 'O14.13', 'Z3A.39'))}. Pediatrician ",
        *_dr(r, _person(r, fk)),
        ". ",
    )
    if r.random() < 0.5:
        d.add(
            "Cord blood bank kit ", (_serial(r), "DEVICE"), "; courier ", (_url(r, fk), "URL"), ". "
        )
    _pad(r, d, 520)


def _style_fax(r: random.Random, fk: _Fakers, d: _Doc) -> None:
    P = _person(r, fk)
    prov = _person(r, fk)
    clinic = r.choice(
        "Riverbend Pain & Spine|Lakeside Oncology|Valley OB/GYN|Northside Oral Surgery|Summit Orthopedics|Harbor Infusion Center".split(
            "|"
        )
    )
    plan = r.choice(
        "Anthem BCBS|UnitedHealthcare|Aetna|Humana Medicare|CareSource Medicaid|Molina|Cigna".split(
            "|"
        )
    )
    d.add("FAX COVER SHEET", r.choice((" — URGENT PRIOR AUTHORIZATION\n", "\n", " (pages: 7)\n")))
    d.add(f"To: {plan} UM dept   Fax: ", (_phone(r), "FAX"))
    if r.random() < 0.5:
        d.add("   Phone: ", (_phone(r), "PHONE"))
    d.t("\n")
    d.add(
        f"From: {clinic}, ",
        (_street(r, fk, 0.5), "ADDRESS"),
        ", ",
        (_town(r, fk), "GEO"),
        ", ",
        _state(r),
        " ",
        (_zip(r), "GEO"),
        "\n",
    )
    d.add(
        "Fax: ",
        (_phone(r), "FAX"),
        "  Date: ",
        (_fmt_date(r, _date(r, 2023, 2025), r.choice((0, 1, 2))), "DATE"),
        "\n",
    )
    d.add(
        "RE: ",
        (_name(r, P, r.choice(("last_first_caps", "full", "last_first"))), "NAME"),
        "  DOB ",
        (_full_date(r, _date(r, 1930, 2010)), "DATE"),
        "\n",
    )
    d.add("Member ID: ", (_member_id(r), "HEALTH_PLAN"))
    if r.random() < 0.5:
        d.add("   Medicaid #: ", (_member_id(r), "HEALTH_PLAN"))
    d.add("   Claim/acct: ", (_account(r), "ACCOUNT"), "\n")
    d.add(
        "Requesting: ",
        (_full(prov, False), "NAME"),
        ", ",
        r.choice(("MD", "DO", "DDS", "NP")),
        "  NPI ",
        (_npi(r), "LICENSE"),
    )
    if r.random() < 0.6:
        d.add("  DEA ", (_dea(r, prov.family), "LICENSE"))
    d.add("\n")
    k = r.randrange(4)
    if k == 0:
        d.add(
            f"Service: transforaminal ESI {r.choice(_VERTEBRAL)} ({r.choice(('64483', '64484'))}), {r.choice(('J1100 dexamethasone', 'J3301 triamcinolone'))}; dx M54.16. Failed PT x6 wks, gabapentin 300 mg TID.\n"
        )
    elif k == 1:
        d.add(
            f"Service: {r.choice(('pembrolizumab (J9271)', 'pegfilgrastim (J2506)', 'IV iron (J1439)'))} q3w; dx {r.choice(('C50.911', 'C18.7', 'D50.0'))}; {r.choice(_GENES)} {_variant(r)[1]}.\n"
        )
    elif k == 2:
        d.add(
            f"Service: {r.choice(_CDT)}/{r.choice(_CDT)} under IV sedation; Angle class {r.choice(('II', 'III'))}; dx K04.7.\n"
        )
    else:
        veh = _vin(r)
        d.add(
            "Service: MRI C-spine (72141) after MVC, auto carrier claim ",
            (_account(r), "ACCOUNT"),
            ", VIN ",
            (veh, "VEHICLE"),
            "; dx S13.4XXA.\n",
        )
    if r.random() < 0.6:
        d.add("Portal: ", (_url(r, fk, P), "URL"), " (submitted from ", (_ip(r, fk), "IP"), ")\n")
    d.add(
        r.choice(
            (
                "CONFIDENTIALITY NOTICE: This facsimile contains protected health information. If received in error, notify the sender and destroy all copies.",
                "The documents accompanying this fax are confidential. Redisclosure is prohibited by 42 CFR Part 2 and HIPAA.",
                "Please call with questions. Allow 3 business days for review.",
            )
        )
    )


# ==========================================================================
# public entry point
# ==========================================================================
_STYLES = (
    (_style_chat, 3),
    (_vm_english, 2),
    (_vm_spanish, 1),
    (_vm_call, 1),
    (_style_names_social, 1.3),
    (_style_names_facesheet, 1),
    (_style_names_family_mtg, 1),
    (_style_ems, 2.5),
    (_style_codes_belongings, 0.8),
    (_style_codes_wound, 0.8),
    (_style_codes_research, 0.7),
    (_style_codes_device, 0.7),
    (_style_table_fh, 0.9),
    (_style_table_log, 0.9),
    (_style_pedigree, 1),
    (_style_dental, 1),
    (_style_ob, 1),
    (_style_fax, 1),
)
_STYLE_FNS = tuple(f for f, _ in _STYLES)
_STYLE_W = tuple(w for _, w in _STYLES)


def generate(seed: int, count: int) -> list[dict]:
    """``count`` synthetic notes with PHI spans, deterministic in ``seed``."""
    r = random.Random(seed)
    fk = _Fakers(r)
    out: list[dict] = []
    for _ in range(count):
        d = _Doc()
        fn = r.choices(_STYLE_FNS, _STYLE_W)[0]
        fn(r, fk, d)
        text = d.text().rstrip()
        spans = [s for s in d.spans if s["end"] <= len(text)]
        out.append({"text": text, "spans": spans})
    return out
