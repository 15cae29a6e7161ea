"""`import-ssb`: SSB figures into profile.yaml's facts, comments and key order kept; bad input
never touches the profile.

Saved responses are in `responses/` (see the README there); the network path runs against a
local `http.server` on 127.0.0.1 that serves them and records what was asked.
"""

from __future__ import annotations

import difflib
import http.server
import json
import re
import socket
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from rettfram import ssb
from rettfram.load import load_yaml
from tests.conftest import REPO

RESPONSES = Path(__file__).parent / "responses"
POPULATION = {2017: 4978, 2018: 5035, 2019: 5118, 2020: 5180, 2021: 5226, 2022: 5275, 2023: 5352, 2024: 5409,
              2025: 5453, 2026: 5491}
MIGRATION = {2017: {"in": 478, "out": 431}, 2018: {"in": 455, "out": 447}, 2019: {"in": 489, "out": 452},
             2020: {"in": 452, "out": 437}, 2021: {"in": 471, "out": 466}, 2022: {"in": 472, "out": 362},
             2023: {"in": 500, "out": 365}, 2024: {"in": 506, "out": 388}, 2025: {"in": 498, "out": 409}}
NO_PROXY = {"no_proxy": "127.0.0.1,localhost", "NO_PROXY": "127.0.0.1,localhost"}


def _data(folder: Path) -> dict:
    loaded = load_yaml(folder / "profile.yaml")
    assert loaded.document is not None, loaded.findings
    return loaded.document.data


def _comments(text: str) -> list[str]:
    """Every comment in a YAML text, in order (the profile has no '#' inside values)."""
    return [line[line.index("#"):] for line in text.splitlines() if "#" in line]


def _changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [d[2:] for d in diff if d.startswith("- ")], [d[2:] for d in diff if d.startswith("+ ")]


def _assert_passes_check(cli, folder: Path) -> None:
    checked = cli("check", folder)
    assert checked.code == 0, checked.both


# -- from a saved file -------------------------------------------------------------------------


def test_population_from_saved_07459_response(municipality_copy, cli_process, cli):
    folder = municipality_copy("5014-froya")
    before = (folder / "profile.yaml").read_text("utf-8")
    keys_before = _data(folder)

    result = cli_process("import-ssb", folder, "--table", "07459", "--from-file", RESPONSES / "07459-5014.json")

    assert result.code == 0, result.both
    assert "Traceback" not in result.both
    assert "facts.population" in result.out and "07459" in result.out
    data = _data(folder)
    assert data["facts"]["population"] == {"source": "SSB tabell 07459", "as_of": "2026-01-01", "series": POPULATION}
    after = (folder / "profile.yaml").read_text("utf-8")
    assert _comments(after) == _comments(before)
    removed, added = _changed_lines(before, after)
    assert removed == ["    as_of: 2025-01-01", "    series: {2015: 4869, 2020: 5180, 2025: 5453}"]
    assert added == ["    as_of: 2026-01-01", "    series: {" + ", ".join(f"{y}: {n}" for y, n in POPULATION.items()) + "}"]
    assert list(data) == list(keys_before)
    assert list(data["facts"]) == list(keys_before["facts"]) == ["population", "migration", "centrality"]
    assert list(data["facts"]["population"]) == ["source", "as_of", "series"]
    _assert_passes_check(cli, folder)


def test_migration_from_saved_06913_response(municipality_copy, cli):
    folder = municipality_copy("5014-froya")
    profile = folder / "profile.yaml"  # the example has migration figures: take them out, to see them added
    profile.write_text(re.sub(r"  migration:.*?\n(?=  centrality:)", "", profile.read_text("utf-8"), flags=re.S), encoding="utf-8")
    before = (folder / "profile.yaml").read_text("utf-8")
    population_before = _data(folder)["facts"]["population"]

    result = cli("import-ssb", folder, "--table", "06913", "--from-file", RESPONSES / "06913-5014.json")

    assert result.code == 0, result.both
    data = _data(folder)
    # 2026 is in the response with its moves not yet published (null, status ".."): left out
    assert data["facts"]["migration"] == {"source": "SSB tabell 06913", "as_of": "2026-01-01", "series": MIGRATION}
    assert data["facts"]["population"] == population_before
    assert list(data["facts"]) == ["population", "migration", "centrality"]  # the model's order
    after = (folder / "profile.yaml").read_text("utf-8")
    removed, added = _changed_lines(before, after)
    assert removed == []
    assert added[0].startswith("  migration:") and "06913" in added[0] and "utlandet" in added[0]
    assert added[1:] == ["    source: SSB tabell 06913", "    as_of: 2026-01-01", "    series:",
                         *[f"      {y}: {{in: {v['in']}, out: {v['out']}}}" for y, v in MIGRATION.items()]]
    assert [c for c in _comments(after) if "06913" not in c] == _comments(before)
    # 06913 does not split moves from other municipalities from immigration: said, not hidden
    assert "06913" in result.out and "utvandring" in result.out and "immigration" in result.out
    assert "immigration" not in json.dumps(data["facts"]["migration"])
    _assert_passes_check(cli, folder)


def test_migration_replaces_an_existing_series_and_keeps_its_comment(tmp_path, cli):
    folder = tmp_path / "municipalities" / "5014-froya"
    folder.mkdir(parents=True)
    (folder / "profile.yaml").write_bytes((REPO / "tests" / "fixtures" / "example-profile.yaml").read_bytes())
    _assert_passes_check(cli, folder)
    before = (folder / "profile.yaml").read_text("utf-8")

    result = cli("import-ssb", folder, "--table", "06913", "--from-file", RESPONSES / "06913-5014.json")

    assert result.code == 0, result.both
    after = (folder / "profile.yaml").read_text("utf-8")
    assert _comments(after) == _comments(before)  # "# moves in and out, from SSB table 06913" stays; none added
    assert _data(folder)["facts"]["migration"]["series"] == MIGRATION
    _assert_passes_check(cli, folder)


def test_importing_the_same_figures_again_changes_nothing(municipality_copy, cli):
    folder = municipality_copy("5014-froya")
    args = ("import-ssb", folder, "--table", "07459", "--from-file", RESPONSES / "07459-5014.json")
    assert cli(*args).code == 0
    first = (folder / "profile.yaml").read_bytes()
    again = cli(*args)
    assert again.code == 0 and "ingenting er endret" in again.out
    assert (folder / "profile.yaml").read_bytes() == first


def test_the_write_is_atomic_and_keeps_the_file_mode(municipality_copy, cli):
    folder = municipality_copy("5014-froya")
    profile = folder / "profile.yaml"
    profile.chmod(0o640)
    assert cli("import-ssb", folder, "--table", "07459", "--from-file", RESPONSES / "07459-5014.json").code == 0
    assert profile.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in folder.iterdir()) == ["copy", "profile.yaml"]  # no temporary file left


def test_english_messages_with_lang_en(municipality_copy, cli):
    folder = municipality_copy("5014-froya")
    result = cli("import-ssb", folder, "--table", "07459", "--from-file", RESPONSES / "07459-5014.json", "--lang", "en")
    assert result.code == 0 and result.out.startswith("Wrote facts.population")


# -- over the network (a local server) ----------------------------------------------------------


class _Server:
    def __init__(self):
        self.requests: list[str] = []
        self.status = 200
        self.body: bytes | None = None
        self.delay = 0.0
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                server.requests.append(self.path)
                time.sleep(server.delay)
                parsed = urllib.parse.urlsplit(self.path)
                table = parsed.path.rstrip("/").split("/")[-2]
                if server.status != 200:
                    body = json.dumps({"type": "about:blank", "title": "Internal Server Error", "status": server.status}).encode()
                else:
                    body = server.body if server.body is not None else (RESPONSES / f"{table}-5014.json").read_bytes()
                self.send_response(server.status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):  # keep the test output quiet
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.api = f"http://127.0.0.1:{self.httpd.server_address[1]}/api/pxwebapi/v2"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def ssb_server():
    server = _Server()
    yield server
    server.close()


@pytest.mark.parametrize("table,contents,key,expected", [
    ("07459", "Personer1", "population", POPULATION),
    ("06913", "Innflyttinger,Utflyttinger", "migration", MIGRATION),
])
def test_fetches_from_the_api_with_the_region_code(municipality_copy, cli_process, cli, ssb_server, table, contents, key, expected):
    folder = municipality_copy("5014-froya")

    result = cli_process("import-ssb", folder, "--table", table, "--api", ssb_server.api, env=NO_PROXY)

    assert result.code == 0, result.both
    assert len(ssb_server.requests) == 1
    sent = urllib.parse.urlsplit(ssb_server.requests[0])
    assert sent.path == f"/api/pxwebapi/v2/tables/{table}/data"
    assert urllib.parse.parse_qs(sent.query) == {
        "lang": ["no"],
        "outputFormat": ["json-stat2"],
        "valueCodes[Region]": ["5014"],
        "valueCodes[ContentsCode]": [contents],
        "valueCodes[Tid]": ["top(10)"],
    }
    assert "valueCodes[Region]=5014" in sent.query  # brackets as in SSB's own examples
    assert ssb_server.api in result.err  # says what it fetched
    assert _data(folder)["facts"][key]["series"] == expected
    _assert_passes_check(cli, folder)


# -- bad input: exit 2, a Norwegian message, profile.yaml untouched ------------------------------


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _bad(tmp_path: Path, kind: str, server: _Server) -> tuple[list[str], list[str]]:
    """Arguments after FOLDER, and words the message must have."""
    def saved(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        return str(path)

    recorded = json.loads((RESPONSES / "07459-5014.json").read_text("utf-8"))
    if kind == "not-json":
        return ["--table", "07459", "--from-file", saved("svar.json", "<html>Service Unavailable</html>")], ["svar.json", "ikke JSON", "linje 1"]
    if kind == "not-jsonstat2":
        return ["--table", "07459", "--from-file", saved("svar.json", '{"title": "07459", "data": [1, 2]}')], ["ikke et JSON-stat2-datasett"]
    if kind == "jsonstat-1":
        return ["--table", "07459", "--from-file", saved("svar.json", json.dumps({"dataset": recorded}))], ["ikke et JSON-stat2-datasett"]
    if kind == "other-region":
        recorded["dimension"]["Region"]["category"] = {"index": {"0301": 0}, "label": {"0301": "Oslo"}}
        return ["--table", "07459", "--from-file", saved("oslo.json", json.dumps(recorded))], ["0301 Oslo", "ikke kommune 5014"]
    if kind == "other-table":
        return ["--table", "06913", "--from-file", str(RESPONSES / "07459-5014.json")], ["fra SSB-tabell 07459, ikke 06913", "--table 07459"]
    if kind == "value-count":
        recorded["value"] = recorded["value"][:3]
        return ["--table", "07459", "--from-file", saved("kort.json", json.dumps(recorded))], ["«value» har 3 verdier"]
    if kind == "negative":
        recorded["value"][2] = -5
        return ["--table", "07459", "--from-file", saved("neg.json", json.dumps(recorded))], ["-5", "2019"]
    if kind == "missing-file":
        return ["--table", "07459", "--from-file", str(tmp_path / "finnes-ikke.json")], ["finnes-ikke.json", "finnes ikke"]
    if kind == "http-500":
        server.status = 500
        return ["--table", "07459", "--api", server.api], ["SSB svarte 500", "Prøv igjen senere"]
    if kind == "http-404":
        server.status = 404
        return ["--table", "07459", "--api", server.api], ["SSB avviste", "404"]
    if kind == "http-wrong-body":
        server.body = b"<!doctype html><title>Vedlikehold</title>"
        return ["--table", "07459", "--api", server.api], ["ikke JSON", "/tables/07459/data"]
    if kind == "slow":
        server.delay = 1.5
        return ["--table", "07459", "--api", server.api], ["svarte ikke innen 0.2 sekunder"]
    if kind == "refused":
        return ["--table", "07459", "--api", f"http://127.0.0.1:{_closed_port()}/api/pxwebapi/v2"], ["Fikk ikke kontakt"]
    if kind == "not-http":
        return ["--table", "07459", "--api", "file:///etc"], ["ikke en http- eller https-adresse"]
    raise AssertionError(kind)


BAD = ["not-json", "not-jsonstat2", "jsonstat-1", "other-region", "other-table", "value-count", "negative",
       "missing-file", "http-500", "http-404", "http-wrong-body", "slow", "refused", "not-http"]


@pytest.mark.parametrize("kind", BAD)
def test_bad_input_exits_2_and_leaves_the_profile_alone(municipality_copy, cli, ssb_server, tmp_path, monkeypatch, kind):
    for name, value in NO_PROXY.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(ssb, "TIMEOUT", 0.2)
    folder = municipality_copy("5014-froya")
    before = (folder / "profile.yaml").read_bytes()
    args, words = _bad(tmp_path, kind, ssb_server)

    result = cli("import-ssb", folder, *args)

    assert result.code == 2, result.both
    assert "Traceback" not in result.both
    assert any(line.startswith("rettfram: ") for line in result.err.splitlines())
    for word in words:
        assert word in result.err, (word, result.err)
    assert " / " in result.err  # English after the Norwegian
    assert (folder / "profile.yaml").read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["copy", "profile.yaml"]


def test_a_missing_folder_exits_2_without_a_traceback(tmp_path, cli_process):
    result = cli_process("import-ssb", tmp_path / "municipalities" / "9999-ingen", "--table", "07459",
                         "--from-file", RESPONSES / "07459-5014.json")
    assert result.code == 2
    assert "Traceback" not in result.both
    assert "finnes ikke" in result.err and "9999-ingen" in result.err and "does not exist" in result.err


def test_a_profile_with_errors_is_named_with_line_and_column_and_left_alone(municipality_copy, cli):
    folder = municipality_copy("5014-froya")
    profile = folder / "profile.yaml"
    broken = profile.read_text("utf-8").replace("updated: 2026-11-01", "updated: 2026-13-01")
    profile.write_text(broken, "utf-8")

    result = cli("import-ssb", folder, "--table", "07459", "--from-file", RESPONSES / "07459-5014.json")

    assert result.code == 2
    line = broken.splitlines().index("updated: 2026-13-01            # last time someone checked this file as a whole") + 1
    assert f"profile.yaml:{line}:10:" in result.out
    assert "har feil" in result.err and "ingenting er endret" in result.err
    assert profile.read_text("utf-8") == broken


def test_an_unknown_table_is_a_usage_error(municipality_copy, cli):
    folder = municipality_copy("5014-froya")
    result = cli("import-ssb", folder, "--table", "12345", "--from-file", RESPONSES / "07459-5014.json")
    assert result.code == 2 and "07459" in result.err
