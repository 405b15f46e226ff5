"""``coalitions simulate``: seat intervals and coalition probabilities from a
simulation file (read by :func:`coalitions.simulate.read_simulation`)."""

from __future__ import annotations

import argparse
import concurrent.futures
import multiprocessing
from fractions import Fraction
from typing import Any, TextIO

from .. import apportion, report
from ..simulate import Simulation, SimulationFile, read_simulation, simulate
from .listing import Progress
from .options import EXIT_OK, Command, add_format, add_quota, emit

__all__ = ["COMMANDS", "SIMULATE"]


def _simulate_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        metavar="FILE",
        help="a TOML file with seats, method, sample_size and [shares] "
        "(or [[districts]]), optional [fixed] seats and [[coalitions]]",
    )
    parser.add_argument("--draws", "-d", type=int, default=None, help="draws (default 10000)")
    parser.add_argument("--seed", type=int, default=None, help="the seed (default 0)")
    parser.add_argument(
        "--executor",
        choices=("none", "processes", "threads"),
        default="none",
        help="run batches in a process or thread pool",
    )
    parser.add_argument(
        "--coalition",
        "-c",
        action="append",
        default=[],
        metavar="A+B",
        help="report the probability that a coalition reaches the quota",
    )
    add_quota(parser)
    parser.add_argument("--level", default="90%", help="the central share of draws (default 90%%)")
    add_format(parser)


def _draw(spec: SimulationFile, args: argparse.Namespace) -> Simulation:
    """The draws of the file, in the executor asked for, with progress on a terminal."""
    pool: concurrent.futures.Executor | None = None
    if args.executor == "processes":
        pool = concurrent.futures.ProcessPoolExecutor()
    elif args.executor == "threads":
        pool = concurrent.futures.ThreadPoolExecutor()
    draws = args.draws or spec.draws
    shown = Progress(draws, "draws", every=1)  # total, rate and time left, on a terminal
    try:
        return simulate(
            spec.shares,
            spec.seats,
            spec.method,
            sample_size=spec.sample_size,
            intervals=spec.intervals,
            draws=draws,
            seed=spec.seed if args.seed is None else args.seed,
            threshold=spec.threshold,
            fixed=spec.fixed,
            executor=pool,
            progress=lambda done, _total: shown.tick(done),
        )
    except KeyboardInterrupt:
        if pool is not None:  # no batch starts after Ctrl-C, and no worker outlives us
            pool.shutdown(wait=False, cancel_futures=True)
            for child in multiprocessing.active_children():
                child.terminate()
            for child in multiprocessing.active_children():
                child.join(timeout=5)
            pool = None
        raise
    finally:
        if pool is not None:
            pool.shutdown()
        shown.close()


def _simulate_run(args: argparse.Namespace, out: TextIO) -> int:
    spec = read_simulation(args.path)
    level = Fraction(apportion.parse_share(args.level))
    # every coalition is checked before the draws run
    coalitions = [(c, spec.members(c, field="--coalition")) for c in args.coalition]
    coalitions += [("+".join(members), members) for members in spec.coalitions]
    sim = _draw(spec, args)
    rows: list[dict[str, Any]] = [
        {"key": k, "mean": v.mean, "low": v.low, "median": v.median, "high": v.high}
        for k, v in sim.seat_intervals(level).items()
    ]
    probs = [
        {"coalition": name, "probability": sim.majority_probability(members, args.quota)}
        for name, members in coalitions
    ]
    if args.format == "json":
        payload = {
            "draws": sim.n,
            "seed": sim.seed,
            "method": sim.method,
            "seats": rows,
            "coalitions": probs,
        }
        emit(out, report.to_json(payload, exact=args.exact))
        return EXIT_OK
    fmt, exact = args.format, args.exact
    emit(out, f"{sim.n:,} draws · {sim.method} · {sim.size} seats · seed {sim.seed}")
    emit(out, report.render(rows, columns=report.COLUMNS["intervals"], fmt=fmt, exact=exact))
    if probs:
        emit(out, "")
        columns = report.COLUMNS["probabilities"]
        emit(out, report.render(probs, columns=columns, fmt=fmt, exact=exact))
    return EXIT_OK


SIMULATE = Command(
    "simulate",
    "seat intervals and coalition probabilities from uncertain vote shares",
    "examples:\n"
    "  coalitions simulate shares.toml --draws 10000 --seed 1\n"
    "  coalitions simulate shares.toml --coalition kdp+puk --executor processes",
    _simulate_args,
    run=_simulate_run,
)
COMMANDS = (SIMULATE,)
