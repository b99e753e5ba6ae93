import os

# Before anything imports torch: OpenMP threads that finish their work sleep at once instead of
# spinning. On a small machine the model's idle threads would otherwise spin on the cores the
# PHI guard, the gateway and the audit writer need next (measured on two cores: a lone guarded
# request 74 ms spinning, 35 ms passive; README, "Measured").
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def startup_done() -> None:
    """Called at the end of each service's __init__. Everything loaded so far (torch, spaCy,
    Presidio, pydantic models: millions of objects) lives as long as the process, yet each of
    Python's full collections walked all of it: 300-900 ms with every request waiting
    (measured here, every service process, every few seconds under load). Frozen, those
    objects are left out of collections; only what requests allocate is walked."""
    import gc

    gc.collect()
    gc.freeze()
