"""Dates as the edition writes them: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``start/end``.

Shared by the notes register (record dates, any year) and the claims ledger and
timeline (event dates, which must fall within the paper's span, 2004–2018).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTHS = (
    "January February March April May June July August September October November December"
).split()
PAPER_YEARS = (2004, 2018)


@dataclass(frozen=True, order=True)
class Date:
    """A date at the precision it was given: year, year and month, or a full date."""

    year: int
    month: int = 0  # 0: not given
    day: int = 0

    def __str__(self) -> str:
        """'28 June 2004', 'June 2004' or '2004'."""
        if self.day:
            return f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        if self.month:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return str(self.year)

    @property
    def iso(self) -> str:
        """'2004-06-28', '2004-06' or '2004'."""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


@dataclass(frozen=True, order=True)
class Span:
    """A single date or a range ``start/end``."""

    start: Date
    end: Date

    def __str__(self) -> str:
        """'28 June 2004', or '4–5 September 2014' style ranges."""
        return "".join(text for text, _iso in self.parts())

    def parts(self) -> list[tuple[str, str]]:
        """The written date as (text, ISO date) pieces; separators have no ISO date.

        HTML's ``<time datetime>`` takes one date, not a range, so a range is marked up
        as two ``<time>`` elements: ``[("4", "2014-09-04"), ("–", ""),
        ("5 September 2014", "2014-09-05")]``.
        """
        if self.start == self.end:
            return [(str(self.start), self.start.iso)]
        first, last = self.start, self.end
        if first.year == last.year and first.month == last.month and first.day and last.day:
            return [(str(first.day), first.iso), ("–", ""), (str(last), last.iso)]
        return [(str(first), first.iso), (" – ", ""), (str(last), last.iso)]

    @property
    def iso(self) -> str:
        """The form it was written in."""
        return self.start.iso if self.start == self.end else f"{self.start.iso}/{self.end.iso}"


def parse_date(value: str) -> Date:
    """Parse one date; ValueError with a reader-facing message when it is not one."""
    match = DATE_RE.match(value) if isinstance(value, str) else None
    if not match:
        raise ValueError(f"date {value!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else 0 for part in match.groups())
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        raise ValueError(f"date {value!r} is not a calendar date") from None
    return Date(year, month, day)


def parse_span(value: object, years: tuple[int, int] | None = PAPER_YEARS) -> Span:
    """Parse a date or ``start/end`` range, optionally confined to ``years`` (inclusive)."""
    if not isinstance(value, str):
        raise ValueError(f'date {value!r} must be a quoted string such as "2004-06"')
    first, _, last = value.partition("/")
    span = Span(parse_date(first), parse_date(last) if last else parse_date(first))
    if span.end < span.start:
        raise ValueError(f"date range {value!r} ends before it starts")
    if years and not (years[0] <= span.start.year and span.end.year <= years[1]):
        raise ValueError(f"date {value!r} is outside {years[0]}–{years[1]}, the paper's span")
    return span
