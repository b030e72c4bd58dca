"""Papers the citizen's personal data store offers instead of uploads, asked through one registered store.

Records never imports the store (it reacts to records: ``datastore``): the store registers itself here in its
``AppConfig.ready`` (``register_store``), as documents registers the result issuer. With no store registered a
filing simply offers nothing from it.

A store is any object with:

- ``choices(id_number, kinds)``: the valid items of the citizen for any of ``kinds`` (paper kinds), as dicts with
  at least ``id``, ``kind``, ``title``, ``number``, ``valid_until`` (ISO date or None) and ``origin`` (where it came
  from, as the citizen and the officer read it); expired or replaced items are never among them;
- ``item(id_number, item_id)``: one such dict, or None when the citizen has no valid item with that id;
- ``verification(document)``: for a ``replaced_components`` entry taken from the store, a dict ``{"valid": bool,
  "origin": str, "detail": str}`` saying whether its signature still verifies.
"""

from __future__ import annotations

SOURCE = "datastore"

_store = None


def register_store(store) -> None:
    global _store
    _store = store


def store_choices(id_number: str, kinds: set[str]) -> list[dict]:
    kinds = {kind for kind in kinds if kind}
    if _store is None or not id_number or not kinds:
        return []
    return _store.choices(id_number, kinds)


def store_item(id_number: str, item_id: str) -> dict | None:
    if _store is None or not id_number or not item_id:
        return None
    return _store.item(id_number, item_id)


def reused_papers(record) -> list[dict]:
    """What stands in for papers of ``record``, for the officer: one line per replaced component, with where it
    came from and, for the data store's items, whether their signature verifies."""
    rows = []
    for used in (record.replaced_components or {}).values():
        document = used.get("document") or {}
        row = {"source": used.get("source", ""), "number": document.get("number", ""), "title": document.get("title")}
        if row["source"] == SOURCE and _store is not None:
            row.update(_store.verification(document))
        rows.append(row)
    return rows
