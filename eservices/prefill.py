"""Prefill ("submit once"): values the state already holds are taken from the registry, not asked for.

A prefill map on a service says, per form field, where its value comes from,
as a dotted path into the citizen's population-registry data, e.g.
``name``, ``birthdate``, ``permanent_address.formatted``,
``household.spouse.name`` or, for the e-document wallet,
``wallet.driving_licence.number``.
"""

from __future__ import annotations

from typing import Any

from identity.registry.snapshot import person_data


def registry_data(id_number: str) -> dict | None:
    """The population registry's data for a person, in the same shape as VNeID's claims; None if unknown."""
    return person_data(id_number)


def resolve(path: str, data: dict) -> Any:
    """The value at a dotted path, or None. ``wallet.<kind>.<field>`` reads the e-document of that kind."""
    parts = path.split(".")
    if parts[0] == "wallet" and len(parts) >= 2:
        documents = [doc for doc in data.get("edocuments") or [] if doc.get("type") == parts[1]]
        current: Any = documents[0] if documents else None
        parts = parts[2:]
    else:
        current = data
    for part in parts:
        if not isinstance(current, dict):
            return None
        current = current.get(part)
    return current


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
    return {field for field, path in (prefill_map or {}).items() if path.split(".")[0] == "wallet"}


def wallet_documents(data: dict | None, kind: str) -> list[dict]:
    return [doc for doc in (data or {}).get("edocuments") or [] if doc.get("type") == kind]
