"""``rettfram build [PATH…] [--out DIR]``: check, then build the sites and the portal.

Exit 0 built, 1 ``check`` found errors (nothing built), 2 could not run. The output folder is
replaced only when everything is built. ``RETTFRAM_BUILD_PAUSE=<seconds>`` waits that long
after each municipality (used by the test that kills a build half-way).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

from rettfram import clock
from rettfram.commands.options import add_lang
from rettfram.report import text as text_report
from rettfram.site_build import BuildError, BuildOptions, BuildStopped, build
from rettfram.text import Text

BUILT = Text(
    nb="Bygget sidene for {sites} kommune(r) på {seconds:.1f} s: {out}/index.html",
    nn="Bygde sidene for {sites} kommune(ar) på {seconds:.1f} s: {out}/index.html",
    en="Built the sites of {sites} municipality(-ies) in {seconds:.1f} s: {out}/index.html",
)
STOPPED = Text(
    nb="Bygget stoppet: sjekken fant feil. Ingenting er endret i {out}.",
    nn="Bygginga stoppa: sjekken fann feil. Ingenting er endra i {out}.",
    en="Build stopped: the check found errors. Nothing in {out} was changed.",
)
FAILED = Text(
    nb="Bygget feilet; forrige versjon av {out} er beholdt.",
    nn="Bygginga feila; førre versjon av {out} er halden på.",
    en="The build failed; the previous {out} was kept.",
)
INTERNAL = Text(
    nb="Intern feil ({error}). Meld fra til utviklerne; RETTFRAM_DEBUG=1 viser detaljene.",
    nn="Intern feil ({error}). Meld frå til utviklarane; RETTFRAM_DEBUG=1 viser detaljane.",
    en="Internal error ({error}). Please report it; RETTFRAM_DEBUG=1 shows the details.",
)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "build",
        help="bygg sidene / build the sites",
        description="Sjekk profilene og bygg en side per kommune pluss en portal. / Check the profiles, then build one site per municipality plus a portal.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="kommunemappe eller mappe med kommuner (standard: municipalities)")
    parser.add_argument("--out", type=Path, default=Path("build/site"), metavar="DIR", help="utdatamappe / output folder (standard: build/site)")
    parser.add_argument("--cache", type=Path, default=Path("build/cache/charts"), metavar="DIR", help="diagrambuffer / chart cache (standard: build/cache/charts)")
    add_lang(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    options = BuildOptions(
        paths=args.paths,
        today=clock.today(),
        out=args.out,
        cache=args.cache,
        progress=lambda message: print(f"  {message}", file=sys.stderr, flush=True),
        pause=_pause(),
    )
    previous = _stop_on_sigterm()
    try:
        result = build(options)
    except BuildStopped as stopped:
        sys.stdout.write(text_report.render(stopped.findings, lang))
        print(f"rettfram: {STOPPED.format(out=args.out).render(lang)}", file=sys.stderr)
        return 1
    except BuildError as exc:
        print(f"rettfram: {exc.message.render(lang)}", file=sys.stderr)
        print(f"rettfram: {FAILED.format(out=args.out).render(lang)}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug: still no traceback for the user
        if os.environ.get("RETTFRAM_DEBUG"):
            raise
        print(f"rettfram: {INTERNAL.format(error=type(exc).__name__).render(lang)}", file=sys.stderr)
        print(f"rettfram: {FAILED.format(out=args.out).render(lang)}", file=sys.stderr)
        return 2
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if result.findings:
        sys.stdout.write(text_report.render(result.findings, lang))
    for note in result.notes:
        print(f"rettfram: {note.render(lang)}", file=sys.stderr)
    for site in result.sites:
        for warning in site.warnings:
            print(f"rettfram: {site.slug}: mkdocs: {warning}", file=sys.stderr)
    print(BUILT.format(sites=len(result.sites), seconds=result.seconds, out=args.out).render(lang))
    return 0


def _pause() -> float:
    try:
        return max(0.0, float(os.environ.get("RETTFRAM_BUILD_PAUSE", "0")))
    except ValueError:
        return 0.0


def _stop_on_sigterm():
    """SIGTERM ends the build like Ctrl-C: the stage is removed, the old site stays."""

    def interrupt(signum, frame):  # noqa: ANN001, ARG001
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, interrupt)
