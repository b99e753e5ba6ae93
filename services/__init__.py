"""The BentoML services, one per file; the library they share is the `medbento` package.

Loading the services is a serving process's start (the `bentoml serve` supervisor, each of its
workers): set up first, before BentoML, torch or prometheus_client load (a worker's own
Prometheus directory, OMP_WAIT_POLICY, malloc arenas: medbento/serving/process_setup.py)."""

from medbento.serving.process_setup import prepare

prepare()
