#!/usr/bin/env python3
"""The build at national scale: N synthetic municipalities from the register, built as a county
or Distriktssenteret would build them, against a plain ``mkdocs build`` of a bare 8-page
mkdocs-material site per municipality (prints figures; never a pass/fail).

    .venv/bin/python bench/build_bench.py --count 357 [--keep DIR] [--json FILE] [--plain N]

The municipalities are the first N of the register (sorted by number), made with ``new`` and
filled deterministically (the same N gives the same files): vacancies, listings, a population
series and copy of typical size in the municipality's written standard, and English copy for
every third. Prints: cold build, a rebuild with no change, a rebuild after one profile changed,
time per site, output bytes per site, peak memory; and the plain ``mkdocs build`` per site,
measured on ``--plain`` of them (default 20: it starts a process per site), half just before
the cold build and half just after it, as the machine's speed drifts. ``--keep DIR``
leaves ``DIR/municipalities/``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from ruamel.yaml import YAML  # noqa: E402

from rettfram import register  # noqa: E402
from rettfram.scaffold import scaffold  # noqa: E402
from rettfram.site_build import BuildOptions, build  # noqa: E402

TODAY = dt.date(2026, 11, 21)
JOBS = {
    "nb": [("Sykepleier, 100 % fast", "helse"), ("Lærer 1.–7. trinn", "skole"), ("Barnehagelærer", "barnehage"),
           ("Operatør settefisk", "havbruk"), ("Helsefagarbeider, natt", "helse"), ("Elektriker", "bygg")],
    "nn": [("Sjukepleiar, 100 % fast", "helse"), ("Lærar 1.–7. trinn", "skule"), ("Barnehagelærar", "barnehage"),
           ("Operatør settefisk", "havbruk"), ("Helsefagarbeidar, natt", "helse"), ("Elektrikar", "bygg")],
}
PARAGRAPHS = {
    "nb": ["Kommunen har {vacancies} ledige stillinger med åpen søknadsfrist, de fleste i helse og skole.",
           "Bussen til kommunesenteret går hver time mellom 06 og 18 på hverdager, og billetten koster 45 kroner.",
           "Barnehagene har hovedopptak med søknadsfrist 1. mars; ledige plasser står på tjenestesiden.",
           "Tilflyttingskontakten svarer på telefon mellom 09 og 15 og hjelper med bolig, barnehage og fastlege.",
           "Folketallet var {population} ved siste telling, ifølge SSB."],
    "nn": ["Kommunen har {vacancies} ledige stillingar med open søknadsfrist, dei fleste i helse og skule.",
           "Bussen til kommunesenteret går kvar time mellom 06 og 18 på kvardagar, og billetten kostar 45 kroner.",
           "Barnehagane har hovudopptak med søknadsfrist 1. mars; ledige plassar står på tenestesida.",
           "Tilflyttingskontakten svarar på telefon mellom 09 og 15 og hjelper med bustad, barnehage og fastlege.",
           "Folketalet var {population} ved siste teljing, ifølgje SSB."],
    "en": ["The municipality has {vacancies} open vacancies, most of them in health care and schools.",
           "The bus to the municipal centre runs every hour from 06 to 18 on weekdays, and a ticket costs NOK 45.",
           "Kindergartens admit children once a year; the deadline is 1 March.",
           "The newcomer contact answers the phone from 09 to 15 and helps with housing, kindergarten and a GP.",
           "The population was {population} at the last count, according to Statistics Norway."],
}
PAGES = ("home", "work", "housing", "services", "community", "new-here")


def make(count: int, into: Path) -> list[Path]:
    """The first ``count`` municipalities of the register, scaffolded and filled (deterministic)."""
    numbers = sorted(register.municipalities())[:count]
    yaml = YAML()
    folders = []
    for number in numbers:
        entry = register.lookup(number)
        folder = scaffold(number, into, TODAY).folder
        rng = random.Random(int(number))
        lang = entry.language
        path = folder / "profile.yaml"
        data = yaml.load(path.read_text("utf-8"))
        data["municipality"]["sample_data"] = True
        jobs = rng.sample(JOBS[lang], rng.randint(1, 5))
        data["jobs"]["vacancies"] = [{"title": title, "employer": f"{entry.name} kommune", "sector": sector,
                                      "deadline": TODAY + dt.timedelta(days=rng.randint(10, 90))} for title, sector in jobs]
        data["housing"]["listings"] = [{"kind": kind, "title": f"{'Bolig' if lang == 'nb' else 'Bustad'} {i + 1}, {entry.centre}",
                                        "price_nok": rng.randint(8, 40) * 1000 if kind == "rent" else rng.randint(15, 45) * 100_000}
                                       for i, kind in enumerate(rng.choices(["sale", "rent", "plot"], k=rng.randint(0, 4)))]
        start = entry.population
        data["facts"]["population"] = {"source": "SSB tabell 07459", "as_of": dt.date(2025, 1, 1),
                                       "series": {year: int(start * (1 + rng.uniform(-0.01, 0.01)) ** (2025 - year)) for year in range(2015, 2026)}}
        with path.open("w", encoding="utf-8") as handle:
            yaml.dump(data, handle)
        langs = [lang] + (["en"] if int(number) % 3 == 0 else [])
        for copy_lang in langs:
            (folder / "copy" / copy_lang).mkdir(parents=True, exist_ok=True)
            for page in PAGES:
                sentences = [p.format(vacancies=len(jobs), population=entry.population) for p in PARAGRAPHS[copy_lang]]
                body = "\n\n".join(" ".join(rng.sample(sentences, len(sentences))) for _ in range(3))
                (folder / "copy" / copy_lang / f"{page}.md").write_text(f"# {entry.name}\n\n{body}\n", "utf-8")
        folders.append(folder)
    return folders


def _bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def plain_mkdocs(folders: list[Path], work: Path) -> float:
    """Seconds per site for ``mkdocs build`` of a bare 8-page mkdocs-material site (a process each)."""
    started = time.perf_counter()
    for folder in folders:
        site = work / folder.name
        (site / "docs").mkdir(parents=True)
        for page in ("index", *PAGES[1:], "facts", "about"):
            (site / "docs" / f"{page}.md").write_text(f"# {page}\n\n{folder.name}\n", "utf-8")
        (site / "mkdocs.yml").write_text(f"site_name: {folder.name}\ntheme:\n  name: material\n", "utf-8")
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(site / "mkdocs.yml")], check=True, cwd=site,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - started) / max(1, len(folders))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=357)
    parser.add_argument("--keep", type=Path, default=None, help="leave DIR/municipalities/ in place")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to FILE")
    parser.add_argument("--plain", type=int, default=20, help="municipalities to measure the plain mkdocs build on")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="rettfram-bench-"))
    municipalities = root / "municipalities"
    shutil.rmtree(municipalities, ignore_errors=True)
    folders = make(args.count, municipalities)
    os.environ.setdefault("RETTFRAM_CACHE_DIR", str(root / "rettfram-cache"))  # a cold start: no records of an earlier run
    options = BuildOptions(paths=[str(municipalities)], today=TODAY, out=root / "site", cache=root / "cache")
    figures: dict[str, float | int] = {"count": len(folders)}
    figures["jobs"] = options.jobs
    # the plain builds half just before the cold build and half just after it: this machine's
    # speed drifts within minutes, and a drift must not favour either side
    plain_sample = folders[: args.plain]
    half = len(plain_sample) // 2
    plain_before = plain_mkdocs(plain_sample[:half], root / "plain-before")
    cold = build(options)
    plain_after = plain_mkdocs(plain_sample[half:], root / "plain-after")
    figures["cold_s"] = cold.seconds
    figures["cold_check_s"] = cold.stages.get("check", 0.0)
    figures["cold_site_s"] = cold.stages.get("site", 0.0)
    again = build(options)
    figures["no_change_s"], figures["no_change_reused"] = again.seconds, again.reused
    changed = folders[len(folders) // 2] / "profile.yaml"
    changed.write_text(changed.read_text("utf-8").replace("sample_data: true", "sample_data: true  # changed"), "utf-8")
    one = build(options)
    figures["one_changed_s"], figures["one_changed_reused"] = one.seconds, one.reused
    figures["per_site_s"] = figures["cold_s"] / len(folders)
    figures["bytes_per_site"] = _bytes(root / "site") // len(folders)
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["peak_worker_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    plain = (plain_before * half + plain_after * (len(plain_sample) - half)) / max(1, len(plain_sample))
    figures["plain_mkdocs_per_site_s"] = plain
    figures["plain_before_s"], figures["plain_after_s"] = plain_before, plain_after
    figures["plain_all_s"] = plain * len(folders)
    print(f"{len(folders)} municipalities on {os.cpu_count()} cores, {options.jobs} workers")
    print(f"  cold build              {figures['cold_s']:8.1f} s  ({figures['per_site_s']:.3f} s a site; "
          f"check and lint {figures['cold_check_s']:.1f} s, sites {figures['cold_site_s']:.1f} s)")
    print(f"  rebuild, no change      {figures['no_change_s']:8.2f} s  ({figures['no_change_reused']} sites reused)")
    print(f"  rebuild, one changed    {figures['one_changed_s']:8.2f} s  ({figures['one_changed_reused']} sites reused)")
    print(f"  output                  {figures['bytes_per_site'] / 1e3:8.0f} KB a site (portal and shared theme files included)")
    print(f"  peak memory             {figures['peak_rss_mb']:8.0f} MB (build), {figures['peak_worker_rss_mb']:.0f} MB (largest worker)")
    print(f"  plain mkdocs build      {plain:8.2f} s a site (bare 8 pages, measured on {len(plain_sample)}: "
          f"{plain_before:.2f} s before the cold build, {plain_after:.2f} s after; {figures['plain_all_s']:.0f} s for all)")
    print(f"  per site vs plain       {plain / figures['per_site_s']:8.2f}x;  no-change rebuild vs plain all: {figures['plain_all_s'] / figures['no_change_s']:.1f}x")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")
    if args.keep is None:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
