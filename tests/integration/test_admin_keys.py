"""The admin role manages keys over the API of a served Gateway: create (shown once), list,
rotate with a grace period, revoke; every change is in the audit chain with its operator and
never the key; other roles get 403, an unknown or malformed key id 404, bad bodies 400."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tests.conftest import KEY
from tests.servers import embedding_status

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def admin(gateway_url):
    with httpx.Client(
        base_url=gateway_url, headers={"Authorization": f"Bearer {KEY['admin']}"}, timeout=60
    ) as client:
        yield client


def refused_within(gateway_url: str, key: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if embedding_status(gateway_url, key) == 401:
            return True
        time.sleep(0.1)
    return False


def test_an_admin_creates_rotates_and_revokes_a_key(admin, gateway_url):
    expires = (datetime.now(UTC) + timedelta(days=7)).isoformat()
    created = admin.post("/admin/keys", json={"role": "researcher", "expires_at": expires})
    assert created.status_code == 201, created.text
    issued = created.json()
    key, key_id = issued["key"], issued["id"]
    assert issued["role"] == "researcher" and issued["created_by"].startswith("key_")
    assert embedding_status(gateway_url, key) == 200
    listed = admin.get("/admin/keys").json()["keys"]
    assert key_id in {k["id"] for k in listed} and key not in str(listed)

    rotated = admin.post(f"/admin/keys/{key_id}/rotate", json={"grace_seconds": 60}).json()
    new_key = rotated["key"]
    assert rotated["role"] == "researcher" and rotated["expires_at"] is not None
    assert embedding_status(gateway_url, new_key) == 200
    assert embedding_status(gateway_url, key) == 200  # the old key works through its grace period

    revoked = admin.post(f"/admin/keys/{key_id}/revoke")
    assert revoked.status_code == 200 and revoked.json()["revoked_by"].startswith("key_")
    assert refused_within(gateway_url, key, 5)
    assert embedding_status(gateway_url, new_key) == 200
    assert admin.post(f"/admin/keys/{key_id}/revoke").status_code == 404  # revoked already
    admin.post(f"/admin/keys/{rotated['id']}/revoke")
    assert refused_within(gateway_url, new_key, 5)

    auditor = {"Authorization": f"Bearer {KEY['auditor']}"}
    events = httpx.get(
        f"{gateway_url}/audit/events", params={"limit": 1000}, headers=auditor, timeout=60
    ).json()["events"]
    changes = [e["action"] for e in events if e["action"].startswith("key ")]
    assert f"key create {key_id} role=researcher" in changes
    assert f"key rotate {key_id} to {rotated['id']} grace=0:01:00" in changes
    assert f"key revoke {key_id}" in changes and f"key revoke {rotated['id']}" in changes
    assert key not in str(events) and new_key not in str(events)


def test_only_an_admin_may_and_bad_requests_are_4xx(admin, gateway_url):
    for role in ("clinician", "researcher", "auditor"):
        other = {"Authorization": f"Bearer {KEY[role]}"}
        assert httpx.get(f"{gateway_url}/admin/keys", headers=other).status_code == 403
    assert admin.post("/admin/keys/key_000000000000/revoke").status_code == 404
    missing = admin.post("/admin/keys/Harriet-Quimby/revoke")
    assert missing.status_code == 404 and "Harriet" not in missing.text
    for body in (
        {"role": "owner"},
        {"role": "clinician", "models": ["gpt-4"]},
        {"role": "clinician", "expires_at": "Harriet Quimby"},
    ):
        refused = admin.post("/admin/keys", json=body)
        assert refused.status_code == 400, refused.text
        assert refused.json()["error"]["code"] and "Harriet" not in refused.text
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    refused = admin.post("/admin/keys", json={"role": "clinician", "expires_at": past})
    assert refused.status_code == 400 and refused.json()["error"]["message"]


def test_a_key_limited_to_a_model_is_refused_elsewhere(admin, gateway_url):
    issued = admin.post("/admin/keys", json={"role": "clinician", "models": ["generation"]})
    key = issued.json()["key"]
    headers = {"Authorization": f"Bearer {key}"}
    assert embedding_status(gateway_url, key) == 403
    chat = httpx.post(
        f"{gateway_url}/v1/chat/completions",
        json={"model": "conversation", "messages": [{"role": "user", "content": "hi"}]},
        headers=headers,
        timeout=60,
    )
    assert chat.status_code == 403
    assert httpx.get(f"{gateway_url}/v1/models", headers=headers).status_code == 200
    admin.post(f"/admin/keys/{issued.json()['id']}/revoke")
