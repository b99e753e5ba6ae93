"""PHIGuard: the BentoML service that finds PHI in batches of texts (medbento.phi.analyzer),
shared by every Bento. It only finds; the caller replaces."""

from __future__ import annotations

from pathlib import Path

import bentoml

from medbento import freeze_after_startup
from medbento.http.middleware import RequestContext
from medbento.phi.finding import Finding
from medbento.serving.entry_service import service_config
from medbento.settings import get_settings

settings = get_settings()


@bentoml.service(name="PHIGuard", **service_config(entry=False))
class PHIGuard:
    # phi-detector is the spaCy pipeline it runs: en_core_web_sm's NER trained further on the
    # Safe Harbor categories (medbento/phi/learned.py).
    detector = bentoml.models.BentoModel("phi-detector:latest")
    gazetteer = bentoml.models.BentoModel("phi-gazetteer:latest")

    def __init__(self) -> None:
        from medbento.phi.engine import build_analyzer  # Presidio: this process only

        self.analyzer = build_analyzer(
            Path(self.detector.path), Path(self.gazetteer.path), learned=True
        )
        freeze_after_startup()

    @bentoml.api(**settings.batching(settings.embed_max_batch_size))
    def analyze(self, texts: list[str]) -> list[list[Finding]]:
        """Internal: PHI findings for each text (offsets into that text)."""
        from medbento.phi.analyzer import detect

        return detect(self.analyzer, texts)


PHIGuard.add_asgi_middleware(RequestContext)
