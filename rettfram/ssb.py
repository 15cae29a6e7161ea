"""Statistics Norway (SSB) figures: the PxWebApi v2 request, the fetch, and JSON-stat2 → figures.

``rettfram import-ssb`` is the one command that may use the network; builds never do. This
module turns a JSON-stat2 response (fetched, or saved and given with ``--from-file``) into plain
figures for one municipality; ``rettfram.profile_facts`` writes them into ``profile.yaml``.

What this relies on, and where it comes from (no network was available when this was written,
so the formats below are from stored documentation and public code, not from a live call):

- **Request.** ``GET {api}/tables/{table}/data?lang=no&outputFormat=json-stat2`` with
  ``valueCodes[VARIABLE]=CODE,CODE`` per variable and ``top(N)`` for the N latest periods;
  variables that can be eliminated and are left out are summed by SSB ("Eliminasjon") and vanish
  from the response. Sources: SSB's v2 user guide as translated in
  ``janbrus/ssb-api-python-examples`` ``PxWebApi2/beta-bruker.md`` (endpoints, ``valueCodes``,
  ``top``, elimination) and ``PxWebApi2/laks_eng.ipynb`` (a GET URL with
  ``valueCodes[...]`` and a recorded ``json-stat2`` response); the base URL
  https://data.ssb.no/api/pxwebapi/v2 from the same files.
- **Response.** JSON-stat 2.0 (https://json-stat.org/format/): ``version: "2.0"``,
  ``class: "dataset"``, ``id`` (dimension ids), ``size``, ``dimension.{id}.category.index``
  (code → position, or a list of codes) and ``.label`` (code → text), ``value`` (row-major: the
  last dimension varies fastest; a list, or an object keyed by position), ``status`` (a symbol
  such as ``..`` where a value is ``null``), ``role`` (``time``, ``geo``, ``metric``), and SSB's
  ``extension.px.tableid``. Sources: the recorded response in ``laks_eng.ipynb`` and the 11118
  example in ``beta-bruker.md`` (same repository); a public json-stat2 reference for PxWebApi
  whose 07459 example has ``id: [Region, ContentsCode, Tid]`` with sex and age eliminated.
- **Table 07459** (Befolkning): dimensions ``Region``, ``Kjonn``, ``Alder``, ``ContentsCode``,
  ``Tid``; the count is ``ContentsCode=Personer1`` ("Personer", reference time 1.1.);
  municipalities by their plain four-digit code (``valueCodes[Region]=0301``); ``Kjonn`` and
  ``Alder`` can be eliminated. Sources: public PxWebApi v2 clients and their tests
  (``Region=0301``, ``ContentsCode=Personer1``, ``Tid=top(1)`` → Oslo's population 1 January;
  a metadata fixture listing the five dimensions with ``Kjonn`` codes ``1``/``2``).
- **Table 06913** (Befolkning 1. januar og endringer i kalenderåret): dimensions ``Region``,
  ``ContentsCode``, ``Tid``; eight contents codes ``Folkemengde``, ``Levende``, ``Dode``,
  ``Fodselsoverskudd``, ``Innflyttinger``, ``Utflyttinger``, ``Nettoinnflytting``,
  ``Folketilvekst``; flows refer to 31.12. of the year, and the latest year can hold only the
  population (flows ``null``). Sources: https://www.ssb.no/statbank/table/06913 (the eight
  statistics variables and their reference times) and a public ingest module's notes on the v2
  table (the eight codes). **06913 has no separate immigration and emigration**: its
  ``Innflyttinger`` and ``Utflyttinger`` count every move in and out, from and to other
  municipalities *and* abroad (SSB's explanation of "Nettoinnflyttinga", "dei som flytta inn frå
  utlandet eller resten av landet", https://statbank.ssb.no/ajax/ordforklaring?key=358804).
  So ``facts.migration`` gets ``in`` and ``out`` and no ``immigration``/``emigration`` from this
  table, and the command says so.
- Region codes: the request uses the plain four-digit code, as the 07459 examples do and as a
  public 06913 client does for the country (``valueCodes[Region]=0``). One public note says
  06913 lists codes with a prefix (``K_0301``); that is not confirmed (it may come from an
  aggregation code list), so a response's region code is compared with any ``K_``/``K-`` prefix
  taken off. If SSB refuses ``5014`` for 06913, the message says so and ``--from-file`` works.

``as_of`` is 1 January of the latest year for 07459 (a stock on 1.1.) and 1 January after the
latest year for 06913 (a year's moves, complete on 31.12.; the example profile has moves through
2024 ``as_of: 2025-01-01``). Everything is parsed by dimension id (or ``role``) and by category
code (or label), never by position. Dimensions other than region, contents and time (sex, age)
are summed. A year is left out when one of its figures is missing (``null``).
"""

from __future__ import annotations

import datetime as dt
import http.client
import itertools
import json
import math
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from rettfram.messages import Message
from rettfram.text import Text

API = "https://data.ssb.no/api/pxwebapi/v2"
TIMEOUT = 30.0  # seconds, for connecting and for each read
MAX_BYTES = 5 * 1024 * 1024  # a response for one municipality is a few kilobytes
MAX_CELLS = 1_000_000  # SSB itself answers at most 800,000 cells
YEARS = 10  # how many of the latest years a request asks for


@dataclass(frozen=True)
class Field:
    """One figure of a year: its key in the profile and how SSB names it."""

    name: str
    code: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    id: str
    key: str  # the key under ``facts``
    title: Text
    fields: tuple[Field, ...]
    as_of_offset: int  # as_of is 1 January of (latest year + offset): 0 for a stock on 1.1., 1 for a year's flows


TABLES: dict[str, Table] = {
    "07459": Table(
        "07459",
        "population",
        Text("folketall 1. januar", "population on 1 January", "folketal 1. januar"),
        (Field("count", "Personer1", ("personer", "persons", "folkemengde")),),
        0,
    ),
    "06913": Table(
        "06913",
        "migration",
        Text("inn- og utflytting", "moves in and out", "inn- og utflytting"),
        (
            Field("in", "Innflyttinger", ("innflyttinger", "innflytting", "in-migration")),
            Field("out", "Utflyttinger", ("utflyttinger", "utflytting", "out-migration")),
        ),
        1,
    ),
}


@dataclass(frozen=True)
class Figures:
    """What one table says about one municipality: ``series`` is year → count (07459) or
    year → {"in", "out"} (06913)."""

    table: str
    key: str
    as_of: dt.date
    series: dict[int, Any]

    @property
    def source(self) -> str:
        return f"SSB tabell {self.table}"


class SsbError(Exception):
    """A response or request that gives no figures; ``message`` says what and how to fix it."""

    def __init__(self, message: Message):
        super().__init__(message.text.en)
        self.message = message


# -- the request -------------------------------------------------------------------------------


def data_url(api: str, table: str, region: str, years: int = YEARS) -> str:
    """The GET URL for ``table``'s figures for ``region``, the ``years`` latest years."""
    spec = TABLES[table]
    params = [
        ("lang", "no"),
        ("outputFormat", "json-stat2"),
        ("valueCodes[Region]", region),
        ("valueCodes[ContentsCode]", ",".join(f.code for f in spec.fields)),
        ("valueCodes[Tid]", f"top({years})"),
    ]
    query = "&".join(f"{name}={urllib.parse.quote(value, safe='(),')}" for name, value in params)
    return f"{api.rstrip('/')}/tables/{table}/data?{query}"


def check_api(api: str) -> str:
    """``api`` if it is an http(s) URL with a host; raises :class:`SsbError` otherwise."""
    parsed = urllib.parse.urlsplit(api)
    if parsed.scheme not in ("http", "https") or not parsed.hostname or parsed.query or parsed.fragment:
        raise SsbError(MESSAGES["bad_api"].format(api=api, default=API))
    return api.rstrip("/")


def fetch(url: str, timeout: float | None = None, limit: int = MAX_BYTES) -> bytes:
    """The body of a GET of ``url``: http(s) only, with a timeout (``TIMEOUT`` unless given) and
    a size limit."""
    timeout = TIMEOUT if timeout is None else timeout
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPRedirectHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)  # no file:, ftp: or data: handlers, not even after a redirect
    request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "rettfram import-ssb"})
    deadline = time.monotonic() + 2 * timeout  # the socket timeout is per read; this bounds the whole answer
    try:
        with opener.open(request, timeout=timeout) as response:
            chunks: list[bytes] = []
            size = 0
            while size <= limit:
                chunk = response.read(min(65_536, limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if time.monotonic() > deadline:
                    raise TimeoutError
            body = b"".join(chunks)
    except urllib.error.HTTPError as exc:
        detail = _error_detail(exc, exc.reason)
        kind = "http_server" if exc.code >= 500 else "http_client"
        raise SsbError(
            MESSAGES[kind].format(url=url, status=exc.code, reason=exc.reason or "", detail=detail)
        ) from None
    except TimeoutError:
        raise SsbError(MESSAGES["timeout"].format(url=url, seconds=f"{timeout:g}")) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise SsbError(MESSAGES["timeout"].format(url=url, seconds=f"{timeout:g}")) from None
        raise SsbError(MESSAGES["network"].format(url=url, reason=_reason(reason))) from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise SsbError(MESSAGES["network"].format(url=url, reason=_reason(exc))) from None
    if len(body) > limit:
        raise SsbError(MESSAGES["too_large"].format(origin=url, limit=limit))
    return body


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__


def _error_detail(exc: urllib.error.HTTPError, reason: object) -> str:
    """SSB's own words about a refused request (a JSON problem document), shortened; nothing
    when they only repeat the status ``reason``."""
    try:
        body = exc.read(16_384)
        problem = json.loads(body.decode("utf-8"))
    except (OSError, ValueError, http.client.HTTPException):
        return ""
    if not isinstance(problem, dict):
        return ""
    words = [str(problem[k]) for k in ("title", "detail") if isinstance(problem.get(k), (str, int))]
    text = " – ".join(dict.fromkeys(w.strip() for w in words if w.strip() and w.strip() != str(reason).strip()))
    return f": «{text[:300]}»" if text else ""


# -- the response ------------------------------------------------------------------------------


def parse(raw: bytes, table: str, region: str, origin: str) -> Figures:
    """The figures in a JSON-stat2 response for ``region`` from ``table``; raises :class:`SsbError`.

    ``origin`` names the file or URL in messages."""
    spec = TABLES[table]
    if len(raw) > MAX_BYTES:
        raise SsbError(MESSAGES["too_large"].format(origin=origin, limit=MAX_BYTES))
    data = _json(raw, origin)
    cube = _Cube.read(data, origin)
    _check_table(data, spec, origin)
    time_id = cube.role_or("time", "Tid")
    if time_id is None:
        raise SsbError(MESSAGES["not_jsonstat"].format(origin=origin, detail=DETAILS["no_time"]))
    geo_id = cube.role_or("geo", "Region")
    metric_id = cube.role_or("metric", "ContentsCode")
    region_at = _region_position(cube, geo_id, region, origin)
    field_at = _field_positions(cube, metric_id, spec, origin)
    years = _years(cube, time_id, origin)

    choices: list[list[int]] = []
    for dim in cube.ids:
        if dim == geo_id:
            choices.append([region_at])
        elif dim == metric_id:
            choices.append(sorted(field_at.values()))
        else:
            choices.append(list(range(cube.sizes[cube.ids.index(dim)])))
    by_position = {pos: name for name, pos in field_at.items()}
    time_axis = cube.ids.index(time_id)
    metric_axis = cube.ids.index(metric_id) if metric_id is not None else None
    sums: dict[tuple[int, str], int | None] = {}
    for coords in itertools.product(*choices):
        year = years[coords[time_axis]]
        name = by_position[coords[metric_axis]] if metric_axis is not None else spec.fields[0].name
        value = cube.value(coords, origin, year)
        key = (year, name)
        if value is None or (key in sums and sums[key] is None):  # one missing figure leaves the sum unknown
            sums[key] = None
        else:
            sums[key] = (sums.get(key) or 0) + value

    series: dict[int, Any] = {}
    for year in sorted(set(years.values())):
        values = {f.name: sums.get((year, f.name)) for f in spec.fields}
        if any(v is None for v in values.values()):
            continue  # not yet published (SSB's ".."), or not there for this municipality
        series[year] = values["count"] if len(spec.fields) == 1 else values
    if not series:
        raise SsbError(MESSAGES["no_figures"].format(origin=origin, region=region, table=table))
    as_of = dt.date(max(series) + spec.as_of_offset, 1, 1)
    return Figures(table, spec.key, as_of, series)


def _json(raw: bytes, origin: str) -> Any:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        detail = DETAILS["utf8"].format(byte=exc.start)
        raise SsbError(MESSAGES["not_json"].format(origin=origin, detail=detail)) from None
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        detail = DETAILS["json"].format(line=exc.lineno, column=exc.colno, problem=exc.msg)
        raise SsbError(MESSAGES["not_json"].format(origin=origin, detail=detail)) from None
    except (RecursionError, ValueError) as exc:
        shown = str(exc)[:100] or type(exc).__name__
        detail = Text(shown, shown)
        raise SsbError(MESSAGES["not_json"].format(origin=origin, detail=detail)) from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")  # Python's json reads NaN and Infinity; JSON has neither


@dataclass
class _Cube:
    """A JSON-stat2 dataset, checked: dimension ids and sizes, each dimension's codes in order."""

    data: dict[str, Any]
    ids: list[str]
    sizes: list[int]
    codes: dict[str, list[str]]
    labels: dict[str, dict[str, str]]
    strides: list[int]

    @classmethod
    def read(cls, data: Any, origin: str) -> _Cube:
        def refuse(detail: Text) -> SsbError:
            return SsbError(MESSAGES["not_jsonstat"].format(origin=origin, detail=detail))

        if not isinstance(data, dict) or data.get("class") != "dataset":
            raise refuse(DETAILS["class"])
        version = data.get("version")
        if not isinstance(version, str) or not version.startswith("2"):
            raise refuse(DETAILS["version"])
        ids, sizes, dimensions = data.get("id"), data.get("size"), data.get("dimension")
        if (
            not isinstance(ids, list)
            or not all(isinstance(i, str) for i in ids)
            or len(set(ids)) != len(ids)
            or not isinstance(sizes, list)
            or len(sizes) != len(ids)
            or not all(type(s) is int and s > 0 for s in sizes)
            or not isinstance(dimensions, dict)
        ):
            raise refuse(DETAILS["id_size"])
        if math.prod(sizes) > MAX_CELLS:
            raise refuse(DETAILS["too_many_cells"].format(cells=math.prod(sizes), limit=MAX_CELLS))
        codes: dict[str, list[str]] = {}
        labels: dict[str, dict[str, str]] = {}
        for dim, size in zip(ids, sizes, strict=False):
            category = dimensions.get(dim, {}).get("category") if isinstance(dimensions.get(dim), dict) else None
            if not isinstance(category, dict):
                raise refuse(DETAILS["dimension"].format(dimension=dim))
            found = _category_codes(category)
            if found is None or len(found) != size:
                raise refuse(DETAILS["dimension"].format(dimension=dim))
            codes[dim] = found
            label = category.get("label")
            labels[dim] = {k: v for k, v in label.items() if isinstance(v, str)} if isinstance(label, dict) else {}
        values = data.get("value")
        cells = math.prod(sizes)
        if isinstance(values, list):
            if len(values) != cells:
                raise refuse(DETAILS["value_count"].format(found=len(values), cells=cells))
        elif not isinstance(values, dict):
            raise refuse(DETAILS["value"])
        strides = [math.prod(sizes[i + 1 :]) for i in range(len(sizes))]
        return cls(data, ids, sizes, codes, labels, strides)

    def role_or(self, role: str, default: str) -> str | None:
        """The dimension with ``role`` (JSON-stat's ``role``), else the one named ``default``."""
        roles = self.data.get("role")
        named = roles.get(role) if isinstance(roles, dict) else None
        if isinstance(named, list):
            for dim in named:
                if dim in self.ids:
                    return dim
        for dim in self.ids:
            if dim.lower() == default.lower():
                return dim
        return None

    def value(self, coords: tuple[int, ...], origin: str, year: int) -> int | None:
        flat = sum(c * s for c, s in zip(coords, self.strides, strict=False))
        values = self.data["value"]
        value = values[flat] if isinstance(values, list) else values.get(str(flat))
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
            or value < 0
            or value != int(value)
        ):
            raise SsbError(MESSAGES["bad_value"].format(origin=origin, value=json.dumps(value)[:40], year=year))
        return int(value)


def _category_codes(category: dict[str, Any]) -> list[str] | None:
    """A dimension's codes in order: ``index`` as a list, or code → position, or (one category)
    only ``label``."""
    index = category.get("index")
    if isinstance(index, list):
        return index if all(isinstance(c, str) for c in index) else None
    if isinstance(index, dict):
        positions = sorted(index.items(), key=lambda item: item[1] if type(item[1]) is int else -1)
        if [p for _, p in positions] != list(range(len(positions))):
            return None
        return [code for code, _ in positions]
    label = category.get("label")
    if index is None and isinstance(label, dict) and len(label) == 1:
        return list(label)
    return None


_TABLE_IN_LABEL = re.compile(r"^\s*(\d{5})\s*:")


def _check_table(data: dict[str, Any], spec: Table, origin: str) -> None:
    """The table the response says it is from (SSB's ``extension.px.tableid``, or the number
    that starts ``label``) must be the one asked for."""
    found = None
    extension = data.get("extension")
    px = extension.get("px") if isinstance(extension, dict) else None
    if isinstance(px, dict) and isinstance(px.get("tableid"), str):
        found = px["tableid"].strip()
    elif isinstance(data.get("label"), str) and (match := _TABLE_IN_LABEL.match(data["label"])):
        found = match.group(1)
    if found is not None and found != spec.id:
        hint = MESSAGES["use_other_table"].format(table=found).fix if found in TABLES else Text("", "")
        raise SsbError(MESSAGES["other_table"].format(origin=origin, found=found, table=spec.id, hint=hint))


_REGION_CODE = re.compile(r"^(?:[A-Za-z]{1,3}[-_])?(\d+)$")


def _region_position(cube: _Cube, geo_id: str | None, region: str, origin: str) -> int:
    if geo_id is None:
        raise SsbError(MESSAGES["no_region"].format(origin=origin, region=region))
    codes = cube.codes[geo_id]
    for position, code in enumerate(codes):
        match = _REGION_CODE.match(code.strip())
        if match and match.group(1) == region:
            return position
    shown = ", ".join(_shown(code, cube.labels[geo_id].get(code)) for code in codes[:3]) + (
        " …" if len(codes) > 3 else ""
    )
    raise SsbError(MESSAGES["other_region"].format(origin=origin, found=shown, region=region))


def _shown(code: str, label: str | None) -> str:
    return f"{code} {label}" if label and label != code and not label.startswith(code) else (label or code)


def _field_positions(cube: _Cube, metric_id: str | None, spec: Table, origin: str) -> dict[str, int]:
    """Where each figure the table should give stands in the contents dimension: by code, else
    by label."""
    if metric_id is None:
        if len(spec.fields) == 1:
            return {spec.fields[0].name: 0}  # the contents dimension was left out: one figure
        raise SsbError(MESSAGES["missing_contents"].format(origin=origin, code=spec.fields[0].code, table=spec.id))
    codes = cube.codes[metric_id]
    labels = cube.labels[metric_id]
    found: dict[str, int] = {}
    for field in spec.fields:
        if field.code in codes:
            found[field.name] = codes.index(field.code)
            continue
        for position, code in enumerate(codes):
            if labels.get(code, "").strip().lower() in field.labels:
                found[field.name] = position
                break
        else:
            raise SsbError(MESSAGES["missing_contents"].format(origin=origin, code=field.code, table=spec.id))
    return found


_YEAR = re.compile(r"^\d{4}$")


def _years(cube: _Cube, time_id: str, origin: str) -> dict[int, int]:
    """Position in the time dimension → year; every time code must be a year."""
    years = {}
    for position, code in enumerate(cube.codes[time_id]):
        if not _YEAR.match(code.strip()) or not 1900 <= int(code) <= 2100:
            raise SsbError(MESSAGES["not_yearly"].format(origin=origin, code=code[:40]))
        years[position] = int(code)
    return years


# -- messages ----------------------------------------------------------------------------------

_FROM_FILE = Text(
    "Lagre svaret fra SSB som JSON-stat2 (outputFormat=json-stat2), eller kjør uten --from-file for å hente det.",
    "Save SSB's response as JSON-stat2 (outputFormat=json-stat2), or run without --from-file to fetch it.",
    "Lagre svaret frå SSB som JSON-stat2 (outputFormat=json-stat2), eller køyr utan --from-file for å hente det.",
)
_RETRY = Text(
    "Sjekk nettforbindelsen og prøv igjen, eller last ned svaret i nettleseren og bruk --from-file FIL.",
    "Check the network connection and try again, or download the response in a browser and use --from-file FILE.",
    "Sjekk nettsambandet og prøv igjen, eller last ned svaret i nettlesaren og bruk --from-file FIL.",
)

DETAILS: dict[str, Text] = {
    "utf8": Text("byte {byte} er ikke UTF-8", "byte {byte} is not UTF-8", "byte {byte} er ikkje UTF-8"),
    "json": Text(
        "linje {line}, kolonne {column}: {problem}",
        "line {line}, column {column}: {problem}",
        "linje {line}, kolonne {column}: {problem}",
    ),
    "class": Text("mangler «class»: «dataset»", 'it has no "class": "dataset"', "manglar «class»: «dataset»"),
    "version": Text("mangler «version»: «2.0»", 'it has no "version": "2.0"', "manglar «version»: «2.0»"),
    "id_size": Text(
        "«id» og «size» mangler eller passer ikke sammen",
        '"id" and "size" are missing or do not match',
        "«id» og «size» manglar eller passar ikkje saman",
    ),
    "too_many_cells": Text(
        "{cells} celler er flere enn grensen på {limit}",
        "{cells} cells are more than the limit of {limit}",
        "{cells} celler er fleire enn grensa på {limit}",
    ),
    "dimension": Text(
        "dimensjonen «{dimension}» mangler kategorier som passer med «size»",
        'the dimension "{dimension}" lacks categories that match "size"',
        "dimensjonen «{dimension}» manglar kategoriar som passar med «size»",
    ),
    "value_count": Text(
        "«value» har {found} verdier, men «size» gir {cells}",
        '"value" has {found} values, but "size" gives {cells}',
        "«value» har {found} verdiar, men «size» gir {cells}",
    ),
    "value": Text("mangler «value»", 'it has no "value"', "manglar «value»"),
    "no_time": Text("ingen tidsdimensjon («Tid»)", 'no time dimension ("Tid")', "ingen tidsdimensjon («Tid»)"),
}

MESSAGES: dict[str, Message] = {
    "not_json": Message(
        Text(
            "«{origin}» er ikke JSON ({detail}).",
            "'{origin}' is not JSON ({detail}).",
            "«{origin}» er ikkje JSON ({detail}).",
        ),
        _FROM_FILE,
    ),
    "not_jsonstat": Message(
        Text(
            "«{origin}» er JSON, men ikke et JSON-stat2-datasett: {detail}.",
            "'{origin}' is JSON, but not a JSON-stat2 dataset: {detail}.",
            "«{origin}» er JSON, men ikkje eit JSON-stat2-datasett: {detail}.",
        ),
        _FROM_FILE,
    ),
    "too_large": Message(
        Text(
            "«{origin}» er større enn grensen på {limit} byte.",
            "'{origin}' is larger than the limit of {limit} bytes.",
            "«{origin}» er større enn grensa på {limit} byte.",
        ),
        Text(
            "Hent bare én kommune og de siste årene.",
            "Fetch only one municipality and the latest years.",
            "Hent berre éin kommune og dei siste åra.",
        ),
    ),
    "other_table": Message(
        Text(
            "«{origin}» er fra SSB-tabell {found}, ikke {table}.",
            "'{origin}' is from SSB table {found}, not {table}.",
            "«{origin}» er frå SSB-tabell {found}, ikkje {table}.",
        ),
        Text("Hent tabell {table}.{hint}", "Fetch table {table}.{hint}", "Hent tabell {table}.{hint}"),
    ),
    "use_other_table": Message(
        Text("", ""),
        Text(
            " Eller bruk --table {table} for denne filen.",
            " Or use --table {table} for this file.",
            " Eller bruk --table {table} for denne fila.",
        ),
    ),
    "missing_contents": Message(
        Text(
            "«{origin}» mangler statistikkvariabelen «{code}» som tabell {table} skal ha.",
            "'{origin}' lacks the statistics variable \"{code}\" that table {table} should have.",
            "«{origin}» manglar statistikkvariabelen «{code}» som tabell {table} skal ha.",
        ),
        Text(
            "Ta med «{code}» (ContentsCode) i uttrekket fra tabell {table}.",
            'Include "{code}" (ContentsCode) in the extract from table {table}.',
            "Ta med «{code}» (ContentsCode) i uttrekket frå tabell {table}.",
        ),
    ),
    "no_region": Message(
        Text(
            "«{origin}» sier ikke hvilken region tallene gjelder (ingen regiondimensjon; hele landet?).",
            "'{origin}' does not say which region the figures are for (no region dimension; all of Norway?).",
            "«{origin}» seier ikkje kva region tala gjeld (ingen regiondimensjon; heile landet?).",
        ),
        Text(
            "Velg kommunen {region} (Region) i uttrekket.",
            "Select municipality {region} (Region) in the extract.",
            "Vel kommunen {region} (Region) i uttrekket.",
        ),
    ),
    "other_region": Message(
        Text(
            "«{origin}» gjelder {found}, ikke kommune {region}.",
            "'{origin}' is for {found}, not municipality {region}.",
            "«{origin}» gjeld {found}, ikkje kommune {region}.",
        ),
        Text(
            "Hent tallene for kommune {region}, eller importer til mappen til kommunen filen gjelder.",
            "Fetch the figures for municipality {region}, or import into the folder of the municipality the file is "
            "for.",
            "Hent tala for kommune {region}, eller importer til mappa til kommunen fila gjeld.",
        ),
    ),
    "not_yearly": Message(
        Text(
            "Tidskoden «{code}» i «{origin}» er ikke et årstall.",
            "The time code \"{code}\" in '{origin}' is not a year.",
            "Tidskoden «{code}» i «{origin}» er ikkje eit årstal.",
        ),
        Text(
            "Bruk årstall (Tid som «2025»), ikke kvartaler eller måneder.",
            'Use years (Tid like "2025"), not quarters or months.',
            "Bruk årstal (Tid som «2025»), ikkje kvartal eller månader.",
        ),
    ),
    "bad_value": Message(
        Text(
            "Verdien {value} for {year} i «{origin}» er ikke et helt tall som er null eller mer.",
            "The value {value} for {year} in '{origin}' is not a whole number of zero or more.",
            "Verdien {value} for {year} i «{origin}» er ikkje eit heilt tal som er null eller meir.",
        ),
        _FROM_FILE,
    ),
    "no_figures": Message(
        Text(
            "«{origin}» har ingen tall for kommune {region} i tabell {table} (alle verdiene mangler).",
            "'{origin}' has no figures for municipality {region} in table {table} (every value is missing).",
            "«{origin}» har ingen tal for kommune {region} i tabell {table} (alle verdiane manglar).",
        ),
        Text(
            "Velg år der SSB har publisert tall.",
            "Select years for which SSB has published figures.",
            "Vel år der SSB har publisert tal.",
        ),
    ),
    "bad_api": Message(
        Text(
            "«{api}» er ikke en http- eller https-adresse til PxWebApi.",
            "'{api}' is not an http or https address of PxWebApi.",
            "«{api}» er ikkje ei http- eller https-adresse til PxWebApi.",
        ),
        Text(
            "Bruk for eksempel --api {default} (det er standard).",
            "Use for example --api {default} (the default).",
            "Bruk til dømes --api {default} (det er standard).",
        ),
    ),
    "http_client": Message(
        Text(
            "SSB avviste forespørselen {url} med {status} {reason}{detail}.",
            "SSB refused the request {url} with {status} {reason}{detail}.",
            "SSB avviste førespurnaden {url} med {status} {reason}{detail}.",
        ),
        Text(
            "Sjekk tabellnummeret og kommunenummeret (municipality.number), eller last ned svaret i nettleseren og "
            "bruk --from-file FIL.",
            "Check the table number and the municipality number (municipality.number), or download the response in a "
            "browser and use --from-file FILE.",
            "Sjekk tabellnummeret og kommunenummeret (municipality.number), eller last ned svaret i nettlesaren og "
            "bruk --from-file FIL.",
        ),
    ),
    "http_server": Message(
        Text(
            "SSB svarte {status} {reason} på {url}{detail}: en feil hos SSB.",
            "SSB answered {status} {reason} to {url}{detail}: an error at SSB.",
            "SSB svarte {status} {reason} på {url}{detail}: ein feil hos SSB.",
        ),
        Text(
            "Prøv igjen senere, eller last ned svaret i nettleseren og bruk --from-file FIL.",
            "Try again later, or download the response in a browser and use --from-file FILE.",
            "Prøv igjen seinare, eller last ned svaret i nettlesaren og bruk --from-file FIL.",
        ),
    ),
    "network": Message(
        Text(
            "Fikk ikke kontakt med {url} ({reason}).",
            "Could not reach {url} ({reason}).",
            "Fekk ikkje kontakt med {url} ({reason}).",
        ),
        _RETRY,
    ),
    "timeout": Message(
        Text(
            "{url} svarte ikke innen {seconds} sekunder.",
            "{url} did not answer within {seconds} seconds.",
            "{url} svarte ikkje innan {seconds} sekund.",
        ),
        _RETRY,
    ),
}
