"""JSON-stat2 → figures (`rettfram.ssb.parse`): by dimension id and category code, never by
position; other dimensions summed; missing values leave a year out."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest

from rettfram.ssb import SsbError, data_url, parse

RESPONSES = Path(__file__).parent / "responses"


def _recorded(table: str) -> dict:
    return json.loads((RESPONSES / f"{table}-5014.json").read_text("utf-8"))


def _parse(data: dict, table: str = "07459", region: str = "5014"):
    return parse(json.dumps(data).encode(), table, region, "svar.json")


def _codes(data: dict, dim: str) -> list[str]:
    index = data["dimension"][dim]["category"]["index"]
    return index if isinstance(index, list) else sorted(index, key=index.get)


def _rebuild(data: dict, order: list[str], cells: dict[frozenset, object]) -> dict:
    """``data`` with its dimensions in ``order`` and values from ``cells`` (keyed by dim → code)."""
    out = dict(data)
    out["id"] = order
    out["size"] = [len(_codes(data, dim)) for dim in order]
    axes = [_codes(data, dim) for dim in order]
    out["value"] = [cells[frozenset(zip(order, combo))] for combo in itertools.product(*axes)]
    out.pop("status", None)
    return out


def test_recorded_responses_give_the_figures():
    population = _parse(_recorded("07459"))
    assert population.key == "population" and population.source == "SSB tabell 07459"
    assert population.as_of == dt.date(2026, 1, 1)
    assert population.series[2025] == 5453 and min(population.series) == 2017 and len(population.series) == 10
    migration = _parse(_recorded("06913"), "06913")
    assert migration.as_of == dt.date(2026, 1, 1)  # moves through 2025; 2026 is not published (null)
    assert max(migration.series) == 2025 and migration.series[2024] == {"in": 506, "out": 388}


def test_sums_over_sex_and_age_and_does_not_depend_on_dimension_order():
    data = _recorded("07459")
    by_year = dict(zip(_codes(data, "Tid"), data["value"]))
    data["dimension"]["Kjonn"] = {"label": "kjønn", "category": {"index": {"1": 0, "2": 1}, "label": {"1": "Menn", "2": "Kvinner"}}}
    data["dimension"]["Alder"] = {"label": "alder", "category": {"index": ["000", "001", "105"],
                                                               "label": {"000": "0 år", "001": "1 år", "105": "105 år eller eldre"}}}
    cells = {}
    for year, total in by_year.items():
        parts = [total // 6] * 5 + [total - 5 * (total // 6)]
        for (sex, age), part in zip(itertools.product("12", ["000", "001", "105"]), parts):
            cells[frozenset({("Region", "5014"), ("Kjonn", sex), ("Alder", age), ("ContentsCode", "Personer1"), ("Tid", year)})] = part
    expected = {int(y): v for y, v in by_year.items()}
    for order in (["Region", "Kjonn", "Alder", "ContentsCode", "Tid"], ["Tid", "Alder", "ContentsCode", "Kjonn", "Region"]):
        assert _parse(_rebuild(data, order, cells)).series == expected


def test_sparse_values_index_lists_and_prefixed_region_codes():
    data = _recorded("06913")
    data["dimension"]["Region"]["category"] = {"index": ["K_5014"], "label": {"K_5014": "Frøya"}}
    data["value"] = {str(i): v for i, v in enumerate(data["value"]) if v is not None}
    assert _parse(data, "06913").series[2017] == {"in": 478, "out": 431}


def test_contents_found_by_label_when_the_code_differs():
    data = _recorded("07459")
    data["dimension"]["ContentsCode"]["category"] = {"index": {"Personer": 0}, "label": {"Personer": "Personer"}}
    assert _parse(data).series[2026] == 5491


def test_the_right_region_is_picked_from_several():
    data = _recorded("07459")
    data["dimension"]["Region"]["category"] = {"index": {"0301": 0, "5014": 1}, "label": {"0301": "Oslo", "5014": "Frøya"}}
    data["size"] = [2, 1, 10]
    data["value"] = [700000 + i for i in range(10)] + data["value"]
    assert _parse(data).series[2025] == 5453


def test_a_year_with_a_missing_value_is_left_out():
    data = _recorded("07459")
    data["value"][-1] = None
    data["status"] = {"9": ".."}
    figures = _parse(data)
    assert max(figures.series) == 2025 and figures.as_of == dt.date(2025, 1, 1)


@pytest.mark.parametrize("change,words", [
    (lambda d: d.pop("version"), "«version»"),
    (lambda d: d.update({"class": "collection"}), "«class»"),
    (lambda d: d.update({"size": [1, 1]}), "«id» og «size»"),
    (lambda d: d["dimension"].pop("Tid"), "dimensjonen «Tid»"),
    (lambda d: d.update({"value": "mange"}), "«value»"),
    (lambda d: (d.pop("role"), d.update({"id": ["Region", "ContentsCode", "År"]}), d["dimension"].update({"År": d["dimension"].pop("Tid")})), "tidsdimensjon"),
    (lambda d: (d.pop("role"), d.update({"id": ["Kommune", "ContentsCode", "Tid"]}), d["dimension"].update({"Kommune": d["dimension"].pop("Region")})), "regiondimensjon"),
    (lambda d: d["dimension"]["Tid"]["category"].update({"index": {f"2025K{q}": q - 1 for q in range(1, 11)}, "label": {}}), "ikke et årstall"),
    (lambda d: d["extension"]["px"].update({"tableid": "11342"}), "fra SSB-tabell 11342, ikke 07459"),
    (lambda d: (d.pop("extension"), d.update({"label": "06913: Befolkning"})), "fra SSB-tabell 06913"),
    (lambda d: d["dimension"]["ContentsCode"]["category"].update({"index": {"Dode": 0}, "label": {"Dode": "Døde"}}), "«Personer1»"),
    (lambda d: d.update({"value": [None] * 10}), "ingen tall for kommune 5014"),
    (lambda d: d["value"].__setitem__(0, 12.5), "12.5"),
    (lambda d: d["value"].__setitem__(0, True), "true"),
])
def test_what_is_not_usable_is_refused_with_a_reason(change, words):
    data = _recorded("07459")
    change(data)
    with pytest.raises(SsbError) as refused:
        _parse(data)
    assert words in refused.value.message.text.nb
    assert "svar.json" in refused.value.message.text.nb and refused.value.message.fix.nb


@pytest.mark.parametrize("raw,words", [
    (b"", "ikke JSON"),
    (b"\xff\xfe{}", "ikke UTF-8"),
    (b'{"version": NaN}', "NaN"),
    (b"[" * 100_000 + b"]" * 100_000, "ikke JSON"),
])
def test_what_is_not_json_is_refused(raw, words):
    with pytest.raises(SsbError) as refused:
        parse(raw, "07459", "5014", "svar.json")
    assert words in refused.value.message.text.nb


def test_the_request_url():
    assert data_url("https://data.ssb.no/api/pxwebapi/v2/", "06913", "5014") == (
        "https://data.ssb.no/api/pxwebapi/v2/tables/06913/data?lang=no&outputFormat=json-stat2"
        "&valueCodes[Region]=5014&valueCodes[ContentsCode]=Innflyttinger,Utflyttinger&valueCodes[Tid]=top(10)"
    )
