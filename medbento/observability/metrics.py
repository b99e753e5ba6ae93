"""medbento's Prometheus metrics, beside BentoML's on /metrics.

Counters live in BentoML's multiprocess registry, so every service process adds to the same
series. Resource figures (GPU through NVML, per-service processes, the machine) are read when
/metrics is scraped, by the entry service's `__metrics__` hook.
"""

from __future__ import annotations

import functools
import threading

import psutil
from bentoml import metrics
from prometheus_client import CollectorRegistry, Gauge, generate_latest

from medbento.runtime.devices import gpu_count
from medbento.settings import get_settings

PHI_ENTITIES = metrics.Counter(
    name="medbento_phi_entities",
    documentation="PHI entities found, by type, in the input or in model output",
    labelnames=["entity_type", "direction"],
)
CACHE_REQUESTS = metrics.Counter(
    name="medbento_cache_requests",
    documentation="Response cache lookups",
    labelnames=["model", "result"],
)
AUDIT_EVENTS = metrics.Counter(
    name="medbento_audit_events",
    documentation="Audit events by result (written, failed)",
    labelnames=["result"],
)
RATE_LIMITED = metrics.Counter(
    name="medbento_rate_limited_requests",
    documentation="Requests refused with 429",
    labelnames=["scope"],
)


_defining = threading.Lock()


def defined_once(define):
    """functools.cache under a lock: two threads' first /readyz probes both defined the gauge,
    and the second definition failed with prometheus_client's "Duplicated timeseries"."""
    cached = functools.cache(define)

    @functools.wraps(define)
    def get():
        with _defining:
            return cached()

    return get


@defined_once
def redis_up():
    """Defined only in the processes that use Redis: a gauge starts at 0 in every process that
    defines it, and the lowest over live processes would then read 0 for ever."""
    return metrics.Gauge(
        name="medbento_redis_up",
        documentation="1 while the configured Redis answers (lowest over live processes)",
        multiprocess_mode="livemin",
    )


@defined_once
def audit_store_writable():
    """Defined in the AuditLog processes only (see redis_up): 1 while the last readiness probe
    could write to the audit store."""
    return metrics.Gauge(
        name="medbento_audit_store_writable",
        documentation="1 while the audit store takes writes (lowest over live AuditLog processes)",
        multiprocess_mode="livemin",
    )


def resource_metrics() -> str:
    """GPU (when NVML finds one: no GPU, no series), service processes, and the machine."""
    registry = CollectorRegistry()

    def gauge(name: str, doc: str, labels: tuple[str, ...] = ()) -> Gauge:
        return Gauge(name, doc, labels, registry=registry)

    cpu = gauge("medbento_process_cpu_percent", "CPU use of a service process", ("service",))
    rss = gauge(
        "medbento_process_resident_memory_bytes",
        "Resident memory of a service process",
        ("service",),
    )
    for process in _service_processes():
        try:
            with process.oneshot():
                name = _service_name(process.cmdline())
                cpu.labels(name).set(process.cpu_percent(interval=None))
                rss.labels(name).set(process.memory_info().rss)
        except psutil.Error:
            continue
    memory = psutil.virtual_memory()
    gauge("medbento_system_cpu_percent", "CPU use of the machine").set(
        psutil.cpu_percent(interval=None)
    )
    gauge("medbento_system_memory_used_bytes", "Memory in use on the machine").set(memory.used)
    gauge("medbento_system_memory_total_bytes", "Memory of the machine").set(memory.total)
    disk = psutil.disk_usage(
        str(get_settings().data_dir if get_settings().data_dir.exists() else "/")
    )
    gauge("medbento_disk_used_bytes", "Disk used where MEDBENTO_DATA_DIR lives").set(disk.used)
    gauge("medbento_disk_total_bytes", "Disk size where MEDBENTO_DATA_DIR lives").set(disk.total)
    if gpu_count():
        _gpu_metrics(gauge)
    return generate_latest(registry).decode()


def _service_processes() -> list[psutil.Process]:
    """This process and its siblings: the workers BentoML started for one Bento, known by the
    module they run (BentoML has no public list of them; if it changes, the per-service
    gauges that tests/integration/test_operations.py checks disappear)."""
    me = psutil.Process()
    parent = me.parent()
    siblings = parent.children() if parent is not None else []
    return [p for p in siblings if "_bentoml_impl.worker" in " ".join(_safe_cmdline(p))] or [me]


def _safe_cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except psutil.Error:
        return []


def _service_name(cmdline: list[str]) -> str:
    if "--service-name" in cmdline:
        return cmdline[cmdline.index("--service-name") + 1]
    return "entry"


def _gpu_metrics(gauge) -> None:
    import pynvml

    utilization = gauge("medbento_gpu_utilization_percent", "GPU utilisation", ("gpu",))
    used = gauge("medbento_gpu_memory_used_bytes", "GPU memory in use", ("gpu",))
    total = gauge("medbento_gpu_memory_total_bytes", "GPU memory", ("gpu",))
    temperature = gauge("medbento_gpu_temperature_celsius", "GPU temperature", ("gpu",))
    pynvml.nvmlInit()
    try:
        for index in range(pynvml.nvmlDeviceGetCount()):
            handle = pynvml.nvmlDeviceGetHandleByIndex(index)
            memory = pynvml.nvmlDeviceGetMemoryInfo(handle)
            utilization.labels(str(index)).set(pynvml.nvmlDeviceGetUtilizationRates(handle).gpu)
            used.labels(str(index)).set(memory.used)
            total.labels(str(index)).set(memory.total)
            temperature.labels(str(index)).set(
                pynvml.nvmlDeviceGetTemperature(handle, pynvml.NVML_TEMPERATURE_GPU)
            )
    finally:
        pynvml.nvmlShutdown()
