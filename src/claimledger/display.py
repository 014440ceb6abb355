"""Text from the ledger made safe to print on a terminal.

Everything in the ledger came from reports, and reports are untrusted: a
document id, a name or a sentence may hold rich markup ("[bold]", "[/]") or
terminal control sequences (ANSI colours, bells, carriage returns that
overwrite a line, a screen clear). The CLI's tables and listings show it as
typed:

- markup is never parsed: ledger text goes into rich ``Text`` objects
  (``text()``), never into strings rich reads as markup;
- control characters are replaced by visible escapes (``clean()``): ESC shows
  as ``\\x1b``, a bell as ``\\x07``, so the reader sees that they are there and
  the terminal never acts on them.

Line breaks and tabs are kept (a report's paragraphs stay paragraphs), and a
Windows line end "\\r\\n" is read as one line break. The timeline plot draws
its labels through ``clean()`` too (fonts have no glyph for a control
character). JSON and CSV output do not go through here: JSON keeps the
ledger's text exactly (it escapes control characters itself), CSV too but
for formulas and line ends (store/export.py).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.text import Text

# Characters that pass through as they are: they lay text out, they do not command the terminal.
_KEPT = frozenset("\n\t")
# Unicode's explicit direction controls: they reorder what the reader sees ("Trojan Source").
_BIDI = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))


def _unsafe(ch: str) -> bool:
    """A C0 or C1 control character, DEL, or a direction control (not a line break or tab)."""
    code = ord(ch)
    if ch in _KEPT:
        return False
    return code < 0x20 or 0x7F <= code <= 0x9F or ch in _BIDI


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(value: Any) -> str:
    """``value`` as a string with every control character shown as an escape; None is ""."""
    if value is None:
        return ""
    s = str(value).replace("\r\n", "\n")
    if not any(_unsafe(ch) for ch in s):  # the common case: nothing to do
        return s
    return "".join(_escape(ch) if _unsafe(ch) else ch for ch in s)


def text(value: Any, style: str = "") -> Text:
    """A rich Text of ``value``, cleaned: printed as typed, markup and all."""
    from rich.text import Text  # rich is for the terminal; the plot stage uses clean() alone

    return Text(clean(value), style=style)


def clean_with_offsets(raw: str) -> tuple[str, list[int]]:
    """``clean(raw)`` and, for each offset 0..len(raw) into ``raw``, the matching offset in the result.

    Claims point into a document's raw text by character offsets; an escape is
    longer than the character it replaces, so highlighting the cleaned text
    needs the offsets moved (``cmd_show``).
    """
    out: list[str] = []
    at: list[int] = []
    size = 0
    for i, ch in enumerate(raw):
        at.append(size)
        if ch == "\r" and raw[i + 1:i + 2] == "\n":
            piece = ""  # "\r\n" is one line break: the "\n" that follows writes it
        elif _unsafe(ch):
            piece = _escape(ch)
        else:
            piece = ch
        out.append(piece)
        size += len(piece)
    at.append(size)
    return "".join(out), at
