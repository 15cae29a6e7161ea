"""Load stage: a YAML file becomes plain data plus a map of where every value came from.

Why not ``yaml.safe_load``: PyYAML follows YAML 1.1 (``no`` becomes ``False``, ``0301`` an
integer), keeps the last of two duplicate keys without a word, expands aliases without bound
and forgets positions. Here ruamel.yaml (YAML 1.2) only *parses and composes*; this module
turns the node graph into Python values itself, so it decides:

- scalar types follow YAML 1.2's core schema: ``no``, ``yes``, ``on``, ``off`` stay text;
  dates stay text for the model to parse (so ``2026-02-30`` gets a message, not a crash);
- duplicate keys, merge keys and non-text keys are problems with both positions;
- size, nesting depth, alias count and expanded size are bounded before anything grows;
- every key and value keeps its line and column (:class:`SourceMap`).

Nothing above this module reads YAML.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, Event
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from rettfram import safe_read
from rettfram.findings import Finding
from rettfram.messages import Message
from rettfram.text import Text

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 40
MAX_ALIASES = 50
MAX_NODES = 50_000

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Pos:
    """A 1-based line and column (columns count characters, not bytes)."""

    line: int
    column: int


@dataclass(frozen=True)
class Scalar:
    """How a scalar was written: its text and whether it was quoted."""

    text: str
    quoted: bool


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a document stands in its file."""

    path: str
    values: dict[Loc, Pos] = field(default_factory=dict)
    keys: dict[Loc, Pos] = field(default_factory=dict)
    scalars: dict[Loc, Scalar] = field(default_factory=dict)

    def locate(self, loc: Loc, *, key: bool = False) -> Pos:
        """The position of ``loc``, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        for end in range(len(loc), -1, -1):
            prefix = tuple(loc[:end])
            if prefix in table:
                return table[prefix]
            if prefix in self.values:
                return self.values[prefix]
        return Pos(1, 1)


@dataclass
class Document:
    """A loaded YAML mapping and where its values came from."""

    path: str
    data: dict[str, Any]
    source: SourceMap


@dataclass
class LoadResult:
    document: Document | None
    findings: list[Finding]


class _Refused(Exception):
    """Raised inside the walk to stop at the first structural problem that makes going on pointless."""

    def __init__(self, finding: Finding):
        self.finding = finding


def load_yaml(path: Path | str, display_path: str | None = None) -> LoadResult:
    """Read and load one YAML file; never raises for bad input."""
    shown = display_path or str(path)
    path = Path(path)
    try:
        raw = safe_read.read_below(path, path.parent, MAX_BYTES)
    except safe_read.Unsafe as problem:
        if problem.rule == "file.too-large":
            size = path.lstat().st_size
            return LoadResult(
                None,
                [
                    _problem(
                        shown, Pos(1, 1), "schema.too-large", MESSAGES["too_large"].format(size=size, limit=MAX_BYTES)
                    )
                ],
            )
        return LoadResult(None, [safe_read.finding_for(shown, path.name, problem)])
    return load_yaml_bytes(raw, shown)


def load_yaml_bytes(raw: bytes, path: str) -> LoadResult:
    try:
        text = _decode(raw, path)
        root = _compose(text, path)
        walker = _Walker(path)
        data = walker.mapping_root(root)
    except _Refused as refused:
        return LoadResult(None, [refused.finding])
    return LoadResult(Document(path, data, walker.source), walker.findings)


# -- reading -----------------------------------------------------------------------------


def _decode(raw: bytes, path: str) -> str:
    if len(raw) > MAX_BYTES:
        raise _Refused(
            _problem(path, Pos(1, 1), "schema.too-large", MESSAGES["too_large"].format(size=len(raw), limit=MAX_BYTES))
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
        raise _Refused(
            _problem(
                path, Pos(line, column), "schema.encoding", MESSAGES["encoding"].format(byte=f"0x{raw[exc.start]:02x}")
            )
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise _Refused(_problem(path, Pos(line, 1), "schema.encoding", MESSAGES["nul"].format()))
    return text


def _compose(text: str, path: str) -> MappingNode:
    yaml = YAML(typ="rt", pure=True)
    try:
        _prescan(yaml, text, path)
        root = yaml.compose(text)
    except MarkedYAMLError as exc:
        raise _Refused(_syntax_problem(exc, text, path)) from None
    except (YAMLError, RecursionError, ValueError, TypeError) as exc:
        raise _Refused(
            _problem(path, Pos(1, 1), "schema.syntax", MESSAGES["syntax"].format(detail=type(exc).__name__))
        ) from None
    if root is None:
        raise _Refused(_problem(path, Pos(1, 1), "schema.empty", MESSAGES["empty"].format()))
    if not isinstance(root, MappingNode):
        raise _Refused(_problem(path, _pos(root), "schema.root", MESSAGES["root"].format(kind=_kind(root))))
    return root


def _prescan(yaml: YAML, text: str, path: str) -> None:
    """Bound nesting and aliases on the event stream, before the (recursive) composer runs."""
    _prescan_brackets(text, path)
    if _within_bounds_by_libyaml(text):
        return
    passed = _bound_passed(yaml.parse(text), path)
    if passed is not None:
        raise _Refused(passed)


def _bound_passed(events: Iterable[Event], path: str) -> Finding | None:
    """The finding for the first event that nests deeper than ``MAX_DEPTH`` or is alias number
    ``MAX_ALIASES`` + 1; None when the whole stream keeps within both."""
    depth = aliases = 0
    for event in events:
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                message = MESSAGES["too_deep"].format(limit=MAX_DEPTH)
                return _problem(path, _mark_pos(event.start_mark), "schema.too-deep", message)
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
        elif isinstance(event, AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                message = MESSAGES["aliases"].format(limit=MAX_ALIASES)
                return _problem(path, _mark_pos(event.start_mark), "schema.aliases", message)
    return None


def _within_bounds_by_libyaml(text: str) -> bool:
    """True when libyaml's parser (C, from ruamel.yaml.clib; 20× faster than the pure one) reads
    the whole event stream without error and within the bounds. Anything else (a syntax error, a
    bound passed, no C parser) is left to the pure parser, whose findings are the ones reported:
    this only spares a well-formed profile a second pure-Python parse."""
    try:
        return _bound_passed(YAML(typ="safe", pure=False).parse(text), "") is None
    except Exception:  # noqa: BLE001 - libyaml's errors are not ours to report; the pure parser's are
        return False


def _prescan_brackets(text: str, path: str) -> None:
    """Refuse deep ``[[[[…`` early: the scanner looks ahead to the closing bracket (quadratic)."""
    depth = 0
    quote = ""
    line, column = 1, 0
    previous = "\n"
    for ch in text:
        column += 1
        if ch == "\n":
            line, column, quote = line + 1, 0, ""
        elif quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"" and previous in " \t\n[{,:":
            quote = ch
        elif ch == "#" and previous in " \t\n":
            quote = "\n"  # a comment runs to the end of the line
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise _Refused(
                    _problem(path, Pos(line, column), "schema.too-deep", MESSAGES["too_deep"].format(limit=MAX_DEPTH))
                )
        elif ch in "]}":
            depth = max(0, depth - 1)
        previous = ch


def _syntax_problem(exc: MarkedYAMLError, text: str, path: str) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    pos = _mark_pos(mark) if mark is not None else Pos(1, 1)
    lines = text.split("\n")
    for line_no in (pos.line, pos.line - 1):
        if 1 <= line_no <= len(lines):
            line = lines[line_no - 1]
            indent = line[: len(line) - len(line.lstrip(" \t"))]
            if "\t" in indent:
                return _problem(path, Pos(line_no, indent.index("\t") + 1), "schema.tab", MESSAGES["tab"].format())
    detail = exc.problem or exc.context or type(exc).__name__
    return _problem(path, pos, "schema.syntax", MESSAGES["syntax"].format(detail=detail))


# -- walking the node graph -------------------------------------------------------------


class _Walker:
    def __init__(self, path: str):
        self.path = path
        self.source = SourceMap(path)
        self.findings: list[Finding] = []
        self.count = 0
        self.open: set[int] = set()  # the collections being read, outermost first (a cycle is refused)

    def mapping_root(self, root: MappingNode) -> dict[str, Any]:
        return self._value(root, ())

    def _value(self, node: Node, loc: Loc) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Refused(
                _problem(self.path, _pos(node), "schema.aliases", MESSAGES["too_many_nodes"].format(limit=MAX_NODES))
            )
        self.source.values[loc] = _pos(node)
        if isinstance(node, (MappingNode, SequenceNode)):
            if id(node) in self.open:  # an alias inside the value it names: ``a: &a [*a]``
                raise _Refused(_problem(self.path, _pos(node), "schema.aliases", MESSAGES["recursive_alias"].format()))
            self.open.add(id(node))
            try:
                if isinstance(node, MappingNode):
                    return dict(self._mapping(node, loc))
                return [self._value(item, loc + (i,)) for i, item in enumerate(node.value)]
            finally:
                self.open.discard(id(node))
        assert isinstance(node, ScalarNode), "a YAML node is a mapping, a sequence or a scalar"
        self.source.scalars[loc] = Scalar(node.value, quoted=bool(node.style))
        return _scalar(node)

    def _mapping(self, node: MappingNode, loc: Loc) -> Iterator[tuple[Any, Any]]:
        seen: dict[Any, Pos] = {}
        for key_node, value_node in node.value:
            key_pos = _pos(key_node)
            if str(key_node.tag) == "tag:yaml.org,2002:merge":
                self._add(key_pos, "schema.merge-key", MESSAGES["merge_key"].format())
                continue
            if not isinstance(key_node, ScalarNode):
                self._add(key_pos, "schema.key-type", MESSAGES["key_type"].format(kind=_kind(key_node)))
                continue
            key = _scalar(key_node)
            if key is None or isinstance(key, (bool, float)):
                key = key_node.value
            if key in seen:
                first = seen[key]
                self._add(key_pos, "schema.duplicate-key", MESSAGES["duplicate_key"].format(key=key, line=first.line))
                continue
            seen[key] = key_pos
            self.source.keys[loc + (key,)] = key_pos
            yield key, self._value(value_node, loc + (key,))

    def _add(self, pos: Pos, rule: str, message: Message) -> None:
        self.findings.append(_problem(self.path, pos, rule, message))


def _scalar(node: ScalarNode) -> Any:
    """YAML 1.2 core schema; timestamps stay text so the model can explain a bad date."""
    tag = str(node.tag)
    value: str = node.value
    if node.style or tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
        return value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() == "true"
    if tag == "tag:yaml.org,2002:int":
        digits = value.replace("_", "")
        try:
            return int(digits)
        except ValueError:
            try:
                return int(digits, 0)
            except ValueError:
                return value
    if tag == "tag:yaml.org,2002:float":
        lowered = value.lower().replace("_", "")
        if lowered in (".nan",):
            return float("nan")
        if lowered.endswith(".inf"):
            return float("-inf") if lowered.startswith("-") else float("inf")
        try:
            return float(lowered)
        except ValueError:
            return value
    return value


# -- positions and messages ---------------------------------------------------------------


def _mark_pos(mark: Any) -> Pos:
    return Pos(mark.line + 1, mark.column + 1)


def _pos(node: Node) -> Pos:
    return _mark_pos(node.start_mark)


def _kind(node: Node) -> Text:
    if isinstance(node, SequenceNode):
        return Text("en liste", "a list", "ei liste")
    if isinstance(node, MappingNode):
        return Text("en tabell (nøkler og verdier)", "a mapping", "ein tabell (nøklar og verdiar)")
    return Text("en enkeltverdi", "a single value", "ein enkeltverdi")


def _problem(path: str, pos: Pos, rule: str, message: Message) -> Finding:
    return Finding.of(path, pos.line, pos.column, rule, message)


WRITE_VALUES_OUT = Text(  # the hint for every finding about aliases
    "Skriv verdiene ut i stedet for å gjenbruke dem med & og *.",
    "Write values out instead of reusing them with & and *.",
)
MESSAGES: dict[str, Message] = {
    "too_large": Message(
        Text("Filen er {size} byte; grensen er {limit}.", "The file is {size} bytes; the limit is {limit}."),
        Text(
            "En profil skal være liten: flytt lange tekster til copy/-mappen.",
            "A profile should be small: move long texts into the copy/ folder.",
        ),
    ),
    "encoding": Message(
        Text("Filen er ikke gyldig UTF-8 (byte {byte}).", "The file is not valid UTF-8 (byte {byte})."),
        Text(
            "Lagre filen som UTF-8 i redigeringsprogrammet (ofte «Lagre som» → «Koding: UTF-8»).",
            "Save the file as UTF-8 in your editor (often 'Save as' → 'Encoding: UTF-8').",
        ),
    ),
    "nul": Message(
        Text("Filen inneholder et NUL-tegn (binære data).", "The file contains a NUL character (binary data)."),
        Text(
            "Profilen må være ren tekst; lagre den på nytt som UTF-8.",
            "A profile must be plain text; save it again as UTF-8.",
        ),
    ),
    "empty": Message(
        Text("Filen er tom.", "The file is empty."),
        Text(
            "Lag en ny profil med «python build.py new KOMMUNENUMMER».",
            "Create a new profile with 'python build.py new NUMBER'.",
        ),
    ),
    "root": Message(
        Text(
            "Øverste nivå er {kind}, men må være nøkler og verdier (municipality:, jobs: …).",
            "The top level is {kind}, but must be keys and values (municipality:, jobs: …).",
        ),
        Text(
            "Fjern bindestreken foran de øverste nøklene, eller start fra «python build.py new».",
            "Remove the dash before the top-level keys, or start from 'python build.py new'.",
        ),
    ),
    "too_deep": Message(
        Text("Strukturen er nestet dypere enn {limit} nivåer.", "The structure is nested deeper than {limit} levels."),
        Text(
            "En profil trenger bare noen få nivåer; sjekk innrykk og klammer.",
            "A profile needs only a few levels; check indentation and brackets.",
        ),
    ),
    "aliases": Message(
        Text("Filen bruker mer enn {limit} aliaser (*navn).", "The file uses more than {limit} aliases (*name)."),
        WRITE_VALUES_OUT,
    ),
    "too_many_nodes": Message(
        Text(
            "Aliasene utvider filen til mer enn {limit} verdier (en «alias-bombe»).",
            "Aliases expand the file to more than {limit} values (an 'alias bomb').",
        ),
        WRITE_VALUES_OUT,
    ),
    "recursive_alias": Message(
        Text(
            "Verdien her inneholder et alias (*navn) til seg selv, så den blir uendelig.",
            "The value here contains an alias (*name) to itself, so it never ends.",
        ),
        WRITE_VALUES_OUT,
    ),
    "tab": Message(
        Text("Tabulator i innrykk: YAML tillater bare mellomrom.", "Tab in indentation: YAML allows only spaces."),
        Text("Bytt tabulatoren med mellomrom (to per nivå).", "Replace the tab with spaces (two per level)."),
    ),
    "syntax": Message(
        Text("YAML-syntaksfeil ({detail}).", "YAML syntax error ({detail})."),
        Text(
            "Sjekk innrykket (to mellomrom per nivå), kolon og mellomrom etter hver nøkkel, og at anførselstegn og "
            "klammer er lukket.",
            "Check the indentation (two spaces per level), a colon and a space after each key, and that quotes and "
            "brackets are closed.",
        ),
    ),
    "merge_key": Message(
        Text("Sammenslåingsnøkkelen «<<» støttes ikke.", "The merge key '<<' is not supported."),
        Text("Skriv verdiene ut der de trengs.", "Write the values out where they are needed."),
    ),
    "key_type": Message(
        Text("En nøkkel må være tekst, men her er den {kind}.", "A key must be text, but here it is {kind}."),
        Text(
            "Skriv nøkkelen som et ord etterfulgt av kolon, f.eks. «name:».",
            "Write the key as a word followed by a colon, e.g. 'name:'.",
        ),
    ),
    "duplicate_key": Message(
        Text(
            "Nøkkelen «{key}» står to ganger (første gang på linje {line}).",
            "The key '{key}' appears twice (first on line {line}).",
        ),
        Text(
            "Slå sammen de to, eller slett den ene: bare én verdi kan gjelde.",
            "Merge the two or delete one: only one value can apply.",
        ),
    ),
}
