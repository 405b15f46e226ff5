"""Cabinet posts: a table of posts with weights, shared among a coalition's members in
proportion to their seats.

A :class:`PostTable` lists posts with a weight in points (a sovereign ministry weighs
more) and, for the posts that convention gives to a component (Iraq's *muhasasa*: a
Shia Prime Minister, a Sunni Speaker, a Kurdish President), the component's tag. The
built-in ``"iraq"`` table (``coalitions/formation/data/posts-iraq.toml``) follows the
scoring reported in 2022 (five lawmakers a ministry, fifteen a sovereign one); a user's
own table is a TOML file in the same layout.

:func:`allocate_posts` then:

1. gives each reserved post to the coalition's largest member carrying the component's
   tag (a reserved post with no such member is *unfilled*; equal claimants are a tie,
   reported);
2. shares the table's points among the members in proportion to their seats with any
   method of the apportionment registry (a tie for the last point is data, as in
   :func:`~coalitions.allocate`);
3. charges each member the points of its reserved posts, then hands out the other posts,
   heaviest first, each to the member with the most points left (then more seats, then
   key); what a member ends with is its ``balance`` (negative: it holds more than its
   share).

>>> import coalitions as co
>>> leg = co.load_scenario("iraq-2025")
>>> p = allocate_posts(leg, "coordination-framework+kdp+taqaddum+puk")
>>> p.holder("prime-minister"), p.holder("speaker"), p.holder("president")
('rdc', 'taqaddum', 'kdp')
>>> p.points["rdc"], sum(p.points.values())
(7, 32)
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any, ClassVar

import attrs

from .. import inputs, numbers, report
from .._frozen import FrozenMap, frozen_map
from ..apportion import Method, Tie, TieBreak, allocate
from ..errors import ConstraintError, Problem, ScenarioError, _short, unknown
from ..model import Legislature, chamber, is_key
from .procedure import ProcedureSource, _tup

__all__ = ["Post", "PostAward", "PostTable", "Posts", "allocate_posts", "post_table"]


@attrs.frozen
class Post:
    """A post: its key, name, weight in points, and the component it is reserved for."""

    key: str
    name: str
    weight: int
    reserved: str | None = None


@attrs.frozen
class PostTable:
    """A table of posts, with its sources and what is left to verify."""

    key: str
    name: str
    posts: tuple[Post, ...] = attrs.field(converter=_tup)
    sources: tuple[ProcedureSource, ...] = attrs.field(default=(), converter=_tup)
    verify: str | None = None

    @property
    def points(self) -> int:
        """The points of every post together."""
        return sum(p.weight for p in self.posts)


@attrs.frozen
class PostAward:
    """A post given to a member (``None``: unfilled)."""

    post: str
    name: str
    weight: int
    holder: str | None
    reserved: str | None = None


@attrs.frozen
class Posts(report.Shown):
    """The posts of a coalition: who holds each, each member's points and balance,
    ties, and reserved posts left unfilled."""

    members: tuple[str, ...]
    method: str
    table: str
    points: Mapping[str, int] = attrs.field(converter=frozen_map)
    balance: Mapping[str, int] = attrs.field(converter=frozen_map)
    awards: tuple[PostAward, ...] = ()
    ties: tuple[Tie, ...] = ()
    reserved_ties: tuple[tuple[str, tuple[str, ...]], ...] = ()
    seats: Mapping[str, int] = attrs.field(default=FrozenMap(), converter=frozen_map)

    @property
    def unfilled(self) -> tuple[str, ...]:
        """Reserved posts that no member of the coalition can hold."""
        return tuple(a.post for a in self.awards if a.holder is None)

    def holder(self, post: str) -> str | None:
        """Who holds ``post``."""
        for a in self.awards:
            if a.post == post:
                return a.holder
        raise ConstraintError(unknown("post", post, [a.post for a in self.awards]))

    view_name: ClassVar[str] = "posts"

    def view_parts(self) -> tuple[tuple[Any, ...], ...]:
        """The notebook view's parts (see :class:`coalitions.report.Viewable`)."""
        return (("table", ("member", "seats", "points", "balance", "posts")),)

    def records(self, *, exact: bool = False) -> list[dict[str, Any]]:
        """One record a member: seats, points due, balance, posts held (decimals, or
        exact ``Fraction`` values when ``exact``)."""
        rows = [
            {
                "member": m,
                "seats": self.seats.get(m, 0),
                "points": self.points.get(m, 0),
                "balance": self.balance.get(m, 0),
                "posts": [a.post for a in self.awards if a.holder == m],
            }
            for m in self.members
        ]
        return report.records_of(rows, exact=exact)

    def post_records(self) -> list[dict[str, Any]]:
        """One record a post: weight, holder, reservation."""
        return [
            {"post": a.post, "name": a.name, "weight": a.weight, "holder": a.holder or "",
             "reserved": a.reserved or ""}
            for a in self.awards
        ]  # fmt: skip


# ------------------------------------------------------------------ the table file


def posts_from_dict(data: Mapping[str, Any], *, where: str = "<posts>") -> PostTable:
    """A :class:`PostTable` from the file layout (``[table]``, ``[[sources]]``,
    ``[[posts]]``), every problem named by its field path."""
    problems: list[Problem] = []
    if not isinstance(data, Mapping):
        raise ScenarioError(where, [("", f"must hold a table (got {type(data).__name__})")])
    head = data.get("table")
    if not isinstance(head, Mapping):
        problems.append(("table", f"must be a table with key and name (got {_short(head)})"))
        head = {}
    for field in ("key", "name"):
        if not isinstance(head.get(field), str) or not head.get(field):
            problems.append(
                (f"table.{field}", f"must be non-empty text (got {_short(head.get(field))})")
            )
    sources = [
        ProcedureSource(key=str(s.get("key")), title=str(s.get("title")), url=s.get("url"))
        for s in data.get("sources", [])
        if isinstance(s, Mapping)
    ]
    posts: list[Post] = []
    raw = data.get("posts")
    if not isinstance(raw, list) or not raw:
        problems.append(("posts", f"must be a list of one or more posts (got {_short(raw)})"))
        raw = []
    seen: set[str] = set()
    for i, p in enumerate(raw):
        post = _post(p, f"posts[{i}]", seen, problems)
        if post is not None:
            posts.append(post)
            seen.add(post.key)
    if problems:
        raise ScenarioError(where, problems)
    verify = head.get("verify")
    return PostTable(key=head["key"], name=head["name"], posts=posts, sources=sources,
                     verify=verify if isinstance(verify, str) else None)  # fmt: skip


def _post(raw: object, where: str, seen: set[str], problems: list[Problem]) -> Post | None:
    if not isinstance(raw, Mapping):
        problems.append((where, f"must be a table (got {_short(raw)})"))
        return None
    before = len(problems)
    for key in sorted(set(raw) - {"key", "name", "weight", "reserved"}):
        problems.append(
            (
                f"{where}.{key}",
                unknown("field of a post", key, ["key", "name", "weight", "reserved"]),
            )
        )
    key = raw.get("key")
    if not is_key(key):
        problems.append((f"{where}.key", f"must be a lowercase key (got {_short(key)})"))
    elif key in seen:
        problems.append((f"{where}.key", f"{key!r} is the key of an earlier post"))
    name = raw.get("name")
    if not isinstance(name, str) or not name:
        problems.append((f"{where}.name", f"must be non-empty text (got {_short(name)})"))
    weight = raw.get("weight")
    problem = numbers.whole_problem(weight, low=0, high=1000)
    if problem:
        problems.append((f"{where}.weight", problem))
    reserved = raw.get("reserved")
    if reserved is not None and (not isinstance(reserved, str) or not reserved):
        problems.append((f"{where}.reserved", f"must be a tag (got {_short(reserved)})"))
    if len(problems) > before:
        return None
    return Post(key=str(key), name=str(name), weight=int(weight), reserved=reserved)  # type: ignore[arg-type]


@functools.cache
def _built_in(name: str) -> PostTable:
    text = resources.files(__package__).joinpath("data", f"posts-{name}.toml").read_text("utf-8")
    where = f"built-in post table {name!r}"
    return posts_from_dict(inputs.parse(text, where), where=where)


def post_table(table: str | os.PathLike[str] | PostTable = "iraq") -> PostTable:
    """A built-in post table by name (``"iraq"``), a table file by path, or a
    :class:`PostTable` as given."""
    if isinstance(table, PostTable):
        return table
    if isinstance(table, str) and table.strip().lower() == "iraq":
        return _built_in("iraq")
    if isinstance(table, str | os.PathLike) and str(table).endswith((".toml", ".json")):
        data, where = inputs.load(table)
        return posts_from_dict(data, where=where)
    raise ConstraintError(unknown("post table", table, ["iraq"], also="a .toml table file"))


# ------------------------------------------------------------------ the allocation


def allocate_posts(
    leg: Legislature,
    coalition: str | Iterable[str],
    table: str | os.PathLike[str] | PostTable = "iraq",
    *,
    method: str | Method = "dhondt",
    tie_break: TieBreak = "raise",
    seed: int | None = None,
) -> Posts:
    """Share the posts of ``table`` among ``coalition``'s members; see the module."""
    leg = chamber(leg)
    t = post_table(table)
    members = tuple(m for m in leg.members(coalition) if leg[m].seats > 0)
    if not members:
        raise ConstraintError("the coalition holds no seat: there is nobody to give posts to")
    seats = {m: leg[m].seats for m in members}
    awards: list[PostAward] = []
    reserved_ties = []
    for post in t.posts:
        if post.reserved is None:
            continue
        holders = [m for m in members if post.reserved in leg.tags_of(m)]
        top = max((seats[m] for m in holders), default=0)
        tied = tuple(m for m in holders if seats[m] == top)
        if len(tied) > 1:
            reserved_ties.append((post.key, tied))
        awards.append(PostAward(post.key, post.name, post.weight, tied[0] if tied else None,
                                post.reserved))  # fmt: skip
    share = allocate(seats, t.points, method, tie_break=tie_break, seed=seed)
    points = dict(share.seats)
    balance = dict(points)
    for a in awards:
        if a.holder is not None:
            balance[a.holder] -= a.weight
    free = sorted((p for p in t.posts if p.reserved is None), key=lambda p: -p.weight)
    for post in free:
        holder = max(members, key=lambda m: (balance[m], seats[m], _desc(m)))
        balance[holder] -= post.weight
        awards.append(PostAward(post.key, post.name, post.weight, holder))
    order = {p.key: i for i, p in enumerate(t.posts)}
    awards.sort(key=lambda a: order[a.post])
    return Posts(
        members=members,
        method=share.method,
        table=t.key,
        points=points,
        balance=balance,
        awards=tuple(awards),
        ties=share.ties,
        reserved_ties=tuple(reserved_ties),
        seats=seats,
    )


def _desc(key: str) -> tuple[int, ...]:
    """A sort key that puts keys in alphabetical order under ``max``."""
    return tuple(-ord(c) for c in key)
