"""medbento's recognizers for the HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)) that
stock Presidio misses, and the filters that keep clinical language out of the findings.

Most identifiers in clinical text are introduced by context ("MRN:", "member ID", "serial #"),
so each pattern may capture only its `v` group: the label stays, the value goes. Patterns are
plain `re`, compiled once; one recognizer runs them all in a single pass per pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# --- vocabularies -------------------------------------------------------------------------

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
STATES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP"
).split()
STATE_NAMES = {
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "west virginia",
    "wisconsin",
    "wyoming",
    "puerto rico",
    "guam",
    "united states",
    "usa",
    "us",
    "u.s.",
    "america",
    "canada",
    "mexico",
}
STATE = r"(?:" + "|".join(STATES) + r")"
# USPS street suffixes (Publication 28, appendix C1), full and abbreviated.
STREET_SUFFIX = (
    r"(?:Alley|Aly|Annex|Anx|Arcade|Arc|Avenue|Ave|Bayou|Byu|Beach|Bch|Bend|Bnd|Bluffs?|Blfs?|"
    r"Bottom|Btm|Boulevard|Blvd|Branch|Br|Bridge|Brg|Brook|Brk|Brooks|Burgs?|Bg|Bypass|Byp|"
    r"Camp|Cp|Canyon|Cyn|Cape|Cpe|Causeway|Cswy|Centers?|Ctr|Circles?|Cir|Cliffs?|Clf|Club|Clb|"
    r"Common|Commons|Corners?|Cor|Course|Crse|Courts?|Ct|Coves?|Cv|Creek|Crk|Crescent|Cres|"
    r"Crest|Crst|Crossing|Xing|Crossroad|Xrd|Curve|Curv|Dale|Dl|Dam|Dm|Divide|Dv|Drives?|Dr|"
    r"Estates?|Est|Expressway|Expy|Extensions?|Ext|Falls?|Fls|Ferry|Fry|Fields?|Fld|Flats?|Flt|"
    r"Fords?|Frd|Forest|Frst|Forges?|Frg|Forks?|Frk|Fort|Ft|Freeway|Fwy|Gardens?|Gdn|Gateway|"
    r"Gtwy|Glens?|Gln|Greens?|Grn|Groves?|Grv|Harbors?|Hbr|Haven|Hvn|Heights|Hts|Highway|Hwy|"
    r"Hills?|Hl|Hollow|Holw|Inlet|Inlt|Islands?|Is|Isle|Junctions?|Jct|Keys?|Ky|Knolls?|Knl|"
    r"Lakes?|Lk|Land|Landing|Lndg|Lane|Ln|Light|Lights|Lgt|Loaf|Lf|Locks?|Lck|Lodge|Ldg|Loop|"
    r"Mall|Manors?|Mnr|Meadows?|Mdw|Mews|Mill|Mills|Ml|Mission|Msn|Motorway|Mtwy|Mount|Mt|"
    r"Mountains?|Mtn|Neck|Nck|Orchard|Orch|Oval|Overpass|Opas|Park|Parks|Parkways?|Pkwy|Pass|"
    r"Passage|Psge|Path|Pike|Pines?|Pne|Place|Pl|Plains?|Pln|Plaza|Plz|Points?|Pt|Ports?|Prt|"
    r"Prairie|Pr|Radial|Radl|Ramp|Ranch|Rnch|Rapids?|Rpd|Rest|Rst|Ridges?|Rdg|River|Riv|Roads?|"
    r"Rd|Route|Rte|Row|Rue|Run|Shoals?|Shl|Shores?|Shr|Skyway|Skwy|Springs?|Spg|Spurs?|Squares?|"
    r"Sq|Station|Sta|Stravenue|Stra|Streams?|Strm|Streets?|St|Summit|Smt|Terrace|Ter|"
    r"Throughway|Trwy|Trace|Trce|Track|Trak|Trafficway|Trfy|Trail|Trl|Trailer|Trlr|Tunnel|Tunl|"
    r"Turnpike|Tpke|Underpass|Upas|Unions?|Un|Valleys?|Vly|Viaduct|Via|Views?|Vw|Villages?|Vlg|"
    r"Ville|Vl|Vista|Vis|Walks?|Wall|Way|Ways|Wy|Wells?|Wl)"
)
# Surnames that name diseases, signs, scales and devices: a PERSON finding made only of these
# is clinical language, not a person.
EPONYMS = {
    "addison",
    "alzheimer",
    "apgar",
    "babinski",
    "barrett",
    "bell",
    "billroth",
    "breslow",
    "brudzinski",
    "chvostek",
    "cheyne",
    "stokes",
    "child",
    "pugh",
    "clark",
    "crohn",
    "cushing",
    "down",
    "epley",
    "ewing",
    "foley",
    "gleason",
    "glasgow",
    "graves",
    "guillain",
    "barre",
    "barré",
    "hashimoto",
    "heimlich",
    "hodgkin",
    "homan",
    "homans",
    "huntington",
    "kaposi",
    "kawasaki",
    "kernig",
    "killip",
    "korsakoff",
    "kussmaul",
    "lachman",
    "lyme",
    "mallampati",
    "marfan",
    "mcburney",
    "mcmurray",
    "meniere",
    "murphy",
    "nissen",
    "osgood",
    "parkinson",
    "phalen",
    "ranson",
    "raynaud",
    "romberg",
    "rovsing",
    "roux",
    "sjogren",
    "sjögren",
    "swan",
    "ganz",
    "tinel",
    "tourette",
    "trendelenburg",
    "trousseau",
    "turner",
    "valsalva",
    "virchow",
    "wells",
    "wernicke",
    "whipple",
    "wilson",
    "klinefelter",
    "hunt",
    "hess",
    "gram",
    "ménière",
    "reye",
    "bence",
    "jones",
    "holter",
    "doppler",
    "hartmann",
    "lisfranc",
    "colles",
    "salter",
    "harris",
    "dupuytren",
    "peyronie",
    "bartholin",
    "bowen",
    "paget",
    "tietze",
}
CLINICAL_FOLLOWERS = re.compile(
    r"^(?:'s|’s|s')?\s*(disease|syndrome|sign|test|reflex|maneuver|manoeuvre|score|scale|"
    r"criteria|classification|class|catheter|procedure|lymphoma|sarcoma|esophagus|palsy|"
    r"phenomenon|fracture|triad|point|grade|stage|ulcer|ring|loop|tube|repair|operation|"
    r"angina|nomogram|curve|division|osteotomy|appliance)\b",
    re.IGNORECASE,
)
EPONYM_FINDING = re.compile(r"^(?:'s|’s|s')?\s*(positive|negative|\+|-)", re.IGNORECASE)
# WHO INN stems of drug names: spaCy's small model calls many drugs people or places.
DRUG_STEM = re.compile(
    r"(?:ban|pril|sartan|olol|statin|mab|tinib|azole|cillin|mycin|floxacin|tidine|prazole|dipine|"
    r"gliptin|gliflozin|parin|vir|lukast|terol|sone|olone|triptan|setron|semide|thiazide|"
    r"formin|zepam|azolam|oxetine|pramine|tyline|barbital|caine|profen|coxib|platin|rubicin)$",
    re.IGNORECASE,
)

# --- patterns -----------------------------------------------------------------------------
# (entity, regex, score). A named group `v` marks the identifier inside its context.

NUM_ID = r"[A-Z0-9][A-Z0-9\-]{3,24}"
LABEL = r"\s*(?:number|num|no\.?|#|id|identifier)?\s*[:#]?\s*"


def labelled(words: str, label: str = LABEL) -> str:
    """An identifier (letters, digits and dashes, a digit among them) after one of `words`
    and an optional label ("number", "#", "ID", ":"): only the identifier is captured."""
    return rf"(?i:\b(?:{words})(?:{label}))(?P<v>(?=[A-Z\-]*\d){NUM_ID})\b"


# Letters beyond ASCII: names are written with accents (Hernández, Ríos, Łukasz).
UPPER = r"[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĞĠĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ]"
LOWER = r"[a-zß-öø-ÿāăąćĉċčďđēėęěğġģīįıķĺļľłńņňōőœŕřśşšţťūůűųźżž]"
NAME = rf"{UPPER}(?:{LOWER}+(?:{UPPER}{LOWER}+)?|['’]{UPPER}{LOWER}+)(?:-{UPPER}?{LOWER}+)?"
# A quoted nickname may stand between the parts: Tremaine "Trey" Lockhart.
FULL_NAME = rf"{NAME}(?:\s+[\"“][^\"”\n]{{1,20}}[\"”])?(?:\s+[A-Z]\.)?(?:\s+{NAME}){{0,2}}"
ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)[-\s])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|thirtieth"
)
DAY = rf"(?:(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?|{ORDINAL_WORD})"
WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
HOLIDAY = (
    r"(?:Christmas(?:\s+(?:Day|Eve|morning|night))?|New\s+Year['’]?s(?:\s+(?:Day|Eve))?|"
    r"Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Halloween|Independence\s+Day|Labor\s+Day|"
    r"Memorial\s+Day|Valentine['’]?s\s+Day|Mother['’]?s\s+Day|Father['’]?s\s+Day|"
    r"Veterans\s+Day|Juneteenth|Hanukkah|Diwali|Eid(?:\s+al-\w+)?|Ramadan|Lunar\s+New\s+Year)"
)
NUMBER_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
SPOKEN_MONTH = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
SPOKEN_DAY = (
    rf"(?:(?:twenty|thirty)(?:[-\s]{NUMBER_UNITS})?|{NUMBER_UNITS}|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
# A year said as two numbers or as one: "eighty-eight", "nineteen eighty-eight", "oh five",
# "two thousand five".
SPOKEN_YEAR = (
    rf"(?:(?:nineteen[-\s]|twenty[-\s])?(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"(?:[-\s]{NUMBER_UNITS})?|(?:twenty[-\s])?oh[-\s]{NUMBER_UNITS}|two\s+thousand(?:\s+(?:and\s+)?"
    rf"(?:{NUMBER_UNITS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|twenty(?:[-\s](?:one|two|three|four|five|six))?))?)"
)
AGE_WORD = (
    r"(?:ninety(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"(?:one|a)[-\s]hundred(?:[-\s](?:and[-\s])?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))?)"
)
RELATIONS = (
    r"mother|father|mom|mum|dad|son|daughter|wife|husband|spouse|partner|fianc[ée]e?|"
    r"boyfriend|girlfriend|brother|sister|sibling|twin|aunt|uncle|cousin|grandmother|"
    r"grandfather|grandma|grandpa|granny|grandson|granddaughter|grandchild|grandniece|"
    r"grandnephew|great-grandmother|great-grandfather|great-grandson|great-granddaughter|"
    r"stepmother|stepfather|stepson|stepdaughter|stepbrother|stepsister|mother-in-law|"
    r"father-in-law|son-in-law|daughter-in-law|sister-in-law|brother-in-law|niece|nephew|"
    r"godmother|godfather|friend|neighbou?r|roommate|landlord|employer|boss|coworker|"
    r"co-worker|caregiver|caretaker|guardian|conservator|sitter|aide|interpreter|"
    r"translator|chaplain|pastor|priest|rabbi|imam|caller|driver|officer|rep|representative|"
    r"coordinator|case manager|social worker|sponsor|mentor|therapist|counsel(?:l)?or|navigator|"
    r"pharmacist|dietitian|technician|tech|paramedic|attending|resident|intern|fellow|"
    r"hospitalist|surgeon|physician|doctor|nurse|midwife|doula|pcp|provider|colleague"
)
CREDENTIALS = (
    r"MD|M\.D\.|DO|D\.O\.|RN|BSN|MSN|NP|FNP|FNP-C|ANP|AGNP|ACNP|DNP|PA|PA-C|APRN|CNM|CNS|"
    r"CRNA|PharmD|RPh|PhD|PsyD|LPN|LVN|CNA|MSW|LCSW|LICSW|LMSW|LMFT|LPC|DDS|DMD|DPM|OD|DC|"
    r"RRT|CRT|RT|PT|DPT|OT|OTR|OTR/L|SLP|CCC-SLP|RD|RDN|CDE|CDCES|EMT|EMT-P|NRP|CCRN|CEN|"
    r"OCN|CPN|RNC|IBCLC|MA|CMA|MBBS|FACP|FACS|FAAP|FACC|PCT|CST|PCA|MLS|MT|RDMS|RVT"
)
# Upper-case abbreviations of clinical text that could pass for names in "LAST, FIRST" form.
CLINICAL_ABBREVIATIONS = set(
    "CBC CMP BMP LFT LFTS PT PTT INR ABG VBG UA CXR CT MRI MRA ECG EKG EEG EMG ECHO TTE TEE BNP "
    "TSH ESR CRP HIV HCV HBV RPR PPD AFB KUB PET IVC SVC RUQ LUQ RLQ LLQ NPO PRN BID TID QID QHS "
    "ICU ED ER OR PACU NICU PICU SNF LTAC ADL ADLS IADL DNR DNI POLST MOLST CPR ACLS BLS GCS AMS "
    "SOB DOE CP HTN DM CAD CHF COPD CKD ESRD AKI UTI URI DVT PE MI CVA TIA GERD OSA BPH RA SLE IBD "
    "IBS MS ALS HF AF AFIB SVT VT VF NSR STEMI NSTEMI ACS PCI CABG TAVR EF LVEF RV LV LA ROS HPI "
    "PMH PSH FH SH NKDA NKA IV IM PO SC SQ PR SL GT NG OG PEG TPN PPN LR NS D5W PRBC FFP".split()
)
# Common words that name a thing, not a person, in "LAST, FIRST" capitals and the like.
HEADER_WORDS = {
    "history", "physical", "assessment", "plan", "allergies", "medications", "impression",
    "diagnosis", "diagnoses", "labs", "vitals", "exam", "review", "systems", "social", "family",
    "past", "medical", "surgical", "discharge", "admission", "summary", "instructions",
    "follow", "up", "course", "hospital", "procedure", "procedures", "findings", "results",
    "none", "known", "nkda", "negative", "positive", "normal", "stable", "chief", "complaint",
    "subjective", "objective", "reason", "referral", "consult", "note", "notes", "date",
    "time", "name", "patient", "signature", "signed", "page", "report", "order", "orders",
}  # fmt: skip
DATE_WORDS = (
    r"(?:on|since|dob|d\.o\.b\.?|born|birth|birthdate|admitted|admission|admit|discharged?|"
    r"discharge|seen|visit|follow[- ]?up|f/u|scheduled|dated?|until|by|expired|died|death|"
    r"deceased|surgery|procedure|returns?|appointment|appt|from|to|last|next|of)"
)

# "OKAFOR, ADAEZE N" and "Thibodeaux, Clarence J." at the start of a line or after a label;
# a pair of header words ("HISTORY, PHYSICAL") is not a name (see _names_not_headers).
CAPS_LAST_FIRST = r"(?m:(?:^|(?<=[:|/]\s)|(?<=[:|/]))\s*)(?P<v>[A-Z][A-Z'’\-]+(?:\s[A-Z][A-Z'’\-]+)?,\s+[A-Z](?:[A-Z'’\-]+|[a-z]+)(?:\s+[A-Z]\.?)?)(?![a-z])"
LAST_FIRST = rf"(?m:(?:^|(?<=[:|/]\s)|(?<=[:|/]))\s*)(?P<v>{NAME}(?:[ -]{NAME})?,\s+{NAME}(?:\s+[A-Z]\.?)?)(?=\s|$|[|/;])"
# IPv6 in any notation, compressed ("fe80::1") included; ipaddress decides (not a time "10:30").
IPV6 = r"(?<![\w:.])(?=[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:)[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])"

# One pattern a line: the table reads (and diffs) as a table.
# fmt: off
PATTERNS: list[tuple[str, str, float]] = [
    # Dates: every element but the year (all common formats).
    ("DATE", r"\b(?:0?[1-9]|1[0-2])[/\-.](?:0?[1-9]|[12]\d|3[01])[/\-.](?:19|20)?\d{2}\b", 0.9),
    ("DATE", r"\b(?:19|20)\d{2}[/\-.](?:0?[1-9]|1[0-2])[/\-.](?:0?[1-9]|[12]\d|3[01])\b", 0.9),
    ("DATE", r"\b(?:0?[1-9]|[12]\d|3[01])[.\-](?:0?[1-9]|1[0-2])[.\-](?:19|20)\d{2}\b", 0.85),
    ("DATE", rf"\b{MONTH}\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{{2}})?\b", 0.9),
    ("DATE", rf"\b(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+(?:19|20)\d{{2}})?\b", 0.9),
    ("DATE", rf"\b(?:0?[1-9]|[12]\d|3[01])[\-\s]{MONTH}[\-\s](?:19|20)?\d{{2}}\b", 0.9),
    ("DATE", rf"\b{MONTH},?\s+(?:19|20)\d{{2}}\b", 0.8),
    ("DATE", rf"(?i:\b{DATE_WORDS}\b[:\s]+)(?P<v>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))\b(?!\s*(?:mmhg|tab|pill))", 0.75),
    # Ages over 89 (Safe Harbor aggregates them as 90 or older).
    ("AGE", r"\b(?P<v>(?:9\d|1[0-2]\d))(?:\s*|-)(?:years?|yrs?|y)(?:\s*|-)(?:old|of age|o\b)", 0.9),
    ("AGE", r"(?i:\b(?:age[ds]?|aged)\s*:?\s*)(?P<v>(?:9\d|1[0-2]\d))\b", 0.85),
    ("AGE", r"\b(?P<v>(?:9\d|1[0-2]\d))\s*(?:yo|y/o|y\.o\.)(?=\W|$)", 0.9),
    ("AGE", r"\b(?P<v>(?:9\d|1[0-2]\d))[- ]?(?:year|yr)[- ]old\b", 0.9),
    ("AGE", r"\b(?P<v>(?:9\d|1[0-2]\d))\s?(?:M|F|m|f)\b(?=[\s,.;])", 0.6),
    # Contact numbers.
    ("PHONE_NUMBER", r"(?<![\w/.])(?:\+?1[\s.\-]?)?\(?\b[2-9]\d{2}\)?[\s.\-]?[2-9]\d{2}[\s.\-]\d{4}\b(?:\s*(?:x|ext\.?)\s*\d{1,5})?", 0.8),
    ("PHONE_NUMBER", r"(?i:\b(?:phone|tel|telephone|cell|mobile|fax|pager|call|contact|ph)\b\.?\s*(?:number|no\.?|#)?\s*[:#]?\s*)(?P<v>\+?\d[\d\s.\-()]{8,16}\d)", 0.85),
    # International numbers, written with a country code or a bracketed area code.
    ("PHONE_NUMBER", r"(?<![\w+])\+\d{1,3}[\s.\-]?(?:\(0?\d{1,4}\)[\s.\-]?)?\d{1,4}(?:[\s.\-]?\d{2,4}){1,4}(?!\w)", 0.75),
    ("PHONE_NUMBER", r"(?<![\w)])\(\d{2,4}\)[\s.\-]?\d{2,4}[\s.\-]?\d{2,4}(?:[\s.\-]?\d{2,4})?(?!\w)", 0.7),
    ("US_SSN", r"\b(?!000|666|9\d\d)\d{3}[\s\-](?!00)\d{2}[\s\-](?!0000)\d{4}\b", 0.85),
    ("US_SSN", r"(?i:\b(?:ssn|social security(?: number| no\.?| #)?|ss#)\s*[:#]?\s*)(?P<v>\d{3}[\s\-]?\d{2}[\s\-]?\d{4})\b", 0.95),
    ("EMAIL_ADDRESS", r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+\b", 0.95),
    # Written out to dodge filters: "jdoe at gmail dot com", "j.doe [at] mail [dot] org".
    ("EMAIL_ADDRESS", r"(?i)(?<![\w.+\-])[\w.+\-]+\s*(?:\(at\)|\[at\]|\{at\}|\sat\s)\s*[\w\-]+(?:\s*(?:\(dot\)|\[dot\]|\{dot\}|\sdot\s|\.)\s*[\w\-]+)*\s*(?:\(dot\)|\[dot\]|\{dot\}|\sdot\s|\.)\s*(?:com|org|net|edu|gov|mil|io|co|us|uk|ca|info|biz|me|health|care)\b", 0.85),
    # Digits spoken or written as words ("six one seven five five five ..."), four or more.
    ("ID", r"(?i)\b(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)[\s,\-]+){3,}(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b", 0.75),
    # ... in Spanish ("cero cuatro siete, dos dos ..."), and letters spelled out one by one
    # ("W as in whiskey", "b c b s x"): identifiers read over the phone.
    ("ID", r"(?i)\b(?:(?:cero|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)[\s,\-]+){3,}(?:cero|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)\b", 0.75),
    ("ID", r"\b[A-Za-z]\s+as\s+in\s+[A-Za-z]+\b", 0.75),
    ("ID", r"(?<![\w'’.])(?:(?:[a-z][ ,\-]+){3,}[a-z]|(?:[A-Z][ ,\-]+){3,}[A-Z])(?:[ ,\-]+(?i:zero|oh|one|two|three|four|five|six|seven|eight|nine|\d+))*(?![\w'’])", 0.6),
    # Web addresses dictated: "w w w dot valleyortho dot com slash pay".
    ("URL", r"(?i)\b(?:(?:w\s*w\s*w|www)\s+dot\s+)?[a-z0-9\-]+(?:\s+dot\s+[a-z0-9\-]+)*\s+dot\s+(?:com|org|net|edu|gov|io|us|info|health|care)\b(?:\s+slash\s+[a-z0-9\-]+)*", 0.8),
    # Record, plan, account, license, vehicle and device numbers, introduced by context.
    ("MEDICAL_RECORD_NUMBER", labelled(r"mrn|mr#|medical record|med(?:ical)? rec(?:ord)?|chart|patient|pt|encounter|visit|fin|csn|hospital"), 0.9),
    ("HEALTH_PLAN_ID", labelled(r"member|subscriber|policy|insurance|insured|health plan|plan|beneficiary|medicare|medicaid|mbi|group|payer|payor|hicn|coverage"), 0.9),
    ("HEALTH_PLAN_ID", r"\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]{2}\d{2}\b", 0.8),
    ("ACCOUNT_NUMBER", labelled(r"account|acct|billing|invoice|claim|routing|bank"), 0.9),
    ("LICENSE_NUMBER", labelled(r"licen[cs]e|lic\.?|certificate|cert\.?|certification|registration|reg\.?|dea|npi|upin|board"), 0.9),
    ("LICENSE_NUMBER", r"\b[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}\b", 0.5),  # DEA, checksum validated
    ("LICENSE_NUMBER", r"\b[12]\d{9}\b", 0.3),  # NPI, Luhn validated with the 80840 prefix
    ("DRIVER_LICENSE", labelled(r"driver'?s?\s+licen[cs]e|driving licen[cs]e|dl|d\.l\.|cdl"), 0.95),
    ("VEHICLE_ID", r"\b(?=[A-HJ-NPR-Z0-9]*\d)(?=[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z])[A-HJ-NPR-Z0-9]{17}\b", 0.85),
    ("VEHICLE_ID", r"(?i:\b(?:vin|vehicle(?: identification)?|license plate|licen[cs]e tag|plate|tag)(?:\s*(?:number|no\.?|#)?\s*[:#]?\s*))(?P<v>(?=[A-Z\-\s]*\d)[A-Z0-9][A-Z0-9\-\s]{1,9}[A-Z0-9])\b", 0.85),
    ("DEVICE_ID", labelled(r"serial|s/n|sn|device|udi|lot|model/serial|implant|pacemaker|icd|pump|imei|mac", label=r"\s*(?:number|num|no\.?|#|id|identifier|serial)?\s*[:#]?\s*"), 0.9),
    ("DEVICE_ID", r"\(01\)\d{14}(?:\(\d{2}\)[A-Z0-9]+)*", 0.9),  # GS1 UDI
    ("URL", r"\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:)]", 0.9),
    # A bare domain with or without a path: "mychart.example.org/u/4471".
    ("URL", r"(?<![@\w.])(?:[a-z0-9\-]+\.)+(?:com|org|net|edu|gov|io|us|info|health|care|app|me)(?:/[^\s<>\"']*[^\s<>\"'.,;:)])?(?![\w@])", 0.8),
    ("IP_ADDRESS", r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b", 0.9),
    ("IP_ADDRESS", r"\b(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}\b", 0.9),
    # Compressed IPv6 ("2601:5c2:8402:1f0::3a", "fe80::1"): checked by the ipaddress module.
    ("IP_ADDRESS", IPV6, 0.85),
    # Any other code introduced as an identifier.
    ("ID", labelled(r"id|identifier|ref(?:erence)?|case|ticket|record|code|badge|employee|specimen|accession|sample|barcode", label=r"\s*(?:number|no\.?|#)?\s*[:#]\s*"), 0.85),
    ("ID", r"(?<![\w&])#\s?(?P<v>(?=[A-Z\-]*\d)[A-Z0-9][A-Z0-9\-]{3,24})\b", 0.8),
    # A long run of digits is an identifier in clinical text (no lab value has nine digits).
    ("ID", r"(?<![\w.,])\d{9,19}(?![\w.,]\d)", 0.5),
    ("ID", r"\b\d{4}(?:[ \-]\d{4}){2,4}\b", 0.5),
    # Geography below the state.
    ("STREET_ADDRESS", rf"\b\d{{1,6}}[A-Z]?\s+(?:[NSEW]\.?\s+|(?:North|South|East|West)\s+)?(?:[A-Z][a-zA-Z]+\.?\s+){{1,4}}{STREET_SUFFIX}\b\.?(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Bldg|Building|Floor|Fl|Room|Rm|#)\.?\s*[A-Z0-9\-]+)?", 0.85),
    ("STREET_ADDRESS", r"(?i:\b(?:p\.?\s?o\.?\s?box|post office box)\s*)\d+\b", 0.85),
    ("STREET_ADDRESS", r"(?i:\b(?:apt|apartment|suite|ste|unit)\.?\s*#?\s*)(?P<v>\d+[A-Z]?)\b", 0.6),
    ("LOCATION", rf"\b(?P<v>[A-Z][a-zA-Z]+(?:[ \-][A-Z][a-zA-Z]+){{0,3}}),\s+(?:{STATE})\b", 0.85),
    ("LOCATION", rf"\b(?P<v>[A-Z][a-zA-Z]+(?:[ \-][A-Z][a-zA-Z]+){{0,3}})\s+(?:{STATE})\.?\s+\d{{5}}\b", 0.85),
    ("LOCATION", rf"(?:\bfrom\s+)(?P<v>{NAME}(?:\s+{NAME})?)\b(?!\s+(?:Hospital|Clinic|Center|Centre|Medical))", 0.5),
    ("LOCATION", r"\b(?P<v>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s+(?:County|Parish|Borough|Township))\b", 0.85),
    # A county in the short form EMS and sheriffs write: "HARRIS CO EMS", "Marion Co. Fire".
    ("LOCATION", r"\b(?P<v>(?:[A-Z]{3,}|[A-Z][a-z]+)(?:\s(?:[A-Z]{3,}|[A-Z][a-z]+))?\s+(?:CO|Co|CNTY|Cnty)\.?)(?=\s+(?:EMS|Fire|FIRE|FD|SO|Sheriff|SHERIFF|Rescue|RESCUE|Medic|MEDIC|Dispatch|DISPATCH|911|Jail|JAIL|Ambulance|AMBULANCE|PD|Health|HEALTH)\b)", 0.85),
    ("LOCATION", rf"(?:\b(?:lives|living|resides|residing|resident|born|moved|relocated|travel(?:ed|led)?|visiting|from|home)\s+(?:in|at|to|of|from)\s+)(?P<v>{NAME}(?:\s+{NAME}){{0,2}})\b", 0.6),
    ("ZIP_CODE", rf"\b(?:{STATE})\.?,?\s+(?P<v>\d{{5}}(?:-\d{{4}})?)\b", 0.9),
    ("ZIP_CODE", r"(?i:\b(?:zip|zip code|zipcode|postal code|postcode)\s*[:#]?\s*)(?P<v>\d{5}(?:-\d{4})?)\b", 0.95),
    # Names introduced by a title, a role, a relation or a signature: surer than spaCy's
    # guesses (0.85), which win a merge otherwise and type a patient's name as a place.
    ("PERSON", rf"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Sr|Nurse)\.?\s+(?P<v>{FULL_NAME})", 0.9),
    ("PERSON", rf"(?i:\b(?:patient|pt|name|patient name)\b[:,]?\s+)(?P<v>{NAME},\s+{NAME}(?:\s+[A-Z]\.?)?)", 0.9),
    ("PERSON", rf"(?P<v>{FULL_NAME}),?\s+(?:MD|M\.D\.|DO|D\.O\.|RN|NP|PA|PA-C|APRN|CRNA|PharmD|PhD|LPN|CNA|MSW|LCSW|DDS|DPM)\b", 0.9),
    ("PERSON", rf"(?i:\b(?:patient|pt|name|patient name|child|caller|client|member|guarantor|subscriber|insured|re|seen by|attending|pcp|provider|physician|surgeon|nurse|resident|fellow|signed by|dictated by|cosigned by|referred by|referring|consultant|emergency contact|contact|guardian|caregiver|next of kin|nok|mother|father|son|daughter|wife|husband|spouse|partner|brother|sister|sibling|aunt|uncle|cousin|grandmother|grandfather|niece|nephew|friend|neighbor)\b[:,]?\s+(?:is\s+|was\s+|named\s+)?)(?P<v>{FULL_NAME})", 0.9),
    # --- written forms a label does not introduce -------------------------------------------
    # Dates in words: "the seventh of March", "March the seventh", "Monday the seventeenth",
    # "mid-June", "Christmas Eve", month names tied to the patient ("since August").
    ("DATE", rf"(?i:\b(?:the\s+)?{DAY}\s+(?:day\s+)?of\s+{MONTH})", 0.9),
    ("DATE", rf"(?i:\b{MONTH}\s+(?:the\s+)?(?:{ORDINAL_WORD}|(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)))\b", 0.9),
    ("DATE", rf"(?i:\b{WEEKDAY},?\s+(?:the\s+)?{DAY})\b(?!\s*(?:dose|cycle|day|week|time|degree|grade|line))", 0.85),
    ("DATE", rf"(?i:\b(?:early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of)[-\s]+{MONTH})", 0.85),
    ("DATE", rf"\b{HOLIDAY}\b", 0.8),
    ("DATE", r"\b(?:January|February|March|April|June|July|August|September|October|November|December)\b", 0.7),
    ("DATE", rf"(?i:\b(?:in|since|of|until|till|by|through|from|during|last|next|this)\s+)(?P<v>May|{MONTH})\b", 0.75),
    ("DATE", r"(?i:\b(?:on|by|since|until|from|before|after|through|til|till)\s+)(?P<v>the\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th))\b(?!\s*(?:dose|cycle|day|week|time|degree|grade|line|floor|percentile|trimester|toe|finger|rib|intercostal|cranial))", 0.8),
    # A month/day with no year: "interrogated 6/3", "EGD 10/6". Not a fraction, a pain or
    # strength score, a murmur grade or a dose ("5/5 strength", "pain 7/10", "2/6 murmur").
    ("DATE", r"(?:(?P<no>(?i:\b(?:strength|power|motor|pain|score|grade|murmur|reflexes|pulses|scale|vision|acuity|ratio|rated|sensation|dtrs?|cog|recall|registration|of)\b[:=]?\s*(?:is|was|of|at)?\s*))|(?<![\w/.:]))(?P<v>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))(?![\w/]|\.\d|\s*(?i:mmhg|strength|murmur|holosystolic|systolic|diastolic|tab|pill|dose|of|ratio|power|motor|reflex|pulses?|times|x\b|bilaterally))", 0.7),
    # Spoken dates: "one, seventeen, eighty-eight" (month, day, year in words) and Spanish
    # ones: "tres de mayo", "el 21 de junio".
    ("DATE", rf"(?i:\b{SPOKEN_MONTH}[\s,/\-]+{SPOKEN_DAY}[\s,/\-]+{SPOKEN_YEAR}\b)", 0.8),
    ("DATE", r"(?i:\b(?:[0-3]?\d|primero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|diecis[eé]is|diecisiete|dieciocho|diecinueve|veinte|veinti\w+|treinta(?:\s+y\s+uno)?)\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\b)", 0.85),
    # Ages over 89 in words or short forms.
    ("AGE", r"(?i:\b(?:died|passed(?:\s+away)?|deceased|death|expired|d\.)\s+(?:at\s+)?(?:age\s+)?)(?P<v>9\d|1[01]\d)\b(?!\s*(?:%|mg|kg|days?|weeks?|months?|hours?|min))", 0.8),
    ("AGE", rf"(?i:\b(?P<v>{AGE_WORD})\b(?![-\s]+(?:percent|per|minutes?|mins?|seconds?|hours?|days?|weeks?|months?|mg|mcg|kg|g|grams?|pounds?|lbs?|ml|cc|units?|times|degrees?|beats|breaths|meters?|feet|miles?|cm|mm|dollars?|%|to|or|\d)\b))", 0.8),
    ("AGE", r"(?i:\b(?:early|mid|late)[-\s]+(?P<v>nineties)\b)", 0.85),
    ("AGE", r"(?i:\b(?:aged?|is|was|turned|turns|now)\s+)(?P<v>9\d|1[01]\d)\b(?!\s*(?:%|mg|kg|lbs?|cm|mm|bpm|beats|min|percent|on|/))", 0.75),
    ("AGE", rf"(?<={LOWER}{{2}}),\s(?P<v>9\d|1[01]\d)(?=[,;)]|\s+\()", 0.7),
    ("AGE", r"\b(?P<v>9\d|1[01]\d)[\s-]*(?:yo|y/o|y\.o\.|yrs?|y)\b", 0.85),
    ("AGE", r"\(\s*(?P<v>9\d|1[01]\d)\s*(?:y|yo|yrs?|years?)?\s*\)", 0.75),
    ("AGE", r"\b(?P<v>9\d|1[01]\d)\s*/\s*[MFmf]\b", 0.8),
    ("AGE", r"\b(?P<v>9\d|1[01]\d)\s+years(?=\s*[,;.)]|\s+(?:of\s+age|and|with|who)\b)", 0.75),
    # Names in forms the title and role patterns do not reach.
    ("PERSON", CAPS_LAST_FIRST, 0.85),
    ("PERSON", LAST_FIRST, 0.85),
    ("PERSON", rf"(?i:\b(?:goes\s+by|preferred(?:\s+name)?|aka|a\.k\.a\.|nicknamed?|called|known\s+as)\s*[:,]?\s*)[\"“'‘(]?(?P<v>{NAME})", 0.85),
    ("PERSON", rf"(?<=\s)[\"“‘](?P<v>{NAME})[\"”’](?=\s+{NAME})", 0.85),
    ("PERSON", rf"(?i:\b(?:{RELATIONS})\b\s*[:,]?\s*[(\"“'‘]?)(?-i:(?P<v>{NAME}(?:\s+{NAME}){{0,2}}))", 0.85),
    ("PERSON", rf"\b(?:RN|LPN|LVN|CNA|NP|PA|MD|DO|RT|RRT|PT|OT|SW|SLP|PCT|MA|EMT|CRNA|PharmD)\.?\s+(?P<v>{NAME}(?:\s+[A-Z]\.)?(?:\s+{NAME}){{0,2}})", 0.85),
    ("PERSON", rf"(?P<v>{FULL_NAME}),?\s+(?:{CREDENTIALS})\b", 0.9),
    ("PERSON", rf"(?:[-—–]\s*)(?P<v>{NAME}(?:\s+[A-Z]\.)?)(?=,?\s+(?:{CREDENTIALS})\b)", 0.85),
    ("PERSON", r"(?i:\b(?:patient|pt|name|caller|child|client|resident|member|guarantor|subscriber|insured)\s*:\s*)(?-i:(?P<v>[a-zß-ÿ][a-zß-ÿ'’\-]+(?:\s+[a-zß-ÿ][a-zß-ÿ'’\-]+){1,3}))", 0.8),
    ("PERSON", rf"(?i:\b(?:dear|sincerely|regards|cc|signed|e-signed|electronically\s+signed\s+by|dictated\s+by|transcribed\s+by|documented\s+by|reviewed\s+by|spoke\s+with|discussed\s+with|left\s+(?:a\s+)?message\s+for|message\s+from|called|seen\s+with|attn|attention|c/o|care\s+of)\b[:,]?\s+)(?-i:(?P<v>(?:[A-Z]\.\s*)?{NAME}(?:\s+[A-Z]\.)?(?:\s+{NAME}){{0,2}}))", 0.6),
    # Streets without a house number ("lives on Ocean Pkwy"), numbered streets and
    # post-directionals ("17021 108th Ave SE"), Spanish street types, rural routes.
    ("STREET_ADDRESS", rf"(?i:\b(?:on|off|at|near|along|corner\s+of|lives\s+on)\s+)(?-i:(?P<v>(?:{NAME}\s+){{1,3}}(?:{STREET_SUFFIX})\b\.?))", 0.8),
    ("STREET_ADDRESS", rf"\b\d{{1,6}}[A-Z]?\s+(?:(?:NE|NW|SE|SW|[NSEW])\.?\s+)?(?:\d{{1,4}}(?:st|nd|rd|th)|{NAME})(?:\s+{NAME}){{0,3}}\s+{STREET_SUFFIX}\b\.?(?:\s+(?:NE|NW|SE|SW|N|S|E|W)\b)?(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Bldg|Building|Floor|Fl|Room|Rm|Lot|Space|#)\.?\s*[A-Z0-9\-]+)?", 0.85),
    ("STREET_ADDRESS", rf"\b\d{{1,6}}\s+(?:Calle|Avenida|Camino|Paseo|Via|Rue|Route|County\s+Road|State\s+Route|Rural\s+Route|RR|Highway|Hwy)\s+(?:{NAME}|\d{{1,4}})(?:\s+{NAME})?(?:,?\s*(?:Apt|Unit|Suite|#)\.?\s*[A-Z0-9\-]+)?", 0.85),
    ("STREET_ADDRESS", rf"\b(?:{NAME}\s+)?(?:Route|County\s+Road|State\s+Route|Rural\s+Route|Highway|Hwy)\s+\d{{1,4}}(?:,?\s+mile\s+marker\s+\d+)?", 0.75),
    # Written in lower case (portal messages): "i live at 22 maple st".
    ("STREET_ADDRESS", r"\b\d{1,6}\s+(?:[a-z][a-z'\-]+\s+){1,3}(?:street|st|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|court|ct|way|place|pl|circle|cir|terrace|ter|parkway|pkwy|highway|hwy|trail|trl)\b\.?", 0.8),
    # A house number and a street name before a unit or a "City, ST".
    ("STREET_ADDRESS", rf"\b\d{{1,6}}\s+(?:{NAME}\s+){{0,2}}{NAME}(?=,?\s+(?:Apt|Apartment|Unit|Suite|Ste|#|{NAME}(?:\s+{NAME})?,\s*(?:{STATE})\b))", 0.8),
    ("STREET_ADDRESS", r"(?i:\b(?:rr|rural\s+route|hc|star\s+route)\s*\d+\s*,?\s*box\s*\d+)", 0.85),
    # Towns and neighbourhoods by what is said of them.
    ("LOCATION", rf"(?i:\b(?:town|city|village|township|borough|hamlet|county)\s+of\s+)(?-i:(?P<v>{NAME}(?:\s+{NAME}){{0,2}}))", 0.8),
    ("LOCATION", rf"\b(?P<v>{NAME}(?:\s+{NAME}){{0,2}})\s+(?i:neighbou?rhood|subdivision|area|district|village|township|trailer\s+park|apartments|estates|heights)\b", 0.6),
    ("LOCATION", rf"(?i:\b(?:grew\s+up|raised|staying|stays|works?|worked|commutes?|drives?|drove|relocating|moving|lived|settled)\s+(?:in|at|to|near|from)\s+)(?-i:(?P<v>{NAME}(?:\s+{NAME}){{0,2}}))", 0.6),
]
# fmt: on


def _luhn_npi(value: str) -> bool:
    digits = [int(d) for d in "80840" + value]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _dea(value: str) -> bool:
    digits = [int(d) for d in value[2:]]
    check = digits[0] + digits[2] + digits[4] + 2 * (digits[1] + digits[3] + digits[5])
    return check % 10 == digits[6]


def _ipv6(value: str) -> bool:
    import ipaddress

    try:
        ipaddress.IPv6Address(value)
    except ValueError:
        return False
    return True


def _names_not_headers(value: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_]+", value) if len(w) > 1]
    if all(w.isupper() and len(w) <= 4 and w in CLINICAL_ABBREVIATIONS for w in words):
        return False  # "CBC, CMP"
    return not any(w.lower() in HEADER_WORDS or w.lower() in EPONYMS for w in words)


VALIDATORS: dict[str, Callable[[str], bool]] = {
    r"\b[12]\d{9}\b": _luhn_npi,
    r"\b[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}\b": _dea,
    IPV6: _ipv6,
    CAPS_LAST_FIRST: _names_not_headers,
    LAST_FIRST: _names_not_headers,
}


def is_clinical_term(text: str, span: str, end: int) -> bool:
    """A PERSON or LOCATION finding that is clinical language: an eponym used as one
    ('Parkinson disease', 'Babinski negative') or a drug name."""
    after = text[end : end + 24]
    if CLINICAL_FOLLOWERS.match(after):
        return True
    words = [w for w in re.split(r"[\s\-']+", span.lower()) if w]
    if words and all(w in EPONYMS for w in words) and EPONYM_FINDING.match(after):
        return True
    return len(words) == 1 and bool(DRUG_STEM.search(words[0]))


def is_allowed_geography(span: str) -> bool:
    """States and countries may stay under Safe Harbor; only smaller geography is PHI."""
    return span.strip().strip(".").lower() in STATE_NAMES or span.strip() in STATES
