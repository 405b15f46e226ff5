"""A census of hostile files against the readers: how many end clean (a result or a
CoalitionsError), escape (another exception, a round trip that differs, a CLI traceback or
exit 3), hang (no answer in 5 s) or crash (MemoryError under a 2 GiB limit). Each case runs
in a forked worker; one that hangs or dies is killed and replaced. Standard library only.

Run: python benchmarks/fuzz_census.py [--seed S] [--cases N] [--timeout SECONDS]
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import csv
import io
import json
import multiprocessing
import os
import random
import re
import resource
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import coalitions as co
from coalitions.cli import main as cli_main
from coalitions.scenarios import dumps_scenario, loads_scenario, open_scenario
from coalitions.simulate import read_simulation

CLASSES = {
    "scenario": "scenario files, mutated + hand-made",
    "votes": "vote files (`allocate`)",
    "simulation": "simulation files (`simulate`)",
    "paths": "paths and non-regular files",
    "cli": "the CLI in-process",
}
BASE = {name: co.load_scenario(name).to_dict() for name in co.list_scenarios()}
METHODS = sorted(co.apportion.METHODS)
TEXTS = [
    *("", " ", "\x00", "\x07", "\x1b[31mred", "\u202eevil", "a\r\nb", "a\rb", "\t", "\u2028"),
    *("\ufeff", "٣", "²", "①", "𝟙", "x\u0301", "💥", "\ud800", "1e10000000", "-1e10000000"),
    *("1e-10000000", "1E999", "NaN", "inf", "-0", "0x10", "1_000", "1/0", "0/0", "60%", "150%"),
    *("-5%", "1e3%", "2024-02-30", "9999-12-31", "0001-01-01", "2024-10-20T10:00:00Z", "KDP"),
    *(" kdp ", "a+b", "null", "true", "kdp", "component:shia", "coordination-framework@wide"),
]
INSERTS = [
    *(b"\x00", b"\xff", b"\xc3", b"\xed\xa0\x80", b'"', b"'", b"[", b"]", b"[[", b"{", b"}"),
    *(b"=", b"\n", b"\r", b"\\", b"#", b",", b".", b"9" * 5000, b"1e10000000", b"inf", b"nan"),
    *(b"\xef\xbb\xbf", b"\t", b"\\u0000", b"\\ud800", b"-", b"0", b"a.b.c = 1\n"),
]
CELLS = [
    *("", " ", "-5", "1,000", "1_0", "٣", "²", "①", "𝟙", "9" * 1000, "9" * 1001, "9" * 5000),
    *("1e10000000", "0x10", "\x00", "NaN", "1.5", '"', '"open', "+5", " 7 ", "\ufeff5", "-0"),
    *("0" * 2000 + "5", "5\x00", "1 000", "00", "9" * 4301),
]
FIELDS = [
    *("position", "colour", "until", "since", "votes", "vote_share", "alleged", "format", "kind"),
    *("method", "threshold", "national_threshold", "exempt", "reserved", "intervals", "fixed"),
    *("coalitions", "draws", "seed", "sample_size", "districts", "shares", "extra", "Key", ""),
]


class Raw(str):
    """Text written into a file as is: a literal no Python value can stand for."""


class Pairs(list):
    """A table written with these (key, value) pairs in order: duplicate keys."""


DATES = ("2024-10-20", "2024-10-20T10:00:00Z", "2024-10-20T10:00:00", "10:00:00", "2024-02-30")
NUMBERS = [
    *(0, -1, 1, 3, 10_000, 10_001, 2**63, 0.5, -0.0, float("inf"), float("nan"), True, "5"),
    *("1e10000000", "1/3", "60%", "-1/3", "0.1174", "1e-1000", "1" + "0" * 999, Raw("-0")),
    *map(Raw, ("9" * 4301, "1e10000000", "0x10", "+1", "1_000", "0o7", "nan", "-inf")),
]
LISTS = [[["a", "b"]], [{"x": 1}], "component:shia", [1], [None], [[]], [], ["", " "], ["a", "a"]]
KINDS: dict[str, tuple[set[str], list[Any]]] = {  # a field's name: hostile values of its kind
    "date": ({"since", "until", "as_of", "election", "date"}, [*map(Raw, DATES), *DATES, 2024]),
    "number": (
        {"seats", "size", "reported_seats", "vote_share", "votes", "position", "format", "seed"}
        | {"threshold", "national_threshold", "sample_size", "draws"},
        NUMBERS,
    ),
    "list": (
        {"tags", "members", "aliases", "sources", "exempt", "links", "factions", "alternatives"}
        | {"definitions", "grades", "coalitions", "districts", "reserved", "events"},
        [*LISTS, ["KDP", "kdp"], {"a": 1}, [True], [Raw("1e10000000")]],
    ),
}


def short(value: Any, n: int = 24) -> str:
    if isinstance(value, Raw):
        return f"raw {str(value)[:12]!r}" + (f"... ({len(value)} ch)" if len(value) > 12 else "")
    text = repr(value)
    return text if len(text) <= n else f"{text[: n - 3]}... ({len(text)} ch)"


def write(v: Any, fmt: str) -> str:
    """A value as TOML (inline) or JSON text; lone surrogates as JSON escapes."""
    if isinstance(v, Raw):
        return str(v)
    if isinstance(v, dict | Pairs):
        pairs, sep = v if isinstance(v, Pairs) else v.items(), " = " if fmt == "toml" else ": "
        return "{" + ", ".join(f"{tkey(k, fmt)}{sep}{write(x, fmt)}" for k, x in pairs) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(write(x, fmt) for x in v) + "]"
    if isinstance(v, str):
        surrogate = bool(re.search("[\ud800-\udfff]", v))
        return json.dumps(v, ensure_ascii=surrogate).replace("\x7f", "\\u007f")
    if fmt == "json" or isinstance(v, bool):
        return json.dumps(v)
    return "{}" if v is None else repr(v)


def tkey(k: Any, fmt: str) -> str:
    bare = fmt == "toml" and re.fullmatch(r"[A-Za-z0-9_-]+", str(k))
    return str(k) if bare else write(str(k), fmt)


def toml_text(tree: Any) -> str:
    """A tree as a TOML document: [tables] and [[arrays of tables]] where they fit."""
    out: list[str] = []

    def table(node: Any, prefix: list[str]) -> None:
        pairs = list(node if isinstance(node, Pairs) else node.items())
        aot = [type(v) is list and bool(v) and all(map(is_table, v)) for _, v in pairs]
        for (k, v), many in zip(pairs, aot, strict=True):
            if not (is_table(v) or many):
                out.append(f"{tkey(k, 'toml')} = {write(v, 'toml')}")
        for (k, v), many in zip(pairs, aot, strict=True):
            name = ".".join([*prefix, tkey(k, "toml")])
            for sub in [v] if is_table(v) else v if many else []:
                out.append(f"\n[{name}]" if is_table(v) else f"\n[[{name}]]")
                table(sub, [name])

    table(tree, [])
    return "\n".join(out) + "\n"


def is_table(v: Any) -> bool:
    return isinstance(v, dict | Pairs)


def flip(data: bytes, rng: random.Random) -> bytes:
    """Insert, delete or flip bytes at 1 to 4 random places."""
    raw = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        at, op = rng.randrange(len(raw) + 1), rng.randrange(3)
        if op == 0:
            raw[at:at] = rng.choice(INSERTS)
        elif op == 1:
            del raw[at : at + rng.randint(1, 16)]
        elif raw:
            raw[min(at, len(raw) - 1)] ^= 1 << rng.randrange(8)
    return bytes(raw)


def hostile(rng: random.Random, fmt: str, depth: int = 0) -> Any:
    r = rng.randrange(10 if depth < 2 else 8)
    if r == 2:  # very long text
        return rng.choice(["x", "ك", "\x00", "\ud800"]) * rng.choice([81, 10_000, 10_001, 100_000])
    if r == 3:  # big integers written as text, over Python's 4300-digit limit too
        digits = rng.choice([19, 300, 1000, 1001, 4300, 4301, 5000, 50_000])
        return Raw(rng.choice(["", "-"]) + "9" * digits)
    if r == 4:
        return rng.choice([*NUMBERS, *DATES, *map(Raw, DATES)])
    if r == 5:  # deep lists or tables
        n = rng.choice([17, 200, 999, 1500, 50_000])
        inner = ("{a=" if fmt == "toml" else '{"a":') * n + "1" + "}" * n
        return Raw(rng.choice(["[" * n + "]" * n, inner]))
    if r in (6, 7):
        return rng.choice([True, False, None, {}, {"": 1}, *LISTS])
    if r == 8:
        return [hostile(rng, fmt, depth + 1) for _ in range(rng.randrange(4))]
    if r == 9:
        return {rng.choice(TEXTS): hostile(rng, fmt, depth + 1) for _ in range(rng.randrange(3))}
    return rng.choice(TEXTS)


def walk(tree: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    out = [(prefix, tree)]
    if isinstance(tree, dict) or type(tree) is list:
        for k, v in tree.items() if isinstance(tree, dict) else enumerate(tree):
            out += walk(v, (*prefix, k))
    return out


def near(node: Any, rng: random.Random, keys: list[str]) -> Any:
    """A value of the same kind as ``node``: plausible, so more files get past validation."""
    if isinstance(node, bool):
        return not node
    if isinstance(node, int):
        return rng.choice([0, 1, -1, node + 1, node - 1, node * 10, 10_000, 10_001, 2**63])
    if isinstance(node, str):
        if keys and rng.random() < 0.4:  # another entry's key: cycles, self-references
            return rng.choice(keys)
        at = rng.randrange(len(node) + 1)
        bad = rng.choice([*TEXTS[:12], "\ud800", "x" * 10_001, "\r\n", "'''", '"""', "\\"])
        return node[:at] + bad + node[at:]
    if isinstance(node, list) and node:
        return rng.choice([node + node[:1], node[1:], node[::-1], [], node * 2])
    return None if isinstance(node, list | dict) else node


OPS = ("replace", "near", "typed") * 2 + ("near", "delete", "field", "dup", "as-list")


def mutate(tree: Any, rng: random.Random, fmt: str, log: list[str]) -> Any:
    """One mutation at a random place of ``tree`` (changed in place; returns the root)."""
    places = walk(tree)
    keys = [v for p, v in places if p and p[-1] == "key" and isinstance(v, str)]
    (path, node), new = rng.choice(places[1:] or places), None
    op = rng.choice(OPS)
    if op == "typed":  # a date, number or list field given a hostile value of its kind
        kind = rng.choice(sorted(KINDS))
        found = [(p, v) for p, v in places if p and p[-1] in KINDS[kind][0]]
        (path, node), new = rng.choice(found or [(path, node)]), rng.choice(KINDS[kind][1])
    if not path:
        log.append(f"root={short(new)}")
        return copy.deepcopy(new if new is not None else hostile(rng, fmt))
    parent = tree
    for step in path[:-1]:
        parent = parent[step]
    key, where = path[-1], ".".join(map(str, path))
    new = near(node, rng, keys) if op == "near" else new
    if op == "delete":
        del parent[key]
    elif op in ("field", "dup") and isinstance(node, dict):  # unknown fields, duplicate keys
        name = rng.choice([*FIELDS, *TEXTS] if op == "field" else list(node) or ["x"])
        value = copy.deepcopy(rng.choice([hostile(rng, fmt), near(node.get(name, ""), rng, keys)]))
        if op == "field":
            node[name] = value
        else:
            parent[key] = Pairs([*node.items(), (name, value)])
        where += f" key {short(name)}={short(value)}"
    elif op == "as-list" and isinstance(node, dict | list):  # a list where a table belongs
        parent[key] = new = [node] if isinstance(node, dict) else dict(enumerate(node))
    else:
        op = op if op in ("near", "typed") and new is not None else "replace"
        parent[key] = new = copy.deepcopy(new if new is not None else hostile(rng, fmt))
    log.append(f"{op} {where}" + (f"={short(new)}" if new is not None else ""))
    return tree


def mutated(base: Any, rng: random.Random, fmt: str, desc: str) -> tuple[str, bytes, str]:
    """``base`` mutated 0 to 3 times, as a file (TOML or JSON), with bytes flipped 1 in 5."""
    tree, log = copy.deepcopy(base), []
    for _ in range(rng.choice([0, 1, 1, 1, 2, 3])):
        tree = mutate(tree, rng, fmt, log)
    toml = fmt == "toml" and is_table(tree)
    data = (toml_text(tree) if toml else write(tree, "json")).encode("utf-8", "surrogatepass")
    if rng.random() < 0.2:
        data, log = flip(data, rng), [*log, "bytes flipped"]
    suffix = ".toml" if toml else ".json"
    return f"{desc}{suffix}: {'; '.join(log) or 'as is'}", data, suffix


def hand_made() -> list[tuple[str, bytes, str]]:
    mini = '[chamber]\nname = "X"\nsize = 3\n[[parties]]\nkey = "a"\nname = "A"\nseats = 2\n'
    many = "".join(f'[[parties]]\nkey = "p{i}"\nname = "P{i}"\nseats = 1\n' for i in range(2001))
    jmini = '{"chamber": {"name": "X", "size": 3}, "parties": [{"key": "a", "seats": 2, "name": '
    sizes = ("10001", "inf", "9" * 4301, "2024-10-20", "2024-10-20T10:00:00Z", "-0", "0x10")
    ends = (
        '"A"}], "parties": []}',
        '"A", "seats": NaN}]}',
        '"A", "seats": 1e400}]}',
        '"\\udc00"}]}',
    )
    mb4 = 4 * 1024 * 1024
    return [
        *((f"empty{s}", b"", s) for s in (".toml", ".json", ".csv")),
        *((f"JSON {t}", t.encode(), ".json") for t in ("null", "[]", "1e10000000", '"x"', "{}")),
        *((f"size = {v[:12]}", mini.replace("3", v, 1).encode(), ".toml") for v in sizes),
        *((f"JSON ...{end}", (jmini + end).encode(), ".json") for end in ends),
        ("a BOM only", b"\xef\xbb\xbf", ".toml"),
        ("UTF-16", mini.encode("utf-16"), ".toml"),
        ("NUL bytes", b"\x00" * 4096, ".toml"),
        ("over the size limit", b" " * (mb4 + 1), ".toml"),
        ("at the size limit", b"#" * (mb4 - 1) + b"\n", ".toml"),
        ("a deep dotted key", b"a." * 50_000 + b"b = 1\n", ".toml"),
        ("deep TOML arrays", b"a = " + b"[" * 100_000, ".toml"),
        ("deep JSON", b'{"a":' * 100_000, ".json"),
        ("2001 parties", ('[chamber]\nname = "X"\nsize = 10000\n' + many).encode(), ".toml"),
        ("CR line ends", mini.replace("\n", "\r").encode(), ".toml"),
        ("CRLF", mini.replace("\n", "\r\n").encode(), ".toml"),
    ]


def scenario_case(rng: random.Random) -> tuple[str, bytes, str]:
    name = rng.choice(sorted(BASE))
    return mutated(BASE[name], rng, rng.choice(["toml", "json"]), name)


def votes_case(rng: random.Random) -> tuple[str, bytes, str]:
    keys = rng.sample(["a", "b", "c", "kdp", "puk", "new-generation", "List 1", "ك"], 4)
    table, log = {k: rng.randint(0, 10**6) for k in keys}, []
    if rng.random() < 0.5:
        cols = rng.choice([["list", "votes"], ["party", "votes", "district"], [" Key ", "VOTES"]])
        rows = [[k, str(n), rng.choice(["n", "s"])] for k, n in table.items()]
        for _ in range(rng.choice([0, 1, 2, 3])):
            row, col = rng.randrange(len(rows)), rng.randrange(3)
            rows[row][col] = rng.choice(CELLS + TEXTS if col == 1 else TEXTS)
            log.append(f"row {row} col {col}={short(rows[row][col])}")
        buf, ends = io.StringIO(), rng.choice(["\n", "\r\n", "\r"])
        cut = len(cols) + rng.choice([0] * 8 + [1, -1])
        csv.writer(buf, lineterminator=ends).writerows([cols, *(r[:cut] for r in rows)])
        data = buf.getvalue().encode("utf-8", "surrogatepass")
        if rng.random() < 0.2:
            data, log = flip(data, rng), [*log, "bytes flipped"]
        return f"csv {cols}: {'; '.join(log) or 'as is'}", data, ".csv"
    base: dict[str, Any] = {"seats": rng.randint(1, 30), "votes": table}
    if rng.random() < 0.5:
        half = list(table.items())
        base = {"national_threshold": "5%", "exempt": [keys[0]], "districts": []}
        for name, seats, votes in (("north", 3, half[:2]), ("south", 4, half[2:])):
            base["districts"].append({"name": name, "seats": seats, "votes": dict(votes)})
        base["reserved"] = [{"seat": "christian", "votes": {"x": 10, "y": 5}}]
    base |= {"method": rng.choice(METHODS), "threshold": rng.choice(["5%", "1/20", 1000, "0"])}
    return mutated(base, rng, "toml", "votes")


def simulation_case(rng: random.Random) -> tuple[str, bytes, str]:
    keys, share = rng.sample(["a", "b", "c", "kdp", "puk", "z-list"], 3), [45, 0.35, "20%", "2/5"]
    base: dict[str, Any] = {"method": rng.choice(METHODS), "sample_size": rng.randint(1, 5000)}
    if rng.random() < 0.6:
        base |= {"seats": rng.randint(1, 120), "shares": {k: rng.choice(share) for k in keys}}
        if rng.random() < 0.3:
            base["intervals"] = {k: [rng.choice([0, 0.1, "10%"]), "3/5"] for k in keys}
    else:
        base |= {"seats": 12, "districts": []}
        for name, seats in (("north", 5), ("south", 7)):
            shares = {k: rng.choice(share) for k in keys}
            base["districts"].append({"name": name, "seats": seats, "shares": shares})
    base |= {"threshold": "5%", "draws": 300, "seed": 4, "fixed": {"christian": 1}}
    base["coalitions"] = [{"members": keys[:2]}]
    return mutated(base, rng, "toml", "simulation")


def path_cases(folder: Path) -> list[tuple[str, str, str]]:
    (folder / "dir.toml").mkdir(parents=True)
    os.mkfifo(folder / "pipe.toml")
    (folder / "loop.toml").symlink_to(folder / "loop.toml")
    (folder / "zero.toml").symlink_to("/dev/zero")
    (folder / "empty.toml").write_bytes(b"")
    (folder / "nul.toml").write_bytes(b"\x00" * 65536)
    places = {"a FIFO": "pipe", "a symlink to /dev/zero": "zero", "a folder": "dir"}
    places |= {"a missing file": "missing", "a 5,000-character name": "n" * 4995}
    places |= {"a symlink loop": "loop", "an empty file": "empty", "a file of NUL bytes": "nul"}
    found = {what: str(folder / f"{name}.toml") for what, name in places.items()}
    found["/dev/zero"] = "/dev/zero"
    return [(f"{what} via {r}", r, path) for what, path in found.items() for r in READERS]


READERS = {
    "read_scenario": co.read_scenario,
    "open_scenario": open_scenario,
    "read_votes": co.apportion.read_votes,
    "read_simulation": read_simulation,
}


def first_line(err: BaseException) -> str:
    lines = str(err).splitlines()
    return f"{type(err).__name__}: {lines[0][:160] if lines else ''}"


def check(kind: str, target: Any) -> tuple[str, str]:
    """Run one case: ("clean" | "escaped" | "crashed", what went wrong)."""
    if kind == "cli":
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = cli_main(target, stdout=io.StringIO())
        said = err.getvalue()
        if code in (0, 1, 2) and "Traceback" not in said:
            return "clean", ""
        lines = [ln for ln in said.splitlines() if ln.strip()] or [""]
        return "crashed" if "MemoryError" in said else "escaped", f"exit {code}: {lines[0][:160]}"
    try:
        result = READERS[kind](target)
    except co.CoalitionsError:
        return "clean", ""
    for json_format in (False, True) if kind.endswith("_scenario") else ():
        try:
            text = dumps_scenario(result, json_format=json_format)
        except co.CoalitionsError:  # documented: a scenario too big to write is refused
            continue
        fmt = "JSON" if json_format else "TOML"
        try:
            back = loads_scenario(text, json_format=json_format)
        except co.CoalitionsError as err:
            return "escaped", f"round trip ({fmt}) does not read back: {first_line(err)}"
        if back != result:
            return "escaped", f"round trip ({fmt}) gives a different chamber"
    return "clean", ""


def worker(conn: Any) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    while True:
        kind, target = conn.recv()
        try:
            answer = check(kind, target)
        except MemoryError:
            answer = ("crashed", "MemoryError")
        except BaseException as err:  # every other escape is what the census counts
            answer = ("escaped", first_line(err))
        conn.send(answer)


class Runner:
    """One worker process; killed and replaced when a case hangs or kills it."""

    def __init__(self, timeout: float) -> None:
        self.timeout, self.ctx = timeout, multiprocessing.get_context("fork")
        self.start()

    def start(self) -> None:
        self.conn, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=worker, args=(child,), daemon=True)
        self.proc.start()

    def run(self, kind: str, target: Any) -> tuple[str, str]:
        self.conn.send((kind, target))
        answered = self.conn.poll(self.timeout)
        with contextlib.suppress(EOFError, OSError):
            if answered:
                return self.conn.recv()
        self.proc.kill()
        self.proc.join()
        code = self.proc.exitcode
        self.conn.close()
        self.start()
        if answered:
            return "crashed", f"the worker died (exit code {code})"
        return "hung", f"no answer in {self.timeout:g} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cases", type=int, default=10_000, help="generated files (+36 paths)")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds per case")
    args = parser.parse_args()
    rng, runner, start = random.Random(args.seed), Runner(args.timeout), time.perf_counter()
    census: dict[str, Counter[str]] = {k: Counter() for k in CLASSES}
    failures: list[tuple[str, str, str]] = []
    make = {"scenario": scenario_case, "votes": votes_case, "simulation": simulation_case}
    reader = {"scenario": "read_scenario", "votes": "read_votes", "simulation": "read_simulation"}
    cli = {"votes": ["allocate", "--seats", "5"], "simulation": ["simulate", "--draws", "20"]}
    CLI_MIX = ("scenario", "scenario", "scenario", "votes", "simulation")

    def record(cls: str, what: str, status: str, detail: str) -> None:
        census[cls].update(["tried", status])
        if status != "clean":
            failures.append((cls, what, detail))

    with tempfile.TemporaryDirectory(prefix="fuzz-census-") as tmp:
        for what, kind, target in path_cases(Path(tmp) / "paths"):
            record("paths", what, *runner.run(kind, target))
        hand = [(f"hand-made {w}", data, s) for w, data, s in hand_made()]
        for cls, share in (("scenario", 3), ("votes", 2), ("simulation", 2), ("cli", 3)):
            for i in range(args.cases * share // 10):
                sub = rng.choice(CLI_MIX) if cls == "cli" else cls
                use_hand = cls == "scenario" and i < len(hand)
                what, data, suffix = hand[i] if use_hand else make[sub](rng)
                path = Path(tmp) / f"case-{i}{suffix}"
                path.write_bytes(data)
                if cls == "cli":
                    words = cli.get(sub) or rng.choice(
                        [["show"], ["validate"], ["find", "--count"]]
                    )
                    what = f"{' '.join(words)} on {what}"
                    status, detail = runner.run("cli", [words[0], str(path), *words[1:]])
                else:
                    status, detail = runner.run(reader[cls], str(path))
                record(cls, what, status, detail)
                path.unlink()
    runner.proc.kill()
    head = "| class | tried | clean | escaped (other exception / traceback) | hung "
    print(head + "| crashed (MemoryError) |\n|---|---:|---:|---:|---:|---:|")
    for cls, label in CLASSES.items():
        cells = (census[cls][c] for c in ("tried", "clean", "escaped", "hung", "crashed"))
        print(f"| {label} | " + " | ".join(f"{n:,}" for n in cells) + " |")
    total = sum(census[c]["tried"] for c in CLASSES)
    print(f"\n{total:,} files, seed {args.seed}, {time.perf_counter() - start:.0f} s")
    if len(failures) > 50:  # one line per (class, exception): a count and an example
        groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for cls, what, detail in failures:
            groups.setdefault((cls, re.sub(r"\d+", "N", detail)), []).append((what, detail))
        failures = [(c, f"{len(w)}x, e.g. {w[0][0]}", w[0][1]) for (c, _), w in groups.items()]
    for cls, what, detail in failures[:50]:
        print(f"- {cls}: {what[:200]} -> {detail}")
    if len(failures) > 50:
        print(f"- ... and {len(failures) - 50} more")


if __name__ == "__main__":
    main()
