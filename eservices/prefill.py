"""Prefill ("submit once"): values the state already holds are taken from the registry, not asked for.

A prefill map on a service says, per form field, where its value comes from,
as a dotted path into the citizen's population-registry data, e.g.
``name``, ``birthdate``, ``permanent_address.formatted``,
``household.spouse.name`` or, for the e-document wallet,
``wallet.driving_licence.number``.

The first segment of a path may name a prefill source (``common.registry``):
``wallet`` reads the VNeID e-document wallet; any other path reads the
population registry (``registry``, the default source). Another source (say a
land registry, ``land.parcel.number``) is one more ``@register`` class.
"""

from __future__ import annotations

from typing import Any

from common.registry import Plugin, Registry
from identity.registry.snapshot import person_data

DEFAULT_SOURCE = "registry"

sources: Registry[PrefillSource] = Registry("prefill source")
register = sources.register


class PrefillSource(Plugin):
    """Where the values of the paths that start with its identifier come from."""

    def resolve(self, parts: list[str], data: dict) -> Any:
        """The value at ``parts`` (the path without the source's own segment), or None."""
        raise NotImplementedError


def _walk(current: Any, parts: list[str]) -> Any:
    for part in parts:
        if not isinstance(current, dict):
            return None
        current = current.get(part)
    return current


@register(DEFAULT_SOURCE)
class PopulationRegistrySource(PrefillSource):
    """The person's data in the population registry, in the shape of VNeID's claims."""

    def resolve(self, parts: list[str], data: dict) -> Any:
        return _walk(data, parts)


@register("wallet")
class WalletSource(PrefillSource):
    """The e-documents of the person's VNeID wallet: ``wallet.<kind>.<field>`` reads the first of that kind."""

    def documents(self, data: dict | None, kind: str) -> list[dict]:
        return [doc for doc in (data or {}).get("edocuments") or [] if doc.get("type") == kind]

    def resolve(self, parts: list[str], data: dict) -> Any:
        documents = self.documents(data, parts[0])
        return _walk(documents[0] if documents else None, parts[1:])


def source_for(path: str) -> tuple[PrefillSource, list[str]]:
    """The source a dotted path reads, and the rest of the path for it."""
    parts = path.split(".")
    if len(parts) >= 2 and parts[0] != DEFAULT_SOURCE and parts[0] in sources:
        return sources.get(parts[0])(), parts[1:]
    return sources.get(DEFAULT_SOURCE)(), parts


def registry_data(id_number: str) -> dict | None:
    """The population registry's data for a person, in the same shape as VNeID's claims; None if unknown."""
    return person_data(id_number)


def resolve(path: str, data: dict) -> Any:
    """The value at a dotted path, or None. ``wallet.<kind>.<field>`` reads the e-document of that kind."""
    source, parts = source_for(path)
    return source.resolve(parts, data)


def prefill_values(prefill_map: dict, data: dict | None) -> dict:
    """Form field → value for every mapped field the registry has a value for."""
    if not data:
        return {}
    values = {}
    for field, path in (prefill_map or {}).items():
        value = resolve(path, data)
        if value not in (None, ""):
            values[field] = value
    return values


def wallet_fields(prefill_map: dict) -> set[str]:
    """Fields filled from the e-document wallet rather than from the population registry itself."""
    return {field for field, path in (prefill_map or {}).items() if path.split(".")[0] == WalletSource.identifier}


def wallet_documents(data: dict | None, kind: str) -> list[dict]:
    return WalletSource().documents(data, kind)


def wallet_document(data: dict | None, kind: str, number) -> dict | None:
    """The citizen's wallet document of ``kind`` numbered ``number`` (as the citizen or an app names it), or None:
    the one lookup of a named wallet document, for the web step and the filing API alike."""
    return next((d for d in wallet_documents(data, kind) if d["number"] == str(number)), None)
