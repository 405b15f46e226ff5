"""Checking a proposed coalition: viable or not and why, who could leave, who is pivotal.

The verdict comes from the compiled game's arrays
(:class:`~coalitions.counting.FlatGame`), the same definitions the walks use, applied to
the proposal's *parts*: each player it touches, with the member parties it names (a
kept-together bloc it splits is a part of its own). Party keys become parts here; the
failures are then said in words. A list with no seat sits in no coalition: in a
proposal it counts for nothing and a note says so.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .. import rules
from ..constraints import Constraints, Game, compile_game, constraints_of
from ..counting import FlatGame
from ..errors import ConstraintError
from ..model import Legislature
from .values import CoalitionCheck

__all__ = ["check_coalition", "check_in_game", "parse_members"]


def parse_members(leg: Legislature, spec: str | Iterable[str]) -> tuple[str, ...]:
    """Party keys from ``"kdp+puk"`` (or ``"kdp,puk"``) or an iterable of keys or bloc keys.

    Keys are accepted in any case; an unknown key raises
    :class:`~coalitions.errors.UnknownPartyError` with close matches (see
    :meth:`~coalitions.model.Legislature.members`).

    >>> import coalitions as co
    >>> parse_members(co.load_scenario("kurdistan-2024"), "KDP+puk")
    ('kdp', 'puk')
    """
    members = leg.members(spec)
    if not members:
        raise ConstraintError("a coalition needs at least one member (got none)")
    return members


def check_coalition(
    leg: Legislature,
    coalition: str | Iterable[str],
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    report_quotas: Sequence[rules.Rule] = (),
    **keywords: Any,
) -> CoalitionCheck:
    """Explain a proposed coalition: viable or not, and why; who is superfluous or pivotal.

    >>> import coalitions as co
    >>> check = co.check_coalition(co.load_scenario("kurdistan-2024"), "kdp+puk+kiu")
    >>> check.viable, check.minimal, check.superfluous, check.surplus
    (True, False, ('kiu',), 18)
    """
    game = compile_game(leg, quota, constraints_of(constraints, **keywords))
    return check_in_game(game, parse_members(leg, coalition), rules.rules_of(report_quotas))


# The arrays of the games checked lately (callers check many proposals in one game), by
# the game's id while it lives: (the game, its arrays, the player of each party).
_ARRAYS: dict[int, tuple[weakref.ref[Game], FlatGame, Mapping[str, int]]] = {}


def _arrays(game: Game) -> tuple[FlatGame, Mapping[str, int]]:
    """The game's arrays and the player index of each party, computed once a game."""
    key = id(game)
    hit = _ARRAYS.get(key)
    if hit is not None and hit[0]() is game:
        return hit[1], hit[2]
    flat = FlatGame.of(game)
    index = {party: i for i, p in enumerate(game.players) for party in p.parties}
    _ARRAYS[key] = (weakref.ref(game, lambda _ref: _ARRAYS.pop(key, None)), flat, index)
    return flat, index


class _Proposal:
    """A proposal as parts of players, and the arrays of those parts.

    Part ``p < len(parts)`` is a player the proposal touches, with the member parties it
    names; after them come the required parties it lacks (never present), so that the
    arrays' own :meth:`~coalitions.counting.FlatGame.wins` sees them missing.
    """

    def __init__(self, game: Game, members: Sequence[str]) -> None:
        flat, index = _arrays(game)
        touched: dict[int, list[str]] = {}
        for key in members:
            if key in index:
                touched.setdefault(index[key], []).append(key)
        self.parts = list(touched.values())
        required = game.required_parties
        lacking = [[k] for k in sorted(required - set(members))]
        parts = self.parts + lacking
        weight, tags = game.party_weight, game.party_tags
        player_of = [index[part[0]] for part in parts]
        # every required tag, even one the game's arrays leave out because every player
        # (a whole kept-together bloc) brings it: a proposal may split the bloc
        bits = {t: 1 << i for i, t in enumerate(sorted(game.required_tags))}
        self.flat = FlatGame(
            weight=[sum(weight[k] for k in part) for part in parts],
            party_count=[len(part) for part in parts],
            tag_bits=[
                sum(bits[t] for t in {t for k in part for t in tags[k]} if t in bits)
                for part in parts
            ],
            is_required=[any(k in required for k in part) for part in parts],
            threshold=flat.threshold,
            upper=flat.upper,
            max_parties=flat.max_parties,
            all_tags=(1 << len(bits)) - 1,
            forbidden=[
                (a, b)
                for a in range(len(parts))
                for b in range(a + 1, len(parts))
                if player_of[b] in flat.conflicts[player_of[a]]
            ]
            if flat.forbidden
            else (),
            bits=bits,
        )
        self.present = list(range(len(self.parts)))

    def parties(self, parts: Iterable[int], members: Sequence[str]) -> tuple[str, ...]:
        """The member parties of ``parts``, in the order named."""
        chosen = {k for p in parts for k in self.parts[p]}
        return tuple(k for k in members if k in chosen)


def check_in_game(
    game: Game, members: Sequence[str], report_quotas: Sequence[rules.Rule] = ()
) -> CoalitionCheck:
    """:func:`check_coalition` for a game already compiled and members already parsed
    (for callers that check many coalitions under one question)."""
    members = tuple(members)
    counted = {k: game.party_weight.get(k, 0) for k in members}
    seats = sum(counted.values())
    proposal = _Proposal(game, members)
    flat, present = proposal.flat, proposal.present
    broken = _broken(game, members)
    failures = broken + _rule_failures(game, members, seats)
    viable = not broken and flat.viable(present)
    superfluous = proposal.parties(flat.leavers(present), members)
    leg = game.legislature
    return CoalitionCheck(
        members=members,
        seats=seats,
        quota=game.quota,
        threshold=game.threshold,
        viable=viable,
        minimal=viable and not superfluous,
        failures=tuple(failures),
        superfluous=superfluous,
        pivotal=proposal.parties(flat.pivotal(present), members),
        meets=tuple(str(r) for r in report_quotas if seats >= leg.quota(r)),
        notes=_notes(game, members),
        counted=counted,
    )


def _notes(game: Game, members: Sequence[str]) -> tuple[str, ...]:
    """Members that count fewer seats than they hold, or none."""
    left_out = dict(game.left_out)
    notes = [
        f"{party} counts {game.party_weight.get(party, 0)} seats, without the {seats} of its {why}"
        for party, seats, why in game.reduced
        if party in members and left_out.get(party, "no seats") == "no seats"
    ]
    notes.extend(
        f"{key} holds no seats: a list with no seat sits in no coalition and counts for nothing"
        for key in members
        if left_out.get(key) == "no seats"
    )
    return tuple(notes)


def _broken(game: Game, members: Sequence[str]) -> list[str]:
    """What makes the proposal no coalition of the game's players at all: members left
    out (excluded), kept-together blocs split."""
    left_out = dict(game.left_out)
    failures = [
        f"{key} is left out: {left_out[key]}"
        for key in members
        if key in left_out and left_out[key] != "no seats"
    ]
    leg = game.legislature
    for bloc_key in sorted(game.constraints.keep_together):
        name, kept = leg.together(bloc_key)
        # only players count: a member left out (a list with no seat) splits nothing
        inside = [m for m in kept if m in members and m in game.party_weight]
        missing = [m for m in kept if m in game.party_weight and m not in members]
        if inside and missing:
            failures.append(f"splits the bloc {name} (kept together): lacks {', '.join(missing)}")
    return failures


def _rule_failures(game: Game, members: Sequence[str], seats: int) -> list[str]:
    """Each rule of the game the proposal breaks, in words (what
    :meth:`~coalitions.counting.FlatGame.viable` decides)."""
    leg, c = game.legislature, game.constraints
    left_out = dict(game.left_out)
    failures = []
    if seats < game.threshold:
        failures.append(
            f"holds {seats} seats, {game.threshold - seats} short of the {game.threshold} needed"
        )
    required = game.required_parties
    failures.extend(f"lacks {key}, which is required" for key in sorted(required - set(members)))
    failures.extend(_missing_tags(game, members))
    playing = {k for k in members if k in game.party_weight}
    for pair in sorted(c.forbid, key=sorted):
        a, b = sorted(pair)
        if set(leg.resolve(a)) & playing and set(leg.resolve(b)) & playing:
            failures.append(f"{a} and {b} will not sit together")
    size = sum(1 for k in members if left_out.get(k) != "no seats")
    if c.max_parties is not None and size > c.max_parties:
        failures.append(f"has {size} parties, more than the {c.max_parties} allowed")
    if game.upper is not None and seats > game.upper:
        failures.append(
            f"has {seats - game.quota} seats above the quota, more than the {c.max_surplus} allowed"
        )
    return failures


def _missing_tags(game: Game, members: Sequence[str]) -> list[str]:
    """The required tags no counted member holds (and why, when only lists with no seat
    carry them)."""
    held: set[str] = set()
    for k in members:
        held |= game.party_tags.get(k, frozenset())
    out = []
    for tag in sorted(game.required_tags - held):
        carriers = [k for k, t in game.party_tags.items() if tag in t]
        if carriers:
            out.append(f"has no member tagged {tag}")
            continue
        left_out, gone, leg = dict(game.left_out), game.constraints.exclude_tags, game.legislature
        seatless = [
            p.key
            for p in leg.parties
            if left_out.get(p.key) == "no seats"
            and (
                tag in leg.tags_of(p.key)
                or any(
                    tag in ft and not ft & gone
                    for ft in (leg.faction_tags_of(p.key, f.key) for f in p.factions)
                )
            )
        ]
        why = (
            " (only lists with no seat carry it: " + ", ".join(seatless) + "; a list with no "
            "seat supplies no tag)"
            if seatless
            else " (no list left in the game carries it)"
        )
        out.append(f"has no member tagged {tag}{why}")
    return out
