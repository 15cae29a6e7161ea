"""Site tests share one build of the four examples (once per session), dated 2026-11-21 so
vacancy deadlines never go stale. Other builds (hostile copy, a past deadline) are small."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading
from urllib.parse import urlsplit
import shutil
from pathlib import Path

import pytest

from rettfram import render
from rettfram.site_build import BuildOptions, BuildResult, build
from tests.conftest import REPO

SITE_DAY = dt.date(2026, 11, 21)
EXAMPLES = {"kvam": ("4622-kvam", "nn"), "sogndal": ("4640-sogndal", "nn"), "froya": ("5014-froya", "nb"), "gamvik": ("5626-gamvik", "nb")}
PAGES = [page.filename.replace(".md", ".html") for page in render.PAGES]  # every page of a site
SITES = [(slug, lang) for slug, (folder, main) in EXAMPLES.items()
         for lang in (main, *sorted(p.name for p in (REPO / "municipalities" / folder / "copy").iterdir() if p.is_dir() and p.name != main))]


def output_files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (path → bytes): two outputs compared byte for byte."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def all_pages(root: Path) -> list[str]:
    """Every page of a build, relative to it: the portal, the rules page, and every page of
    every example site and language."""
    return ["index.html", "rules.html"] + [
        str((site_dir(root, slug, lang) / page).relative_to(root)) for slug, lang in SITES for page in PAGES
    ]


def site_dir(root: Path, slug: str, lang: str) -> Path:
    """The folder of one site language: ``<slug>/`` for the municipality's own, ``<slug>/en/``."""
    return root / slug if lang == EXAMPLES[slug][1] else root / slug / lang


@pytest.fixture(scope="session")
def examples_build(tmp_path_factory) -> BuildResult:
    root = tmp_path_factory.mktemp("examples")
    return build(BuildOptions(paths=[str(REPO / "municipalities")], today=SITE_DAY, out=root / "site", cache=root / "cache"))


@pytest.fixture(scope="session")
def site(examples_build) -> Path:
    return examples_build.out


@pytest.fixture(scope="session")
def build_folders(tmp_path_factory):
    """Build municipality folders made by ``prepare(folder)`` into a fresh output."""

    def run(name: str, prepare, examples: tuple[str, ...] = ("5014-froya",)) -> Path:
        root = tmp_path_factory.mktemp(name)
        for example in examples:
            target = root / "municipalities" / example
            shutil.copytree(REPO / "municipalities" / example, target)
            prepare(target)
        build(BuildOptions(paths=[str(root / "municipalities")], today=SITE_DAY, out=root / "site", cache=root / "cache"))
        return root / "site"

    return run


DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


@pytest.fixture(scope="session")
def served(site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def open_page(chromium, served):
    """``open_page(path, viewport)`` → (page, requested hosts, script errors)."""
    contexts = []

    def run(path: str, viewport: dict = DESKTOP, javascript: bool = True, scheme: str = "light"):
        context = chromium.new_context(viewport=viewport, java_script_enabled=javascript, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        hosts, errors = [], []
        page.on("request", lambda request: hosts.append(urlsplit(request.url).hostname or request.url))
        page.on("pageerror", lambda error: errors.append(str(error)))
        response = page.goto(f"{served}/{path}", wait_until="load")
        assert response is not None and response.status == 200, path
        return page, hosts, errors

    yield run
    for context in contexts:
        context.close()
