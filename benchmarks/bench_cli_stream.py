"""The command's listings stream: ``coalitions find iraq-2025 --limit 0`` (ten trillion
results) in every format, its first lines within a second and its memory flat.

Targets (issue "Fits the tools people already use"): ``find iraq-2025 --limit 0 |
head -3`` prints within a second (the process's start included); the resident memory
after 2 s and after 6 s of streaming differ by under 5 MiB.

Run: python benchmarks/bench_cli_stream.py
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

COMMAND = [sys.executable, "-m", "coalitions", "find", "iraq-2025", "--limit", "0"]


def first_lines(fmt: str, n: int = 3) -> float:
    """Seconds until the first ``n`` lines of the listing in format ``fmt`` are out."""
    start = time.monotonic()
    with subprocess.Popen(
        [*COMMAND, "-f", fmt], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as proc:
        assert proc.stdout is not None
        for _ in range(n):
            proc.stdout.readline()
        took = time.monotonic() - start
        proc.kill()
    return took


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def memory_while_streaming(fmt: str) -> tuple[float, float]:
    """Resident memory (MiB) after 2 s and after 6 s of streaming into /dev/null."""
    with subprocess.Popen(
        [*COMMAND, "-f", fmt], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    ) as proc:
        time.sleep(2)
        early = rss_mib(proc.pid)
        time.sleep(4)
        late = rss_mib(proc.pid)
        proc.kill()
    return early, late


def main() -> None:
    print("coalitions find iraq-2025 --limit 0: time to the first 3 lines, memory")
    for fmt in ("table", "csv", "json", "jsonl", "markdown"):
        took = first_lines(fmt)
        early, late = memory_while_streaming(fmt)
        verdict = "ok" if took < 1 and late - early < 5 else "SLOW or GROWING"
        print(
            f"  {fmt:<9} first lines {took:5.2f} s · RSS {early:6.1f} MiB at 2 s, "
            f"{late:6.1f} MiB at 6 s · {verdict}"
        )


if __name__ == "__main__":
    main()
