"""``rettfram build [PATH…] [--out DIR]``: check, then build the sites and the portal.

Exit 0 built, 1 ``check`` found errors (nothing built), 2 could not run. The output folder is
replaced only when everything is built. ``RETTFRAM_BUILD_PAUSE=<seconds>`` waits that long
after each municipality (used by the test that kills a build half-way).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from rettfram import clock, environment
from rettfram.commands.options import add_lang
from rettfram.console import EXIT_FINDINGS, EXIT_OK, error, say
from rettfram.discover import display_path
from rettfram.progress import Progress
from rettfram.report import text as text_report
from rettfram.text import Text

BUILT = Text(
    nb="Bygget sidene for {sites} kommune(r) på {seconds:.1f} s ({reused} uendret siden forrige bygg): "
    "{out}/index.html",
    nn="Bygde sidene for {sites} kommune(ar) på {seconds:.1f} s ({reused} uendra sidan førre bygg): {out}/index.html",
    en="Built the sites of {sites} municipality(-ies) in {seconds:.1f} s ({reused} unchanged since the last build): "
    "{out}/index.html",
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
        description="Sjekk profilene og bygg en side per kommune pluss en portal. / Check the profiles, then build "
        "one site per municipality plus a portal.",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="kommunemappe eller mappe med kommuner (standard: municipalities)"
    )
    parser.add_argument(
        "--out",
        type=folder_argument,
        default=Path("build/site"),
        metavar="DIR",
        help="utdatamappe; erstattes helt, så bare en mappe Rettfram har laget eller en ny/tom / output folder, "
        "replaced whole (standard: build/site)",
    )
    parser.add_argument(
        "--cache",
        type=folder_argument,
        default=Path("build/cache/charts"),
        metavar="DIR",
        help="diagrambuffer / chart cache (standard: build/cache/charts)",
    )
    parser.add_argument(
        "--shard",
        type=shard_argument,
        default=None,
        metavar="K/N",
        help="bygg bare del K av N (samles med merge) / build only part K of N (put together with merge)",
    )
    parser.add_argument(
        "--jobs",
        type=jobs_argument,
        default=None,
        metavar="N",
        help="bygg så mange sider samtidig / sites built at once (standard: én per kjerne / one per core)",
    )
    add_lang(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rettfram.site_build import (
        BuildError,
        BuildOptions,
        BuildStopped,
        build,
    )  # MkDocs and Altair: only when building

    lang = args.lang
    options = BuildOptions(
        paths=args.paths,
        today=clock.today(),
        out=args.out,
        cache=args.cache,
        progress=Progress.to(sys.stderr).step,
        pause=_pause(),
    )
    if args.jobs is not None:
        options.jobs = args.jobs
    options.shard = args.shard
    previous = _stop_on_sigterm()
    try:
        result = build(options)
    except BuildStopped as stopped:
        sys.stdout.write(text_report.render(stopped.findings, lang))
        error(STOPPED.format(out=display_path(args.out)), lang)
        return EXIT_FINDINGS
    except BuildError as exc:
        code = error(exc.message, lang)
        return error(FAILED.format(out=display_path(args.out)), lang) if exc.started else code
    except Exception as exc:  # a bug: still no traceback for the user
        if environment.debug():
            raise
        error(INTERNAL.format(error=type(exc).__name__), lang)
        return error(FAILED.format(out=display_path(args.out)), lang)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if result.findings:
        sys.stdout.write(text_report.render(result.findings, lang))
    for note in result.notes:
        error(note, lang)
    for site in result.sites:
        for warning in site.warnings:
            say(f"rettfram: {site.slug}: mkdocs: {warning}", sys.stderr)
    say(
        BUILT.format(
            sites=len(result.sites), seconds=result.seconds, reused=result.reused, out=display_path(args.out)
        ).render(lang)
    )
    return EXIT_OK


def _pause() -> float:
    """RETTFRAM_BUILD_PAUSE: seconds to wait after each site (the interrupted-build test)."""
    value = environment.value("RETTFRAM_BUILD_PAUSE")
    return float(value) if isinstance(value, (int, float)) else 0.0


def folder_argument(value: str) -> Path:
    """A folder option: an empty value (an unset variable in a script) is refused, never read as '.'."""
    if not value.strip():
        raise argparse.ArgumentTypeError("tom verdi; oppgi en mappe / empty value; give a folder")
    return Path(value)


def shard_argument(value: str) -> tuple[int, int]:
    """``--shard K/N``: part K (1 … N) of N."""
    part, _, parts = value.partition("/")
    if not (part.isdigit() and parts.isdigit() and 1 <= int(part) <= int(parts)):
        raise argparse.ArgumentTypeError(
            "skriv K/N med 1 ≤ K ≤ N, for eksempel 2/4 / write K/N with 1 ≤ K ≤ N, such as 2/4"
        )
    return int(part), int(parts)


def jobs_argument(value: str) -> int:
    """``--jobs``: a whole number of at least 1."""
    if not value.strip().isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError("oppgi et helt tall fra 1 / give a whole number from 1")
    return int(value)


def _stop_on_sigterm():
    """SIGTERM ends the build like Ctrl-C: the stage is removed, the old site stays."""

    def interrupt(signum, frame):  # noqa: ANN001, ARG001
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, interrupt)
