"""The CUDA paths, where a GPU exists (elsewhere they skip, saying why): the generator in fp16
and 8/4-bit, its padded batches, the embedder in fp16, and the GPU series.

They need neither BentoML's model store nor a server, so `bench/gpu.sh` runs them on a bare
GPU machine from carried model files: MEDBENTO_GPU_MODELS names a folder holding
`clinical-generator/` (the demo generator) and `embedder-shape/` (the embedder's config and
tokenizer; its weights are drawn at random, which is all a device and precision check needs).
Without it the models come from the BentoML store."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
import torch

from medbento.runtime import attention
from medbento.runtime.generator import load_generator

pytestmark = [
    pytest.mark.gpu,
    pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device here"),
]


STORE = {"clinical-generator": "clinical-generator", "embedder-shape": "clinical-embedder"}


def model_dir(name: str) -> Path:
    if carried := os.environ.get("MEDBENTO_GPU_MODELS"):
        return Path(carried) / name
    import bentoml

    return Path(bentoml.models.get(f"{STORE[name]}:latest").path)


def padded_prompts(tokenizer) -> dict:
    prompts = [
        tokenizer.apply_chat_template(
            [{"role": "user", "content": text}], tokenize=False, add_generation_prompt=True
        )
        for text in ("Summarize.", "List the medications for the morning round, please.", "Hi")
    ]
    inputs = tokenizer(prompts, return_tensors="pt", padding=True, return_token_type_ids=False)
    assert not inputs["attention_mask"].all()
    return inputs


def test_generator_runs_in_fp16_on_the_gpu_with_padded_masks_equal_to_transformers():
    from transformers import AutoModelForCausalLM

    path = model_dir("clinical-generator")
    model, tokenizer, device = load_generator(path, quantization="none", runtime="torch")
    assert device == "cuda"
    assert next(model.parameters()).dtype == torch.float16
    assert model.config._attn_implementation == attention.NAME
    reference = AutoModelForCausalLM.from_pretrained(
        path, dtype=torch.float16, attn_implementation="sdpa"
    ).to("cuda")
    inputs = padded_prompts(tokenizer).to("cuda")
    options = dict(max_new_tokens=24, do_sample=False, pad_token_id=tokenizer.pad_token_id)
    with torch.inference_mode():
        ours = model.generate(**inputs, **options)
        theirs = reference.eval().generate(**inputs, **options)
    assert torch.equal(ours, theirs)


@pytest.mark.skipif(
    importlib.util.find_spec("bitsandbytes") is None, reason="bitsandbytes is not installed"
)
@pytest.mark.parametrize("quantization", ["int8", "int4"])
def test_generator_loads_quantized_and_generates(quantization):
    model, tokenizer, device = load_generator(
        model_dir("clinical-generator"), quantization=quantization, runtime="torch"
    )
    assert device == "cuda"
    inputs = padded_prompts(tokenizer).to("cuda")
    with torch.inference_mode():
        output = model.generate(
            **inputs, max_new_tokens=8, do_sample=False, pad_token_id=tokenizer.pad_token_id
        )
    assert output.shape == (3, inputs["input_ids"].shape[1] + 8)
    assert "Linear8bitLt" in repr(model) or "Linear4bit" in repr(model)


def test_embedder_in_fp16_on_the_gpu_matches_fp32_on_the_cpu():
    """What the Embedding service does on a GPU (SentenceTransformer on cuda, then .half()),
    against the CPU's fp32 with the same weights."""
    from sentence_transformers import SentenceTransformer

    from bench.gpu import embedder
    from medbento.runtime.embedder import embed

    texts = ["chest pain radiating to the left arm", "no known drug allergies", "a" * 400]
    cpu = embedder(model_dir("embedder-shape"), "cpu")
    gpu = embedder(model_dir("embedder-shape"), "cuda")
    assert isinstance(gpu, SentenceTransformer)
    expected = torch.from_numpy(embed(cpu, texts))
    got = torch.from_numpy(embed(gpu, texts))  # as the service calls it
    cosine = torch.nn.functional.cosine_similarity(expected, got)
    assert bool((cosine > 0.999).all()), cosine


@pytest.mark.skipif(importlib.util.find_spec("bentoml") is None, reason="needs bentoml")
def test_gpu_series_are_exported():
    from medbento.observability.metrics import resource_metrics

    text = resource_metrics()
    for series in ("utilization_percent", "memory_used_bytes", "memory_total_bytes"):
        assert f'medbento_gpu_{series}{{gpu="0"}}' in text
