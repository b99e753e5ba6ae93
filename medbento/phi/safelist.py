"""Recall that does not depend on having seen the phrasing: a safe-list design.

The patterns in recognizers.py find identifiers by their context ("MRN:", "member ID"); an
identifier written with a label they do not know, or with none, slipped through. Here the
question is turned round, as Philter does: every token shaped like an identifier (digit runs,
letter-digit codes, file names) is PHI unless it is known clinical notation (a dose, a lab
value, a time, a year, a vertebral level, an ICD-10 code, a gene, a score). And the reverse
guard: spans of clinical language (an eponymous disease, a virus, a scale) are protected from
findings that would remove them ("Glasgow Coma Scale 14" is not a place and a number).
"""

from __future__ import annotations

import re

# A token: letters and digits, joined by the connectors identifiers use.
TOKEN = re.compile(r"(?<![\w])[A-Za-z0-9](?:[A-Za-z0-9]|[\-_.*/:#](?=[A-Za-z0-9]))*")
MEDIA = re.compile(  # anchored at a name's start: tried from every character, it was quadratic
    r"(?i)(?<![\w\-.])[\w\-.]+\.(?:jpe?g|png|gif|bmp|tiff?|heic|webp|dcm|dicom|pdf|wav|mp3|m4a|mp4|mov|avi)\b"
)
# Units and words after a number that make it a measurement, not an identifier.
UNIT = re.compile(
    r"(?i)^\s*(?:%|mg|mcg|µg|ug|g|kg|lb|lbs|oz|ml|l|dl|mmol|mol|meq|iu|units?|u|cells|copies|"
    r"ng|pg|nmol|pmol|mm|cm|m|km|mmhg|bpm|/min|kcal|cal|steps|mosm|sec|s|ms|min|hrs?|h|days?|"
    r"wks?|weeks?|months?|years?|x|times|mm3|ul|µl|/ul|/µl|k/ul|ft|°|degrees?|f|c)\b"
)
# What stands before a number that makes it a lab or vital value, or a billing code.
MEASURE_BEFORE = re.compile(
    r"(?i)\b(?:bnp|nt-probnp|plt|platelets?|wbc|rbc|ferritin|ck|cpk|ldh|glucose|bg|fsbg|tg|"
    r"triglycerides|ast|alt|alp|ggt|d-dimer|troponin|trop|lipase|amylase|tsh|psa|cd4|"
    r"viral load|vl|egfr|crp|esr|bili|bilirubin|protein|albumin|ammonia|lactate|iga|igg|ige|"
    r"igm|anc|alc|retic|inr|ptt|pt|fibrinogen|hb|hgb|hct|mcv|sodium|na|potassium|k|cpt|hcpcs|"
    r"drg|icd-10|icd|weight|wt|height|ht|volume|output|intake|uop|ebl|dose|score|count|level|"
    r"titer|units?|rate|calories|kcal|steps|distance|ft|feet|meters?)\s*(?:of|was|is|:|=|~)?\s*$"
)
# Clinical notation that is shaped like a code.
CLINICAL_CODES = re.compile(
    r"(?x)^(?:"
    r"[CTLS]\d{1,2}(?:-[CTLS]?\d{1,2})?"  # vertebral levels, L4-L5
    r"|G\d{1,2}P\d{1,4}(?:-?\d{1,4})?"  # obstetric notation, G2P1, G3P2012
    r"|T[0-4xis][a-d]?N[0-3x][a-c]?M[01x][a-c]?"  # TNM staging
    r"|[A-TV-Z]\d{2}(?:\.\d{1,4}[A-Z]?)?"  # ICD-10-CM
    r"|(?:CHA2DS2-VASc|HbA1c|A1c|SpO2|FiO2|PaO2|PaCO2|pCO2|pO2|FEV1|FVC|CD4|CD8|HIV-[12]|"
    r"HSV-[12]|HPV-\d{1,2}|H1N1|H5N1|COVID-19|SARS-CoV-2|CA-125|CA19-9|CA-19-9|PD-L1|HER2|"
    r"BRCA[12]|HLA-[A-Z]{1,4}\d{0,4}(?:\*[\d:]+)?|CYP\d[A-Z]\d{1,2}|APOE\d?|IL-\d{1,2}|JAK2|IDH[12]|NPM1|"
    r"G6PD|B12|D3|D2|K2|Q\d{1,2}H|q\d{1,2}h|PHQ-\d|GAD-\d|DSM-\d|CURB-65|MELD-Na|ICD-10|"
    r"ICD-9|COPD|CKD\d?[ab]?|DM[12]|T[12]DM|S[1-4]|V\d|O2|H2O|NaCl|KCl|MgSO4|CaCO3|D5W|D10W|"
    r"D5NS|N95|P2Y12|5-HT3|T3|T4|FT4|25-OH|1,25-OH)"
    r"|E[1-4]V(?:[1-5]|T)M[1-6]"  # Glasgow Coma Scale components, E3V4M6 (VT: intubated)
    r"|(?:[1-9]|1\d|2[0-2]|X|Y)[pq]\d{1,2}(?:\.\d{1,3})?"  # chromosome bands, 22q11.2
    # Gene symbols with digits inside: COL1A1, SLC26A4 (families named by their prefix: a plate
    # or a serial of the same shape stays an identifier).
    r"|(?:COL|SLC|CYP|ATP|KCN[A-Z]|SCN|CACNA|HNF|GJB|MYH|MYL|ABC[A-G]|UGT|SERPIN[A-I]|NDUF[ABSV]|"
    r"LRP|EIF|ADAMTS|CDKN|PIK3C|HOX[A-D]|TNFRSF|SDH|NR|HSD|ALDH|ADH|CHRN[ABDEG]|GRIN|GABR[ABG])"
    r"\d{1,2}[A-Z]{1,2}\d{1,2}"
    r"|(?:NM|NP|NC|NG|NR|XM)_\d{6,9}(?:\.\d{1,2})?"  # RefSeq accessions of a variant's transcript
    r")$"
)
# Procedure codes of the systems beside CPT: CDT (dental, D0100-D9999) and HCPCS level II
# (A0021-V5364). Their shape (a letter and four digits) is also a short identifier's, so they
# count as codes only where a code stands: after a code system's name or a billing word, in a
# list of such codes, or before the procedure it names.
PROCEDURE_CODE = re.compile(r"^[A-V]\d{4}$")
CODE_CONTEXT = re.compile(
    r"(?i)\b(?:cdt|hcpcs|cpt|codes?|billed|billing|bill|procedures?|proc|claim lines?|line items?|"
    r"ada|d-codes?|j-codes?|submitted|requested|authori[sz]ation for|modifier)\b[^.\n]{0,40}$"
)
PROCEDURE_WORDS = re.compile(
    r"(?i)^\s*[-–:(]?\s*(?:simple|surgical|extraction|exam|evaluation|radiograph|bitewings?|"
    r"panoramic|periapical|prophylaxis|prophy|fluoride|sealant|crown|core|filling|amalgam|resin|"
    r"composite|restoration|scaling|root|pulpotomy|pulpectomy|implant|abutment|denture|partial|"
    r"bridge|pontic|incision|biopsy|excision|alveoloplasty|occlusal|night ?guard|"
    r"injection|inj|infusion|supplies|strips|lancets|cpap|bipap|wheelchair|walker|splint|orthosis|"
    r"brace|oxygen|nebuli[sz]er|glucometer|ambulance|transport|mileage|annual|wellness|screening)"
)
GENE_VARIANT = re.compile(r"^[A-Z]\d{2,4}[A-Z]$")  # JAK2 V617F, KRAS G12C, BRAF V600E
TIME = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d$")
TIME_CONTEXT = re.compile(
    r"(?i)(?:\b(?:at|@|from|to|until|till|by|since|after|before|shift|time|around|about|"
    r"approx|approximately|~|lkw|lsw|lsn|well|normal|onset|dispatch(?:ed)?|enroute|scene|"
    r"arrival|arrived|departed|tob|born|delivered|delivery|given|started|stopped)\s*:?\s*$"
    r"|(?:^|\n)\s*$|\d{3,4}\s*[-–]\s*$)"
)
YEAR = re.compile(r"^(?:19|20)\d{2}$")
# Short upper-case words before an identifier's digits belong to it ("MR 7741-0092",
# "NY 412 883 906") unless they are clinical abbreviations.
PREFIX = re.compile(r"\b([A-Z]{1,4}(?: [A-Z]{1,4})?)[ ]$")
NOT_PREFIX = {
    "BP", "HR", "RR", "PO", "IV", "IM", "SC", "SQ", "EF", "PR", "QT", "QRS", "CPT", "ICD", "DRG",
    "BMI", "GCS", "PT", "OT", "ED", "ER", "OR", "ICU", "BUN", "HB", "GFR", "LDL", "HDL", "TSH",
    "PSA", "INR", "CK", "NA", "K", "CL", "CA", "MG", "WBC", "RBC", "PLT", "ANC", "CD", "AM", "PM",
    # Labels stay outside the value: "MRN <MEDICAL_RECORD_NUMBER_1>" keeps its meaning.
    "MRN", "MR", "SSN", "SS", "DOB", "NPI", "DEA", "MBI", "FIN", "CSN", "HAR", "ID", "SN", "VIN",
    "DL", "CDL", "ZIP", "TEL", "FAX", "PH", "EXT", "ACCT", "ACC", "REF", "LOT", "UDI", "IP",
    "PIN", "NO", "NUM", "REG", "LIC", "CERT", "POL", "GRP",
}  # fmt: skip
DIGIT_GROUPS = re.compile(r"(?<![\w.])\d{2,5}(?:[ \-.]\d{2,5}){2,}(?![\w])")


def _digits(token: str) -> int:
    return sum(c.isdigit() for c in token)


def _longest_run(token: str) -> int:
    return max((len(r) for r in re.findall(r"\d+", token)), default=0)


def _identifier_shaped(token: str) -> bool:
    if "/" in token:  # ratios and units ("18/450/PEEP", "mL/min/1.73m2"); dates are elsewhere
        return any(_longest_run(part) >= 4 for part in token.split("/"))
    letters = sum(c.isalpha() for c in token)
    digits = _digits(token)
    if not digits:
        return False
    if letters and (CLINICAL_CODES.match(token) or GENE_VARIANT.match(token)):
        return False
    if _longest_run(token) >= 4:
        return True
    if letters and digits >= 3 and len(token) >= 8:
        return True
    segments = re.split(r"[\-_.*/:#]", token)
    if letters and digits >= 3 and len(segments) >= 2 and len(token) >= 6:
        return True
    # Letters and digits that alternate, as plates and serials do: "7ABC123", "4MN22".
    switches = len(re.findall(r"(?<=\d)[A-Za-z]|(?<=[A-Za-z])\d", token))
    return letters >= 2 and digits >= 2 and len(token) >= 6 and switches >= 2


def _procedure_code(text: str, start: int, end: int, token: str) -> bool:
    if not PROCEDURE_CODE.match(token):
        return False
    if CODE_CONTEXT.search(text[max(0, start - 60) : start]) or PROCEDURE_WORDS.match(
        text[end : end + 30]
    ):
        return True
    # One of a list of codes: "D0220, D0330, D7140".
    near = text[max(0, start - 10) : start] + " " + text[end : end + 10]
    return bool(re.search(r"(?:^|[\s,;/(])[A-V]\d{4}(?:$|[\s,;/)])", near))


def _measurement(text: str, start: int, end: int, token: str) -> bool:
    """A number that is a value: with a unit after it, a lab or score before it, or a decimal
    point in it (identifiers with a dot are letter-led: "LPN.0018842", "MD.029174"). A run of
    five digits or more must have a lab's name of three letters or more before it: "ID 40718822
    x" and "Na 40718822" are identifiers, "platelets 250000" a count."""
    before = MEASURE_BEFORE.search(text[max(0, start - 24) : start])
    if _longest_run(token) >= 5:
        return bool(before) and len(before.group().split()[0]) >= 3
    if before or UNIT.match(text[end : end + 12]):
        return True
    return bool(re.fullmatch(r"\d+\.\d+", token))


def identifier_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, entity) for every identifier-shaped token that is not clinical notation."""
    found: list[tuple[int, int, str]] = []
    for match in MEDIA.finditer(text):
        found.append((match.start(), match.end(), "PHOTO_OR_MEDIA"))
    for match in TOKEN.finditer(text):
        token, start, end = match.group(), match.start(), match.end()
        if not _identifier_shaped(token) or _measurement(text, start, end, token):
            continue
        if token.isdigit() and len(token) == 4:
            before = text[max(0, start - 12) : start]
            if YEAR.match(token) or (TIME.match(token) and TIME_CONTEXT.search(before)):
                continue
        found.append((_with_prefix(text, start), end, "ID"))
    for match in DIGIT_GROUPS.finditer(text):
        if _digits(match.group()) >= 7:
            found.append((_with_prefix(text, match.start()), match.end(), "ID"))
    return found


def _with_prefix(text: str, start: int) -> int:
    prefix = PREFIX.search(text[max(0, start - 11) : start])
    if prefix and not set(prefix.group(1).split()) & NOT_PREFIX:
        return start - len(prefix.group(0))
    return start


# --- clinical language that findings must leave alone ------------------------------------

GENERA = (
    "Escherichia Klebsiella Pseudomonas Staphylococcus Streptococcus Enterococcus Clostridioides "
    "Clostridium Haemophilus Neisseria Listeria Salmonella Shigella Campylobacter Helicobacter "
    "Legionella Mycoplasma Mycobacterium Candida Aspergillus Cryptococcus Pneumocystis Bordetella "
    "Proteus Enterobacter Serratia Acinetobacter Stenotrophomonas Bacteroides Treponema Borrelia "
    "Chlamydia Chlamydophila Toxoplasma Giardia Plasmodium Moraxella Citrobacter Morganella "
    "Corynebacterium Nocardia Actinomyces Histoplasma Coccidioides Blastomyces Trichomonas "
    "Bartonella Brucella Francisella Yersinia Vibrio Rickettsia Ehrlichia Anaplasma Babesia "
    "Strongyloides Cutibacterium Gardnerella Ureaplasma Fusobacterium Prevotella Eikenella "
    "Kingella Aggregatibacter Bacillus Lactobacillus Rhizopus Mucor Trichophyton Sarcoptes"
).split()
PROTECTED = re.compile(
    r"(?x)"
    r"\b(?:Glasgow\s+Coma\s+Scale|GCS)(?:\s+(?:score\s+)?(?:of\s+)?\d{1,2})?"
    rf"|\b(?:{'|'.join(GENERA)})(?:\s+[a-z]{{3,}})?\b"
    r"|\bLactated\s+Ringer['’]?s|\bRinger['’]?s\s+lactate"
    # An eponym before a clinical word by its ending: "Hashimoto thyroiditis", "Crohn's ileitis".
    # Same line only ([ \t]): a name at the end of one line is not an eponym of the next line's
    # header ("Patient: Maria Lopez\nAssessment: ...").
    r"|\b[A-Z][a-z]+(?:['’]s)?[ \t]+[a-z]+(?:itis|osis|iasis|emia|opathy|pathy|plasty|ectomy|"
    r"oma|algia|plegia|trophy|megaly|stenosis|sclerosis|rrhea|cele|ectasia)\b"
    # Eponymous diseases, signs, scales and devices ("West Nile virus", "Hoehn and Yahr stage 3",
    # "Columbia Suicide Severity Rating Scale"). Not words a note uses as headers (assessment,
    # procedure, exam, screening, plan): "Tom Baker Exam" is a person and a heading.
    r"|\b(?:[A-Z][a-z]+(?:[ \t]+and[ \t]+|[- \t]))?(?:[A-Z][a-z]+[- \t]){0,3}[A-Z][a-z]+[ \t]+(?i:virus|"
    r"vaccine|encephalitis|fever|disease|syndrome|palsy|sign|reflex|maneuver|test|score|scale|"
    r"classification|criteria|catheter|drains?|tube|phenomenon|fracture|lymphoma|sarcoma|"
    r"tumou?r|ulcer|contracture|joint|node|esophagus|sarcoidosis|anomaly|malformation|"
    r"aneurysm|block|murmur|triad|stage|grade|stockings|questionnaire|inventory|index|"
    r"formula|equation|rule)\b"
    # Classifications named by their authors in dentistry, anaesthesia and obstetrics: "Angle
    # class II", "Pell and Gregory class II position B", "Cormack-Lehane grade 1", "Miller class
    # I", "Bhutani nomogram", "Ludwig's angina". An author's possessive only before words that
    # follow no one's name in a note.
    r"|\b(?:[A-Z][a-z]+(?:[ \t]+and[ \t]+|[- \t]))?[A-Z][a-z]+[ \t]+(?:class|division|position|"
    r"nomogram|curve|discrepancy|analysis|technique|osteotomy|appliance)[ \t]+"
    r"(?:[IV]{1,4}|[1-6]|[A-C])\b(?:[ \t]+(?:division|div|position)[ \t]+(?:[1-3]|[A-C])\b)?"
    r"|\b[A-Z][a-z]+(?:['’]s)?[ \t]+(?:angina|nomogram|curve|discrepancy|analysis|osteotomy|"
    r"appliance|technique)\b"
    # HGVS variant descriptions: c.5946delT, c.1032+1G>A, p.(Arg663His), p.Ser1982Argfs*22.
    r"|\b[cgmnr]\.[-*]?\d+(?:[+-]\d+)?(?:_[-*]?\d+(?:[+-]\d+)?)?"
    r"(?:[ACGTU]+>[ACGTU]+|delins[ACGTU]+|del[ACGTU]*|dup[ACGTU]*|ins[ACGTU]+|inv|=)"
    r"|\bp\.\(?(?:[A-Z][a-z]{2}|[A-Z*])\d+(?:_(?:[A-Z][a-z]{2}|[A-Z])\d+)?"
    r"(?:(?:[A-Z][a-z]{2}|[A-Z*=?])?(?:fs(?:Ter|\*|X)?\d*|del|dup|ext\*?\d*)?|(?:del)?ins(?:[A-Z][a-z]{2})+)\)?"
    r"|\b4[4-9],\s?X{1,4}Y{0,2}(?:,[^\s,;]{1,20})?"  # karyotypes, 46,XX and 47,XY,+21
    # A stroke's "last known well" time is a clinical time, not a date's digits.
    r"|\b(?i:LKW|LSW|LSN|last[ \t]+known[ \t]+well|last[ \t]+seen[ \t]+(?:well|normal))"
    r"(?:[ \t]*(?:at|@|:|was))?[ \t]*(?:[01]?\d|2[0-3]):?[0-5]\d\b"
    # Obstetric and neonatal drugs spaCy takes for people and places.
    r"|\b(?i:RhoGAM|Rhophylac|WinRho|Pitocin|Cytotec|Methergine|Hemabate|Cervidil|Prepidil|"
    r"Celestone|Makena|Duramorph|Survanta|Curosurf|Infasurf|Synagis|Beyfortus|Boostrix|Adacel|"
    r"Tdap|AquaMEPHYTON|Erythromycin[ \t]+ophthalmic)\b"
    r"|\bEF\s*(?:of\s*)?\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*%"
    r"|\b(?:NIHSS|APGAR|Apgar|Braden|Morse|MMSE|MoCA|PHQ-9|GAD-7|ECOG|NYHA|Killip|Wells|"
    r"CURB-65|CHA2DS2-VASc|HAS-BLED|TIMI|GRACE|MELD|Child-Pugh|Gleason|RASS|CAM-ICU|FIM|"
    r"Karnofsky|Ranson|Mallampati|Hunt\s+and\s+Hess|Fisher|Spetzler-Martin|Breslow|Clark)"
    r"(?:\s+(?:score|scale|class|grade|level))?(?:\s*(?:of|:|=))?\s*(?:[IV]{1,4}|\d{1,3}(?:\s*[+/]\s*\d{1,2})?)\b"
)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Clinical phrases and notation (vertebral levels, obstetric notation, genes, ICD-10,
    CDT and HCPCS codes) that no finding may remove: spaCy calls "L4-L5" a person and "BRCA1" a place."""
    spans = [m.span() for m in PROTECTED.finditer(text)]
    for match in TOKEN.finditer(text):
        token = match.group()
        if any(c.isdigit() for c in token) and (
            CLINICAL_CODES.match(token)
            or GENE_VARIANT.match(token)
            or _procedure_code(text, match.start(), match.end(), token)
        ):
            spans.append(match.span())
    return spans
