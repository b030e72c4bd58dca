"""What a record owes: one pure function over a procedure version's fees.

Amounts are whole đồng (VND), never floats. Filing online pays each fee's
online amount (a fixed online rate or a discount on the counter rate,
``procedures.models.Fee.amount_online``); any other channel pays the counter
rate; a confirmed exemption pays nothing; a procedure whose fees add up to
zero skips payment entirely.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FeeLine:
    name: str
    counter_amount: int
    amount: int

    @property
    def discount(self) -> int:
        return self.counter_amount - self.amount


@dataclass(frozen=True)
class FeeQuote:
    lines: tuple[FeeLine, ...] = field(default_factory=tuple)
    exempt: bool = False

    @property
    def gross(self) -> int:
        """What the fees come to before any exemption."""
        return sum(line.amount for line in self.lines)

    @property
    def total(self) -> int:
        return 0 if self.exempt else self.gross

    @property
    def discount(self) -> int:
        return sum(line.discount for line in self.lines)

    @property
    def has_fee(self) -> bool:
        """Whether the procedure charges anything at all (zero-fee procedures skip payment, exempt or not)."""
        return self.gross > 0


def calculate_fee(fees: Iterable, *, online: bool, exempt: bool = False) -> FeeQuote:
    """The fee due for ``fees`` (``procedures.models.Fee`` rows or anything with the same attributes)."""
    lines = []
    for fee in fees:
        counter = int(fee.amount or 0)
        amount = int(fee.amount_online) if online else counter
        lines.append(FeeLine(name=fee.name, counter_amount=counter, amount=max(amount, 0)))
    return FeeQuote(lines=tuple(lines), exempt=exempt)
