"""medbento's recognizers for the HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)) that
stock Presidio misses, and the filters that keep clinical language out of the findings.

Most identifiers in clinical text are introduced by context ("MRN:", "member ID", "serial #"),
so each pattern may capture only its `v` group: the label stays, the value goes. Patterns are
plain `re`, compiled once; one recognizer runs them all in a single pass per pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from presidio_analyzer import LocalRecognizer, RecognizerResult

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
    r"phenomenon|fracture|triad|point|grade|stage|ulcer|ring|loop|tube|repair|operation)\b",
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
NAME = r"[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?"
FULL_NAME = rf"{NAME}(?:\s+[A-Z]\.)?(?:\s+{NAME}){{0,2}}"
DATE_WORDS = (
    r"(?:on|since|dob|d\.o\.b\.?|born|birth|birthdate|admitted|admission|admit|discharged?|"
    r"discharge|seen|visit|follow[- ]?up|f/u|scheduled|dated?|until|by|expired|died|death|"
    r"deceased|surgery|procedure|returns?|appointment|appt|from|to|last|next|of)"
)

PATTERNS: list[tuple[str, str, float]] = [
    # Dates: every element but the year (all common formats).
    ("DATE", r"\b(?:0?[1-9]|1[0-2])[/\-.](?:0?[1-9]|[12]\d|3[01])[/\-.](?:19|20)?\d{2}\b", 0.9),
    ("DATE", r"\b(?:19|20)\d{2}[/\-.](?:0?[1-9]|1[0-2])[/\-.](?:0?[1-9]|[12]\d|3[01])\b", 0.9),
    ("DATE", r"\b(?:0?[1-9]|[12]\d|3[01])[.\-](?:0?[1-9]|1[0-2])[.\-](?:19|20)\d{2}\b", 0.85),
    (
        "DATE",
        rf"\b{MONTH}\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{{2}})?\b",
        0.9,
    ),
    (
        "DATE",
        rf"\b(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+(?:19|20)\d{{2}})?\b",
        0.9,
    ),
    ("DATE", rf"\b(?:0?[1-9]|[12]\d|3[01])[\-\s]{MONTH}[\-\s](?:19|20)?\d{{2}}\b", 0.9),
    ("DATE", rf"\b{MONTH},?\s+(?:19|20)\d{{2}}\b", 0.8),
    (
        "DATE",
        rf"(?i:\b{DATE_WORDS}\b[:\s]+)(?P<v>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))\b(?!\s*(?:mmhg|tab|pill))",
        0.75,
    ),
    # Ages over 89 (Safe Harbor aggregates them as 90 or older).
    ("AGE", r"\b(?P<v>(?:9\d|1[0-2]\d))(?:\s*|-)(?:years?|yrs?|y)(?:\s*|-)(?:old|of age|o\b)", 0.9),
    ("AGE", r"(?i:\b(?:age[ds]?|aged)\s*:?\s*)(?P<v>(?:9\d|1[0-2]\d))\b", 0.85),
    ("AGE", r"\b(?P<v>(?:9\d|1[0-2]\d))\s*(?:yo|y/o|y\.o\.)(?=\W|$)", 0.9),
    ("AGE", r"\b(?P<v>(?:9\d|1[0-2]\d))[- ]?(?:year|yr)[- ]old\b", 0.9),
    ("AGE", r"\b(?P<v>(?:9\d|1[0-2]\d))\s?(?:M|F|m|f)\b(?=[\s,.;])", 0.6),
    # Contact numbers.
    (
        "PHONE_NUMBER",
        r"(?<![\w/.])(?:\+?1[\s.\-]?)?\(?\b[2-9]\d{2}\)?[\s.\-]?[2-9]\d{2}[\s.\-]\d{4}\b(?:\s*(?:x|ext\.?)\s*\d{1,5})?",
        0.8,
    ),
    (
        "PHONE_NUMBER",
        r"(?i:\b(?:phone|tel|telephone|cell|mobile|fax|pager|call|contact|ph)\b\.?\s*(?:number|no\.?|#)?\s*[:#]?\s*)(?P<v>\+?\d[\d\s.\-()]{8,16}\d)",
        0.85,
    ),
    # International numbers, written with a country code or a bracketed area code.
    (
        "PHONE_NUMBER",
        r"(?<![\w+])\+\d{1,3}[\s.\-]?(?:\(0?\d{1,4}\)[\s.\-]?)?\d{1,4}(?:[\s.\-]?\d{2,4}){1,4}(?!\w)",
        0.75,
    ),
    (
        "PHONE_NUMBER",
        r"(?<![\w)])\(\d{2,4}\)[\s.\-]?\d{2,4}[\s.\-]?\d{2,4}(?:[\s.\-]?\d{2,4})?(?!\w)",
        0.7,
    ),
    ("US_SSN", r"\b(?!000|666|9\d\d)\d{3}[\s\-](?!00)\d{2}[\s\-](?!0000)\d{4}\b", 0.85),
    (
        "US_SSN",
        r"(?i:\b(?:ssn|social security(?: number| no\.?| #)?|ss#)\s*[:#]?\s*)(?P<v>\d{3}[\s\-]?\d{2}[\s\-]?\d{4})\b",
        0.95,
    ),
    ("EMAIL_ADDRESS", r"\b[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+\b", 0.95),
    # Record, plan, account, license, vehicle and device numbers, introduced by context.
    (
        "MEDICAL_RECORD_NUMBER",
        rf"(?i:\b(?:mrn|mr#|medical record|med(?:ical)? rec(?:ord)?|chart|patient|pt|encounter|visit|fin|csn|hospital)(?:{LABEL}))(?P<v>(?=[A-Z\-]*\d){NUM_ID})\b",
        0.9,
    ),
    (
        "HEALTH_PLAN_ID",
        rf"(?i:\b(?:member|subscriber|policy|insurance|insured|health plan|plan|beneficiary|medicare|medicaid|mbi|group|payer|payor|hicn|coverage)(?:{LABEL}))(?P<v>(?=[A-Z\-]*\d){NUM_ID})\b",
        0.9,
    ),
    (
        "HEALTH_PLAN_ID",
        r"\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]{2}\d{2}\b",
        0.8,
    ),
    (
        "ACCOUNT_NUMBER",
        rf"(?i:\b(?:account|acct|billing|invoice|claim|routing|bank)(?:{LABEL}))(?P<v>(?=[A-Z\-]*\d){NUM_ID})\b",
        0.9,
    ),
    (
        "LICENSE_NUMBER",
        rf"(?i:\b(?:licen[cs]e|lic\.?|certificate|cert\.?|certification|registration|reg\.?|dea|npi|upin|board)(?:{LABEL}))(?P<v>(?=[A-Z\-]*\d){NUM_ID})\b",
        0.9,
    ),
    ("LICENSE_NUMBER", r"\b[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}\b", 0.5),  # DEA, checksum validated
    ("LICENSE_NUMBER", r"\b[12]\d{9}\b", 0.3),  # NPI, Luhn validated with the 80840 prefix
    (
        "DRIVER_LICENSE",
        rf"(?i:\b(?:driver'?s?\s+licen[cs]e|driving licen[cs]e|dl|d\.l\.|cdl)(?:{LABEL}))(?P<v>(?=[A-Z\-]*\d){NUM_ID})\b",
        0.95,
    ),
    (
        "VEHICLE_ID",
        r"\b(?=[A-HJ-NPR-Z0-9]*\d)(?=[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z])[A-HJ-NPR-Z0-9]{17}\b",
        0.85,
    ),
    (
        "VEHICLE_ID",
        r"(?i:\b(?:vin|vehicle(?: identification)?|license plate|licen[cs]e tag|plate|tag)(?:\s*(?:number|no\.?|#)?\s*[:#]?\s*))(?P<v>(?=[A-Z\-\s]*\d)[A-Z0-9][A-Z0-9\-\s]{1,9}[A-Z0-9])\b",
        0.85,
    ),
    (
        "DEVICE_ID",
        rf"(?i:\b(?:serial|s/n|sn|device|udi|lot|model/serial|implant|pacemaker|icd|pump|imei|mac)(?:\s*(?:number|num|no\.?|#|id|identifier|serial)?\s*[:#]?\s*))(?P<v>(?=[A-Z\-]*\d){NUM_ID})\b",
        0.9,
    ),
    ("DEVICE_ID", r"\(01\)\d{14}(?:\(\d{2}\)[A-Z0-9]+)*", 0.9),  # GS1 UDI
    ("URL", r"\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:)]", 0.9),
    ("IP_ADDRESS", r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b", 0.9),
    ("IP_ADDRESS", r"\b(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}\b", 0.9),
    # Any other code introduced as an identifier.
    (
        "ID",
        rf"(?i:\b(?:id|identifier|ref(?:erence)?|case|ticket|record|code|badge|employee|specimen|accession|sample|barcode)\s*(?:number|no\.?|#)?\s*[:#]\s*)(?P<v>(?=[A-Z\-]*\d){NUM_ID})\b",
        0.85,
    ),
    ("ID", r"(?<![\w&])#\s?(?P<v>(?=[A-Z\-]*\d)[A-Z0-9][A-Z0-9\-]{3,24})\b", 0.8),
    # A long run of digits is an identifier in clinical text (no lab value has nine digits).
    ("ID", r"(?<![\w.,])\d{9,19}(?![\w.,]\d)", 0.5),
    ("ID", r"\b\d{4}(?:[ \-]\d{4}){2,4}\b", 0.5),
    # Geography below the state.
    (
        "STREET_ADDRESS",
        rf"\b\d{{1,6}}[A-Z]?\s+(?:[NSEW]\.?\s+|(?:North|South|East|West)\s+)?(?:[A-Z][a-zA-Z]+\.?\s+){{1,4}}{STREET_SUFFIX}\b\.?(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Bldg|Building|Floor|Fl|Room|Rm|#)\.?\s*[A-Z0-9\-]+)?",
        0.85,
    ),
    ("STREET_ADDRESS", r"(?i:\b(?:p\.?\s?o\.?\s?box|post office box)\s*)\d+\b", 0.85),
    (
        "STREET_ADDRESS",
        r"(?i:\b(?:apt|apartment|suite|ste|unit)\.?\s*#?\s*)(?P<v>\d+[A-Z]?)\b",
        0.6,
    ),
    ("LOCATION", rf"\b(?P<v>[A-Z][a-zA-Z]+(?:[ \-][A-Z][a-zA-Z]+){{0,3}}),\s+(?:{STATE})\b", 0.85),
    (
        "LOCATION",
        rf"\b(?P<v>[A-Z][a-zA-Z]+(?:[ \-][A-Z][a-zA-Z]+){{0,3}})\s+(?:{STATE})\.?\s+\d{{5}}\b",
        0.85,
    ),
    (
        "LOCATION",
        rf"(?:\bfrom\s+)(?P<v>{NAME}(?:\s+{NAME})?)\b(?!\s+(?:Hospital|Clinic|Center|Centre|Medical))",
        0.5,
    ),
    (
        "LOCATION",
        r"\b(?P<v>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s+(?:County|Parish|Borough|Township))\b",
        0.85,
    ),
    (
        "LOCATION",
        rf"(?:\b(?:lives|living|resides|residing|resident|born|moved|relocated|travel(?:ed|led)?|visiting|from|home)\s+(?:in|at|to|of|from)\s+)(?P<v>{NAME}(?:\s+{NAME}){{0,2}})\b",
        0.6,
    ),
    ("ZIP_CODE", rf"\b(?:{STATE})\.?,?\s+(?P<v>\d{{5}}(?:-\d{{4}})?)\b", 0.9),
    (
        "ZIP_CODE",
        r"(?i:\b(?:zip|zip code|zipcode|postal code|postcode)\s*[:#]?\s*)(?P<v>\d{5}(?:-\d{4})?)\b",
        0.95,
    ),
    # Names introduced by a title, a role, a relation or a signature: surer than spaCy's
    # guesses (0.85), which win a merge otherwise and type a patient's name as a place.
    ("PERSON", rf"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Sr|Nurse)\.?\s+(?P<v>{FULL_NAME})", 0.9),
    (
        "PERSON",
        rf"(?i:\b(?:patient|pt|name|patient name)\b[:,]?\s+)(?P<v>{NAME},\s+{NAME}(?:\s+[A-Z]\.?)?)",
        0.9,
    ),
    (
        "PERSON",
        rf"(?P<v>{FULL_NAME}),?\s+(?:MD|M\.D\.|DO|D\.O\.|RN|NP|PA|PA-C|APRN|CRNA|PharmD|PhD|LPN|CNA|MSW|LCSW|DDS|DPM)\b",
        0.9,
    ),
    (
        "PERSON",
        rf"(?i:\b(?:patient|pt|name|patient name|seen by|attending|pcp|provider|physician|surgeon|nurse|resident|fellow|signed by|dictated by|cosigned by|referred by|referring|consultant|emergency contact|contact|guardian|caregiver|next of kin|nok|mother|father|son|daughter|wife|husband|spouse|partner|brother|sister|sibling|aunt|uncle|cousin|grandmother|grandfather|niece|nephew|friend|neighbor)\b[:,]?\s+(?:is\s+|was\s+|named\s+)?)(?P<v>{FULL_NAME})",
        0.9,
    ),
]


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


VALIDATORS: dict[str, Callable[[str], bool]] = {
    r"\b[12]\d{9}\b": _luhn_npi,
    r"\b[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}\b": _dea,
}


class SafeHarborRecognizer(LocalRecognizer):
    """Every pattern above, in one recognizer."""

    def __init__(self) -> None:
        self.compiled = [
            (entity, re.compile(regex), score, VALIDATORS.get(regex))
            for entity, regex, score in PATTERNS
        ]
        entities = sorted({entity for entity, _, _ in PATTERNS})
        super().__init__(
            supported_entities=entities, name="medbento-safe-harbor", supported_language="en"
        )

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        wanted = set(entities or self.supported_entities)
        results = []
        for entity, regex, score, validate in self.compiled:
            if entity not in wanted:
                continue
            for match in regex.finditer(text):
                group = "v" if "v" in regex.groupindex else 0
                start, end = match.span(group)
                if start == end or (validate and not validate(match.group(group))):
                    continue
                results.append(RecognizerResult(entity, start, end, score))
        return results


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
