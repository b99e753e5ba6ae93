"""The embedder's runtimes side by side: torch, ONNX Runtime (fp32) and ONNX Runtime int8.

    python -m bench.embed_runtimes          about 4 minutes on two cores

In-process, each runtime on the same texts: one text at a time (median ms), the best batch
(texts per second), the vectors against torch's (cosine, lowest and mean over 512 texts), and
retrieval agreement on a small clinical query set (for each query, does the runtime rank the
same passage first, and how many of torch's top 5 it keeps). Then the embedding Bento served
with each runtime, guard off: a lone client's median and 64 clients' requests per second.
Absolute times depend on the machine; compare within one run. Writes
bench/results/embed-runtimes.json.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

# The bench's environment before any medbento module reads its settings.
from bench.environment import KEY

from . import limits, load
from .__main__ import embedding_bodies, served, warm

RESULTS = Path(__file__).resolve().parent / "results"
RUNTIMES = ("torch", "onnx", "onnx-int8")

# Passages and queries about them, written for this bench (no model was tuned on them): the
# retrieval question is only whether a runtime ranks passages as torch does.
PASSAGES = [
    "Acute inferior myocardial infarction with ST elevation in leads II, III and aVF.",
    "Community-acquired pneumonia of the right lower lobe treated with ceftriaxone.",
    "Type 2 diabetes mellitus with HbA1c of 9.2 percent, metformin increased.",
    "Cellulitis of the left lower leg with erythema and warmth, started cephalexin.",
    "Deep vein thrombosis of the left femoral vein on duplex ultrasound; apixaban begun.",
    "Chronic obstructive pulmonary disease exacerbation, nebulised salbutamol and prednisone.",
    "Acute kidney injury with creatinine rising from 1.0 to 2.4 after contrast.",
    "Migraine without aura, four attacks a month, topiramate prophylaxis discussed.",
    "Atrial fibrillation with rapid ventricular response, rate controlled with metoprolol.",
    "Urinary tract infection with dysuria and frequency, nitrofurantoin for five days.",
    "Major depressive disorder, moderate, sertraline 50 mg started, safety plan reviewed.",
    "Osteoarthritis of the right knee, intra-articular steroid injection performed.",
    "Hypothyroidism with TSH 12, levothyroxine dose increased to 75 micrograms.",
    "Acute appendicitis on CT, taken for laparoscopic appendectomy.",
    "Asthma poorly controlled, inhaled corticosteroid and formoterol combination started.",
    "Iron deficiency anaemia with ferritin 6, oral iron and colonoscopy referral.",
    "Heart failure with reduced ejection fraction of 30 percent, sacubitril-valsartan begun.",
    "Sepsis from a urinary source, lactate 4.1, fluids and piperacillin-tazobactam.",
    "Gout flare of the first metatarsophalangeal joint, colchicine prescribed.",
    "Ischaemic stroke with left hemiparesis, thrombolysis within the window.",
]
QUERIES = [
    "heart attack ST elevation inferior leads",
    "lung infection antibiotic lower lobe",
    "high blood sugar medication adjusted",
    "red warm swollen leg skin infection",
    "blood clot in the leg anticoagulant",
    "COPD flare steroids bronchodilator",
    "kidney function worse after contrast dye",
    "headache prevention medicine",
    "irregular fast heartbeat beta blocker",
    "burning urination antibiotic",
    "low mood antidepressant started",
    "knee joint pain injection",
    "underactive thyroid dose change",
    "right lower quadrant pain surgery",
    "wheezing inhaler not controlled",
    "low iron fatigue scope referral",
    "weak heart pump new medication",
    "infection with high lactate broad antibiotics",
    "big toe joint swollen painful",
    "sudden weakness one side clot-busting drug",
]


def in_process() -> dict:
    import bentoml
    import numpy as np

    from medbento.runtime import embedder

    path = bentoml.models.get("clinical-embedder:latest").path
    texts = load.unique_texts(512, "runtimes")
    out, reference, ranking = {}, None, None
    for runtime in RUNTIMES:
        model = embedder.load(path, "cpu", runtime)

        def encode(batch, model=model):
            return embedder.embed(model, batch)

        pipeline = limits.Pipeline(runtime, encode)
        encode(texts[:64])  # warm
        vectors = np.vstack([encode(texts[i : i + 64]) for i in range(0, len(texts), 64)])
        scores = encode(QUERIES) @ encode(PASSAGES).T
        order = np.argsort(-scores, axis=1)
        if reference is None:
            reference, ranking = vectors, order
        cosine = (vectors * reference).sum(axis=1)
        top5 = [len(set(order[q, :5]) & set(ranking[q, :5])) / 5 for q in range(len(QUERIES))]
        limit, batch = pipeline.best_batch(texts)
        out[runtime] = {
            "single_ms": round(pipeline.single(texts[:100]) * 1000, 2),
            "best_texts_per_s": round(limit),
            "best_batch": batch,
            "cosine_min": round(float(cosine.min()), 6),
            "cosine_mean": round(float(cosine.mean()), 6),
            "top1_agreement": float((order[:, 0] == ranking[:, 0]).mean()),
            "top5_overlap": round(float(np.mean(top5)), 3),
        }
        print(runtime, out[runtime], flush=True)
        del model
    return out


def serving() -> dict:
    token, route, out = KEY["researcher"], "/v1/embeddings", {}
    for runtime in ("torch", "onnx"):
        env = {"MEDBENTO_PHI_POLICY": "off", "MEDBENTO_EMBEDDER_RUNTIME": runtime}
        with served("services.embedding:Embedding", env) as server:
            warm(server.url, route, token, "embedding")
            lone = load.run(server.url, route, embedding_bodies(100, f"{runtime}-lone"), 1, token)
            busy = load.run(server.url, route, embedding_bodies(1024, f"{runtime}-64"), 64, token)
        out[runtime] = {
            "lone_median_ms": round(lone.median * 1000, 2),
            "clients_64_req_per_s": round(busy.throughput, 1),
            "errors": lone.errors + busy.errors,
        }
        print(f"served {runtime}", out[runtime], flush=True)
    return out


def main() -> None:
    RESULTS.mkdir(exist_ok=True)
    result = {"cpus": os.cpu_count(), "in_process": in_process(), "served": serving()}
    (RESULTS / "embed-runtimes.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
