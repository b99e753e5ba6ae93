"""The admin role's /admin/keys routes, served by the Gateway. Each change goes through
medbento/access/keys.py, which writes it with its audit event in one transaction (the request
itself is audited at the door like any other); this file turns key errors into 4xx answers and
tells this process's keyring to read the keys again at once (other replicas within
KEYS_REFRESH_S)."""

from __future__ import annotations

import asyncio
import functools
import re
from datetime import timedelta

from medbento.access.keys import KeyStore, UnknownKey, describe
from medbento.access.policy import current, keyring
from medbento.http.errors import APIError
from medbento.http.gateway_schemas import KeyRotation, NewKey

KEY_ID = re.compile(r"key_[0-9a-f]{12}")


class KeyRoutes:
    @functools.cached_property
    def store(self) -> KeyStore:  # opened at the first key request, not at the Gateway's start
        return KeyStore()

    async def list(self, include_revoked: bool) -> dict:
        records = await asyncio.to_thread(self.store.list, include_revoked=include_revoked)
        return {"keys": [describe(r) for r in records]}

    async def create(self, new: NewKey) -> dict:
        try:
            key, record = await asyncio.to_thread(
                self.store.create,
                new.role,
                current().principal,
                expires_at=new.expires_at,
                models=new.models,
            )
        except ValueError as error:  # its message names no input ("the expiry is in the past")
            raise APIError(400, f"{error}.", "invalid_key_request") from None
        keyring().forget()
        return {"key": key, **describe(record)}

    async def revoke(self, key_id: str) -> dict:
        return describe(await self._change(self.store.revoke, key_id))

    async def rotate(self, key_id: str, rotation: KeyRotation | None) -> dict:
        grace = timedelta(seconds=(rotation or KeyRotation()).grace_seconds)
        key, record = await self._change(self.store.rotate, key_id, grace=grace)
        return {"key": key, **describe(record)}

    async def _change(self, change, key_id: str, **options):
        if not KEY_ID.fullmatch(key_id):  # not looked up: it could hold anything a client sent
            raise APIError(404, "No such key.", "unknown_key")
        try:
            changed = await asyncio.to_thread(change, key_id, current().principal, **options)
        except UnknownKey:
            raise APIError(404, "No such key.", "unknown_key") from None
        keyring().forget()
        return changed
