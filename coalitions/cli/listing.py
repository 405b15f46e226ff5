"""Listings that stream: rows are printed as results come, in every format, with memory
flat in the number of results, and a footer with the exact count.

A table (any tabulate format) is printed in pages of :data:`PAGE` rows, each page a
table of its own; CSV writes its header once and then rows; JSON writes an array one
element at a time; JSON Lines one line a result. The footer ("showing 20 of
10,490,577,401,367 coalitions") and the progress line go to standard error for CSV and
JSON, so that the data stays clean, and to standard output after a table.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, TextIO

from .. import report
from .options import EXIT_INTERRUPTED, EXIT_OK, emit

__all__ = ["PAGE", "Progress", "duration", "stream"]

#: Rows in a page of a streamed table.
PAGE: Final = 100
#: Formats whose output is data, not a table for people: notes go to standard error.
DATA_FORMATS: Final = ("csv", "json", "jsonl")


def duration(seconds: float) -> str:
    """A duration for people: ``'42s'``, ``'3m 05s'``, ``'2h 07m'``, ``'3d 4h'``, or
    ``'years'`` beyond a thousand days.

    >>> duration(42.4), duration(185), duration(7620), duration(273600), duration(1e9)
    ('42s', '3m 05s', '2h 07m', '3d 4h', 'years')
    """
    s = int(seconds)
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m {s % 60:02d}s"
    if s < 86400:
        return f"{s // 3600}h {s % 3600 // 60:02d}m"
    if s < 1000 * 86400:
        return f"{s // 86400}d {s % 86400 // 3600}h"
    return "years"


class Progress:
    """Progress on standard error, when it is a terminal, for listings that take over
    a second: results so far, of how many, the rate and the time left.

    ``tick(n)`` after the n-th result (looked at every ``every`` results);
    ``close()`` clears the line.
    """

    def __init__(
        self, total: int | None, what: str = "coalitions", stream: Any = None, every: int = 256
    ) -> None:
        self.total, self.what, self.every = total, what, every
        self.stream = stream if stream is not None else sys.stderr
        self.start = self.last = time.monotonic()
        self.shown = False
        isatty = getattr(self.stream, "isatty", None)
        self.live = bool(callable(isatty) and isatty())

    def line(self, n: int, now: float) -> str:
        """The progress line after ``n`` results at time ``now``."""
        elapsed = max(now - self.start, 1e-9)
        rate = n / elapsed
        text = f"{n:,}"
        if self.total is not None:
            text += f" of {self.total:,}"
        text += f" {self.what} · {rate:,.0f}/s"
        if self.total is not None and rate > 0:
            text += f" · ETA {duration((self.total - n) / rate)}"
        return text

    def tick(self, n: int) -> None:
        """Note the n-th result; redraw at most twice a second, after the first second."""
        if not self.live or n % self.every:
            return
        now = time.monotonic()
        if now - self.start > 1 and now - self.last > 0.5:
            self.stream.write("\r" + self.line(n, now) + "\033[K")
            self.stream.flush()
            self.shown, self.last = True, now

    def close(self) -> None:
        """Clear the progress line, if one is drawn (before output to the same terminal,
        and at the end); the next tick draws it again."""
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False


def _json_item(record: Mapping[str, Any], exact: bool) -> str:
    text = json.dumps(report.jsonable(record, exact=exact), ensure_ascii=False, indent=2)
    return "\n".join("  " + ln for ln in text.splitlines())


def stream(
    records: Iterable[Mapping[str, Any]],
    out: TextIO,
    *,
    columns: Sequence[str],
    fmt: str,
    exact: bool,
    progress: Progress,
    footer: Callable[[int], str | None],
) -> int:
    """Print ``records`` as they come in format ``fmt``, then ``footer(n)`` (``None``:
    no footer); returns the exit code (130 after Ctrl-C, once what came is printed)."""
    n, code, first = 0, EXIT_OK, True
    page: list[Mapping[str, Any]] = []

    def flush(page: list[Mapping[str, Any]]) -> None:
        nonlocal first
        progress.close()  # the page starts on a clean line of the terminal
        if fmt == "jsonl":
            for r in page:
                out.write(json.dumps(report.jsonable(r, exact=exact), ensure_ascii=False) + "\n")
        elif fmt == "json":
            body = ",\n".join(_json_item({c: r.get(c) for c in columns}, exact) for r in page)
            out.write(("[\n" if first else ",\n") + body)
        elif fmt == "csv":
            emit(out, report.render(page, columns=columns, fmt="csv", exact=exact, header=first))
        else:
            emit(out, ("" if first else "\n") + report.render(page, columns=columns, fmt=fmt))
        out.flush()
        first = False

    size = 1 if fmt == "jsonl" else PAGE
    last = time.monotonic()
    try:
        for record in records:
            page.append(record)
            n += 1
            progress.tick(n)
            # A page when full, or after a second: slow searches show what they found.
            if len(page) >= size or time.monotonic() - last > 1:
                flush(page)
                page, last = [], time.monotonic()
        if page:
            flush(page)
    except KeyboardInterrupt:
        if page:
            flush(page)
        code = EXIT_INTERRUPTED
    finally:
        progress.close()
    if fmt == "json":
        out.write("[]\n" if first else "\n]\n")
    note = footer(n)
    if code == EXIT_INTERRUPTED:
        sys.stderr.write(f"coalitions: interrupted after {n:,} results\n")
    elif note:
        target = sys.stderr if fmt in DATA_FORMATS else out
        if target is out and n:
            emit(out, "")
        emit(target, note)
    return code
