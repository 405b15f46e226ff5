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
- ``faction_seats``: what to assume for an excluded faction whose seats are unknown or
  only a range: ``"least"`` or ``"most"`` for every such faction, or a table
  ``{"party/faction": seats}``. Without an assumption, such an exclusion raises
  :class:`~coalitions.errors.UnknownSeatsError`: the answer is a range, which
  :func:`coalitions.search.count_range` gives (never a silent zero).

**A list with no seat sits in no coalition and supplies no tag.** A party with no seats
(none at all, or none left once its excluded factions are out) is left out of the game:
it cannot change whether a coalition wins, and the tags it carries count for nobody.
Requiring such a list (by its key, or as a member of a required bloc) is a contradiction
and raises :class:`~coalitions.errors.ConstraintError`; a required tag that only such
lists carry leaves no coalition (an empty answer, a count of 0).

The public functions take the quota rule as the keyword ``quota``; here it is the
``rule``, and :attr:`Game.quota` is the seat count it gives.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from fractions import Fraction
from typing import Any

import attrs

from . import numbers, rules
from ._frozen import FrozenMap, frozen_map
from .errors import ConstraintError, LimitError, UnknownSeatsError, unknown
from .limits import MAX_REQUIRED_TAGS
from .model import Legislature, chamber

__all__ = [
    "ASSUMPTIONS",
    "Constraints",
    "Game",
    "Player",
    "compile_game",
    "constraints_of",
    "uncertain_factions",
]


def _items(value: Any, field: str) -> list[Any]:
    """The items of a constraint given as one string or an iterable of them."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        raise ConstraintError(
            f"{field!r} must be a key or a list of keys (got {type(value).__name__} {value!r})"
        )
    return list(value)


def _keyset(value: Any, field: str) -> frozenset[str]:
    return frozenset(str(v).strip().lower() for v in _items(value, field))


def _exclude(value: Any) -> frozenset[str]:
    return _keyset(value, "exclude")


def _require(value: Any) -> frozenset[str]:
    return _keyset(value, "require")


def _together(value: Any) -> frozenset[str]:
    return _keyset(value, "keep_together")


def _tagset(value: Any) -> frozenset[str]:
    return frozenset(str(v).strip() for v in _items(value, "tags"))


def _pairs(value: Any) -> frozenset[frozenset[str]]:
    out = set()
    for item in _items(value, "forbid"):
        if isinstance(item, str):
            parts = [p for p in item.replace(",", "+").replace(":", "+").split("+") if p]
        else:
            parts = _items(item, "forbid")
        pair = frozenset(str(p).strip().lower() for p in parts)
        if len(pair) != 2:
            raise ConstraintError(f"'forbid' takes pairs of two different keys (got {item!r})")
        out.add(pair)
    return frozenset(out)


#: The assumptions ``faction_seats`` may name for every uncertain faction at once.
ASSUMPTIONS = ("least", "most")


def _faction_seats(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return frozen_map({str(k).strip().lower(): v for k, v in value.items()})
    return value  # the validator reports it


def _check_faction_seats(_instance: object, _attribute: object, value: Any) -> None:
    if value is None or value in ASSUMPTIONS:
        return
    if isinstance(value, Mapping):
        for key, seats in value.items():
            if key.count("/") != 1:
                raise ConstraintError(f"'faction_seats' keys are 'party/faction' (got {key!r})")
            numbers.whole(seats, field=f"faction_seats[{key!r}]", low=0, error=ConstraintError)
        return
    raise ConstraintError(
        "'faction_seats' must be 'least', 'most' or a table of 'party/faction' to seats "
        f"(got {value!r})"
    )


def _optional_count(name: str) -> Any:
    def check(_instance: object, _attribute: object, value: object) -> None:
        if value is not None:
            numbers.whole(value, field=name, low=0, error=ConstraintError)

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

    exclude: frozenset[str] = attrs.field(default=frozenset(), converter=_exclude)
    exclude_tags: frozenset[str] = attrs.field(default=frozenset(), converter=_tagset)
    require: frozenset[str] = attrs.field(default=frozenset(), converter=_require)
    require_tags: frozenset[str] = attrs.field(default=frozenset(), converter=_tagset)
    forbid: frozenset[frozenset[str]] = attrs.field(default=frozenset(), converter=_pairs)
    keep_together: frozenset[str] = attrs.field(default=frozenset(), converter=_together)
    max_parties: int | None = attrs.field(default=None, validator=_optional_count("max_parties"))
    min_seats: int | None = attrs.field(default=None, validator=_optional_count("min_seats"))
    max_surplus: int | None = attrs.field(default=None, validator=_optional_count("max_surplus"))
    whole_lists: bool = False
    faction_seats: str | FrozenMap[str, int] | None = attrs.field(
        default=None, converter=_faction_seats, validator=_check_faction_seats
    )

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
        if isinstance(self.faction_seats, str):
            out.append(f"factions of unknown size assumed to hold the {self.faction_seats}")
        elif self.faction_seats:
            told = ", ".join(f"{k} {v}" for k, v in sorted(self.faction_seats.items()))
            out.append(f"faction seats assumed: {told}")
        return out


_FIELDS = tuple(a.name for a in attrs.fields(Constraints))


def constraints_of(constraints: Constraints | None = None, **keywords: Any) -> Constraints:
    """One :class:`Constraints` from a value and/or keywords (keywords win)."""
    strange = sorted(set(keywords) - set(_FIELDS))
    if strange:
        raise ConstraintError(unknown("constraint", strange[0], _FIELDS))
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

    @property
    def required_parties(self) -> frozenset[str]:
        """The parties a coalition must include (named, or members of a named bloc)."""
        leg = self.legislature
        return frozenset(p for key in self.constraints.require for p in leg.resolve(key))


def _check_tags(leg: Legislature, tags: Collection[str], field: str) -> None:
    if not tags:
        return
    known = leg.tags
    for tag in sorted(tags):
        if tag not in known:
            raise ConstraintError(unknown("tag", tag, known, where=repr(field)))


def compile_game(
    leg: Legislature, rule: rules.Rule = "majority", constraints: Constraints | None = None
) -> Game:
    """Compile ``leg`` under ``constraints`` and the quota ``rule`` into a :class:`Game`.

    Raises :class:`~coalitions.errors.ConstraintError` for contradictions (a required
    party that is excluded or holds no seats, a forbidden pair inside a kept-together
    bloc or between two required parties, a seat bound above the chamber) and
    :class:`~coalitions.errors.UnknownPartyError` for unknown keys.

    >>> import coalitions as co
    >>> g = compile_game(co.load_scenario("iraq-2025"), "majority",
    ...                  Constraints(exclude_tags={"militia-affiliated"}))
    >>> g.weights["rdc"], dict(g.left_out)["sadiqoun"]
    (37, 'tagged militia-affiliated')
    """
    c = constraints if constraints is not None else Constraints()
    if not isinstance(c, Constraints):
        raise ConstraintError(f"'constraints' must be a Constraints value (got {c!r})")
    leg = chamber(leg)
    quota = leg.quota(rule)
    if c.min_seats is not None and c.min_seats > leg.size:
        raise ConstraintError(
            f"'min_seats' is {c.min_seats}, more than the chamber's {leg.size} seats"
        )
    _check_tags(leg, c.exclude_tags, "exclude_tags")
    _check_tags(leg, c.require_tags, "require_tags")
    if len(c.require_tags) > MAX_REQUIRED_TAGS:
        raise LimitError(
            f"'require_tags' names {len(c.require_tags)} tags, over the limit of "
            f"{MAX_REQUIRED_TAGS} (coalitions.limits.MAX_REQUIRED_TAGS): each required tag "
            "doubles the work of an exact count"
        )
    weight, tags, reduced, excluded, uncertain = _weigh(leg, c)
    if uncertain:
        raise UnknownSeatsError(_uncertain_message(uncertain), uncertain)
    required = _required(leg, c, excluded, weight)
    for p in leg.parties:
        if weight[p.key] == 0:  # whatever else is said of it, it sits in no coalition
            excluded[p.key] = "no seats"
    players = _players(leg, c, excluded, weight, tags, required)
    index = {party: i for i, pl in enumerate(players) for party in pl.parties}
    return Game(
        legislature=leg,
        constraints=c,
        rule=rule,
        quota=quota,
        threshold=max(quota, c.min_seats or 0),
        upper=None if c.max_surplus is None else quota + c.max_surplus,
        players=players,
        forbidden=_forbidden(leg, c, players, index),
        left_out=tuple((k, excluded[k]) for k in leg.keys if k in excluded),
        reduced=tuple(reduced),
        party_weight={k: weight[k] for k in index},
        party_tags={k: tags[k] for k in index},
    )


Uncertain = tuple[tuple[str, int, int], ...]


def _uncertain_message(uncertain: Uncertain) -> str:
    spans = ", ".join(f"{key} ({low} to {high})" for key, low, high in uncertain)
    return (
        f"the answer depends on seats nobody knows: excluded faction{'s' * (len(uncertain) > 1)} "
        f"{spans}. Count over every case with coalitions.search.count_range (on the command "
        "line, find --count gives the range), or assume a figure: faction_seats 'least', "
        "'most' or {'party/faction': seats} (on the command line, --faction-seats least, "
        "most or PARTY/FACTION=N)"
    )


def uncertain_factions(leg: Legislature, constraints: Constraints | None = None) -> Uncertain:
    """The excluded factions whose seats are unknown or only a range, and which no
    assumption (``faction_seats``) settles: ``("party/faction", least, most)`` each.

    >>> import coalitions as co
    >>> iraq = co.load_scenario("iraq-2025")
    >>> uncertain_factions(iraq, Constraints(exclude_tags={"militia-affiliated"}))
    ()
    """
    c = constraints if constraints is not None else Constraints()
    return _weigh(chamber(leg), c)[4]


def _assumed(c: Constraints, key: str, low: int, high: int) -> int | None:
    """The seats assumed for the uncertain faction ``key`` (``None``: no assumption)."""
    if c.faction_seats == "least":
        return low
    if c.faction_seats == "most":
        return high
    if isinstance(c.faction_seats, Mapping) and key in c.faction_seats:
        seats: int = c.faction_seats[key]
        if not low <= seats <= high:
            raise ConstraintError(
                f"'faction_seats' gives {key} {seats} seats, outside what it may hold "
                f"({low} to {high})"
            )
        return seats
    return None


def _check_assumptions(leg: Legislature, c: Constraints) -> None:
    """Every faction named in ``faction_seats`` exists and its seats are uncertain."""
    if not isinstance(c.faction_seats, Mapping):
        return
    for key in c.faction_seats:
        party_key, faction_key = key.split("/")
        party = leg[leg.canonical(party_key)]
        leg.faction_tags_of(party.key, faction_key)  # unknown faction: a clear error
        faction = next(f for f in party.factions if f.key == faction_key)
        if faction.known:
            raise ConstraintError(
                f"'faction_seats' names {key}, whose seats are known ({faction.least})"
            )


def _weigh(
    leg: Legislature, c: Constraints
) -> tuple[
    dict[str, int], dict[str, frozenset[str]], list[tuple[str, int, str]], dict[str, str], Uncertain
]:
    """Each party's seats and tags once excluded factions are out; the parties that lost
    seats to an excluded faction; the excluded parties, and why; the excluded factions
    of uncertain size that no assumption settles."""
    excluded: dict[str, str] = {}
    for key in sorted(c.exclude):
        for party in leg.resolve(key, field="exclude"):
            excluded.setdefault(party, f"excluded ({key})")
    _check_assumptions(leg, c)
    reduced: list[tuple[str, int, str]] = []
    uncertain: list[tuple[str, int, int]] = []
    weight: dict[str, int] = {}
    tags: dict[str, frozenset[str]] = {}
    for p in leg.parties:
        party_tags = leg.tags_of(p.key)  # its own and those its links give on the date
        own = sorted(party_tags & c.exclude_tags)
        if own:
            excluded.setdefault(p.key, "tagged " + ", ".join(own))
        seats = p.seats
        held = set(party_tags)
        floor = sum(f.least for f in p.factions)
        staying = 0  # the least the factions that stay hold
        for f in p.factions:
            faction_tags = leg.faction_tags_of(p.key, f.key)
            hit = sorted(faction_tags & c.exclude_tags)
            if not hit:
                held |= faction_tags
                staying += f.least
                continue
            if c.whole_lists:
                excluded.setdefault(p.key, f"faction {f.key} tagged " + ", ".join(hit))
                continue
            low, high = f.span(p.seats - floor + f.least)
            why = f"faction {f.key} (tagged {', '.join(hit)})"
            out = low if low == high else _assumed(c, f"{p.key}/{f.key}", low, high)
            if out is None:
                if p.key not in excluded:  # an excluded list's factions change nothing
                    uncertain.append((f"{p.key}/{f.key}", low, high))
                continue
            if not f.known:
                why = why[:-1] + f"; {out} seats assumed, of {low} to {high})"
            seats -= out
            reduced.append((p.key, out, why))
        if seats < staying:
            raise ConstraintError(
                f"the seats assumed for the factions of {p.key} add up to more than its {p.seats}"
            )
        weight[p.key] = seats
        tags[p.key] = frozenset(held)
    return weight, tags, reduced, excluded, tuple(uncertain)


def _required(
    leg: Legislature, c: Constraints, excluded: Mapping[str, str], weight: Mapping[str, int]
) -> set[str]:
    """The required parties; a required party that is excluded or holds no seat is a
    contradiction."""
    named: dict[str, str] = {}
    for key in sorted(c.require):
        for party in leg.resolve(key, field="require"):
            named.setdefault(party, key)
    for party in sorted(named):
        if party in excluded:
            raise ConstraintError(
                f"party {party!r} is both required and excluded ({excluded[party]})"
            )
    for party in sorted(named):
        if weight[party] == 0:
            via = f" (it is a member of the required bloc {named[party]!r})"
            raise ConstraintError(
                f"{party!r} holds no seats (under these constraints) and so sits in no "
                "coalition; it cannot be required" + (via if named[party] != party else "")
            )
    return set(named)


def _players(
    leg: Legislature,
    c: Constraints,
    excluded: Mapping[str, str],
    weight: Mapping[str, int],
    tags: Mapping[str, frozenset[str]],
    required: set[str],
) -> tuple[Player, ...]:
    """The players: each party left in, a kept-together bloc as one; heaviest first."""
    bloc_of: dict[str, str] = {}
    kept: dict[str, tuple[str, ...]] = {}
    for key in sorted(c.keep_together):
        name, members = leg.together(key)
        kept[name] = members
        for m in members:
            if m in bloc_of and bloc_of[m] != name:
                raise ConstraintError(
                    f"'keep_together' names {bloc_of[m]!r} and {name!r}, which share {m!r}: "
                    "a list can be kept together with one group only"
                )
            bloc_of[m] = name
    players: list[Player] = []
    seen_blocs: set[str] = set()
    for p in leg.parties:
        if p.key in excluded:
            continue
        if p.key not in bloc_of:
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
            continue
        b = bloc_of[p.key]
        if b in seen_blocs:
            continue
        seen_blocs.add(b)
        members = tuple(m for m in kept[b] if m not in excluded)
        positions = {leg[m].position for m in members}
        players.append(
            Player(
                key=b,
                parties=members,
                weight=sum(weight[m] for m in members),
                tags=frozenset().union(*(tags[m] for m in members)),
                required=any(m in required for m in members),
                position=positions.pop() if len(positions) == 1 else None,
            )
        )
    players.sort(key=lambda pl: (-pl.weight, pl.key))
    return tuple(players)


def _forbidden(
    leg: Legislature, c: Constraints, players: tuple[Player, ...], index: Mapping[str, int]
) -> tuple[tuple[int, int], ...]:
    """The forbidden pairs as pairs of player indices (lower first)."""
    forbidden: set[tuple[int, int]] = set()
    for pair in sorted(c.forbid, key=sorted):
        a_key, b_key = sorted(pair)
        a_parties = leg.resolve(a_key, field="forbid")
        b_parties = leg.resolve(b_key, field="forbid")
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
    return tuple(sorted(forbidden))
