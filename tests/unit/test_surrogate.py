"""The surrogate operator: realistic stand-ins of each kind, consistent within a request and a
conversation, drawn rather than derived, dates moved by one offset, restored for clinicians
(whole and streamed)."""

from __future__ import annotations

import asyncio
import re
from datetime import date

import pytest

from medbento.http.request_guard import RequestGuard
from medbento.phi.deid import DATE_SHIFT, Redactor, StreamRestorer
from medbento.phi.finding import Finding
from medbento.phi.surrogate import NAME_POOLS, TOWNS, tradition_of

pytestmark = pytest.mark.unit

NOTE = (
    "QUIMBY, HARRIET (MRN 4071-8822) seen 03/04/2024 and again on 03/14/2024 by Dr. Nguyễn "
    "Thị Hoa; call 617-555-0199 or hq77@example.org; lives at 12 Elm Street, Sugar Land. "
    "Ms. Quimby asked about her son José Ibáñez."
)
VALUES = {
    "QUIMBY, HARRIET": "PERSON",
    "4071-8822": "MEDICAL_RECORD_NUMBER",
    "03/04/2024": "DATE",
    "03/14/2024": "DATE",
    "Nguyễn Thị Hoa": "PERSON",
    "617-555-0199": "PHONE_NUMBER",
    "hq77@example.org": "EMAIL_ADDRESS",
    "12 Elm Street": "STREET_ADDRESS",
    "Sugar Land": "LOCATION",
    "Quimby": "PERSON",
    "José Ibáñez": "PERSON",
}


def findings(text: str = NOTE) -> list[Finding]:
    out = []
    for value, entity in VALUES.items():
        for m in re.finditer(rf"(?<!\w){re.escape(value)}(?!\w)", text):
            out.append(Finding(entity_type=entity, start=m.start(), end=m.end(), score=0.9))
    return out


def stand_ins(redactor: Redactor) -> dict[str, str]:
    """original -> stand-in, for the whole values of NOTE."""
    return {v: s for s, v in redactor.mapping.items() if v in VALUES}


def shape(text: str) -> str:
    return re.sub(r"[A-Za-z]", "a", re.sub(r"\d", "9", text))


def test_every_value_is_replaced_by_one_of_its_kind_and_shape():
    redactor = Redactor("surrogate")
    out = redactor.apply(NOTE, findings())
    made = stand_ins(redactor)
    for value in VALUES:
        assert value not in out and made[value] != value
    assert shape(made["4071-8822"]) == "9999-9999"
    assert shape(made["617-555-0199"]) == "999-999-9999"
    assert made["hq77@example.org"].endswith("@example.org")
    assert re.fullmatch(r"\d\d [A-Z][a-z]+ Street", made["12 Elm Street"])
    assert made["Sugar Land"] in TOWNS
    surname, given = made["QUIMBY, HARRIET"].split(", ")
    assert surname.isupper() and given.isupper()  # "LAST, FIRST" in capitals stays so
    assert len(made["Nguyễn Thị Hoa"].split()) == 3
    # A name keeps its naming tradition (read from its spelling or its surname).
    assert (
        tradition_of("Nguyễn Thị Hoa") == "vietnamese" and tradition_of("José Ibáñez") == "hispanic"
    )
    assert set(made["Nguyễn Thị Hoa"].split()) <= {
        w for pool in NAME_POOLS["vietnamese"] for w in pool
    }
    assert set(made["José Ibáñez"].split()) <= {w for pool in NAME_POOLS["hispanic"] for w in pool}
    # The surname alone later is the same stand-in surname, in its own case.
    assert made["Quimby"] == surname.title()


def test_dates_move_by_one_offset_so_intervals_survive():
    redactor = Redactor("surrogate")
    made = stand_ins((redactor.apply(NOTE, findings()), redactor)[1])
    first, second = (
        date(int(year), int(month), int(day))
        for month, day, year in (made[d].split("/") for d in VALUES if "/" in d)
    )
    assert (second - first).days == 10
    shift = (first - date(2024, 3, 4)).days
    assert shift == int(redactor.mapping[DATE_SHIFT]) and 30 <= abs(shift) <= 365


@pytest.mark.parametrize(
    ("value", "pattern"),
    [
        (
            "March 21st, 2024",
            r"[A-Z][a-z]+ \d{1,2}(st|nd|rd|th), 202[345]",
        ),
        ("08 JUN 24", r"\d\d [A-Z]{3} 2[345]"),
        ("2024-03-14", r"202[345]-\d\d-\d\d"),
        ("the 21st", r"the \d{1,2}(st|nd|rd|th)"),
        ("14 Sept 2023", r"\d\d [A-Z][a-z]{2} 202[234]"),
        ("3 of June", r"\d{1,2} of [A-Z][a-z]+"),
    ],
)
def test_date_formats_are_kept(value, pattern):
    stand_in = Redactor("surrogate").apply(
        value, [Finding(entity_type="DATE", start=0, end=len(value), score=1)]
    )
    assert re.fullmatch(pattern, stand_in), stand_in


def test_stand_ins_are_drawn_not_derived():
    """Two requests with the same value get unrelated stand-ins and offsets."""
    first, second = Redactor("surrogate"), Redactor("surrogate")
    first.apply(NOTE, findings())
    second.apply(NOTE, findings())
    assert stand_ins(first)["4071-8822"] != stand_ins(second)["4071-8822"]


def test_a_conversation_keeps_its_stand_ins_and_its_offset():
    """The mapping (sealed with the conversation) carries both to the next turn."""
    earlier = Redactor("surrogate")
    earlier.apply(NOTE, findings())
    later = Redactor("surrogate", earlier.mapping)
    text = "Ms. Quimby returns on 03/14/2024 (MRN 4071-8822)."
    out = later.apply(text, findings(text))
    made = stand_ins(earlier)
    assert made["Quimby"] in out and made["03/14/2024"] in out and made["4071-8822"] in out
    assert later.mapping[DATE_SHIFT] == earlier.mapping[DATE_SHIFT]


def test_clinicians_get_the_values_back_whole_and_streamed():
    redactor = Redactor("surrogate")
    out = redactor.apply(NOTE, findings())
    assert redactor.restore(out) == NOTE
    made = stand_ins(redactor)
    answer = f"Call {made['QUIMBY, HARRIET'].split(', ')[0].title()} at {made['617-555-0199']}."
    assert redactor.restore(answer) == "Call Quimby at 617-555-0199."
    for size in (1, 2, 3, 5, 8):
        restorer = StreamRestorer(redactor)
        pieces = [out[i : i + size] for i in range(0, len(out), size)]
        assert "".join(restorer.feed(p) for p in pieces) + restorer.flush() == NOTE


def test_a_researchers_answer_scan_leaves_the_requests_own_stand_ins():
    """Output scanning tags PHI a model says; the stand-ins this request made are not PHI."""
    redactor = Redactor("surrogate")
    redactor.apply(NOTE, findings())
    town = stand_ins(redactor)["Sugar Land"]
    answer = f"She lives in {town}; Dr. Okafor saw her."

    async def analyze(texts):
        return [
            [
                {
                    "entity_type": "LOCATION",
                    "start": t.index(town),
                    "end": t.index(town) + len(town),
                    "score": 0.9,
                },
                {
                    "entity_type": "PERSON",
                    "start": t.index("Okafor"),
                    "end": t.index("Okafor") + 6,
                    "score": 0.9,
                },
            ]
            for t in texts
        ]

    guard = RequestGuard(analyze, reveal=False)
    guard.redactor = redactor
    scanned = asyncio.run(guard.scan_output(answer))
    assert town in scanned and "Okafor" not in scanned and "<PERSON>" in scanned
