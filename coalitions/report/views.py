"""Notebook views: every ``_repr_html_`` comes to :func:`html_view`, which draws a
value's :class:`Viewable` parts (tables, lines, notes, pictures)."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, Protocol, cast

from .. import escape
from ..errors import RenderError, _short, unknown
from .tables import columns_of, render
from .tables import to_frame as frame_of

__all__ = ["Shown", "Viewable", "html_view", "register_view", "to_html"]


class Viewable(Protocol):
    """What a value offers :func:`html_view` for its notebook view (``_repr_html_``).

    Plain data only, so a value implements it without importing this module:

    ``view_name``
        The fragment is ``<div class="coalitions-{view_name}">...</div>``.
    ``view_parts()``
        The parts inside it, in order; each part is a tuple:

        - ``("heading", title, text)``: a line, ``<p><b>title</b>: text</p>``
          (``<p>text</p>`` when ``title`` is empty);
        - ``("table", columns)`` or ``("table", kind, extra)``: ``records()`` as an
          HTML table; ``columns`` is a kind of record (its :data:`COLUMNS`), a sequence
          of column names, or ``None`` for the first record's own keys; ``extra``
          columns are added as :func:`columns_of` adds them (a power table's indices);
        - ``("notes", lines)``: a bulleted list (nothing when there are no lines);
        - ``("picture", svg)``: SVG text, such as ``value._repr_svg_()`` (``""``: none).
    ``records(exact=True)``
        The table's records, with exact numbers; needed only when a part is a table.

    A type that cannot offer it itself (a third party's) gets an adapter that does,
    through :func:`register_view`.
    """

    @property
    def view_name(self) -> str: ...
    def view_parts(self) -> Sequence[tuple[Any, ...]]: ...
    def records(self, *, exact: bool = False) -> Sequence[Mapping[str, Any]]: ...


class Shown:
    """What a result value that offers :class:`Viewable` derives from it, once for all:
    its notebook view (``_repr_html_``) and its pandas ``DataFrame`` (:meth:`to_frame`,
    the optional extra ``pandas``). The result types inherit it; it holds no state."""

    __slots__ = ()

    def to_frame(self, *, exact: bool = False) -> Any:
        """The records as a pandas ``DataFrame``: float columns, or with ``exact=True``
        the exact ``Fraction`` values."""
        return frame_of(cast(Viewable, self).records(exact=True), exact=exact)

    def _repr_html_(self) -> str:
        return to_html(self)


_ADAPTERS: dict[type, Callable[[Any], Viewable]] = {}


def register_view(cls: type, adapter: Callable[[Any], Viewable]) -> None:
    """Show values of ``cls`` (and its subclasses) through ``adapter(value)``, a
    :class:`Viewable`, when they do not offer the protocol themselves. (The result
    types use it through :mod:`coalitions.chart.views` until they offer it.)"""
    _ADAPTERS[cls] = adapter


def html_view(value: Any) -> str:
    """The notebook view of a value: an HTML fragment built from its :class:`Viewable`
    parts (tables, lines, pictures). Every ``_repr_html_`` comes here.

    >>> class Votes:
    ...     view_name = "votes"
    ...     def view_parts(self):
    ...         return [("heading", "Votes", "2 lists"), ("table", ("key", "votes"))]
    ...     def records(self, *, exact=False):
    ...         return [{"key": "a", "votes": 3}, {"key": "b", "votes": 1}]
    >>> html = html_view(Votes())
    >>> html.startswith('<div class="coalitions-votes"><p><b>Votes</b>: 2 lists</p><table>')
    True
    >>> html.count("<tr>"), html.endswith("</table></div>")
    (3, True)

    Raises :class:`~coalitions.errors.RenderError` for a value with no view, or a part
    it does not know.
    """
    view = _view_of(value)
    name = view.view_name
    body = "".join(_html_part(view, part) for part in view.view_parts())
    return f'<div class="coalitions-{escape.attribute(str(name))}">{body}</div>'


#: The name every ``_repr_html_`` calls; the same function as :func:`html_view`.
to_html = html_view

#: The parts of a view, and the forms each takes.
_PARTS: Final = {
    "heading": ("heading", "title", "text"),
    "notes": ("notes", "lines"),
    "picture": ("picture", "svg"),
    "table": ("table", "columns"),
}


def _view_of(value: Any) -> Viewable:
    if hasattr(value, "view_parts") and hasattr(value, "view_name"):
        return value  # type: ignore[no-any-return]
    for cls in type(value).__mro__:
        if cls in _ADAPTERS:
            return _ADAPTERS[cls](value)
    raise RenderError(
        f"no notebook view for {type(value).__name__}: it offers no view_name and "
        "view_parts(), and no adapter is registered for it"
    )


def _html_part(view: Viewable, part: tuple[Any, ...]) -> str:
    if not isinstance(part, tuple | list) or not part or not isinstance(part[0], str):
        raise RenderError(
            f"a part of a notebook view is a tuple such as ('notes', lines) (got {_short(part)})"
        )
    kind = part[0]
    if kind not in _PARTS:
        raise RenderError(unknown("part of a notebook view", kind, _PARTS))
    form = _PARTS[kind]
    if not (len(part) == len(form) or (kind == "table" and len(part) == 3)):
        raise RenderError(f"a {kind!r} part is {form} (got {_short(part)})")
    if kind == "heading":
        _kind, title, text = part
        head = f"<b>{escape.text(str(title), 'html')}</b>: " if title else ""
        return f"<p>{head}{escape.text(str(text), 'html')}</p>"
    if kind == "notes":
        lines = "".join(f"<li>{escape.text(str(item), 'html')}</li>" for item in part[1])
        return f"<ul>{lines}</ul>" if lines else ""
    if kind == "picture":
        return str(part[1])
    spec = part[1]
    if isinstance(spec, str):
        columns: Sequence[str] | None = columns_of(spec, part[2] if len(part) == 3 else ())
    else:
        columns = None if spec is None else tuple(spec)
    records = view.records
    exact = "exact" in inspect.signature(records).parameters  # a view of its own may not
    return render(records(exact=True) if exact else records(), columns=columns, fmt="html")
