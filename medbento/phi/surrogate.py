"""Surrogates: what the guard finds is replaced by a realistic value of its kind, so that what
it misses hides among them (a reader cannot tell a real name that slipped through from a
stand-in). Values are drawn at random (never computed from the original, so nothing about it
can be recovered from them); dates move by one offset per request or conversation, so the
intervals between them survive. The Redactor (deid.py) keeps them consistent and maps them
back for roles allowed to see PHI.
"""

from __future__ import annotations

import random
import re
import unicodedata
from datetime import date, timedelta

from medbento.phi.patterns import MONTH

# Names by naming tradition: a surrogate keeps the tradition and the shape of what it replaces.
NAMES = {
    "anglo": (
        "Ellen Margaret Diane Laura Ruth Nancy Carol Janet Gary Dennis Walter Roger Keith "
        "Wayne Russell Carl Douglas Harold",
        "Marsh Dalton Whitaker Pruitt Hensley Colby Barlow Kendrick Aldridge Sutton Fenwick "
        "Holloway Prescott Langley Maddox Thornton Ashby Rowland",
    ),
    "hispanic": (
        "Lucía Mónica Inés Rocío Marisol Adriana Andrés Joaquín Raúl Óscar Julián Tomás "
        "Esteban Martín",
        "Ibáñez Cárdenas Beltrán Muñoz Salgado Quiroga Villalobos Espinoza Zamora Castañeda "
        "Arredondo Montoya",
    ),
    "vietnamese": (
        "Thảo Hương Ngọc Lan Mai Hạnh Minh Tuấn Dũng Khoa Quang Hiếu",
        "Nguyễn Trần Phạm Huỳnh Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý",
    ),
    "east_asian": (
        "Wei Jing Xiu Mei Jun Hao Yuki Haruto Sakura Minji Jisoo Hyun",
        "Zhou Huang Zhao Wu Xu Sun Tanaka Watanabe Yamamoto Choi Jung Kang",
    ),
    "south_asian": (
        "Ananya Priyanka Kavya Deepa Arjun Rohan Vikram Sanjay Harpreet Gurpreet",
        "Iyer Reddy Chatterjee Banerjee Desai Mehta Kapoor Gill Sandhu Malhotra",
    ),
    "arabic": (
        "Layla Yasmin Noor Huda Omar Khalid Tariq Yusuf Samir Karim",
        "Haddad Nasser Khoury Saleh Mansour Barakat Aziz Farouk Qasim Hamdan",
    ),
    "african": (
        "Chidinma Ngozi Folake Amara Adaeze Kwame Tunde Emeka Kofi Chukwudi",
        "Okonjo Adebayo Nwosu Mensah Owusu Balogun Eze Afolabi Boateng Achebe",
    ),
    "irish": (
        "Siobhán Niamh Aoife Gráinne Caoimhe Ciarán Seán Pádraig Eoin Cathal",
        "Ó Briain|Mac Cárthaigh|Ní Mhurchú|Ó Súilleabháin|Breathnach|Ó Ceallaigh|Mac Giolla",
    ),
}
NAME_POOLS = {
    culture: (given.split(), surnames.split("|") if "|" in surnames else surnames.split())
    for culture, (given, surnames) in NAMES.items()
}
# Marks that tell a tradition from the original's spelling.
_TRADITION_MARKS = (
    ("vietnamese", re.compile(r"[ăâđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)),
    ("irish", re.compile(r"(?:^|\s)(?:Ó|Ní|Nic|Mac|Ua)\s|[áéíóú]\w*(?:bh|mh|dh)", re.I)),
    ("hispanic", re.compile(r"[áéíóúñü]", re.I)),
)
_SURNAME_TRADITION = {
    surname.lower(): culture
    for culture, words in {
        "vietnamese": "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly",
        "hispanic": "garcia rodriguez martinez hernandez lopez gonzalez perez sanchez ramirez "
        "torres flores rivera gomez diaz morales ortiz castillo jimenez ruiz",
        "east_asian": "wang li zhang liu chen yang kim lee park choi jung kang cho yoon tanaka "
        "suzuki sato takahashi",
        "south_asian": "patel shah singh kumar sharma gupta khan rao nair iyer reddy desai",
        "arabic": "mohammed muhammad ahmed ali hassan hussein ibrahim mahmoud abdullah",
        "african": "okafor okonkwo adeyemi mensah osei adeleke nwankwo obi eze boateng",
    }.items()
    for surname in words.split()
}
TOWNS = (
    "Millbrook|Ashford|Clearwater|Fairhaven|Glenwood|Kingsport|Lakeview|Oakdale|Pinecrest|"
    "Riverton|Springvale|Westfield|Brookhaven|Cedar Falls|Elmira|Hartwell|Maple Grove"
).split("|")
STREETS = [
    "Birch",
    "Chestnut",
    "Hawthorn",
    "Juniper",
    "Magnolia",
    "Orchard",
    "Sycamore",
    "Willow",
    "Linden",
    "Aspen",
]
MONTHS = [date(2000, m, 1).strftime("%B") for m in range(1, 13)]
_NUMERIC_DATE = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_NAMED_DATE = re.compile(
    rf"^(?:(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?P<o1>st|nd|rd|th)?|"
    rf"(?P<d2>\d{{1,2}})(?P<o2>st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH}))"
    r"(?:,?\s+(?P<y>\d{4}|\d{2}))?$",
    re.I,
)
_DAY_ONLY = re.compile(r"^(?:the\s+)?(\d{1,2})(st|nd|rd|th)$", re.I)


class Surrogates:
    """One request's (or conversation's) stand-ins. `shift_days`: its date offset."""

    def __init__(self, shift_days: int, rng: random.Random | None = None) -> None:
        self.shift = timedelta(days=shift_days)
        self.rng = rng or random.SystemRandom()
        self.name_tokens: dict[str, str] = {}  # original word (lower case) -> its stand-in

    def make(self, entity: str, value: str) -> str:
        match entity:
            case "PERSON":
                return self.name(value)
            case "DATE":
                return self.date(value)
            case "LOCATION":
                return _cased(self.rng.choice(TOWNS), value)
            case "STREET_ADDRESS":
                return self.street(value)
            case "EMAIL_ADDRESS":
                return self.email(value)
            case _:
                return self.same_format(value)

    def name(self, value: str) -> str:
        tradition = tradition_of(value)
        given, surnames = NAME_POOLS[tradition]
        words = value.split() or [value]
        # "LAST, FIRST" puts the surname first, and so do Vietnamese and East Asian names;
        # otherwise it is the last word.
        surname_first = tradition in ("vietnamese", "east_asian") or words[0].endswith(",")
        surname_at = 0 if surname_first else len(words) - 1
        out = []
        for i, word in enumerate(words):
            bare = word.strip(",.;:'\"()")
            if len(bare) <= 1:  # an initial stays an initial
                out.append(
                    word.replace(bare, self.rng.choice("ABCDEFGHJKLMNPRSTW")) if bare else word
                )
                continue
            pool = surnames if i == surname_at and len(words) > 1 else given
            if len(words) == 1:
                pool = given if bare.lower() in _GIVEN else surnames
            parts = [self._token(part, pool) for part in bare.split("-")]
            out.append(word.replace(bare, _cased("-".join(parts), bare)))
        return " ".join(out)

    def _token(self, word: str, pool: list[str]) -> str:
        key = word.lower()
        if key not in self.name_tokens:
            taken = set(self.name_tokens.values())
            choices = [w for w in pool if w not in taken and w.lower() != key] or pool
            self.name_tokens[key] = self.rng.choice(choices)
        return self.name_tokens[key]

    def date(self, value: str) -> str:
        """The same date format, moved by this request's offset (a year alone is not PHI)."""
        text = value.strip()
        if m := _ISO_DATE.match(text):
            moved = self._moved(int(m[1]), int(m[2]), int(m[3]))
            return moved.strftime("%Y-%m-%d") if moved else self.same_format(value)
        if m := _NUMERIC_DATE.match(text):
            month, sep, day, year = int(m[1]), m[2], int(m[3]), m[4]
            moved = self._moved(_full_year(year), month, day)
            if not moved:
                return self.same_format(value)
            parts = [_width(moved.month, m[1]), _width(moved.day, m[3])]
            if year:
                parts.append(str(moved.year)[-len(year) :])
            return sep.join(parts)
        if m := _NAMED_DATE.match(text):
            month_word = (m["m1"] or m["m2"]).rstrip(".")
            day, ordinal, year = (m["d1"] or m["d2"]), (m["o1"] or m["o2"]), m["y"]
            month = next(
                i
                for i, full in enumerate(MONTHS, 1)
                if full.lower().startswith(month_word.lower()[:3])
            )
            moved = self._moved(_full_year(year), month, int(day))
            if not moved:
                return self.same_format(value)
            full = month_word.title() in MONTHS  # "June" is a name, "Sept" an abbreviation
            new_month = MONTHS[moved.month - 1]
            new_month = _cased(new_month if full else new_month[:3], month_word)
            new_day = _width(moved.day, day) + (_ordinal(moved.day) if ordinal else "")
            out = text.replace(month_word, "\0", 1).replace(day + (ordinal or ""), new_day, 1)
            out = out.replace("\0", new_month)
            if year:
                out = out[: len(out) - len(year)] + str(moved.year)[-len(year) :]
            return out
        if m := _DAY_ONLY.match(text):
            moved = (date(2001, 1, int(m[1])) + self.shift) if 1 <= int(m[1]) <= 31 else None
            day = moved.day if moved else self.rng.randint(1, 28)
            return text[: m.start(1)] + str(day) + _ordinal(day)
        return self.same_format(value)

    def _moved(self, year: int, month: int, day: int) -> date | None:
        try:
            return date(year, month, day) + self.shift
        except ValueError:
            return None

    def street(self, value: str) -> str:
        words = value.split()
        out = []
        for word in words:
            if word[:1].isdigit():
                out.append(self.same_format(word))
            elif word.lower().rstrip(".,") in _STREET_SUFFIXES or len(word) <= 2:
                out.append(word)  # "St.", "Ave", "N": the kind of street, not which one
            else:
                out.append(_cased(self.rng.choice(STREETS), word))
        return " ".join(out)

    def email(self, value: str) -> str:
        local, _, domain = value.partition("@")
        given, surnames = NAME_POOLS["anglo"]
        stand_in = f"{self.rng.choice(given)[0]}{self.rng.choice(surnames)}".lower()
        number = str(self.rng.randint(1, 99)) if any(c.isdigit() for c in local) else ""
        return f"{stand_in}{number}@{domain}"

    def same_format(self, value: str) -> str:
        """Every digit another digit, every letter another letter of its case (and script):
        an MRN, a phone number, a plate or a code keeps its format and nothing else."""
        out = []
        for char in value:
            if char.isdigit():
                out.append(str(self.rng.randint(0, 9)))
            elif char.isascii() and char.isalpha():
                letter = self.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")
                out.append(letter if char.isupper() else letter.lower())
            elif char.isalpha():
                out.append(_same_script(char, self.rng))
            else:
                out.append(char)
        return "".join(out)


_GIVEN = {w.lower() for given, _ in NAME_POOLS.values() for w in given} | {
    w
    for w in [
        "john",
        "mary",
        "james",
        "patricia",
        "robert",
        "jennifer",
        "michael",
        "linda",
        "david",
        "maria",
        "jose",
        "juan",
        "ana",
        "priya",
        "will",
        "faith",
        "hope",
        "grace",
    ]
}
_STREET_SUFFIXES = set(
    [
        "st",
        "street",
        "ave",
        "avenue",
        "rd",
        "road",
        "dr",
        "drive",
        "ln",
        "lane",
        "blvd",
        "boulevard",
        "ct",
        "court",
        "way",
        "pl",
        "place",
        "pkwy",
        "parkway",
        "hwy",
        "highway",
        "cir",
        "circle",
        "ter",
        "terrace",
        "apt",
        "unit",
        "suite",
        "ste",
    ]
)


def tradition_of(name: str) -> str:
    for tradition, marks in _TRADITION_MARKS:
        if marks.search(name):
            return tradition
    for word in re.findall(r"[A-Za-z]+", name):
        if word.lower() in _SURNAME_TRADITION:
            return _SURNAME_TRADITION[word.lower()]
    return "anglo"


def _cased(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    if like.islower():
        return word.lower()
    return word


def _width(number: int, like: str) -> str:
    """As many digits as the original had ("03" -> "01", "3" -> "1", "14" -> "02")."""
    return str(number).zfill(len(like))


def _full_year(year: str | None) -> int:
    if not year:
        return 2001  # no year given: any year will do to move month and day (not a leap year)
    return int(year) + (
        2000 if len(year) == 2 and int(year) < 50 else 1900 if len(year) == 2 else 0
    )


def _ordinal(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _same_script(char: str, rng: random.Random) -> str:
    """A letter of the same script: one of the 64 code points around it that is a letter."""
    base = ord(char) & ~0x3F
    letters = [chr(c) for c in range(base, base + 64) if chr(c).isalpha()]
    script = unicodedata.name(char, "").split(" ")[0]
    same = [c for c in letters if unicodedata.name(c, "").split(" ")[0] == script]
    return rng.choice(same or letters or [char])
