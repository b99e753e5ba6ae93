"""Where models run: CUDA when a GPU is present, CPU otherwise, decided per process."""

from __future__ import annotations

import functools
from typing import Any


@functools.cache
def gpu_count() -> int:
    """NVIDIA GPUs visible through NVML; 0 without a driver (no error, no GPU series)."""
    try:
        import pynvml

        pynvml.nvmlInit()
        try:
            return pynvml.nvmlDeviceGetCount()
        finally:
            pynvml.nvmlShutdown()
    except Exception:  # NVMLError_LibraryNotFound and friends: no usable GPU here
        return 0


def model_resources() -> dict[str, Any]:
    """`resources` for a model service: one GPU where one exists, so BentoML pins it."""
    return {"gpu": 1} if gpu_count() else {"cpu": "1"}


def torch_device() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"
