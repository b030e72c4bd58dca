"""The interface every payment provider implements.

The portal never talks to a gateway except through one of these: start a
payment (get the page to send the payer to), verify a callback, ask for a
payment's status, refund, and fetch the daily statement for reconciliation.
"""

from __future__ import annotations

import datetime
from abc import ABC, abstractmethod
from dataclasses import dataclass

from common.registry import Plugin


class ProviderError(Exception):
    """The gateway could not be reached or answered something unusable; try again later."""


class CallbackRejected(Exception):
    """A callback that must not be acted on; ``outcome`` is a ``CallbackOutcome``."""

    def __init__(self, outcome: str, detail: str = ""):
        super().__init__(detail or outcome)
        self.outcome = outcome
        self.detail = detail


@dataclass(frozen=True)
class StartResult:
    redirect_url: str
    transaction_id: str = ""


@dataclass(frozen=True)
class StatusResult:
    """What the gateway says about a payment. ``state`` is a ``PaymentState`` value."""

    reference: str
    state: str
    amount: int | None = None
    transaction_id: str = ""
    method: str = ""
    completed_at: datetime.datetime | None = None


@dataclass(frozen=True)
class RefundResult:
    refund_id: str
    succeeded: bool
    detail: str = ""


@dataclass(frozen=True)
class StatementLine:
    transaction_id: str
    reference: str
    amount: int
    state: str  # PaymentState value: paid or refunded
    completed_at: datetime.datetime | None = None


class PaymentProvider(Plugin, ABC):
    """A gateway's client, registered in ``payments.providers.registry``; ``check()`` verifies its settings."""

    name: str = ""
    label: str = ""

    @abstractmethod
    def start(self, payment, *, return_url: str, callback_url: str) -> StartResult:
        """Register the payment at the gateway; the payer is then sent to ``redirect_url``."""

    @abstractmethod
    def verify_callback(self, params: dict) -> StatusResult:
        """Check a callback's signature and freshness; raise ``CallbackRejected`` if it must be ignored."""

    @abstractmethod
    def query(self, payment) -> StatusResult:
        """Ask the gateway for the payment's current state."""

    @abstractmethod
    def refund(self, payment, *, reference: str, amount: int, reason: str) -> RefundResult:
        """Refund ``amount`` of a paid payment; idempotent on ``reference``."""

    def statement(self, day: datetime.date) -> list[StatementLine]:
        """The gateway's statement of ``day`` (transactions completed that day)."""
        raise NotImplementedError
