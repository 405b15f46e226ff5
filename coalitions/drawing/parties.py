"""Parties as seat groups: labels, kinds, colours and seat order."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Final, Protocol

from ..errors import RenderError, _short, unknown
from .colour import _member_colour, _other_colour
from .svg import KINDS, Group, _check_whole

__all__ = [
    "LABELS",
    "PartyLike",
    "check_labels",
    "colours",
    "kind_of",
    "label_of",
    "seat_groups",
    "seat_order",
]

# ------------------------------------------------------------ parties as seat groups


class PartyLike(Protocol):
    """What the party helpers read: a :class:`~coalitions.model.Party` has it all."""

    @property
    def key(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def native_name(self) -> str | None: ...
    @property
    def seats(self) -> int: ...
    @property
    def colour(self) -> str | None: ...
    @property
    def tags(self) -> frozenset[str]: ...


#: How parties are labelled: by key, by name, or by the native-script name where
#: recorded (else the name).
LABELS: Final = ("key", "name", "native")


def check_labels(labels: str) -> str:
    """``labels`` if it is one of :data:`LABELS`, else :class:`~coalitions.errors.RenderError`.

    >>> check_labels("nmae")
    Traceback (most recent call last):
    ...
    coalitions.errors.RenderError: unknown 'labels' value 'nmae'; did you mean 'name' or 'native'?
    """
    if not isinstance(labels, str) or labels not in LABELS:
        raise RenderError(unknown("'labels' value", labels, LABELS))
    return labels


def label_of(party: PartyLike, labels: str = "key") -> str:
    """The label of ``party`` under ``labels`` (see :data:`LABELS`)."""
    check_labels(labels)
    if labels == "native" and party.native_name:
        return party.native_name
    return party.name if labels in ("name", "native") else party.key


def kind_of(party: PartyLike) -> str:
    """The first tag of :data:`KINDS` that ``party`` carries (``""``: none)."""
    return next((t for t in KINDS if t in party.tags), "")


def colours(parties: Iterable[PartyLike], first: Sequence[str] = ()) -> dict[str, str]:
    """Each party's colour.

    A party's own colour (the built-in chambers give one to every major list, in its
    conventional colour) is kept; a party without one gets a colour of :data:`PALETTE`
    chosen by a hash of its key, so that it keeps it from one chamber to another, or the
    next colour not already taken. The parties of ``first`` (a coalition) come first and
    never share a colour or get two colours hard to tell apart: a member whose own
    colour is too close to an earlier member's gets a fallback, and past the palette
    further colours are made. The lists of one kind (see :data:`KINDS`) without their
    own colour share one.

    >>> import coalitions as co
    >>> colours(co.load_scenario("kurdistan-2024").parties)["kdp"]
    '#f2c500'
    """
    parties = list(parties)
    by_key = {p.key: p for p in parties}
    out: dict[str, str] = {}
    taken: list[str] = []
    used: set[str] = set()
    for k in first:  # members: distinct, in the order given
        p = by_key.get(k)
        if p is None:
            continue
        out[k] = _member_colour(k, p.colour, taken, used)
        taken.append(out[k])
        used.add(out[k].lower())
    used |= {p.colour.lower() for p in parties if p.colour}
    kinds: dict[str, str] = {}
    for p in parties:
        if p.key in out:
            continue
        if p.colour:
            out[p.key] = p.colour
            continue
        kind = kind_of(p)
        if kind and kind in kinds:
            out[p.key] = kinds[kind]
            continue
        c = _other_colour(kind or p.key, used)
        used.add(c.lower())
        out[p.key] = c
        if kind:
            kinds[kind] = c
    return out


def seat_order(
    parties: Iterable[PartyLike],
    keys: Iterable[str] | None = None,
    blocs: Sequence[Sequence[str]] = (),
) -> list[str]:
    """The keys of ``parties`` (or only ``keys``) in the order they are seated: heaviest
    first, then by key; with ``blocs`` (the member keys of each bloc, in order), bloc by
    bloc first, parties in no bloc last. The lists of one kind (see :data:`KINDS`) sit
    together, weighed by their seats together.

    >>> import coalitions as co
    >>> seat_order(co.load_scenario("kurdistan-2024").parties, ["puk", "kiu", "kdp"])
    ['kdp', 'puk', 'kiu']
    """
    parties = list(parties)
    seats = {p.key: p.seats for p in parties}
    kind = {p.key: kind_of(p) for p in parties}
    total: dict[str, int] = {}
    for p in parties:
        if kind[p.key]:
            total[kind[p.key]] = total.get(kind[p.key], 0) + p.seats
    chosen = list(seats) if keys is None else list(keys)
    bloc_of = {m: i for i, members in enumerate(blocs) for m in members}

    def place(k: str) -> tuple[int, int, str, int, str]:
        unit = kind.get(k, "")
        weight = total[unit] if unit else seats[k]
        return (bloc_of.get(k, len(blocs)), -weight, "\x00" + unit if unit else k, -seats[k], k)

    return sorted(chosen, key=place)


def seat_groups(
    parties: Sequence[PartyLike],
    *,
    first: Sequence[str] = (),
    counted: Mapping[str, int] | None = None,
    labels: str = "key",
    blocs: Sequence[Sequence[str]] = (),
) -> list[Group]:
    """The seat groups of a chamber, for :func:`svg_of_seats`.

    ``first`` (party keys, drawn in the order given) are highlighted and placed first;
    each counts ``counted[key]`` seats (default: all its seats), and the seats it does
    not count follow it, not highlighted, as a group ``"key:not-counted"``. The other
    parties follow in :func:`seat_order` (``blocs``: bloc by bloc), not highlighted when
    there is a ``first``. Colours come from :func:`colours` (the members of ``first``
    distinct), labels from :func:`label_of`; a group's sixth element is its kind
    (:func:`kind_of`).

    >>> import coalitions as co
    >>> [g[:3] for g in seat_groups(co.load_scenario("kurdistan-2024").parties,
    ...                             first=["puk"], counted={"puk": 20})][:3]
    [('puk', 'puk', 20), ('puk:not-counted', 'puk, not counted', 3), ('kdp', 'kdp', 39)]
    """
    check_labels(labels)
    by_key = {p.key: p for p in parties}
    counts = dict(counted) if counted is not None else {}
    if len(set(first)) != len(first):
        raise RenderError(f"'first' names a party twice (got {_short(list(first))})")
    for k in first:
        if k not in by_key:
            raise RenderError(unknown("party", k, by_key, where="the parties drawn"))
    colour = colours(parties, first)
    groups: list[Group] = []
    for k in first:
        p = by_key[k]
        n = counts.get(k, p.seats)
        _check_whole(n, f"counted[{k!r}]", low=0)
        if n > p.seats:
            raise RenderError(f"'counted[{k!r}]' is {n}, more than the party's {p.seats} seats")
        label = label_of(p, labels)
        groups.append((k, label, n, colour[k], True, kind_of(p)))
        if n < p.seats:
            groups.append(
                (f"{k}:not-counted", f"{label}, not counted", p.seats - n, colour[k], False, "")
            )
    placed = set(first)
    rest = [k for k in seat_order(parties, blocs=blocs) if k not in placed]
    lit = not first
    groups += [
        (k, label_of(by_key[k], labels), by_key[k].seats, colour[k], lit, kind_of(by_key[k]))
        for k in rest
    ]
    return groups
