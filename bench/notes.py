"""Labelled synthetic clinical notes for the PHI benchmark.

Every Safe Harbor category appears in several formats; clinical phrases that must survive
de-identification are marked too. Three template families, each with its own wording, formats
and context words:
- `tuning`: what the recognizers were developed against;
- `development`: written as a held-out set, but one of its notes was read while it was being
  written and its misses were studied afterwards, so it is no longer held out;
- `heldout`: written after that, before further tuning; only its aggregate figures are ever
  looked at. It is the honest estimate of how the guard does on unseen notes.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from faker import Faker


@dataclass
class Span:
    category: str
    value: str
    # What must not appear in the output for the value to count as caught: strings (matched
    # as whole words) or patterns (an age is only its number where the age was written).
    pieces: list[str | re.Pattern]


@dataclass
class Note:
    text: str = ""
    phi: list[Span] = field(default_factory=list)
    clinical: list[str] = field(default_factory=list)
    family: str = ""

    def add(self, text: str) -> Note:
        self.text += text
        return self

    def id(self, category: str, value: str, pieces: list[str] | None = None) -> Note:
        self.text += value
        self.phi.append(Span(category, value, pieces or identifying_pieces(category, value)))
        return self

    def keep(self, phrase: str) -> Note:
        self.text += phrase
        self.clinical.append(phrase)
        return self


def identifying_pieces(category: str, value: str) -> list[str]:
    if category == "NAME":  # every part of a name, not just the whole
        return [
            w for w in re.findall(r"[A-Za-z][A-Za-z'\-]+", value) if len(w) > 1 and w not in TITLES
        ]
    pieces = [value]
    pieces += [run for run in re.findall(r"\d{4,}", value) if category != "DATE"]
    return pieces


TITLES = {
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "MD",
    "RN",
    "NP",
    "PA",
    "DO",
    "Jr",
    "Sr",
    "II",
    "III",
    "IV",
    "DDS",
    "DVM",
    "PhD",
}
CLINICAL = [
    "Parkinson disease",
    "Graves disease",
    "Crohn disease",
    "Babinski sign negative",
    "Hodgkin lymphoma",
    "Alzheimer disease",
    "Cushing syndrome",
    "Bell palsy",
    "BP 142/88",
    "BP 118/76",
    "HR 96",
    "SpO2 94% on room air",
    "T 38.1 C",
    "RR 22",
    "lisinopril 10 mg daily",
    "metformin 1000 mg twice daily",
    "atorvastatin 40 mg nightly",
    "furosemide 40 mg IV",
    "amoxicillin 500 mg three times daily",
    "apixaban 5 mg twice daily",
    "HbA1c 8.2%",
    "creatinine 1.4 mg/dL",
    "potassium 5.1 mmol/L",
    "troponin 0.03 ng/mL",
    "GCS 15",
    "APGAR 8/9",
    "NIHSS 4",
    "PHQ-9 score 12",
    "ejection fraction 35%",
    "Wells score 2",
    "CHA2DS2-VASc 3",
    "Mallampati class II",
]
# Restricted-prefix ZIPs (Safe Harbor) must not keep even their first three digits; all do here.
STATES = ["MA", "NY", "CA", "TX", "IL", "OH", "PA", "GA", "WA", "FL"]


def _date_formats(rng: random.Random, fake: Faker) -> tuple[str, list[str]]:
    d = fake.date_between(start_date="-90y", end_date="+1y")
    month_day = [
        f"{d.month:02d}/{d.day:02d}",
        f"{d.month}/{d.day}",
        d.strftime("%B %-d"),
        d.strftime("%b %-d"),
    ]
    formats = [
        d.strftime("%m/%d/%Y"),
        f"{d.month}/{d.day}/{d.strftime('%y')}",
        d.strftime("%Y-%m-%d"),
        d.strftime("%B %-d, %Y"),
        d.strftime("%b %-d, %Y"),
        d.strftime("%-d %B %Y"),
        d.strftime("%d-%b-%Y"),
        d.strftime("%B %Y"),
    ]
    value = rng.choice(formats)
    non_year = [p for p in month_day if p in value] or [
        value.replace(str(d.year), "").strip(" ,-/")
    ]
    return value, [value, *non_year]


def _phone(rng: random.Random, layout: str) -> str:
    return layout.format(rng.randint(201, 989), rng.randint(201, 989), rng.randint(1000, 9999))


def _npi(rng: random.Random) -> str:
    while True:
        base = "1" + "".join(str(rng.randint(0, 9)) for _ in range(8))
        for check in range(10):
            candidate = base + str(check)
            digits = [int(c) for c in "80840" + candidate]
            total = sum(
                d if i % 2 == 0 else (d * 2 - 9 if d > 4 else d * 2)
                for i, d in enumerate(reversed(digits))
            )
            if total % 10 == 0:
                return candidate


def _dea(rng: random.Random, surname: str) -> str:
    digits = [rng.randint(0, 9) for _ in range(6)]
    check = (digits[0] + digits[2] + digits[4] + 2 * (digits[1] + digits[3] + digits[5])) % 10
    return rng.choice("ABFM") + surname[0].upper() + "".join(map(str, digits)) + str(check)


def _vin(rng: random.Random) -> str:
    alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    return "1" + "".join(rng.choice(alphabet) for _ in range(15)) + str(rng.randint(0, 9))


def tuning_note(rng: random.Random, fake: Faker) -> Note:
    n = Note(family="tuning")
    name = fake.name()
    n.add("Patient: ").id("NAME", name).add(". DOB: ")
    value, pieces = _date_formats(rng, fake)
    n.id("DATE", value, pieces).add(". MRN: ").id("MRN", str(rng.randint(10**6, 10**9))).add(".\n")
    age = rng.randint(90, 104)
    n.add("HPI: ").id("AGE", f"{age}", [re.compile(rf"(?<!\w){age}(?=-year-old)")])
    n.add("-year-old with history of ")
    n.keep(rng.choice(CLINICAL[:8])).add(", presenting with dyspnea. Vitals: ").keep(
        rng.choice(CLINICAL[8:14])
    ).add(", ")
    n.keep(rng.choice(CLINICAL[8:14])).add(". Admitted on ")
    value, pieces = _date_formats(rng, fake)
    n.id("DATE", value, pieces).add(". Home meds: ").keep(rng.choice(CLINICAL[14:20])).add(".\n")
    n.add("Labs: ").keep(rng.choice(CLINICAL[20:24])).add("; ").keep(rng.choice(CLINICAL[24:])).add(
        ".\n"
    )
    state = rng.choice(STATES)
    n.add("Address: ").id("ADDRESS", fake.street_address()).add(", ").id(
        "GEOGRAPHY", fake.city()
    ).add(f", {state} ")
    n.id("ZIP", fake.zipcode()).add(". Phone: ").id("PHONE", _phone(rng, "({}) {}-{}")).add(".\n")
    n.add("Email: ").id("EMAIL", fake.email()).add(". SSN: ").id("SSN", fake.ssn()).add(".\n")
    n.add("Insurance member ID: ").id("HEALTH_PLAN", fake.bothify("???#########").upper()).add(
        "; account #: "
    )
    n.id("ACCOUNT", fake.bothify("########")).add(".\n")
    doctor = fake.last_name()
    n.add("Attending: Dr. ").id("NAME", f"{fake.first_name()} {doctor}").add(", NPI ").id(
        "LICENSE", _npi(rng)
    )
    n.add(", DEA ").id("LICENSE", _dea(rng, doctor)).add(".\n")
    n.add("Pacemaker serial number: ").id("DEVICE", fake.bothify("SN-#####-??").upper()).add(
        ". Vehicle VIN "
    )
    n.id("VEHICLE", _vin(rng)).add(".\n")
    n.add("Emergency contact: daughter ").id("NAME", fake.name()).add(", fax ")
    n.id("FAX", _phone(rng, "{}-{}-{}"))
    n.add(". Portal: ").id(
        "URL", f"https://{fake.domain_name()}/chart/{rng.randint(1000, 99999)}"
    ).add(" from ")
    n.id("IP", fake.ipv4_private()).add(".\n")
    n.add("Driver's license: ").id("DRIVER_LICENSE", fake.bothify("?#######").upper()).add(
        "; license plate "
    )
    n.id("VEHICLE", fake.bothify("#???###").upper()).add("; case ID: ").id(
        "OTHER_ID", fake.bothify("CX-#####")
    ).add(".\n")
    return n


def development_note(rng: random.Random, fake: Faker) -> Note:
    """Different wording, order and formats from tuning_note."""
    n = Note(family="development")
    first, last = fake.first_name(), fake.last_name()
    n.add("Name: ").id("NAME", f"{last}, {first}", [last, first]).add("   Sex: F   Age: ")
    age = rng.randint(90, 103)
    n.id("AGE", f"{age}", [re.compile(rf"(?<=Age: ){age}(?![\w+])")]).add("\nMed rec #").id(
        "MRN", fake.bothify("##-#####-#")
    ).add("   Encounter date ")
    value, pieces = _date_formats(rng, fake)
    n.id("DATE", value, pieces).add("\n\n")
    n.add(f"Ms. {last} is seen today for ").keep(rng.choice(CLINICAL[:8])).add(
        ". She reports that her son "
    )
    n.id("NAME", fake.first_name_male()).add(" drove her in from ").id(
        "GEOGRAPHY", fake.city()
    ).add(". Exam: ")
    n.keep(rng.choice(CLINICAL[8:14])).add(", ").keep(rng.choice(CLINICAL[24:])).add(". ")
    n.add("Continue ").keep(rng.choice(CLINICAL[14:20])).add(". Recent ").keep(
        rng.choice(CLINICAL[20:24])
    ).add(".\n")
    value, pieces = _date_formats(rng, fake)
    n.add("Prior hospitalization ").id("DATE", value, pieces).add(", discharged to home at ")
    n.id("ADDRESS", fake.street_address()).add(" ").id("GEOGRAPHY", fake.city()).add(" ")
    n.add(rng.choice(STATES)).add(" ").id("ZIP", fake.zipcode_plus4()).add(".\n")
    n.add("Reach her on ").id("PHONE", _phone(rng, "{}.{}.{}"))
    n.add(" or write to ").id("EMAIL", fake.free_email()).add("; social security number ")
    n.id("SSN", fake.ssn().replace("-", " ")).add(".\n")
    n.add("Medicare beneficiary number ").id(
        "HEALTH_PLAN", fake.bothify("#??#?#?##??").upper().replace("O", "A").replace("I", "B")
    )
    n.add(", policy no. ").id("HEALTH_PLAN", fake.bothify("POL-######")).add(", billing acct ")
    n.id("ACCOUNT", fake.bothify("A######-##")).add(".\n")
    doctor = fake.last_name()
    n.add("Electronically signed: ").id("NAME", f"{fake.first_name()} {doctor}").add(
        ", MD (state license "
    )
    n.id("LICENSE", fake.bothify("MD######")).add(", NPI: ").id("LICENSE", _npi(rng)).add(").\n")
    n.add("Insulin pump S/N ").id("DEVICE", fake.bothify("??########").upper()).add(
        "; her car (VIN: "
    )
    n.id("VEHICLE", _vin(rng)).add(", tag ").id("VEHICLE", fake.bothify("???-####").upper()).add(
        ").\n"
    )
    n.add("DL# ").id("DRIVER_LICENSE", fake.bothify("S###-####-####").upper()).add(
        ". Fax results to "
    )
    n.id("FAX", _phone(rng, "({}) {}-{}")).add(". Records at ")
    n.id("URL", f"www.{fake.domain_word()}.org/records?id={rng.randint(100, 9999)}").add(
        ", uploaded from "
    )
    n.id("IP", fake.ipv4_public()).add(". Specimen #").id(
        "OTHER_ID", fake.bothify("##??####").upper()
    ).add(".\n")
    n.add("Follow-up on ")
    d = fake.date_between(start_date="+1d", end_date="+1y")
    n.id("DATE", f"{d.month}/{d.day}", [f"{d.month}/{d.day}"]).add(" with ").keep(
        rng.choice(CLINICAL[:8])
    ).add(" clinic.\n")
    return n


def heldout_note(rng: random.Random, fake: Faker) -> Note:
    """A discharge letter: prose, relatives and clinicians by role, dates in words."""
    n = Note(family="heldout")
    doctor, patient_first, patient_last = (
        fake.last_name(),
        fake.first_name_female(),
        fake.last_name(),
    )
    n.add("Dear Dr. ").id("NAME", doctor).add(",\n\nI saw your patient ")
    n.id("NAME", f"{patient_first} {patient_last}").add(" (hospital number ")
    n.id("MRN", fake.bothify("H#######")).add(", born ")
    value, pieces = _date_formats(rng, fake)
    n.id("DATE", value, pieces).add(") in clinic on ")
    d = fake.date_between(start_date="-1y", end_date="today")
    n.id("DATE", d.strftime("%A %-d %B"), [d.strftime("%-d %B")]).add(". ")
    age = rng.randint(90, 101)
    n.add("She is now ").id("AGE", f"{age}", [re.compile(rf"(?<!\w){age}(?= years of age)")]).add(
        " years of age and "
    )
    n.add("lives with her husband ").id("NAME", fake.name_male()).add(" on ")
    n.id("ADDRESS", f"{rng.randint(2, 9999)} {fake.street_name()}").add(" in ").id(
        "GEOGRAPHY", fake.city()
    )
    n.add(". Her main problem remains ").keep(rng.choice(CLINICAL[:8])).add("; today ")
    n.keep(rng.choice(CLINICAL[8:14])).add(" and ").keep(rng.choice(CLINICAL[24:])).add(".\n")
    n.add("I have asked her to take ").keep(rng.choice(CLINICAL[14:20])).add(
        " and we will repeat the "
    )
    n.keep(rng.choice(CLINICAL[20:24])).add(" before I see her again in ")
    later = fake.date_between(start_date="+30d", end_date="+1y")
    n.id("DATE", later.strftime("%B"), [later.strftime("%B")]).add(".\n")
    n.add("Her granddaughter ").id("NAME", fake.first_name_female()).add(" can be reached at ")
    n.id("PHONE", _phone(rng, "{} {} {}")).add(" (mobile) or ").id("EMAIL", fake.company_email())
    n.add(". Postcode ").id("ZIP", fake.zipcode()).add(".\n")
    n.add("Insurer: ").add(rng.choice(["Aetna", "Cigna", "Humana", "Kaiser"])).add(
        ", subscriber no "
    )
    n.id("HEALTH_PLAN", fake.bothify("W#########")).add(", claim ref ").id(
        "ACCOUNT", fake.bothify("CLM-########")
    )
    n.add(". Her ICD is model X5, serial ").id("DEVICE", fake.bothify("RX######?").upper())
    n.add(". SSN on file: ").id("SSN", fake.ssn()).add(".\n")
    n.add("The hospital van (plate ").id("VEHICLE", fake.bothify("##-??-###").upper()).add(
        ") brought her; "
    )
    n.add("request came from workstation ").id("IP", fake.ipv4()).add(" via ")
    n.id("URL", f"https://{fake.domain_name()}/referrals/{rng.randint(100, 99999)}").add(".\n")
    n.add("Yours sincerely,\n").id("NAME", fake.name()).add(
        "\nConsultant geriatrician, GMC license "
    )
    n.id("LICENSE", fake.bothify("#######")).add(", DEA ").id("LICENSE", _dea(rng, doctor)).add(
        "\n"
    )
    n.add("Fax: ").id("FAX", _phone(rng, "+1 {} {} {}")).add("; her driving licence ")
    n.id("DRIVER_LICENSE", fake.bothify("??######").upper()).add("; reference #").id(
        "OTHER_ID", fake.bothify("R####-##")
    ).add(".\n")
    return n


FAMILIES = (tuning_note, development_note, heldout_note)


def generate(count: int, seed: int = 7) -> list[Note]:
    """`count` notes, the three families in turn."""
    rng = random.Random(seed)
    fake = Faker("en_US")
    fake.seed_instance(seed)
    return [FAMILIES[i % 3](rng, fake) for i in range(count)]
