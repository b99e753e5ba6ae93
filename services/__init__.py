"""The BentoML services, one per file; the library they share is the `medbento` package.

Imported first, before BentoML, torch or prometheus_client: `medbento` gives a served worker
its own Prometheus directory and sets OMP_WAIT_POLICY, both of which must happen before those
load."""

import medbento  # noqa: F401
