"""Writing imported figures into ``profile.yaml``'s ``facts``, leaving the rest as it was.

``rettfram import-ssb`` owns ``facts.population`` (table 07459) and ``facts.migration``
(table 06913), and within them ``source``, ``as_of`` and ``series``; nothing else is touched.
The file is edited in ruamel.yaml's round-trip mode, so comments, key order, quoting and flow
style stay; a new ``series`` keeps the style of the one it replaces, the comments on years it
still has, and comment lines that followed it. ``updated_profile`` then loads the result with
``rettfram.load`` and refuses it unless only the owned keys differ. ``safe_write.replace_file``
then writes it, so a failure leaves the old file whole.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError
from ruamel.yaml.tokens import CommentToken

from rettfram.load import load_yaml_bytes
from rettfram.text import Text

FACTS_ORDER = ("population", "migration", "centrality")  # the model's order, for keys that are new
OWNED = ("source", "as_of", "series")
BOM = b"\xef\xbb\xbf"


class EditError(Exception):
    """The profile could not be edited safely; nothing was written."""

    def __init__(self, message: Text):
        super().__init__(message.en)
        self.message = message


def updated_profile(
    raw: bytes, key: str, source: str, as_of: dt.date, series: dict[int, Any], comment: str | None = None
) -> bytes:
    """``raw`` (a profile that loads) with ``facts.<key>`` set to ``source``, ``as_of`` and
    ``series``; ``comment`` goes after ``<key>:`` when the key is new."""
    bom = raw.startswith(BOM)
    text = raw[len(BOM) :].decode("utf-8") if bom else raw.decode("utf-8")
    crlf = "\r\n" in text
    yaml = _yaml()
    try:
        doc = yaml.load(text.replace("\r\n", "\n"))
    except (YAMLError, ValueError, RecursionError) as exc:
        raise EditError(MESSAGES["unreadable"].format(detail=type(exc).__name__)) from None
    if not isinstance(doc, CommentedMap):
        raise EditError(MESSAGES["unreadable"].format(detail="root"))

    facts = doc.get("facts")
    if not isinstance(facts, CommentedMap):
        facts = CommentedMap()
        doc["facts"] = facts  # in place when ``facts:`` was there but empty, else last
    entry = facts.get(key)
    if not isinstance(entry, CommentedMap):
        entry = CommentedMap()
        _insert_in_order(facts, key, entry)
        if comment:
            facts.yaml_add_eol_comment(comment, key)
    new_series = _series(series, entry.get("series"))
    for name, value in (("source", source), ("as_of", as_of), ("series", new_series)):
        entry[name] = value

    out = io.StringIO()
    try:
        yaml.dump(doc, out)
    except (YAMLError, ValueError, RecursionError) as exc:
        raise EditError(MESSAGES["unreadable"].format(detail=type(exc).__name__)) from None
    result = out.getvalue()
    if crlf:
        result = result.replace("\n", "\r\n")
    edited = (BOM if bom else b"") + result.encode("utf-8")
    _check_only_owned_keys_changed(raw, edited, key, source, as_of, series)
    return edited


# -- editing -----------------------------------------------------------------------------------


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line
    yaml.indent(mapping=2, sequence=4, offset=2)  # the layout of the scaffold and the examples
    return yaml


def _insert_in_order(facts: CommentedMap, key: str, value: Any) -> None:
    """Add ``key`` before the first existing key that comes after it in the model's order."""
    rank = FACTS_ORDER.index(key)
    for position, existing in enumerate(facts):
        if existing in FACTS_ORDER and FACTS_ORDER.index(existing) > rank:
            facts.insert(position, key, value)
            return
    facts[key] = value


def _series(series: dict[int, Any], old: Any) -> CommentedMap:
    """The new series as YAML: population in one flow line ``{2024: 5400, …}`` and migration a
    year a line ``2024: {in: …, out: …}``, unless the old series had the other style."""
    new = CommentedMap()
    nested = False
    for year in sorted(series):
        value = series[year]
        if isinstance(value, dict):
            nested = True
            inner = CommentedMap(value.items())
            inner.fa.set_flow_style()
            value = inner
        new[year] = value
    flow = old.fa.flow_style() if isinstance(old, CommentedMap) else not nested
    if flow:
        new.fa.set_flow_style()
    else:
        new.fa.set_block_style()
    if isinstance(old, CommentedMap):
        _carry_comments(old, new)
    return new


def _carry_comments(old: CommentedMap, new: CommentedMap) -> None:
    """Keep the comments of the series being replaced: those before its first year, on each year
    it still has, and the lines after its last year (they belong to what follows it)."""
    if old.ca.comment:
        new.ca.comment = copy.copy(old.ca.comment)
    for year, item in old.ca.items.items():
        if year in new:
            new.ca.items[year] = copy.copy(item)
    if not old or not new:
        return
    last_old, last_new = list(old)[-1], list(new)[-1]
    token = (old.ca.items.get(last_old) or [None, None, None, None])[2]
    if last_old == last_new or token is None:
        return
    eol, _, rest = token.value.partition("\n")
    if not rest.strip():
        return
    if last_old in new:  # the year stays, without the lines that follow the series
        kept = copy.copy(new.ca.items[last_old])
        kept[2] = _token(eol + "\n", token) if eol.strip() else None
        new.ca.items[last_old] = kept
    item = list(new.ca.items.get(last_new) or [None, None, None, None])
    if item[2] is not None:
        item[2] = _token(item[2].value.rstrip("\n") + "\n" + rest, item[2])
    else:
        item[2] = _token("\n" + rest, token)
    new.ca.items[last_new] = item


def _token(value: str, like: CommentToken) -> CommentToken:
    token = copy.copy(like)
    token.value = value
    return token


# -- the safety net ----------------------------------------------------------------------------


def _plain(series: dict[int, Any]) -> dict[int, Any]:
    return {year: (dict(v) if isinstance(v, dict) else v) for year, v in series.items()}


def _check_only_owned_keys_changed(
    before: bytes, after: bytes, key: str, source: str, as_of: dt.date, series: dict[int, Any]
) -> None:
    """Load both versions as ``rettfram check`` does and compare: only ``facts.<key>``'s owned
    keys may differ, they must hold what was asked, and the top-level keys keep their order."""
    old = load_yaml_bytes(before, "profile.yaml").document
    new = load_yaml_bytes(after, "profile.yaml").document
    if old is None or new is None:
        raise EditError(MESSAGES["unsafe"].format(detail="load"))
    expected_entry = dict((old.data.get("facts") or {}).get(key) or {})
    expected_entry.update({"source": source, "as_of": as_of.isoformat(), "series": _plain(series)})
    expected = dict(old.data)
    expected["facts"] = {**(old.data.get("facts") or {}), key: expected_entry}
    if new.data != expected:
        raise EditError(MESSAGES["unsafe"].format(detail="data"))
    if [k for k in new.data if k in old.data] != list(old.data):
        raise EditError(MESSAGES["unsafe"].format(detail="order"))


MESSAGES = {
    "unreadable": Text(
        "Kunne ikke lese profilen for å endre den ({detail}).",
        "Could not read the profile to edit it ({detail}).",
        "Kunne ikkje lese profilen for å endre han ({detail}).",
    ),
    "unsafe": Text(
        "Endringen ville ha rørt mer enn facts-nøklene importen eier ({detail}); ingenting er skrevet.",
        "The edit would have touched more than the facts keys the import owns ({detail}); nothing was written.",
        "Endringa ville ha rørt meir enn facts-nøklane importen eig ({detail}); ingenting er skrive.",
    ),
}
