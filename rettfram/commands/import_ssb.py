"""``rettfram import-ssb FOLDER --table 07459|06913 [--from-file F] [--api URL]``: Statistics
Norway's figures into the profile's ``facts``.

The one command that may use the network, and only without ``--from-file``. The profile is
checked first (a profile with errors is not touched); the figures come from a JSON-stat2
response (``rettfram.ssb``); the edit keeps comments and key order and is written atomically
(``rettfram.profile_facts``), and only after the edited profile passes the same load and
validation as ``rettfram check``. Any problem is a message in Norwegian and English and exit 2,
with ``profile.yaml`` unchanged.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path

from rettfram import clock, safe_read
from rettfram.check import validated
from rettfram.commands.options import add_lang
from rettfram.console import EXIT_OK, EXIT_USAGE, say
from rettfram.discover import PROFILE_NAME, display_path
from rettfram.findings import Finding, Severity
from rettfram.load import MAX_BYTES as MAX_PROFILE_BYTES
from rettfram.load import load_yaml_bytes
from rettfram.messages import Message
from rettfram.model import Profile
from rettfram.profile_facts import EditError, updated_profile
from rettfram.report import text as text_report
from rettfram.safe_write import replace_file
from rettfram.ssb import API, MAX_BYTES, TABLES, SsbError, check_api, data_url, fetch, parse
from rettfram.text import Text


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "import-ssb",
        help="hent tall fra SSB inn i profilen / Statistics Norway figures into the profile",
        description="Skriv folketall (tabell 07459) eller flytting (tabell 06913) fra SSB inn i facts i profile.yaml; "
        "kommentarer og rekkefølge beholdes. / Write population (table 07459) or moves (table 06913) "
        "from Statistics Norway into profile.yaml's facts, comments and key order kept.",
    )
    parser.add_argument("folder", type=Path, metavar="FOLDER", help="kommunemappen, f.eks. municipalities/5014-froya")
    parser.add_argument(
        "--table",
        required=True,
        choices=sorted(TABLES),
        metavar="ID",
        help="SSB-tabell: 07459 (folketall → facts.population) eller 06913 (flytting → facts.migration)",
    )
    parser.add_argument(
        "--from-file",
        type=Path,
        default=None,
        metavar="FILE",
        help="et lagret JSON-stat2-svar fra SSB; da brukes ikke nettet / a saved JSON-stat2 response; no network",
    )
    parser.add_argument("--api", default=API, metavar="URL", help=f"PxWebApi v2-adressen (standard {API})")
    add_lang(parser)
    parser.set_defaults(run=run)


class _Stop(Exception):
    """The command cannot go on: ``message`` says why; ``findings`` are printed first."""

    def __init__(self, message: Message, findings: list[Finding] | None = None):
        super().__init__(message.text.en)
        self.message = message
        self.findings = findings or []


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except _Stop as stop:
        if stop.findings:
            sys.stdout.write(text_report.render(stop.findings, args.lang, summary=False))
        return _fail(stop.message, args.lang)
    except SsbError as exc:
        return _fail(exc.message, args.lang)


def _run(args: argparse.Namespace) -> int:
    lang = args.lang
    folder: Path = args.folder
    profile = folder / PROFILE_NAME
    shown = display_path(profile)
    raw = _read_profile(folder, profile, shown)
    checked = _checked_profile(raw, shown)
    region = checked.municipality.number

    if args.from_file is not None:
        origin = display_path(args.from_file)
        response = _read_response(args.from_file, origin)
    else:
        origin = data_url(check_api(args.api), args.table, region)
        say(_both(MESSAGES["fetching"].text.format(url=origin), lang), sys.stderr)
        response = fetch(origin)
    figures = parse(response, args.table, region, origin)

    note = NOTES.get(args.table)
    try:
        edited = updated_profile(
            raw,
            figures.key,
            figures.source,
            figures.as_of,
            figures.series,
            comment=note.comment.render(checked.municipality.language) if note else None,
        )
    except EditError as exc:
        raise _Stop(MESSAGES["not_written"].format(path=shown, detail=exc.message)) from None
    _check_edited(edited, shown)
    if edited == raw:
        say(_both(MESSAGES["unchanged"].text.format(path=shown, key=figures.key, table=figures.table), lang))
        return EXIT_OK
    if _read_profile(folder, profile, shown) != raw:
        raise _Stop(MESSAGES["changed"].format(path=shown))
    try:
        replace_file(profile, edited)
    except OSError as exc:
        raise _Stop(MESSAGES["write"].format(path=shown, detail=exc.strerror or type(exc).__name__)) from None
    years = sorted(figures.series)
    say(
        _both(
            MESSAGES["written"].text.format(
                path=shown,
                key=figures.key,
                table=figures.table,
                count=len(years),
                first=years[0],
                last=years[-1],
                as_of=figures.as_of.isoformat(),
            ),
            lang,
        )
    )
    if note:
        say(_both(note.said, lang))
    return EXIT_OK


# -- the profile -------------------------------------------------------------------------------


def _read_profile(folder: Path, profile: Path, shown: str) -> bytes:
    if not folder.is_dir():
        key = "no_folder" if not os.path.lexists(folder) else "not_folder"
        raise _Stop(MESSAGES[key].format(folder=display_path(folder)))
    if not os.path.lexists(profile):
        raise _Stop(MESSAGES["no_profile"].format(folder=display_path(folder)))
    try:
        return safe_read.read_below(profile, folder, MAX_PROFILE_BYTES)
    except safe_read.Unsafe as problem:
        raise _Stop(
            Message(
                Text(f"{shown}: ", f"{shown}: ") + problem.reason + Text(".", "."),
                safe_read.FIXES.get(problem.rule, Text("", "")),
            )
        ) from None


def _errors(raw: bytes, shown: str) -> tuple[list[Finding], Profile | None]:
    checked = validated(load_yaml_bytes(raw, shown), clock.today())
    return [f for f in checked.findings if f.severity is Severity.ERROR], checked.profile


def _checked_profile(raw: bytes, shown: str) -> Profile:
    """The profile, when it passes the check; stops on errors."""
    errors, profile = _errors(raw, shown)
    if errors or profile is None:
        raise _Stop(MESSAGES["profile_errors"].format(path=shown), errors)
    return profile


def _check_edited(edited: bytes, shown: str) -> None:
    errors, profile = _errors(edited, shown)
    if errors or profile is None:
        raise _Stop(MESSAGES["edited_errors"].format(path=shown), errors)


def _read_response(path: Path, origin: str) -> bytes:
    """A saved response: a regular file, at most ``ssb.MAX_BYTES``."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise _Stop(MESSAGES["response_not_file"].format(origin=origin))
        if info.st_size > MAX_BYTES:
            raise _Stop(MESSAGES["response_large"].format(origin=origin, limit=MAX_BYTES))
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _Stop(MESSAGES["response_missing"].format(origin=origin)) from None
    except OSError as exc:
        raise _Stop(
            MESSAGES["response_unreadable"].format(origin=origin, detail=exc.strerror or type(exc).__name__)
        ) from None
    if len(data) > MAX_BYTES:
        raise _Stop(MESSAGES["response_large"].format(origin=origin, limit=MAX_BYTES))
    return data


# -- output ------------------------------------------------------------------------------------


def _both(text: Text, lang: str) -> str:
    """Norwegian with English after " / " (English alone with --lang en)."""
    if lang == "en":
        return text.en
    return f"{text.render(lang)} / {text.en}"


def _fail(message: Message, lang: str) -> int:
    say(f"rettfram: {_both(message.text, lang)}", sys.stderr)
    if message.fix.en:
        say(f"    {_both(message.fix, lang)}", sys.stderr)
    return EXIT_USAGE


class _Note:
    def __init__(self, comment: Text, said: Text):
        self.comment = comment  # beside the key in profile.yaml, when the import adds it
        self.said = said  # printed after every import


NOTES = {
    "06913": _Note(
        Text(
            "fra SSB tabell 06913: in og out er all inn- og utflytting, også fra og til utlandet",
            "from SSB table 06913: in and out are every move in and out, from and to abroad included",
            "frå SSB tabell 06913: in og out er all inn- og utflytting, også frå og til utlandet",
        ),
        Text(
            "Merk: tabell 06913 skiller ikke flytting fra andre kommuner fra inn- og utvandring; "
            "in og out er all inn- og utflytting, og immigration og emigration fylles ikke ut.",
            "Note: table 06913 does not separate moves from other municipalities from immigration and emigration; "
            "in and out are every move in and out, and immigration and emigration are not filled in.",
            "Merk: tabell 06913 skil ikkje flytting frå andre kommunar frå inn- og utvandring; "
            "in og out er all inn- og utflytting, og immigration og emigration blir ikkje fylte ut.",
        ),
    ),
}

MESSAGES: dict[str, Message] = {
    "no_folder": Message(
        Text(
            "Mappen «{folder}» finnes ikke.", "The folder '{folder}' does not exist.", "Mappa «{folder}» finst ikkje."
        ),
        Text(
            "Oppgi en kommunemappe, f.eks. municipalities/5014-froya; en ny lager du med «python build.py new NUMMER».",
            "Give a municipality folder, e.g. municipalities/5014-froya; make a new one with 'python build.py new "
            "NUMBER'.",
            "Oppgi ei kommunemappe, t.d. municipalities/5014-froya; ei ny lagar du med «python build.py new NUMMER».",
        ),
    ),
    "not_folder": Message(
        Text("«{folder}» er ikke en mappe.", "'{folder}' is not a folder.", "«{folder}» er ikkje ei mappe."),
        Text(
            "Oppgi kommunemappen, ikke en fil i den, f.eks. municipalities/5014-froya.",
            "Give the municipality folder, not a file in it, e.g. municipalities/5014-froya.",
            "Oppgi kommunemappa, ikkje ei fil i henne, t.d. municipalities/5014-froya.",
        ),
    ),
    "no_profile": Message(
        Text(
            "Det finnes ingen profile.yaml i «{folder}».",
            "There is no profile.yaml in '{folder}'.",
            "Det finst ingen profile.yaml i «{folder}».",
        ),
        Text(
            "Lag profilen med «python build.py new NUMMER», eller oppgi riktig kommunemappe.",
            "Create the profile with 'python build.py new NUMBER', or give the right municipality folder.",
            "Lag profilen med «python build.py new NUMMER», eller oppgi rett kommunemappe.",
        ),
    ),
    "profile_errors": Message(
        Text(
            "{path} har feil (se over); ingenting er endret.",
            "{path} has errors (see above); nothing was changed.",
            "{path} har feil (sjå over); ingenting er endra.",
        ),
        Text(
            "Kjør «python build.py check {path}» for å se feilene, og rett dem først.",
            "Run 'python build.py check {path}' to see the errors, and fix them first.",
            "Køyr «python build.py check {path}» for å sjå feila, og rett dei først.",
        ),
    ),
    "edited_errors": Message(
        Text(
            "Med de nye tallene ville {path} få feil (se over); ingenting er skrevet.",
            "With the new figures {path} would have errors (see above); nothing was written.",
            "Med dei nye tala ville {path} få feil (sjå over); ingenting er skrive.",
        ),
        Text(
            "Sjekk at svaret fra SSB gjelder de siste årene, og meld gjerne fra om feilen.",
            "Check that SSB's response covers the latest years, and please report the problem.",
            "Sjekk at svaret frå SSB gjeld dei siste åra, og meld gjerne frå om feilen.",
        ),
    ),
    "not_written": Message(
        Text(
            "{path} ble ikke endret: {detail}", "{path} was not changed: {detail}", "{path} vart ikkje endra: {detail}"
        ),
        Text(
            "Meld gjerne fra om feilen; rett tallene i facts for hånd så lenge.",
            "Please report the problem; edit the figures in facts by hand meanwhile.",
            "Meld gjerne frå om feilen; rett tala i facts for hand så lenge.",
        ),
    ),
    "changed": Message(
        Text(
            "{path} ble endret mens importen pågikk; ingenting er skrevet.",
            "{path} changed while the import ran; nothing was written.",
            "{path} vart endra medan importen gjekk; ingenting er skrive.",
        ),
        Text(
            "Lagre filen og kjør importen på nytt.",
            "Save the file and run the import again.",
            "Lagre fila og køyr importen på nytt.",
        ),
    ),
    "write": Message(
        Text(
            "Kunne ikke skrive {path} ({detail}); filen er uendret.",
            "Could not write {path} ({detail}); the file is unchanged.",
            "Kunne ikkje skrive {path} ({detail}); fila er uendra.",
        ),
        Text(
            "Sjekk at du har skrivetilgang til kommunemappen og at disken ikke er full.",
            "Check that you can write to the municipality folder and that the disk is not full.",
            "Sjekk at du har skrivetilgang til kommunemappa og at disken ikkje er full.",
        ),
    ),
    "response_missing": Message(
        Text("Filen «{origin}» finnes ikke.", "The file '{origin}' does not exist.", "Fila «{origin}» finst ikkje."),
        Text(
            "Oppgi stien til et lagret JSON-stat2-svar fra SSB, eller kjør uten --from-file.",
            "Give the path of a saved JSON-stat2 response from SSB, or run without --from-file.",
            "Oppgi stien til eit lagra JSON-stat2-svar frå SSB, eller køyr utan --from-file.",
        ),
    ),
    "response_not_file": Message(
        Text(
            "«{origin}» er ikke en vanlig fil.",
            "'{origin}' is not a regular file.",
            "«{origin}» er ikkje ei vanleg fil.",
        ),
        Text(
            "Oppgi stien til et lagret JSON-stat2-svar fra SSB.",
            "Give the path of a saved JSON-stat2 response from SSB.",
            "Oppgi stien til eit lagra JSON-stat2-svar frå SSB.",
        ),
    ),
    "response_large": Message(
        Text(
            "«{origin}» er større enn grensen på {limit} byte.",
            "'{origin}' is larger than the limit of {limit} bytes.",
            "«{origin}» er større enn grensa på {limit} byte.",
        ),
        Text(
            "Lagre bare én kommune og de siste årene.",
            "Save only one municipality and the latest years.",
            "Lagre berre éin kommune og dei siste åra.",
        ),
    ),
    "response_unreadable": Message(
        Text(
            "«{origin}» kan ikke leses ({detail}).",
            "'{origin}' cannot be read ({detail}).",
            "«{origin}» kan ikkje lesast ({detail}).",
        ),
        Text(
            "Sjekk at filen finnes og at du har lesetilgang.",
            "Check that the file exists and is readable.",
            "Sjekk at fila finst og at du har lesetilgang.",
        ),
    ),
    "fetching": Message(Text("Henter {url}", "Fetching {url}", "Hentar {url}"), Text("", "")),
    "written": Message(
        Text(
            "Skrev facts.{key} i {path}: {count} år ({first}–{last}) fra SSB tabell {table}, per {as_of}.",
            "Wrote facts.{key} in {path}: {count} years ({first}–{last}) from SSB table {table}, as of {as_of}.",
            "Skreiv facts.{key} i {path}: {count} år ({first}–{last}) frå SSB tabell {table}, per {as_of}.",
        ),
        Text("", ""),
    ),
    "unchanged": Message(
        Text(
            "facts.{key} i {path} har allerede tallene fra SSB tabell {table}; ingenting er endret.",
            "facts.{key} in {path} already has the figures from SSB table {table}; nothing was changed.",
            "facts.{key} i {path} har allereie tala frå SSB tabell {table}; ingenting er endra.",
        ),
        Text("", ""),
    ),
}
