import os
import subprocess
import sys

import pytest
from pydantic import ValidationError

from medbento.settings import Settings, describe

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def no_settings_from_the_environment(monkeypatch):
    # The suite configures its servers through MEDBENTO_* variables; these tests construct
    # Settings from arguments alone (pydantic-settings merges env dicts into given dicts).
    for name in [n for n in os.environ if n.startswith("MEDBENTO_")]:
        monkeypatch.delenv(name)


def fails(**values) -> str:
    with pytest.raises(ValidationError) as caught:
        Settings(**values)
    return describe(caught.value)


def test_defaults_are_embedded_and_offline(tmp_path):
    settings = Settings(data_dir=tmp_path)
    assert settings.env == "development"
    assert settings.database_for("audit") == f"sqlite:///{tmp_path / 'audit.db'}"
    assert settings.database_for("sessions") == f"sqlite:///{tmp_path / 'sessions.db'}"
    assert settings.redis_url is None
    assert settings.phi_policy == "anonymize"
    # The batch window is as long as the timeout: queued requests wait instead of failing.
    assert settings.batch_max_latency_ms == settings.request_timeout_s * 1000


PRODUCTION_OK = {
    "env": "production",
    "database_url": "postgresql://db/medbento",
    "api_keys": {"k1": "clinician"},
    "secret_key": "s" * 32,
    "tls_behind_proxy": True,
}


def test_a_complete_production_configuration_is_accepted():
    assert Settings(**PRODUCTION_OK).env == "production"


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"database_url": ""}, "MEDBENTO_DATABASE_URL"),
        ({"cors_origins": ["*"]}, "MEDBENTO_CORS_ORIGINS"),
        ({"api_keys": {}}, "MEDBENTO_API_KEYS"),
        ({"phi_policy": "off"}, "MEDBENTO_PHI_POLICY"),
        ({"secret_key": ""}, "MEDBENTO_SECRET_KEY"),
        ({"env": "qa"}, "MEDBENTO_ENV"),
        ({"max_texts": 0}, "MEDBENTO_MAX_TEXTS"),
        ({"tls_behind_proxy": False}, "MEDBENTO_TLS_CERTFILE"),
        ({"tls_certfile": "/nonexistent/cert.pem"}, "MEDBENTO_TLS"),
        ({"trusted_proxies": ["ingress.local"]}, "MEDBENTO_TRUSTED_PROXIES"),
    ],
)
def test_invalid_production_settings_name_the_setting(change, named):
    line = fails(**(PRODUCTION_OK | change))
    assert named in line
    assert "\n" not in line


def test_phi_policy_off_is_refused_in_staging_but_allowed_in_development():
    assert "staging" in fails(env="staging", phi_policy="off", secret_key="x" * 32)
    assert Settings(env="development", phi_policy="off").phi_policy == "off"


def test_the_error_line_never_contains_the_value():
    line = fails(**(PRODUCTION_OK | {"max_texts": "not-a-number-secret"}))
    assert "not-a-number-secret" not in line


def start_with(env: dict[str, str]) -> subprocess.CompletedProcess:
    """A fresh process reading its settings from `env`, as a server would at start."""
    return subprocess.run(
        [sys.executable, "-c", "import medbento.settings as s; s.get_settings()"],
        env=env | {"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_invalid_settings_stop_the_process_with_one_line():
    run = start_with({"MEDBENTO_ENV": "production"})
    assert run.returncode == 2
    assert run.stderr.strip().count("\n") == 0
    assert run.stderr.startswith("medbento: invalid settings: MEDBENTO_DATABASE_URL: production")


def test_a_bad_role_names_the_setting_but_never_the_key():
    line = fails(api_keys={"sk-very-secret-key": "doctor"})
    assert "MEDBENTO_API_KEYS" in line and "very-secret" not in line.lower()


def test_a_setting_that_is_not_json_stops_with_one_line_and_no_value():
    run = start_with({"MEDBENTO_API_KEYS": "sk-not-json-secret"})
    assert run.returncode == 2
    assert run.stderr.strip().count("\n") == 0 and "api_keys" in run.stderr
    assert "not-json-secret" not in run.stderr


def test_a_max_batch_size_of_one_turns_adaptive_batching_off():
    # BentoML refuses batchable=True with max_batch_size 1; the setting means "no batching".
    settings = Settings(_env_file=None, embed_max_batch_size=1)
    assert settings.batching(1) == {"batchable": False}
    assert settings.batching(64) == {
        "batchable": True,
        "max_batch_size": 64,
        "max_latency_ms": settings.request_timeout_s * 1000,
    }


def test_services_ask_openmp_threads_to_sleep_when_idle():
    # Set by medbento/serving/process_setup.py before torch loads; an operator's own choice is kept.
    script = "import services, os; print(os.environ['OMP_WAIT_POLICY'])"
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert run.stdout.strip() == "PASSIVE"
    env["OMP_WAIT_POLICY"] = "ACTIVE"
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert run.stdout.strip() == "ACTIVE"


def test_production_serves_https_with_a_certificate_or_behind_a_proxy_that_says_so(tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert.write_text("certificate")
    key.write_text("key")
    direct = PRODUCTION_OK | {"tls_behind_proxy": False, "tls_certfile": cert, "tls_keyfile": key}
    assert Settings(**direct).tls_certfile == cert
    assert "go together" in fails(**(direct | {"tls_keyfile": None}))
    proxies = Settings(**(PRODUCTION_OK | {"trusted_proxies": ["10.0.0.7/8", " fd00::1"]}))
    assert proxies.trusted_proxies == ["10.0.0.0/8", "fd00::1/128"]


def test_behind_a_proxy_without_trusted_proxies_is_warned_about(caplog, monkeypatch):
    from medbento.settings import http_config

    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)  # http_config sets it
    http_config(Settings(**PRODUCTION_OK))
    assert "without MEDBENTO_TRUSTED_PROXIES" in caplog.text
    caplog.clear()
    http_config(Settings(**(PRODUCTION_OK | {"trusted_proxies": ["10.0.0.0/8"]})))
    assert "without MEDBENTO_TRUSTED_PROXIES" not in caplog.text


def test_openid_connect_settings_are_checked_at_start(tmp_path):
    oidc = {"oidc_issuer": "https://idp.example/realms/h", "oidc_audience": "medbento"}
    assert "MEDBENTO_OIDC_AUDIENCE" in fails(oidc_issuer="https://idp.example")
    assert "MEDBENTO_OIDC_JWKS" in fails(**oidc)  # neither a URL nor a file
    assert "MEDBENTO_OIDC_JWKS" in fails(
        **oidc, oidc_jwks_url="https://idp.example/certs", oidc_jwks_file=tmp_path / "j.json"
    )
    assert "MEDBENTO_OIDC_JWKS_FILE" in fails(**oidc, oidc_jwks_file=tmp_path / "missing.json")
    assert "MEDBENTO_OIDC_ALGORITHMS" in fails(
        **oidc, oidc_jwks_url="http://idp/certs", oidc_algorithms=["RS256", "HS256"]
    )
    assert "MEDBENTO_OIDC_JWKS_URL" in fails(
        **PRODUCTION_OK, **oidc, oidc_jwks_url="http://idp.example/certs"
    )
    assert "MEDBENTO_OIDC_ROLE_MAP" in fails(
        **oidc, oidc_jwks_url="http://idp/certs", oidc_role_map={"g": "superuser"}
    )
    Settings(**PRODUCTION_OK, **oidc, oidc_jwks_url="https://idp.example/certs")
