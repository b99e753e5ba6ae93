"""Build phi-detector: a learned PHI tagger that reads context, beside the guard's rules.

It is spaCy's English NER (the phi-spacy pipeline's own, pretrained on OntoNotes, so it starts
out knowing what a person or a place looks like) trained further to tag the Safe Harbor
categories, on synthetic labelled notes from models/phi_corpus: one generator per author, each
written by a helper that never saw the guard's code or the evaluation families
(bench/phi_families). Offline and seeded: the same recipe gives the same weights, so the
store's sha256 label identifies it.

Training took 815 s on two cores shared with a test run (4 epochs over 3,240 notes), too long
for a first `make serve`, so the weights it made are kept in the repository
(models/weights/phi-detector, pinned by PINNED_SHA256) and `medbento models import` stores that
copy; `medbento models import --retrain-detector` trains them again from the recipe here.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import random
import time
from pathlib import Path

log = logging.getLogger(__name__)

# The Safe Harbor categories the corpus labels, as the guard names its findings.
LABELS = {
    "NAME": "PERSON",
    "DATE": "DATE",
    "AGE": "AGE",
    "ADDRESS": "STREET_ADDRESS",
    "GEO": "LOCATION",
    "PHONE": "PHONE_NUMBER",
    "FAX": "PHONE_NUMBER",
    "EMAIL": "EMAIL_ADDRESS",
    "SSN": "US_SSN",
    "MRN": "MEDICAL_RECORD_NUMBER",
    "HEALTH_PLAN": "HEALTH_PLAN_ID",
    "ACCOUNT": "ACCOUNT_NUMBER",
    "LICENSE": "LICENSE_NUMBER",
    "VEHICLE": "VEHICLE_ID",
    "DEVICE": "DEVICE_ID",
    "URL": "URL",
    "IP": "IP_ADDRESS",
    "BIOMETRIC": "BIOMETRIC_ID",
    "PHOTO": "PHOTO_ID",
    "OTHER_ID": "ID",
}
AUTHORS = ("author_a", "author_b", "author_c", "author_d")
CORPUS_DIR = Path(__file__).resolve().parent / "phi_corpus"
SEED = 20261204
PER_AUTHOR = 1200
EPOCHS = 4
BATCH = 32
DROPOUT = 0.25
HELD_OUT = 0.1  # of each author's notes, scored after training (same authors: a sanity check)
PINNED = Path(__file__).resolve().parent / "weights" / "phi-detector"
PINNED_SHA256 = "50c2130aee6d1df57e47e5e6877df0480bda214cb76c42c9fa8007ae5bf4567a"


def recipe() -> str:
    """What the weights depend on: the corpus generators' code and the training settings (and
    the pipeline trained from, which `train` adds to what it writes in recipe.txt)."""
    settings = (SEED, PER_AUTHOR, EPOCHS, BATCH, DROPOUT, HELD_OUT, sorted(LABELS))
    digest = hashlib.sha256(repr(settings).encode())
    for author in AUTHORS:
        digest.update((CORPUS_DIR / f"{author}.py").read_bytes())
    return "phi-detector-v1:" + digest.hexdigest()[:12]


def corpus(seed: int = SEED, per_author: int = PER_AUTHOR) -> dict[str, list[dict]]:
    """Each author's labelled notes: {"text", "spans": [{"start", "end", "label"}]}."""
    return {
        author: importlib.import_module(f"models.phi_corpus.{author}").generate(seed, per_author)
        for author in AUTHORS
    }


def examples(nlp, notes: list[dict]):
    """spaCy Examples. A span that cuts a token is widened to whole tokens: a piece of a token
    left untagged would leak; spans that then overlap keep the first."""
    from spacy.training import Example
    from spacy.util import filter_spans

    out = []
    for note in notes:
        reference = nlp.make_doc(note["text"])
        spans = [
            reference.char_span(s["start"], s["end"], label=s["label"], alignment_mode="expand")
            for s in note["spans"]
        ]
        reference.ents = filter_spans([s for s in spans if s is not None])
        out.append(Example(nlp.make_doc(note["text"]), reference))
    return out


def trained_from(directory: Path) -> str:
    """The recipe a trained detector was made from (its recipe.txt)."""
    return (directory / "recipe.txt").read_text().strip()


def train(
    spacy_dir: Path,
    out_dir: Path,
    *,
    seed: int = SEED,
    epochs: int = EPOCHS,
    per_author: int = PER_AUTHOR,
) -> dict:
    """Train into out_dir (a spaCy pipeline: tokenizer + ner) and return the held-out scores."""
    import spacy
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = spacy.load(
        spacy_dir,
        exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"],
    )
    ner = nlp.get_pipe("ner")
    for label in LABELS:
        ner.add_label(label)
    train_set, held_out = [], []
    for author, notes in corpus(seed, per_author).items():
        cut = int(len(notes) * (1 - HELD_OUT))
        train_set += examples(nlp, notes[:cut])
        held_out += examples(nlp, notes[cut:])
        log.info("phi-detector corpus: %s, %d notes", author, len(notes))
    rng = random.Random(seed)
    optimizer = nlp.resume_training()
    started = time.monotonic()
    for epoch in range(epochs):
        rng.shuffle(train_set)
        losses: dict[str, float] = {}
        for batch in minibatch(train_set, size=BATCH):
            nlp.update(batch, sgd=optimizer, drop=DROPOUT, losses=losses)
        log.info(
            "phi-detector epoch %d/%d loss %.0f (%.0f s)",
            epoch + 1,
            epochs,
            losses.get("ner", 0.0),
            time.monotonic() - started,
        )
    scores = nlp.evaluate(held_out)
    result = {
        "ents_p": round(scores["ents_p"], 4),
        "ents_r": round(scores["ents_r"], 4),
        "ents_f": round(scores["ents_f"], 4),
        "per_type": {
            label: {k: round(v, 4) for k, v in value.items()}
            for label, value in (scores.get("ents_per_type") or {}).items()
        },
        "train_notes": len(train_set),
        "held_out_notes": len(held_out),
        "seconds": round(time.monotonic() - started),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)
    (out_dir / "labels.json").write_text(json.dumps(LABELS, indent=2))
    base = json.loads((spacy_dir / "meta.json").read_text())
    (out_dir / "recipe.txt").write_text(
        f"{recipe()}+{base['lang']}_{base['name']}-{base['version']}\n"
    )
    (out_dir / "held_out_scores.json").write_text(json.dumps(result, indent=2))
    log.info(
        "phi-detector held out: P %.3f R %.3f F %.3f",
        result["ents_p"],
        result["ents_r"],
        result["ents_f"],
    )
    return result
