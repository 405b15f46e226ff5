"""The unranked walk: every result in a fixed depth-first order, with memory flat in the
number of results.

Units come heaviest first and the walk takes, unit by unit, how many players of each;
a branch is pruned as soon as it cannot reach the threshold or a required tag, or (for
minimal results) as soon as a newcomer could leave again.
"""

from __future__ import annotations

from collections.abc import Iterator

from .units import Pick, Walk
from .values import Coalition

__all__ = ["depth_first"]


def depth_first(walk: Walk) -> Iterator[Coalition]:
    """Every result of ``walk``, depth first (largest parties first)."""
    flat, units, build = walk.flat, walk.units, walk.builder.coalition
    if flat.missing_tags:
        return
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
