"""A record's history as people read it: its own events, and what the apps above records add beside them.

Payments keeps its own append-only history (a payment started, succeeded, failed, was refunded) and records
never imports payments: payments registers a source here (``PaymentsConfig.ready``), and the citizen's record
page and the back-office's show its entries in time order among the record's events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

# source(record) -> the entries it adds to the record's history
HistorySource = Callable[[object], Iterable["HistoryEntry"]]

_sources: list[HistorySource] = []


@dataclass(frozen=True)
class HistoryEntry:
    """One line another app adds to a record's history. It reads like a ``RecordEvent`` in the templates: the
    citizen's page shows ``get_to_state_display`` and ``reason``; the back-office's shows the action, who, the
    states before and after, and the note. ``is_external`` tells it apart (a record's event has no such field)."""

    at: datetime
    action_label: str
    to_label: str
    from_label: str = ""
    reason: str = ""
    actor: object = None
    role: str = ""
    role_label: str = ""
    action: str = ""
    data: dict = field(default_factory=dict)
    client_ip: str = ""
    is_external: bool = True

    def get_to_state_display(self) -> str:
        return self.to_label

    def get_from_state_display(self) -> str:
        return self.from_label


def register_history_source(source: HistorySource) -> None:
    if source not in _sources:
        _sources.append(source)


def history(record, events: Iterable) -> list:
    """``events`` (the record's events the reader may see) with every registered source's entries, oldest first."""
    events = list(events)
    added = [entry for source in _sources for entry in source(record)]
    if not added:
        return events
    return sorted([*events, *added], key=lambda entry: entry.at)
