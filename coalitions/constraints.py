"""Red lines, and the compiled game that search and power share.

A :class:`Constraints` value holds the red lines of a question: parties or tags that
are excluded, parties or tags that are required, pairs that will not sit together,
blocs that join whole or not at all, and bounds on the coalition's size. The functions
of :mod:`coalitions.search` and :mod:`coalitions.power` take it, or the same names as
keywords.

:func:`compile_game` turns a legislature, constraints and a quota rule into a
:class:`Game`: the *players* (a party, or a kept-together bloc as one player) with their
effective seats, sorted heaviest first, and everything the algorithms need.

How each constraint is compiled:

- ``exclude``: the parties (or every member of a named bloc) leave the game.
- ``exclude_tags``: a party carrying the tag leaves the game. A party where only a
  *faction* carries it stays, without that faction's seats (the faction leaves);
  ``whole_lists=True`` excludes the whole list instead.
- ``keep_together``: each named bloc's remaining members form one player.
- ``require``: the parties (or blocs) are in every coalition.
- ``require_tags``: each tag is held by at least one member (party tags, and the tags
  of factions still in the game).
- ``forbid``: pairs (of party or bloc keys) that are never in one coalition.
- ``max_parties``: at most this many parties (a kept-together bloc counts its members).
- ``min_seats``: the coalition must hold at least this many seats; it raises the
  winning threshold to ``max(quota, min_seats)``.
- ``max_surplus``: at most this many seats above the quota.

Parties with no seats (after faction exclusions) are left out unless required: they
cannot change whether a coalition wins.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

import attrs

from . import rules
from .errors import ConstraintError, UnknownPartyError, suggest
from .model import Legislature

__all__ = ["Constraints", "Game", "Player", "compile_game", "constraints_of"]


def _keyset(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    return frozenset(str(v).strip().lower() for v in value)


def _tagset(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    return frozenset(str(v).strip() for v in value)


def _pairs(value: Any) -> frozenset[frozenset[str]]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    out = set()
    for item in value:
        if isinstance(item, str):
            parts = [p for p in item.replace(",", "+").replace(":", "+").split("+") if p]
        else:
            parts = list(item)
        pair = frozenset(str(p).strip().lower() for p in parts)
        if len(pair) != 2:
            raise ConstraintError(f"'forbid' takes pairs of two different keys (got {item!r})")
        out.add(pair)
    return frozenset(out)


def _optional_count(name: str) -> Any:
    def check(_instance: object, _attribute: object, value: object) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ConstraintError(f"{name!r} must be a whole number >= 0 (got {value!r})")

    return check


@attrs.frozen
class Constraints:
    """The red lines of a question, reusable across calls.

    >>> c = Constraints(exclude_tags={"militia-affiliated"}, require_tags={"component:kurdish"})
    >>> sorted(c.exclude_tags)
    ['militia-affiliated']
    >>> Constraints(forbid=["kdp+puk"]).forbid == {frozenset({"kdp", "puk"})}
    True
    """

    exclude: frozenset[str] = attrs.field(default=frozenset(), converter=_keyset)
    exclude_tags: frozenset[str] = attrs.field(default=frozenset(), converter=_tagset)
    require: frozenset[str] = attrs.field(default=frozenset(), converter=_keyset)
    require_tags: frozenset[str] = attrs.field(default=frozenset(), converter=_tagset)
    forbid: frozenset[frozenset[str]] = attrs.field(default=frozenset(), converter=_pairs)
    keep_together: frozenset[str] = attrs.field(default=frozenset(), converter=_keyset)
    max_parties: int | None = attrs.field(default=None, validator=_optional_count("max_parties"))
    min_seats: int | None = attrs.field(default=None, validator=_optional_count("min_seats"))
    max_surplus: int | None = attrs.field(default=None, validator=_optional_count("max_surplus"))
    whole_lists: bool = False

    def describe(self) -> list[str]:
        """The constraints in words, one line each (empty when there are none)."""
        out = []
        if self.exclude:
            out.append("excluding " + ", ".join(sorted(self.exclude)))
        if self.exclude_tags:
            scope = "whole lists" if self.whole_lists else "lists, or factions inside lists,"
            out.append(f"excluding {scope} tagged " + ", ".join(sorted(self.exclude_tags)))
        if self.require:
            out.append("with " + ", ".join(sorted(self.require)))
        if self.require_tags:
            out.append(
                "with at least one member tagged "
                + " and one tagged ".join(sorted(self.require_tags))
            )
        if self.forbid:
            pairs = sorted("+".join(sorted(p)) for p in self.forbid)
            out.append("never together: " + ", ".join(pairs))
        if self.keep_together:
            out.append("kept together: " + ", ".join(sorted(self.keep_together)))
        if self.max_parties is not None:
            out.append(f"at most {self.max_parties} parties")
        if self.min_seats is not None:
            out.append(f"at least {self.min_seats} seats")
        if self.max_surplus is not None:
            out.append(f"at most {self.max_surplus} seats above the quota")
        return out


_FIELDS = tuple(a.name for a in attrs.fields(Constraints))


def constraints_of(constraints: Constraints | None = None, **keywords: Any) -> Constraints:
    """One :class:`Constraints` from a value and/or keywords (keywords win)."""
    unknown = sorted(set(keywords) - set(_FIELDS))
    if unknown:
        close = difflib.get_close_matches(unknown[0], _FIELDS, n=1)
        hint = (
            f"; did you mean {close[0]!r}?" if close else f"; expected one of {', '.join(_FIELDS)}"
        )
        raise ConstraintError(f"unknown constraint {unknown[0]!r}{hint}")
    base = constraints if constraints is not None else Constraints()
    if not isinstance(base, Constraints):
        raise ConstraintError(f"'constraints' must be a Constraints value (got {base!r})")
    given = {k: v for k, v in keywords.items() if v is not None}
    return attrs.evolve(base, **given) if given else base


@attrs.frozen
class Player:
    """One player of a compiled game: a party, or a kept-together bloc.

    ``weight`` is the player's seats in the game (a party's seats less any excluded
    faction); ``parties`` the party keys it stands for; ``tags`` the tags it brings.
    """

    key: str
    parties: tuple[str, ...]
    weight: int
    tags: frozenset[str]
    required: bool = False
    position: Fraction | None = None


@attrs.frozen
class Game:
    """A legislature compiled under constraints and a quota rule.

    ``players`` are sorted by weight, heaviest first, then by key. ``quota`` is the
    rule's seat count, ``threshold`` the seats a coalition needs (``max(quota,
    min_seats)``), ``upper`` the most seats it may hold (``quota + max_surplus``, or
    ``None``). ``left_out`` says which parties are not players and why; ``reduced``
    which parties lost the seats of an excluded faction.
    """

    legislature: Legislature
    constraints: Constraints
    rule: rules.Rule
    quota: int
    threshold: int
    upper: int | None
    players: tuple[Player, ...]
    forbidden: tuple[tuple[int, int], ...]
    left_out: tuple[tuple[str, str], ...]
    reduced: tuple[tuple[str, int, str], ...]
    party_weight: Mapping[str, int] = attrs.field(eq=False)
    party_tags: Mapping[str, frozenset[str]] = attrs.field(eq=False)

    @property
    def weights(self) -> dict[str, int]:
        """Each player's weight, by player key."""
        return {p.key: p.weight for p in self.players}

    @property
    def required_tags(self) -> frozenset[str]:
        """The tags a coalition must hold."""
        return self.constraints.require_tags

    def index(self, key: str) -> int:
        """The index of the player standing for party (or bloc) ``key``."""
        for i, p in enumerate(self.players):
            if p.key == key or key in p.parties:
                return i
        raise KeyError(key)

    def player_of(self, party: str) -> Player | None:
        """The player a party belongs to, or ``None`` if it is left out."""
        for p in self.players:
            if party in p.parties:
                return p
        return None


def _resolve(leg: Legislature, key: str, field: str) -> tuple[str, ...]:
    """Party keys named by ``key``: a party, or every member of a bloc."""
    if key in leg:
        return (key,)
    for bloc in leg.blocs:
        if bloc.key == key:
            return bloc.members
    known = list(leg.keys) + [b.key for b in leg.blocs]
    raise UnknownPartyError(key, known, where=f"'{field}'")


def _check_tags(leg: Legislature, tags: Iterable[str], field: str) -> None:
    known = leg.tags
    for tag in sorted(tags):
        if tag not in known:
            close = suggest(tag, known)
            hint = (
                "; did you mean " + " or ".join(repr(c) for c in close) + "?"
                if close
                else "; no party or faction carries it"
            )
            raise ConstraintError(f"unknown tag {tag!r} in {field!r}{hint}")


def compile_game(
    leg: Legislature, quota: rules.Rule = "majority", constraints: Constraints | None = None
) -> Game:
    """Compile ``leg`` under ``constraints`` and the quota rule into a :class:`Game`.

    Raises :class:`~coalitions.errors.ConstraintError` for contradictions (a required
    party that is excluded, a forbidden pair inside a kept-together bloc or between two
    required parties, a seat bound above the chamber) and
    :class:`~coalitions.errors.UnknownPartyError` for unknown keys.

    >>> import coalitions as co
    >>> g = compile_game(co.load_scenario("iraq-2025"), "majority",
    ...                  Constraints(exclude_tags={"militia-affiliated"}))
    >>> g.weights["rdc"], dict(g.left_out)["sadiqoun"]
    (37, 'tagged militia-affiliated')
    """
    c = constraints if constraints is not None else Constraints()
    q = leg.quota(quota)
    if c.min_seats is not None and c.min_seats > leg.size:
        raise ConstraintError(
            f"'min_seats' is {c.min_seats}, more than the chamber's {leg.size} seats"
        )
    threshold = max(q, c.min_seats or 0)
    upper = None if c.max_surplus is None else q + c.max_surplus
    _check_tags(leg, c.exclude_tags, "exclude_tags")
    _check_tags(leg, c.require_tags, "require_tags")

    excluded: dict[str, str] = {}
    for key in sorted(c.exclude):
        for party in _resolve(leg, key, "exclude"):
            excluded.setdefault(party, f"excluded ({key})")
    required: set[str] = set()
    for key in sorted(c.require):
        required.update(_resolve(leg, key, "require"))
    reduced: list[tuple[str, int, str]] = []
    weight: dict[str, int] = {}
    tags: dict[str, frozenset[str]] = {}
    for p in leg.parties:
        own = sorted(p.tags & c.exclude_tags)
        if own:
            excluded.setdefault(p.key, "tagged " + ", ".join(own))
        w = p.seats
        t = set(p.tags)
        for f in p.factions:
            hit = sorted(f.tags & c.exclude_tags)
            if not hit:
                t |= f.tags
                continue
            if c.whole_lists:
                excluded.setdefault(p.key, f"faction {f.key} tagged " + ", ".join(hit))
            else:
                w -= f.seats
                reduced.append((p.key, f.seats, f"faction {f.key} (tagged {', '.join(hit)})"))
        weight[p.key] = w
        tags[p.key] = frozenset(t)
    for key in sorted(required):
        if key in excluded:
            raise ConstraintError(f"party {key!r} is both required and excluded ({excluded[key]})")
    for p in leg.parties:
        if p.key not in excluded and weight[p.key] == 0 and p.key not in required:
            excluded[p.key] = "no seats"

    bloc_of: dict[str, str] = {}
    for key in sorted(c.keep_together):
        bloc = leg.bloc(key)
        for m in bloc.members:
            bloc_of[m] = bloc.key

    positions = {p.key: p.position for p in leg.parties}
    players: list[Player] = []
    seen_blocs: set[str] = set()
    for p in leg.parties:
        if p.key in excluded:
            continue
        if p.key in bloc_of:
            b = bloc_of[p.key]
            if b in seen_blocs:
                continue
            seen_blocs.add(b)
            members = tuple(m for m in leg.bloc(b).members if m not in excluded)
            pos = {positions[m] for m in members}
            players.append(
                Player(
                    key=b,
                    parties=members,
                    weight=sum(weight[m] for m in members),
                    tags=frozenset().union(*(tags[m] for m in members)),
                    required=any(m in required for m in members),
                    position=pos.pop() if len(pos) == 1 else None,
                )
            )
        else:
            players.append(
                Player(
                    key=p.key,
                    parties=(p.key,),
                    weight=weight[p.key],
                    tags=tags[p.key],
                    required=p.key in required,
                    position=p.position,
                )
            )
    players.sort(key=lambda pl: (-pl.weight, pl.key))
    index = {party: i for i, pl in enumerate(players) for party in pl.parties}

    forbidden: set[tuple[int, int]] = set()
    for pair in sorted(c.forbid, key=sorted):
        a_key, b_key = sorted(pair)
        a_parties = _resolve(leg, a_key, "forbid")
        b_parties = _resolve(leg, b_key, "forbid")
        for a in a_parties:
            for b in b_parties:
                if a not in index or b not in index:
                    continue  # a left-out party is never in a coalition anyway
                i, j = sorted((index[a], index[b]))
                if i == j:
                    raise ConstraintError(
                        f"'forbid' pair {a_key}+{b_key} lies inside the kept-together bloc "
                        f"{players[i].key!r}"
                    )
                if players[i].required and players[j].required:
                    raise ConstraintError(f"'forbid' pair {a_key}+{b_key}: both are required")
                forbidden.add((i, j))
    left_out = tuple((k, excluded[k]) for k in leg.keys if k in excluded)
    return Game(
        legislature=leg,
        constraints=c,
        rule=quota,
        quota=q,
        threshold=threshold,
        upper=upper,
        players=tuple(players),
        forbidden=tuple(sorted(forbidden)),
        left_out=left_out,
        reduced=tuple(reduced),
        party_weight={k: weight[k] for k in index},
        party_tags={k: tags[k] for k in index},
    )


def game_of(
    leg: Legislature,
    quota: rules.Rule,
    constraints: Constraints | None,
    keywords: Mapping[str, Any],
) -> Game:
    """Compile with constraints given as a value and/or keywords (the public functions' way)."""
    return compile_game(leg, quota, constraints_of(constraints, **keywords))
