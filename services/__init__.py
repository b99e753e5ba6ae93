import os

# Before anything imports torch: OpenMP threads that finish their work sleep at once instead of
# spinning. On a small machine the model's idle threads would otherwise spin on the cores the
# PHI guard, the gateway and the audit writer need next (measured on two cores: a lone guarded
# request 74 ms spinning, 35 ms passive; README, "Measured").
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
