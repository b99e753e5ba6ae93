"""medbento's library: what the BentoML services in services/ share, in folders by concept
(http, access, phi, audit, serving, runtime, stores, observability). Importing it changes
nothing: a serving process sets itself up with medbento.serving.process_setup.prepare()."""


def freeze_after_startup() -> None:
    """Called at the end of each service's __init__. Everything loaded so far (torch, spaCy,
    Presidio, pydantic models: millions of objects) lives as long as the process, yet each of
    Python's full collections walked all of it: 300-900 ms with every request waiting
    (measured here, every service process, every few seconds under load). Frozen, those
    objects are left out of collections; only what requests allocate is walked."""
    import gc

    gc.collect()
    gc.freeze()
