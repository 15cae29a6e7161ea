"""The build, as one sequence of named stages (the way MkDocs reads its own build):

1. ``find``    the profiles the paths name (``rettfram.discover``), and which of them are
               unchanged since the last build into the same folder (``rettfram.site_reuse``);
2. ``out``     the output folder and cache may be written (``publish.check_out``);
3. ``check``   load, validate and lint every changed profile; any error stops the build (exit 1);
4. ``plan``    which sites: a slug, the languages (the municipality's own first), colours;
5. ``site``    per changed site and language: render the Markdown pages, run MkDocs into the
               stage; an unchanged site's previous files are linked into the stage instead;
6. ``portal``  ``index.html`` listing every municipality built, the rules reference, and the
               theme's files every site links to (``assets/``);
7. ``publish`` swap the stage in for the output folder (``rettfram.publish``), then record what
               was built, for the next build's ``find``.

``check`` and ``site`` run on every core (``rettfram.workers``). Nothing is written where readers
look until the last stage: a failed or interrupted build leaves the previous site in place. The
same input gives the same bytes, whether sites were reused or not and on any number of cores
(see README, "Builds").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from markupsafe import Markup

from rettfram import i18n, mkdocs_site, portal, publish, register, safe_read, site_reuse, workers
from rettfram.charts import ChartRenderer
from rettfram.check import CheckedProfile, check_target
from rettfram.discover import DEFAULT_ROOT, DiscoveryError, Target, discover, display_path
from rettfram.errors import UserError
from rettfram.findings import Finding, sorted_findings
from rettfram.images import copy_images
from rettfram.lint.config import LintConfig, find_config, usable_config
from rettfram.lint.municipality import lint_checked
from rettfram.lint.pack import Catalog, RuleFileError, load_catalog
from rettfram.lint.runner import exit_code
from rettfram.palette import Colours, colours_for
from rettfram.register import slugify
from rettfram.render import SiteRenderer, rules_reference
from rettfram.site_reuse import SiteRecord
from rettfram.text import Text

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent
RULES_DOC = ROOT / "docs" / "rules.md"


@dataclass
class BuildOptions:
    paths: list[str]
    today: dt.date
    out: Path = Path("build/site")
    cache: Path | None = Path("build/cache/charts")
    rules_doc: Path | None = RULES_DOC
    progress: Callable[[int, int, str], None] = lambda done, total, message: (
        None
    )  # after each site (rettfram/progress.py)
    pause: float = 0.0  # seconds to wait after each site (a hook for the interrupted-build test)
    jobs: int = field(default_factory=workers.default_jobs)  # worker processes (rettfram/workers.py)
    reuse: bool = True  # reuse unchanged sites of the last build into ``out`` (rettfram/site_reuse.py)
    shard: tuple[int, int] | None = (
        None  # (K, N): build only the K-th of N stable parts (``in_shard``; rettfram/merge.py)
    )


@dataclass
class SitePlan:
    checked: CheckedProfile
    slug: str
    languages: list[str]  # the municipality's own language first
    colours: Colours
    entry: portal.PortalEntry  # the portal's line for it
    notes: list[Text] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # check's and lint's (warnings and notes)


@dataclass
class SiteResult:
    slug: str
    name: str
    languages: list[str]
    seconds: float
    warnings: list[str] = field(default_factory=list)
    theme_files: dict[str, str] = field(default_factory=dict)  # for the shared assets/ (mkdocs_site.SiteOutput)
    reused: bool = False
    chart_hits: int = 0
    chart_misses: int = 0


@dataclass
class BuildResult:
    out: Path
    sites: list[SiteResult]
    findings: list[Finding]  # warnings and notes (errors stop the build)
    notes: list[Text]
    chart_hits: int
    chart_misses: int
    seconds: float
    stages: dict[str, float] = field(
        default_factory=dict
    )  # seconds per stage: find, check, site, portal, publish, record

    @property
    def reused(self) -> int:
        return sum(site.reused for site in self.sites)


class BuildStopped(Exception):
    """``check`` found errors: nothing was built (exit 1)."""

    def __init__(self, findings: list[Finding]):
        super().__init__(f"{len(findings)} findings")
        self.findings = findings


class BuildError(Exception):
    """The build could not run (exit 2); ``message`` says why, in every language.
    ``started``: whether it got as far as writing (then the previous output was kept)."""

    def __init__(self, message: Text, started: bool = True):
        super().__init__(message.en)
        self.message = message
        self.started = started


@dataclass
class Found:
    """What ``find`` learnt: every profile, and the records of those unchanged since the last build."""

    targets: list[Target]
    keys: dict[Target, bytes]
    unchanged: dict[Target, SiteRecord]

    @property
    def changed(self) -> list[Target]:
        return [t for t in self.targets if t not in self.unchanged]


def build(options: BuildOptions) -> BuildResult:
    clock = _StageClock()
    config = lint_setup()
    found = clock("find", find_stage(options, config))
    out_stage(options, found.targets)
    checked, findings = check_stage(options, found, config)
    plans = clock("check", plan_stage(checked, found, options.today))
    rules = rules_reference(options.rules_doc)
    try:
        with publish.staged(options.out) as stage, publish.scratch(options.out) as work:
            results = clock("site", site_stage(options, plans, found, stage, work))
            portal_stage(plans, found, results, stage, rules)
            records = clock("portal", _records(plans, found, results))
    except mkdocs_site.SiteBuildError as exc:
        raise BuildError(
            Text(
                f"MkDocs kunne ikke bygge sidene: {exc}",
                f"MkDocs could not build the sites: {exc}",
                f"MkDocs kunne ikkje byggje sidene: {exc}",
            )
            + _leftover_note(options.out, " ")
        ) from exc
    except (OSError, safe_read.Unsafe) as exc:
        raise BuildError(_write_problem(exc, options.out) + _leftover_note(options.out, " ")) from exc
    clock("publish", None)
    if options.reuse:
        site_reuse.save(options.out, records)
    notes = [n for plan in plans for n in plan.notes] + [n for r in found.unchanged.values() for n in r.notes]
    notes += [_leftover_note(options.out)] if publish.leftovers(options.out) else []
    clock("record", None)
    return BuildResult(
        options.out,
        results,
        findings,
        notes,
        sum(r.chart_hits for r in results),
        sum(r.chart_misses for r in results),
        clock.total(),
        clock.stages,
    )


class _StageClock:
    """Seconds per stage (``BuildResult.stages``: the benchmark prints them)."""

    def __init__(self) -> None:
        self.started = self.last = time.perf_counter()
        self.stages: dict[str, float] = {}

    def __call__(self, stage: str, value: T) -> T:
        now = time.perf_counter()
        self.stages[stage] = now - self.last
        self.last = now
        return value

    def total(self) -> float:
        return time.perf_counter() - self.started


def find_stage(options: BuildOptions, config: LintConfig) -> Found:
    """The profiles the paths name, each with its key, and the unchanged ones' records: same key,
    and every file the last build wrote for it still in ``out`` as it was."""
    try:
        targets = discover(options.paths)
    except DiscoveryError as exc:
        raise BuildError(exc.message) from exc
    if options.shard is not None:
        targets = [target for target in targets if in_shard(target, *options.shard)]
    if not options.reuse:
        return Found(targets, {}, {})
    common = site_reuse.common_key(options.today, config.path)
    keys = {target: site_reuse.site_key(target, common) for target in targets}
    records = site_reuse.load(options.out)
    unchanged = {}
    for target in targets:
        record = records.get(target.display)
        if record is not None and record.key == keys[target] and site_reuse.intact(record, options.out):
            unchanged[target] = record
    return Found(targets, keys, unchanged)


def _leftover_note(out: Path, lead: str = "") -> Text:
    """Where a stage is left that could not be removed (say a full disk): the user can delete it."""
    left = ", ".join(display_path(p) for p in publish.leftovers(out))
    if not left:
        return Text("", "")
    return Text(
        f"{lead}Kunne ikke fjerne {left}; slett den selv.",
        f"{lead}Could not remove {left}; delete it yourself.",
        f"{lead}Kunne ikkje fjerne {left}; slett henne sjølv.",
    )


def in_shard(target: Target, part: int, parts: int) -> bool:
    """Whether ``target`` is in part ``part`` (1 … ``parts``): decided by the sha256 of the
    folder's name (or the file's), so a municipality stays in its part when others come or go."""
    name = (target.folder or target.profile_path).name
    return (
        int.from_bytes(hashlib.sha256(name.encode("utf-8", "surrogateescape")).digest()[:8], "big") % parts == part - 1
    )


def out_stage(options: BuildOptions, targets: list[Target]) -> None:
    """The output folder and the chart cache may be written (``publish.check_out``): never the
    working folder, the sources, a file, or a folder Rettfram did not make."""
    sources = [Path(p) for p in options.paths or [str(DEFAULT_ROOT)]]
    sources += [t.folder or t.profile_path for t in targets]
    try:
        publish.check_out(options.out, sources)
        if options.cache is not None:
            publish.check_out(options.cache, sources, must_be_ours=False)
    except publish.OutRefused as refused:
        raise BuildError(refused.message, started=False) from None


def _write_problem(exc: OSError | safe_read.Unsafe, out: Path) -> Text:
    if isinstance(exc, safe_read.Unsafe):
        return exc.reason
    target = exc.filename2 or exc.filename  # a copy names its source first and the file it writes second
    where = display_path(Path(target)) if target else display_path(out)
    why = exc.strerror or str(exc) or type(exc).__name__
    return Text(
        f"Kan ikke skrive «{where}»: {why}.", f"Cannot write '{where}': {why}.", f"Kan ikkje skrive «{where}»: {why}."
    )


@dataclass(frozen=True)
class CheckJob:
    target: Target
    today: dt.date
    config: LintConfig


@dataclass(frozen=True)
class Checked:
    checked: CheckedProfile
    findings: list[Finding]  # check's and lint's, sorted


def check_stage(options: BuildOptions, found: Found, config: LintConfig) -> tuple[list[Checked], list[Finding]]:
    """Every changed profile checked and linted (copy rules, claims against the data, the
    profile's own strings), on every core; with the unchanged sites' findings, all of the build's
    findings. Errors, or whatever ``rettfram.toml`` says fails a lint run, stop the build."""
    jobs = [CheckJob(target, options.today, config) for target in found.changed]
    checked = workers.run(check_one, jobs, options.jobs)
    findings = sorted_findings(
        [f for c in checked for f in c.findings] + [f for r in found.unchanged.values() for f in r.findings]
    )
    if exit_code(findings, config):  # any error, or whatever rettfram.toml makes fail
        raise BuildStopped(findings)
    return checked, findings


def check_one(job: CheckJob) -> Checked:
    """One profile's check and lint (in a worker: ``rettfram.workers``)."""
    checked = check_target(job.target, job.today)
    lint = lint_checked(checked, _catalog(), job.config, job.today)
    return Checked(checked, sorted_findings([*checked.findings, *lint]))


@lru_cache(maxsize=1)
def _catalog() -> Catalog:
    """The rule packs, once per process (read from the disk cache: ``rettfram.disk_cache``)."""
    return load_catalog()


def lint_setup() -> LintConfig:
    """``rettfram.toml`` (the nearest, as ``lint`` finds it), checked against the rule packs
    (loaded here, so a broken rule file stops the build before anything is read)."""
    try:
        catalog = _catalog()
    except RuleFileError as exc:
        raise BuildError(exc.text) from exc
    try:
        return usable_config(find_config(Path.cwd()), catalog.ids())
    except UserError as exc:
        raise BuildError(Text(exc.text.nb, exc.text.en)) from exc


def plan_stage(checked: list[Checked], found: Found, today: dt.date) -> list[SitePlan]:
    """A site per changed profile; no two sites (changed or not) may share a folder."""
    plans: list[SitePlan] = []
    seen = {record.slug: target.display for target, record in found.unchanged.items()}
    catalogues = set(i18n.available())
    for item in checked:
        profile = item.checked.profile
        assert profile is not None, "check_stage passes on valid profiles only"
        slug = site_slug(item.checked)
        if slug in seen:
            raise BuildError(
                Text(
                    f"«{seen[slug]}» og «{item.checked.target.display}» ville begge bli build/site/{slug}/; gi "
                    f"mappene ulike navn.",
                    f"'{seen[slug]}' and '{item.checked.target.display}' would both become build/site/{slug}/; give "
                    f"the folders different names.",
                    f"«{seen[slug]}» og «{item.checked.target.display}» ville begge bli build/site/{slug}/; gi "
                    f"mappene ulike namn.",
                )
            )
        seen[slug] = item.checked.target.display
        main = profile.municipality.language
        copy_langs = sorted({page.lang for page in item.checked.pages} - {main})
        notes = [
            Text(
                f"{slug}: copy/{lang}/ er ikke bygget; det finnes ingen katalog rettfram/i18n/{lang}.yaml ennå.",
                f"{slug}: copy/{lang}/ was not built; there is no catalogue rettfram/i18n/{lang}.yaml yet.",
                f"{slug}: copy/{lang}/ er ikkje bygd; det finst ingen katalog rettfram/i18n/{lang}.yaml enno.",
            )
            for lang in copy_langs
            if lang not in catalogues
        ]
        languages = [main] + [lang for lang in copy_langs if lang in catalogues]
        entry = portal.PortalEntry.of(profile, slug, languages, today)
        plans.append(
            SitePlan(
                item.checked, slug, languages, colours_for(profile.municipality.number), entry, notes, item.findings
            )
        )
    return plans


@dataclass(frozen=True)
class SiteJob:
    plan: SitePlan
    stage: Path
    work: Path
    today: dt.date
    cache: Path | None


def _linked(record: site_reuse.SiteRecord, out: Path, stage: Path) -> site_reuse.SiteRecord:
    site_reuse.link_into(record, out, stage)
    return record


def site_stage(options: BuildOptions, plans: list[SitePlan], found: Found, stage: Path, work: Path) -> list[SiteResult]:
    """The changed sites built (on every core), the unchanged ones linked from the last build."""
    total = len(plans) + len(found.unchanged)
    results: list[SiteResult] = []

    def done(result: SiteResult) -> None:
        results.append(result)
        how = "=" if result.reused else f"{result.seconds:.1f} s"
        options.progress(len(results), total, f"{result.slug}: {', '.join(result.languages)} ({how})")
        if options.pause:
            time.sleep(options.pause)

    jobs = [SiteJob(plan, stage, work, options.today, options.cache) for plan in plans]
    # linking is waiting on the disk: threads, while the changed sites build (two: more only
    # fight over the interpreter lock, bench/build_bench.py)
    with ThreadPoolExecutor(max_workers=2) as pool:
        linked = pool.map(lambda record: _linked(record, options.out, stage), found.unchanged.values())
        workers.run(build_one, jobs, options.jobs, lambda index, result: done(result))
        for record in linked:
            done(
                SiteResult(
                    record.slug,
                    record.entry.summary.name,
                    list(record.languages),
                    0.0,
                    [],
                    dict(record.theme_files),
                    reused=True,
                )
            )
    slugs = {plan.checked.target: plan.slug for plan in plans} | {
        target: record.slug for target, record in found.unchanged.items()
    }
    order = {slugs[target]: index for index, target in enumerate(found.targets)}
    return sorted(results, key=lambda result: order[result.slug])  # as the profiles were found


def build_one(job: SiteJob) -> SiteResult:
    """One municipality: each language rendered to Markdown, then built by MkDocs (in a worker)."""
    started = time.perf_counter()
    plan, renderer = job.plan, _renderer(job.cache)
    hits, misses = renderer.charts.hits, renderer.charts.misses
    profile = plan.checked.profile
    assert profile is not None, "a plan is made for a valid profile only"
    warnings: list[str] = []
    theme_files: dict[str, str] = {}
    epoch = int(dt.datetime.combine(profile.updated, dt.time(), dt.UTC).timestamp())
    for lang in plan.languages:  # the main language first: MkDocs empties its site_dir
        cat = i18n.catalogue(lang)
        copy = {page.name: page.parsed for page in plan.checked.pages if page.lang == lang}
        up = "../" if lang == plan.languages[0] else "../../"  # from the site (slug/, slug/<lang>/) to the portal
        pages = renderer.render(profile, copy, lang, job.today, plan.colours, up + portal.RULES_PAGE)
        docs_dir = job.work / plan.slug / lang
        docs_dir.mkdir(parents=True)
        for page in pages:
            (docs_dir / page.filename).write_text(page.markdown, encoding="utf-8")
        if plan.checked.target.folder is not None:
            copy_images(plan.checked.target.folder, plan.checked.images, docs_dir / "images")
        mkdocs_site.write_assets(docs_dir, plan.colours)
        main = lang == plan.languages[0]
        settings = mkdocs_site.SiteSettings(
            name=profile.municipality.name,
            language=cat.t("meta.theme_language"),
            search_lang=list(cat.get("meta.search_lang")),
            description=cat.t("site.description", name=profile.municipality.name),
            copyright=cat.t("site.copyright", name=profile.municipality.name),
            nav=[(page.title, page.filename) for page in pages],
            alternates=_alternates(plan.languages, lang) if len(plan.languages) > 1 else [],
            colours=plan.colours,
            epoch=epoch,
        )
        site_dir = job.stage / plan.slug if main else job.stage / plan.slug / lang
        config = mkdocs_site.config_dict(_base(), settings, docs_dir, site_dir)
        late = {page.filename: page.late for page in pages}
        output = mkdocs_site.build(config, epoch, shared=up, late=late)
        warnings += output.warnings
        theme_files.update(output.theme_files)
    return SiteResult(
        plan.slug,
        profile.municipality.name,
        plan.languages,
        time.perf_counter() - started,
        warnings,
        theme_files,
        chart_hits=renderer.charts.hits - hits,
        chart_misses=renderer.charts.misses - misses,
    )


@lru_cache(maxsize=4)
def _renderer(cache: Path | None) -> SiteRenderer:
    """One renderer (its Jinja environment and chart cache) per process and chart cache."""
    return SiteRenderer(ChartRenderer(cache))


@lru_cache(maxsize=1)
def _base() -> dict:
    return mkdocs_site.load_base()


def portal_stage(
    plans: list[SitePlan], found: Found, results: list[SiteResult], stage: Path, rules: Markup | None
) -> None:
    """The portal, the rules reference and the theme's files, once, beside the sites (every page
    links to the theme's files, every About page to the rules)."""
    entries = [plan.entry for plan in plans] + [record.entry for record in found.unchanged.values()]
    portal.write_portal(stage, entries, rules)
    mkdocs_site.write_shared_assets(
        stage, {dest: source for result in results for dest, source in sorted(result.theme_files.items())}
    )


def _records(plans: list[SitePlan], found: Found, results: list[SiteResult]) -> dict[str, SiteRecord]:
    """What the next build needs to reuse each site (``site_reuse.save`` adds its files' signatures
    once they are published)."""
    if not found.keys:
        return {}
    built = {result.slug: result for result in results}
    records = {target.display: record for target, record in found.unchanged.items()}
    for plan in plans:
        target = plan.checked.target
        records[target.display] = SiteRecord(
            key=found.keys[target],
            slug=plan.slug,
            languages=tuple(plan.languages),
            findings=tuple(plan.findings),
            notes=tuple(plan.notes),
            entry=plan.entry,
            theme_files=dict(built[plan.slug].theme_files),
        )
    return records


def site_slug(item: CheckedProfile) -> str:
    """The register decides (``register.RegisteredMunicipality.slug``): ``froya``, and for a
    name two municipalities share the county too (``heroy-nordland``), whatever the folder is
    called; outside the register, the folder name without its number."""
    entry = register.lookup(item.profile.municipality.number) if item.profile is not None else None
    if entry is not None:
        return entry.slug
    if item.target.folder is not None:
        name = re.sub(r"^\d{4}-", "", item.target.folder.name)
    else:
        assert item.profile is not None, "a profile outside a folder was read, so it is valid"
        name = item.profile.municipality.name
    return slugify(name) or (item.profile.municipality.number if item.profile is not None else "")


def _alternates(languages: list[str], current: str) -> list[dict]:
    """The language switch: from this language's site root to each language's root."""
    main = languages[0]

    def link(lang: str) -> str:
        if lang == current:
            return "./"
        if current == main:
            return f"{lang}/"
        return "../" if lang == main else f"../{lang}/"

    return [
        {"name": i18n.catalogue(lang).t("meta.endonym"), "lang": lang, "current": lang == current, "link": link(lang)}
        for lang in languages
    ]
