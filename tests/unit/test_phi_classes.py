"""Each class of identifier that once leaked, and each clinical phrase that was once lost
(issue 11's list), pinned with the real guard: the identifier's pieces are all inside findings,
and no finding touches the clinical phrase. The sentences are written for this test, not taken
from any benchmark family."""

from __future__ import annotations

import pytest

from medbento.phi.analyzer import detect, local_analyzer

pytestmark = pytest.mark.unit

FULL_WIDTH_SSN = "".join(chr(0xFF10 + int(c)) if c.isdigit() else c for c in "123-45-6789")
ARABIC_SSN = "".join(chr(0x0660 + int(c)) if c.isdigit() else c for c in "123-45-6789")
# (class, sentence, pieces that must be found)
IDENTIFIERS = [
    (
        "lower-case name",
        "pt: rosalind maxwell-ortiz, seen today for cough.",
        ["rosalind", "maxwell-ortiz"],
    ),
    (
        "LAST, FIRST capitals",
        "PATIENT: VANTERPOOL, DESMOND K\nAdmitted for syncope.",
        ["VANTERPOOL", "DESMOND"],
    ),
    (
        "nickname",
        "Mr. Ignatius Ferreira, who goes by 'Sunny', is stable.",
        ["Sunny", "Ignatius", "Ferreira"],
    ),
    ("first name after a relation", "His daughter Priya will bring the walker.", ["Priya"]),
    (
        "first name in brackets after a relation",
        "Lives with her husband (Tomasz) in a flat.",
        ["Tomasz"],
    ),
    ("signature with an initial", "Plan discussed with family.\n— Dana K., RN", ["Dana"]),
    ("date in words", "Symptoms began on the third of July after a fall.", ["third", "July"]),
    ("month part", "Weight loss since mid-June, no fevers.", ["June"]),
    (
        "weekday and ordinal",
        "Return visit Monday the seventeenth for suture removal.",
        ["seventeenth"],
    ),
    ("month and ordinal", "Last dose was November 12th per pharmacy.", ["November", "12th"]),
    ("age in words", "A ninety-four year old man with dyspnea.", ["ninety-four"]),
    ("age short form", "93yo F with hip pain.", ["93"]),
    ("ZIP with no state", "The mailing ZIP on file is 93291 per registration.", ["93291"]),
    ("ZIP after 'lives in'", "She lives in 02139 with two roommates.", ["02139"]),
    ("street without a number", "Walks daily along Wisteria Lane near the park.", ["Wisteria"]),
    (
        "IPv6",
        "Portal login from 2001:db8:85a3::8a2e:370:7334 flagged.",
        ["2001:db8:85a3::8a2e:370:7334"],
    ),
    ("study code", "Enrolled as subject ONC-TRL-40917 in the registry.", ["ONC-TRL-40917"]),
    ("badge number", "Escorted by security, badge SX-22841.", ["SX-22841"]),
    (
        "member ID with an unknown prefix",
        "Cigna ident QZH-778120-04 on the card.",
        ["QZH-778120-04"],
    ),
    ("claim number", "Resubmitted claim ref CX-88213-A to the payer.", ["CX-88213-A"]),
    ("voiceprint reference", "Voiceprint enrollment VPR-33018-TX completed.", ["VPR-33018-TX"]),
    ("fingerprint template", "Signed with fingerprint template FPT-33A9-0C71.", ["FPT-33A9-0C71"]),
    (
        "photo file name",
        "Face photo stored as okafor_face_20240214.jpg for ID.",
        ["okafor_face_20240214.jpg"],
    ),
    (
        "phone with extension",
        "Call the clinic at 312-555-0147 x2231 with questions.",
        ["312-555-0147", "2231"],
    ),
    (
        "text in another script",
        "Interpreter for \u738b\u79c0\u82f1 requested.",
        ["\u738b\u79c0\u82f1"],
    ),
    # A Cyrillic "a" inside a Latin name; full-width digits of an SSN.
    ("homoglyph inside a name", "Seen with M\u0430rtha Quist today.", ["M\u0430rtha"]),
    ("full-width digits", f"SSN {FULL_WIDTH_SSN} on file.", [FULL_WIDTH_SSN]),
    ("Arabic-Indic digits", f"SSN {ARABIC_SSN} on file.", [ARABIC_SSN]),
    # A variation selector (not a format character) splitting a name; a Greek omicron in one.
    ("variation selector inside a name", "Seen with Mar\ufe0ftha Quist today.", ["Mar\ufe0ftha"]),
    ("Greek letter inside a name", "Seen with J\u03bfhn Quist today.", ["J\u03bfhn"]),
]

# (sentence, clinical phrase in it that must survive)
CLINICAL = [
    ("Glasgow Coma Scale 14 on arrival, pupils reactive.", "Glasgow Coma Scale 14"),
    ("Serology positive for West Nile virus in August.", "West Nile virus"),
    ("Monospot consistent with Epstein-Barr virus infection.", "Epstein-Barr virus"),
    ("MRI shows disc herniation at L4-L5 with foraminal narrowing.", "L4-L5"),
    ("She is G2P1 at 31 weeks with pre-eclampsia.", "G2P1"),
    ("Germline testing found a BRCA1 pathogenic variant.", "BRCA1"),
    ("Echocardiogram: EF 35% with global hypokinesis.", "EF 35%"),
    # Greek letters as notation, and the micro sign (NFKC turns it into a Greek mu).
    ("Started a \u03b2-blocker and 50 \u00b5g of levothyroxine.", "\u03b2-blocker"),
    ("Started a \u03b2-blocker and 50 \u00b5g of levothyroxine.", "50 \u00b5g"),
]


@pytest.fixture(scope="module")
def analyzer():
    return local_analyzer()


@pytest.mark.parametrize(
    ("kind", "sentence", "pieces"), IDENTIFIERS, ids=[i[0] for i in IDENTIFIERS]
)
def test_each_class_of_identifier_is_found(analyzer, kind, sentence, pieces):
    (findings,) = detect(analyzer, [sentence])
    covered = {i for f in findings for i in range(f.start, f.end)}
    for piece in pieces:
        at = sentence.index(piece)
        missing = [
            c for c in range(at, at + len(piece)) if sentence[c].isalnum() and c not in covered
        ]
        assert not missing, f"{kind}: {piece!r} survives in {sentence!r}"


@pytest.mark.parametrize(("sentence", "phrase"), CLINICAL, ids=[c[1] for c in CLINICAL])
def test_each_clinical_phrase_survives(analyzer, sentence, phrase):
    (findings,) = detect(analyzer, [sentence])
    at = sentence.index(phrase)
    touched = [
        sentence[f.start : f.end] for f in findings if f.start < at + len(phrase) and at < f.end
    ]
    assert not touched, f"{touched} removed from {phrase!r}"
