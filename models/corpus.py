"""A generated clinical-style corpus for the offline demo language model.

Every sentence is assembled from the phrase lists below with a seeded RNG: no real patient, no
identifier of any kind, so the demo model cannot memorise PHI. Half the samples are written in
the chat layout of the demo chat template so the model learns to answer after an assistant tag.
"""

from __future__ import annotations

import random

COMPLAINTS = [
    "chest pain",
    "shortness of breath",
    "headache",
    "abdominal pain",
    "fever and chills",
    "productive cough",
    "lower back pain",
    "dizziness",
    "palpitations",
    "fatigue",
    "nausea and vomiting",
    "joint swelling",
    "a rash on both arms",
    "blurred vision",
    "burning on urination",
    "leg swelling",
    "wheezing",
    "weight loss",
    "night sweats",
]
DURATIONS = [
    "for two days",
    "for one week",
    "since yesterday",
    "for three hours",
    "for several months",
    "intermittently for a year",
    "since this morning",
    "for ten days",
]
HISTORY = [
    "hypertension",
    "type 2 diabetes mellitus",
    "asthma",
    "chronic kidney disease",
    "atrial fibrillation",
    "hyperlipidemia",
    "COPD",
    "Parkinson disease",
    "Graves disease",
    "Crohn disease",
    "heart failure with reduced ejection fraction",
    "hypothyroidism",
    "osteoarthritis",
    "major depressive disorder",
    "migraine",
]
FINDINGS = [
    "lungs are clear to auscultation bilaterally",
    "regular rate and rhythm without murmur",
    "mild tenderness in the right lower quadrant",
    "no focal neurological deficit",
    "bilateral pitting edema to the knees",
    "expiratory wheezes in both lung fields",
    "a negative Babinski sign",
    "tympanic membranes are clear",
    "no jugular venous distension",
    "crackles at the left base",
    "the abdomen is soft and non-distended",
]
VITALS = [
    "BP 142/88, HR 96, T 38.1 C, SpO2 94% on room air",
    "BP 118/76, HR 72, T 36.8 C, SpO2 99% on room air",
    "BP 160/95, HR 110, RR 22, SpO2 91% on room air",
    "BP 126/80, HR 64, T 37.2 C, SpO2 97% on room air",
]
LABS = [
    "hemoglobin 11.2 g/dL",
    "creatinine 1.4 mg/dL",
    "potassium 5.1 mmol/L",
    "HbA1c 8.2%",
    "troponin below the reference range",
    "WBC 14.3 x10^9/L",
    "TSH 0.02 mIU/L",
    "LDL 162 mg/dL",
    "lactate 2.8 mmol/L",
    "sodium 131 mmol/L",
]
ASSESSMENTS = [
    "community acquired pneumonia",
    "an asthma exacerbation",
    "acute kidney injury",
    "uncontrolled type 2 diabetes",
    "a hypertensive urgency",
    "viral gastroenteritis",
    "a urinary tract infection",
    "acute decompensated heart failure",
    "cellulitis",
    "a migraine without aura",
    "an acute coronary syndrome to be excluded",
]
PLANS = [
    "start amoxicillin 500 mg three times daily for seven days",
    "continue lisinopril 10 mg daily and recheck blood pressure in two weeks",
    "increase metformin to 1000 mg twice daily",
    "give furosemide 40 mg intravenously",
    "obtain a chest radiograph and repeat troponin in three hours",
    "start albuterol inhaler two puffs every four hours as needed",
    "encourage oral fluids and rest",
    "refer to cardiology for follow up",
    "order a renal ultrasound and hold nephrotoxic medications",
    "start prednisone 40 mg daily for five days",
    "arrange follow up in primary care",
]
QUESTIONS = [
    ("What is the plan for {a}?", "For {a} we {p}."),
    ("Summarize the assessment.", "The presentation is most consistent with {a}."),
    ("What did the examination show?", "On examination {f}."),
    ("Which labs are abnormal?", "The labs show {l}."),
    ("What are the vital signs?", "Vital signs are {v}."),
    ("What is the past medical history?", "The history includes {h}."),
    ("What should we do next?", "Next we {p}."),
]


def note(rng: random.Random) -> str:
    return (
        f"The patient presents with {rng.choice(COMPLAINTS)} {rng.choice(DURATIONS)}. "
        f"History of {rng.choice(HISTORY)}. Vital signs: {rng.choice(VITALS)}. "
        f"On examination {rng.choice(FINDINGS)}. Labs show {rng.choice(LABS)}. "
        f"Assessment: {rng.choice(ASSESSMENTS)}. Plan: {rng.choice(PLANS)}."
    )


def dialogue(rng: random.Random) -> str:
    question, answer = rng.choice(QUESTIONS)
    fill = {
        "a": rng.choice(ASSESSMENTS),
        "p": rng.choice(PLANS),
        "f": rng.choice(FINDINGS),
        "l": rng.choice(LABS),
        "v": rng.choice(VITALS),
        "h": rng.choice(HISTORY),
    }
    return f"<|user|>\n{question.format(**fill)}\n<|assistant|>\n{answer.format(**fill)}\n"


def build_corpus(samples: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return [note(rng) if i % 2 == 0 else dialogue(rng) for i in range(samples)]
