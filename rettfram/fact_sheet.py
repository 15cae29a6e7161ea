"""Fact sheets out: one or two pages to hand out at job fairs and newcomer days.

:func:`fact_sheet` writes the sheet as pandoc Markdown from a checked profile, with the site's own
words (the catalogue's ``fact_sheet`` keys), numbers and dates (CLDR, through ``i18n``) and
profile text in the sheet's language (``local_text``): key figures, each with its date; open
vacancies; homes; kindergarten; the newcomer contact; the next welcome event; the sources.
:func:`export` converts it with pandoc (pypandoc-binary) to .docx, .odt or .html.

Every profile value is escaped for Markdown and raw HTML is off in the reader, so a value in a
stranger's profile is text on the sheet, never markup or script; pandoc runs in its sandbox.
The sheet is written to a temporary file beside ``out`` and renamed into place.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from pathlib import Path

from rettfram import i18n, site_data
from rettfram.local_text import shown
from rettfram.model import Profile

FORMATS = ("docx", "odt", "html")
MAX_VACANCIES = 8
MAX_LISTINGS = 6
READER = "markdown-raw_html-raw_tex-raw_attribute-tex_math_dollars-tex_math_single_backslash"
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~^$\"'@:&%=])")


def fact_sheet(profile: Profile, lang: str, today: dt.date) -> str:
    """The sheet in pandoc Markdown (every profile value escaped)."""
    cat = i18n.catalogue(lang)
    own = profile.municipality.language

    def t(key: str, **values: object) -> str:
        return cat.t(f"fact_sheet.{key}", **values)

    def text(value: str) -> str:
        return _escape(shown(value, lang, own).text)

    name = _escape(profile.municipality.name)
    out = [f"# {t('title', name=name)}", "", t("intro", date=cat.date(today)), ""]
    if profile.municipality.sample_data:
        out += [f"**{t('sample')}**", ""]
    summary = site_data.summary(profile, today)
    population = profile.facts.population
    out += [f"## {t('figures')}", ""]
    if summary.population is not None and population is not None:
        out.append(
            "- "
            + t(
                "population",
                n=cat.number(summary.population),
                date=cat.date(population.as_of),
                source=_escape(population.source),
            )
        )
    out.append("- " + t("vacancies", n=cat.number(summary.vacancies), date=cat.date(summary.vacancies_as_of)))
    if summary.listings_as_of is not None:
        out.append("- " + t("homes", n=cat.number(summary.listings), date=cat.date(summary.listings_as_of)))
    kindergarten = profile.services.kindergarten
    if kindergarten is not None:
        out.append(
            "- "
            + t(
                "kindergarten",
                n=cat.number(kindergarten.available_places),
                date=cat.date(kindergarten.as_of),
                admission=t(kindergarten.admission),
            )
        )

    def listed(heading: str, lines: list[str], cap: int, none: str) -> list[str]:
        """A section of at most ``cap`` items, "… and N more" after them, or ``none``."""
        shown = [f"- {line}" for line in lines[:cap]]
        if len(lines) > cap:
            shown.append("- " + t("more", n=cat.number(len(lines) - cap)))
        return ["", f"## {t(heading)}", "", *(shown or [t(none)])]

    vacancies = []
    for vacancy in site_data.open_vacancies(profile, today):
        line = t(
            "vacancy",
            title=text(vacancy.title),
            employer=_escape(vacancy.employer),
            deadline=cat.date(vacancy.deadline),
        )
        vacancies.append(f"[{line}]({_link(vacancy.url)})" if vacancy.url else line)
    out += listed("jobs", vacancies, MAX_VACANCIES, "no_vacancies")
    listings = []
    for listing in profile.housing.listings:
        price = cat.nok(listing.price_nok, per_month=listing.kind in site_data.PER_MONTH_KINDS)
        listings.append(t("listing", kind=cat.t(f"kinds.{listing.kind}"), title=text(listing.title), price=price))
    out += listed("homes_heading", listings, MAX_LISTINGS, "no_homes")
    if profile.housing.start_loan:
        out += ["", t("start_loan")]
    contact = profile.contact
    if contact is not None:
        out += [
            "",
            f"## {t('contact')}",
            "",
            _escape(contact.name) + (f", {text(contact.role)}" if contact.role else ""),
        ]
        reach = [_escape(part) for part in (contact.phone, contact.email) if part]
        if reach:
            out += ["", " · ".join(reach)]
        if contact.languages:
            out += ["", t("speaks", languages=cat.join([cat.language_name(code) for code in contact.languages]))]
    events = site_data.coming_events(profile, today)
    out += ["", f"## {t('event')}", ""]
    if events:
        event = events[0]
        where = f", {_escape(event.place)}" if event.place else ""
        out.append(t("event_line", title=text(event.title), date=cat.date(event.date)) + where)
    else:
        out.append(t("no_event"))
    dated = (population, profile.facts.migration, profile.housing.price_level)  # the facts that name a source
    out += ["", f"## {t('sources')}", ""]
    out += [f"- {_escape(source)}" for source in dict.fromkeys(fact.source for fact in dated if fact)]
    out.append("- " + t("profile", date=cat.date(profile.updated)))
    return "\n".join(out) + "\n"


def export(profile: Profile, lang: str, today: dt.date, fmt: str, out: Path) -> Path:
    """The sheet as ``fmt`` in ``out`` (replaced whole when it exists)."""
    import pypandoc

    markdown = fact_sheet(profile, lang, today)
    title = i18n.catalogue(lang).t("fact_sheet.title", name=profile.municipality.name)
    extra = ["--metadata", f"lang={lang}", "--metadata", f"pagetitle={title}"]
    if fmt == "html":
        extra.append("--standalone")
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=out.parent, prefix=".tmp-", suffix=f".{fmt}")
    os.close(fd)
    try:
        pypandoc.convert_text(markdown, fmt, format=READER, extra_args=extra, outputfile=temporary, sandbox=True)
        os.chmod(temporary, 0o644)
        os.replace(temporary, out)
    except BaseException:
        os.unlink(temporary)
        raise
    return out


def _link(url: str) -> str:
    """A link target (an https URL the model checked) that cannot end the Markdown link early."""
    return "".join(f"%{ord(ch):02X}" if ch in "()<> \\" else ch for ch in url)


def _escape(value: str) -> str:
    """Profile text as literal Markdown text: every ASCII punctuation mark backslash-escaped,
    line breaks as spaces."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(value).split()))
