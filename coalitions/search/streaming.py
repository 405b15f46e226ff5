"""The unranked walk: every result in a fixed depth-first order, with memory flat in the
number of results.

Units come heaviest first and the walk takes, unit by unit, how many players of each;
a branch is pruned as soon as it cannot reach the threshold or a required tag, or (for
minimal results) as soon as a newcomer could leave again.

A plain question (minimal coalitions of single parties, with no requirement or filter
beyond the quota) takes a tighter loop, :func:`_plain`: heaviest first, a coalition is
minimal exactly when it crosses the quota with its last (lightest) member, so the walk
needs only the seats so far, and each result is built from the keys and seats of its
members in one step. It gives the same results in the same order.
"""

from __future__ import annotations

from collections.abc import Iterator

from .units import Pick, Walk
from .values import Coalition

__all__ = ["depth_first"]


def depth_first(walk: Walk) -> Iterator[Coalition]:
    """Every result of ``walk``, depth first (largest parties first)."""
    if walk.flat.missing_tags:
        return
    yield from _plain(walk) if _is_plain(walk) else _general(walk)


def _general(walk: Walk) -> Iterator[Coalition]:
    """The walk of any question (see the module notes)."""
    flat, units, build = walk.flat, walk.units, walk.builder.coalition
    threshold, all_tags, minimal = flat.threshold, flat.all_tags, walk.minimal
    check = minimal and all_tags  # required tags can make a light member necessary
    players = list(flat.required_players)
    # Without required players, blocs or groups, parties come in rank order already.
    in_order = (
        not players
        and not walk.builder.group
        and all(p.parties == (p.key,) for p in walk.game.players)
    )
    parties: list[str] | None = [] if in_order else None
    unit_parties = [[walk.game.players[i].key for i in m] for m in units.members]
    if flat.base_seats >= threshold and flat.base_tags == all_tags:
        if walk.accepts(players):
            yield build(players, flat.base_seats, (), parties)
        if minimal:
            return
    picks: list[Pick] = []
    chosen: set[int] = set(players)
    # A frame is one level of the walk: [unit, k, seats, tags, parties].
    stack = [[0, 0, flat.base_seats, flat.base_tags, flat.base_parties]]
    while stack:
        frame = stack[-1]
        unit, k, seats, tags, size = frame
        while unit < units.count:
            if (seats < threshold and seats + units.suffix_seats[unit] < threshold) or (
                tags | units.suffix_tags[unit]
            ) != all_tags:
                unit = units.count
                break
            k += 1
            if k <= units.size[unit] and walk.can_take(unit, k, seats, tags, size, chosen):
                break
            unit, k = unit + 1, 0
        if unit >= units.count:
            stack.pop()
            if stack:
                _undo(walk, picks, players, chosen, parties)
            continue
        frame[0], frame[1] = unit, k
        seats += k * units.weight[unit]
        tags |= units.tag_bits[unit]
        picks.append((unit, k))
        taken = units.members[unit][:k]
        players.extend(taken)
        chosen.update(taken)
        if parties is not None:
            parties.extend(unit_parties[unit][:k])
        complete = seats >= threshold and tags == all_tags
        # Built to be viable; minimal too unless required tags can make a light member
        # necessary (then check).
        if complete and (not check or not flat.leavers(players)):
            yield build(players, seats, picks, parties)
        if (minimal and complete) or unit + 1 >= units.count:
            _undo(walk, picks, players, chosen, parties)
        else:
            stack.append([unit + 1, 0, seats, tags, size + k * units.party_count[unit]])


def _is_plain(walk: Walk) -> bool:
    """Whether the question is plain: minimal coalitions of single parties with no
    requirement or filter beyond the quota, and nothing extra to report."""
    flat, builder = walk.flat, walk.builder
    return (
        walk.minimal
        and not flat.required_players
        and not flat.all_tags
        and not flat.forbidden
        and flat.upper is None
        and flat.max_parties is None
        and not builder.group
        and not builder.extra
        and builder.positions is None
        and all(p.parties == (p.key,) for p in walk.game.players)
        and all(size == 1 for size in walk.units.size)
    )


def _plain(walk: Walk) -> Iterator[Coalition]:
    """The walk of a plain question (see the module notes), in the same order."""
    units = walk.units
    weight, suffix, count = units.weight, units.suffix_seats, units.count
    threshold = walk.flat.threshold
    keys = [walk.game.players[m[0]].key for m in units.members]
    quota, house = walk.builder.quota, walk.builder.house
    taken: list[int] = []  # the units taken, in order
    names: list[str] = []
    held: list[int] = []
    seats = unit = 0
    while True:
        if unit < count and seats + suffix[unit] >= threshold:
            w = weight[unit]
            total = seats + w
            if total >= threshold:  # crosses the quota with its lightest member: minimal
                order = (*names, keys[unit])
                members = frozenset(order)
                yield Coalition(
                    members=members,
                    seats=total,
                    quota=quota,
                    order=order,
                    pivotal=members,  # every member of a minimal coalition is pivotal
                    house=house,
                    member_seats=(*held, w),
                )
            else:
                taken.append(unit)
                names.append(keys[unit])
                held.append(w)
                seats = total
            unit += 1
            continue
        if not taken:
            return
        unit = taken.pop()
        names.pop()
        seats -= held.pop()
        unit += 1


def _undo(
    walk: Walk,
    picks: list[Pick],
    players: list[int],
    chosen: set[int],
    parties: list[str] | None,
) -> None:
    unit, k = picks.pop()
    del players[-k:]
    chosen.difference_update(walk.units.members[unit][:k])
    if parties is not None:
        del parties[-k:]
