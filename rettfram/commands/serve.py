"""``rettfram serve NUMBER [--port N]``: live preview of one municipality on localhost."""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from rettfram import clock
from rettfram.commands.options import add_lang
from rettfram.console import EXIT_FINDINGS, EXIT_OK, UserError, error, say
from rettfram.report import text as text_report
from rettfram.text import Text

PREVIEW = Path("build/preview")
MESSAGES = {
    "unknown": Text(
        "Fant ingen mappe municipalities/{number}-*/ med profile.yaml.",
        "Found no folder municipalities/{number}-*/ with a profile.yaml.",
        "Fann inga mappe municipalities/{number}-*/ med profile.yaml.",
    ),
    "ready": Text(
        "Forhåndsvisning: {url}  (lagre en fil for å bygge på nytt; Ctrl-C avslutter)",
        "Preview: {url}  (save a file to rebuild; Ctrl-C stops)",
        "Førehandsvising: {url}  (lagre ei fil for å byggje på nytt; Ctrl-C avsluttar)",
    ),
    "rebuilt": Text("Bygget på {seconds:.1f} s.", "Built in {seconds:.1f} s.", "Bygd på {seconds:.1f} s."),
    "stopped": Text(
        "Ikke bygget: rett feilene over og lagre igjen. Forrige versjon vises fortsatt.",
        "Not built: fix the errors above and save again. The previous version is still shown.",
        "Ikkje bygd: rett feila over og lagre igjen. Førre versjon vert framleis vist.",
    ),
}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "serve",
        help="forhåndsvis én kommune / live preview of one municipality",
        description="Bygg én kommune, vis den på http://127.0.0.1 og bygg på nytt når en fil endres. / Build one "
        "municipality, serve it on localhost, rebuild on change.",
    )
    parser.add_argument("number", metavar="NUMBER", help="kommunenummer, f.eks. 5014")
    parser.add_argument(
        "--port", type=port_argument, default=8000, help="port 0–65535 (standard 8000; 0 velger en ledig)"
    )
    parser.add_argument(
        "--root", type=Path, default=Path("municipalities"), help="mappen med kommunene (standard: municipalities)"
    )
    add_lang(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rettfram.preview import serve  # MkDocs and Altair: only when serving
    from rettfram.site_build import BuildError, BuildResult, BuildStopped

    lang = args.lang
    folders = (
        sorted(p for p in args.root.glob(f"{args.number}-*") if (p / "profile.yaml").is_file())
        if args.number.isdigit()
        else []
    )
    if not folders:
        raise UserError(MESSAGES["unknown"].format(number=args.number))
    outcome = {"code": EXIT_OK}

    def report(result: BuildResult | BuildStopped | BuildError) -> None:
        if isinstance(result, BuildStopped):
            sys.stdout.write(text_report.render(result.findings, lang))
            sys.stdout.flush()
            error(MESSAGES["stopped"], lang)
            outcome["code"] = EXIT_FINDINGS
        elif isinstance(result, BuildError):
            outcome["code"] = error(result.message, lang)
        else:
            outcome["code"] = EXIT_OK
            say(MESSAGES["rebuilt"].format(seconds=result.seconds).render(lang))

    def ready(url: str) -> None:
        say(MESSAGES["ready"].format(url=url).render(lang))

    stop = threading.Event()
    try:
        serve(folders[0], PREVIEW, args.port, clock.today, report, ready, stop)
    except KeyboardInterrupt:
        stop.set()
        return EXIT_OK
    except OSError as exc:
        raise UserError(
            Text(f"Port {args.port}: {exc.strerror or exc}.", f"Port {args.port}: {exc.strerror or exc}.")
        ) from None
    return outcome["code"]


def port_argument(value: str) -> int:
    """A TCP port, 0 (any free one) to 65535."""
    if not value.isascii() or not value.isdigit() or int(value) > 65535:
        raise argparse.ArgumentTypeError("ugyldig port (0–65535) / invalid port (0–65535)")
    return int(value)
