"""The generator's load: a causal LM on the device this process has, as configured."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from medbento.runtime import attention
from medbento.runtime.devices import torch_device


def load_generator(path: Path, *, quantization: str, runtime: str) -> tuple[Any, Any, str]:
    """(model, tokenizer, device) for a causal LM in the transformers layout at `path`.

    CUDA: fp16, or 8/4-bit through bitsandbytes. CPU: fp32 torch, or ONNX Runtime through
    optimum when the model was imported with --onnx. Impossible combinations fail here, at
    start-up, with a message that says what to change.
    """
    import torch
    from transformers import AutoModelForCausalLM

    device = torch_device()
    if quantization != "none" and device != "cuda":
        raise RuntimeError(
            f"MEDBENTO_GENERATOR_QUANTIZATION={quantization} needs a CUDA GPU (bitsandbytes); "
            "use 'none' on CPU"
        )
    if runtime == "onnx":
        if device == "cuda" or quantization != "none":
            raise RuntimeError("MEDBENTO_GENERATOR_RUNTIME=onnx is the CPU runtime; use 'torch'")
        onnx_dir = path / "onnx"
        if not onnx_dir.is_dir():
            raise RuntimeError(
                "the generator has no ONNX export; re-import it: medbento models import "
                "--onnx --force"
            )
        from optimum.onnxruntime import ORTModelForCausalLM

        return ORTModelForCausalLM.from_pretrained(onnx_dir), _tokenizer(onnx_dir), device

    options: dict[str, Any] = {}
    if quantization in ("int8", "int4"):
        from transformers import BitsAndBytesConfig

        options["quantization_config"] = BitsAndBytesConfig(
            load_in_8bit=quantization == "int8",
            load_in_4bit=quantization == "int4",
            bnb_4bit_compute_dtype=torch.float16,
        )
        options["device_map"] = {"": 0}
    elif device == "cuda":
        options["dtype"] = torch.float16
    model = AutoModelForCausalLM.from_pretrained(path, **options)
    if "device_map" not in options:
        model.to(device)
    # Same attention, cheaper padded masks. `_attn_implementation` is a private name of
    # transformers' config (the one its own models read); tests/unit/test_attention.py pins it.
    if model.config._attn_implementation == "sdpa":
        model.set_attn_implementation(attention.register())
    model.eval()
    return model, _tokenizer(path), device


def _tokenizer(path: Path) -> Any:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(path)
    tokenizer.padding_side = "left"  # decoder-only batches pad on the left
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer
