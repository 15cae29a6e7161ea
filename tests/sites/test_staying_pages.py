"""What makes people stay, on the page a reader looks for it (issue 11, item 2).

Vacancy terms and qualifications on the work page; price level, a first home and housing
weaknesses with their action on the housing page; GPs, out-of-hours clinic, upper secondary and
Norwegian training on the services page; what the contact helps with, the mentor and coming
events on the new-here page; migration as a chart with a table on the facts page. The product's
own promises of help show only when the profile backs them.

Read from real built HTML: the shared example build (``site``), and two small builds of a copy
of Frøya whose profile carries every newer key (``full``) or has no contact and no upper
secondary school within reach (``far``).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from rettfram import i18n, palette, site_data
from rettfram.charts import ChartRenderer
from rettfram.check import check_paths
from rettfram.render import SiteRenderer
from tests.conftest import REPO
from tests.sites.conftest import SITE_DAY, site_dir
from tests.sites.htmlscan import Element, find, parse

NB, NN, EN = i18n.catalogue("nb"), i18n.catalogue("nn"), i18n.catalogue("en")


# reading pages ------------------------------------------------------------------------------


def _text(element: Element) -> str:
    """An element's text, runs of ordinary white space as one space (no-break spaces kept)."""
    return re.sub(r"[ \t\r\n]+", " ", element.text).strip()


def article(root: Path, page: str) -> str:
    return _text(find(parse(root / page), "article")[0])


def sections(root: Path, page: str) -> dict[str, str]:
    """The page's content by ``<h2>`` heading: the text under each heading, up to the next."""
    out: dict[str, str] = {}
    current = None
    for child in find(parse(root / page), "article")[0].children:
        if child.tag == "h2":
            current = _text(child)
            out[current] = ""
        elif current is not None:
            out[current] += " " + _text(child)
    return {heading: text.strip() for heading, text in out.items()}


def table_rows(root: Path, page: str, caption: str) -> list[list[str]]:
    """The body rows (header cell first) of the table with this caption."""
    for table in find(parse(root / page), "table"):
        if any(c.tag == "caption" and _text(c) == caption for c in table.children):
            body = [c for c in table.children if c.tag == "tbody"][0]
            return [[_text(cell) for cell in row.children if cell.tag in ("th", "td")] for row in body.children if row.tag == "tr"]
    raise AssertionError(f"{page}: no table captioned {caption!r}")


def froya(site: Path, lang: str) -> Path:
    return site_dir(site, "froya", lang)


# builds of a changed Frøya ------------------------------------------------------------------


def _edit_profile(folder: Path, change) -> None:
    yaml = YAML()  # round trip: comments and quoting kept
    path = folder / "profile.yaml"
    data = yaml.load(path.read_text("utf-8"))
    change(data)
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)


def _every_newer_key(data) -> None:
    """The keys the example profile in the design documents has, as Frøya's sample data."""
    data["weaknesses"] = [
        {"text": "Leiemarkedet er lite og prisene ligger nær Trondheims.", "topic": "housing",
         "action": "Kommunen bygger tolv utleieboliger på Sistranda.", "by": 2028},
        {"text": "Det er 1 t 40 min med bil til sykehus.", "topic": "services"},
        {"text": "Bussen til Trondheim går to ganger om dagen.", "topic": "transport",
         "action": "Fylket prøver en kveldsavgang."},
        {"text": "Det er få lærlingplasser i havbruk.", "topic": "education",
         "action": "Havbruksselskapene tar inn seks nye lærlinger i året.", "by": 2027},
        {"text": "Det kan ta tid å bli kjent med folk.", "topic": "community",
         "action": "Frivilligsentralen starter en vennetjeneste for nye innbyggere.", "by": 2027},
        {"text": "Det er langt til nærmeste kino.", "topic": "other"},
    ]
    jobs = data["jobs"]
    jobs["partner_help"] = {"offered": True, "includes": "Samtale med tilflyttingskontakten og kontakt med arbeidsgivere i partnerens fag."}
    jobs["qualifications"] = [{"profession": "Sykepleier", "authority": "Helsedirektoratet (autorisasjon)", "url": "https://example.no/autorisasjon",
                               "help": "Kommunen dekker kurset i norsk helsevesen for nyansatte sykepleiere."}]
    nurse = next(v for v in jobs["vacancies"] if str(v["title"]["nb"] if isinstance(v["title"], dict) else v["title"]).startswith("Sykepleier"))
    nurse.update({"employment": "permanent", "percent": 100, "norwegian_level": "B2"})
    data["welcome"]["events"] = [
        {"title": "Tilflytterdag", "date": dt.date(2027, 9, 11), "place": "Frøya kultur- og kompetansesenter"},
        {"title": "Sommertreff for nye innbyggere", "date": dt.date(2026, 6, 1), "place": "Sistranda"},  # past: not shown
        {"title": "Velkomstmøte for nye innbyggere", "date": dt.date(2027, 1, 15), "place": "Rådhuset på Sistranda"},
    ]
    data["facts"]["migration"] = {
        "source": "SSB tabell 06913",
        "as_of": dt.date(2025, 1, 1),
        "series": {
            2022: {"in": 298, "out": 301, "immigration": 174, "emigration": 61},
            2023: {"in": 312, "out": 295, "immigration": 188, "emigration": 70},
            2024: {"in": 1305, "out": 322, "immigration": 201, "emigration": 66},
        },
    }


def _far_and_no_contact(data) -> None:
    del data["contact"]
    data["education"]["upper_secondary"] = [
        {"name": "Guri Kunna videregående skole", "minutes": 75, "programmes": ["Naturbruk"]},
        {"name": "Thora Storm videregående skole", "minutes": 150},
    ]


@pytest.fixture(scope="module")
def full(build_folders) -> Path:
    return build_folders("staying-full", lambda folder: _edit_profile(folder, _every_newer_key)) / "froya"


@pytest.fixture(scope="module")
def far(build_folders) -> Path:
    return build_folders("staying-far", lambda folder: _edit_profile(folder, _far_and_no_contact)) / "froya"


# the example build: keys Frøya has -----------------------------------------------------------


def test_housing_shows_the_price_level_and_a_first_home(site):
    nb = sections(froya(site, "nb"), "housing.html")
    assert nb["Hva boliger koster"] == (
        "Vanlig salgspris: 31\u00a0800\u00a0kr per m² Vanlig husleie: 11\u00a0500\u00a0kr i måneden "
        "Kilde: Eiendom Norge, Frøya 2025, per 1. november 2026.")
    assert nb["Et sted å bo den første tiden"] == (
        "Passer ingenting i oversikten over, finnes dette den første tiden: "
        "Kommunal bolig: Kommunale gjennomgangsboliger for nyansatte i opptil seks måneder.")
    en = sections(froya(site, "en"), "housing.html")
    assert en["What homes cost"].startswith("Typical sale price: NOK\u00a031,800 per m² Typical rent: NOK\u00a011,500 a month")
    assert "Municipal housing: Municipal transitional homes (gjennomgangsboliger) for new employees, for up to six months." in en["A roof over your head at first"]
    assert "31\u00a0800" not in article(froya(site, "nb"), "services.html")


def test_services_show_gps_emergency_upper_secondary_and_norwegian_training(site):
    nb = sections(froya(site, "nb"), "services.html")
    assert nb["Helse"].startswith("2 fastleger har ledig plass på listen per 1. november 2026. Legevakt: Legevakt på Sistranda, døgnåpen")
    assert table_rows(froya(site, "nb"), "services.html", "Videregående skoler og reisetid") == [
        ["Guri Kunna videregående skole", "10\u00a0min", "Naturbruk, Helse- og oppvekstfag, Studiespesialisering"]]
    assert nb["Videregående skole"].endswith("Nærmeste videregående skole er Guri Kunna videregående skole, 10\u00a0min unna én vei.")
    assert NB.t("services.upper_move") not in nb["Videregående skole"], "10 minutes away: nobody has to move"
    assert nb["Norskopplæring"] == "Frøya voksenopplæring: Kveldskurs i norsk to ganger i uka, gratis for arbeidsinnvandrere det første året."
    en = sections(froya(site, "en"), "services.html")
    assert en["Health"].startswith("2 GPs (fastleger) have room on their lists as of 1 November 2026. Out-of-hours clinic (legevakt): Emergency clinic (legevakt) at Sistranda")
    assert en["Upper secondary school"].endswith("The nearest upper secondary school is Guri Kunna videregående skole, 10\u00a0min away one way.")
    assert en["Learning Norwegian"] == "Frøya voksenopplæring: Evening course in Norwegian twice a week, free for labour immigrants in their first year."


def test_the_contact_helps_with_a_gp_only_where_the_profile_backs_it(site):
    """Frøya has a contact and says what newcomers get: the sentence is on the health section."""
    assert NB.t("services.health_help") in sections(froya(site, "nb"), "services.html")["Helse"]
    assert EN.t("services.health_help") in sections(froya(site, "en"), "services.html")["Health"]


def test_new_here_shows_what_the_contact_helps_with_the_mentor_and_coming_events(site):
    nb = sections(froya(site, "nb"), "new-here.html")
    assert nb["For nye innbyggere"] == (
        "Tilflytterdag i september og fadder det første året. "  # the older free text is kept
        "Tilflyttingskontakten hjelper deg med dette: Hjelp med fastlege og barnehagesøknad Kontakt med lag og foreninger")
    assert nb["Fadder"] == "En fadder det første året, en innbygger med samme yrke eller språk."
    assert table_rows(froya(site, "nb"), "new-here.html", "Kommende arrangementer for nye innbyggere") == [
        ["Tilflytterdag", "11. september 2027", "Frøya kultur- og kompetansesenter"]]
    assert table_rows(froya(site, "en"), "new-here.html", "Coming events for new residents") == [
        ["Newcomers' day", "11 September 2027", "Frøya kultur- og kompetansesenter"]]  # the place is a name: not translated
    assert sections(froya(site, "en"), "new-here.html")["A mentor (fadder)"] == "A mentor for the first year, a resident with the same occupation or language."


def test_upper_secondary_none_listed_means_moving_away(site):
    assert sections(site / "kvam", "services.html")["Vidaregåande skule"].endswith(
        "Nærmaste vidaregåande skule er Kvam vidaregåande skule, 15\u00a0min unna éin veg.")
    assert sections(site / "gamvik" / "en", "services.html")["Upper secondary school"].endswith(
        "A 16-year-old must move away from home to attend upper secondary school.")


def test_the_older_newcomer_programme_still_shows_on_community_and_new_here(site):
    text = "Tilflyttarmøte i mars og oktober, og ein nabokontakt i grenda det første året."
    assert sections(site / "kvam", "community.html")["For nye innbyggjarar"] == text
    assert sections(site / "kvam", "new-here.html")["For nye innbyggjarar"] == text
    assert sections(site / "kvam", "new-here.html")["Fadder"] == "Ein nabokontakt i grenda det første året."


# a Frøya with every newer key -----------------------------------------------------------------


def test_vacancy_terms_and_norwegian_level_are_in_the_vacancy_table(full):
    nb = table_rows(full, "work.html", "Ledige stillinger med åpen søknadsfrist")
    assert nb == [["Sykepleier, 100 % fastFrøya kommune", "Helse Fast, 100\u00a0%", "15. desember 2026", "norsk og engelsk Norsknivå B2"],
                  ["Operatør settefiskEksempel Havbruk AS", "Havbruk", "10. januar 2027", "–"]]
    headers = [_text(th) for th in find(parse(full / "work.html"), "th", scope="col")][:4]
    assert headers == ["Stilling og arbeidsgiver", "Bransje og vilkår", "Søknadsfrist", "Språk på jobben"]
    assert NB.t("work.cefr_note") in article(full, "work.html")
    en = table_rows(full / "en", "work.html", "Vacancies whose deadline has not passed")
    assert [en[0][1], en[0][3]] == ["Health care Permanent, 100%", "Norwegian and English Norwegian level B2"]


def test_work_shows_qualifications_partner_help_and_transport_weaknesses(full):
    nb = sections(full, "work.html")
    assert nb["Utdanning fra utlandet"] == (
        "I noen yrker må utdanning fra et annet land godkjennes før du kan begynne å jobbe. Slik er det for yrkene her: "
        "Sykepleier: godkjennes av Helsedirektoratet (autorisasjon). "
        "Hjelp du får: Kommunen dekker kurset i norsk helsevesen for nyansatte sykepleiere.")
    links = {a.attrs["href"]: _text(a) for a in find(parse(full / "work.html"), "a")}
    assert links["https://example.no/autorisasjon"] == "Helsedirektoratet (autorisasjon)"
    assert nb["Jobb til to"] == (NB.t("work.partner_yes") + " Hjelpen består i: "
                                 "Samtale med tilflyttingskontakten og kontakt med arbeidsgivere i partnerens fag.")
    assert nb["Det som er vanskelig, og hva som gjøres"] == (
        "Bussen til Trondheim går to ganger om dagen. Dette gjøres: Fylket prøver en kveldsavgang. "
        "Profilen sier ikke når det skal være gjort.")
    en = sections(full / "en", "work.html")
    assert en["Qualifications from abroad"].endswith(
        "Sykepleier: approved by Helsedirektoratet (autorisasjon). Help you get: Kommunen dekker kurset i norsk helsevesen for nyansatte sykepleiere.")


def test_a_weakness_shows_on_its_topics_page_with_what_is_done_and_by_when(full):
    housing = sections(full, "housing.html")["Det som er vanskelig, og hva som gjøres"]
    assert housing == ("Leiemarkedet er lite og prisene ligger nær Trondheims. "
                       "Dette gjøres: Kommunen bygger tolv utleieboliger på Sistranda. Skal være gjort innen 2028.")
    services = sections(full, "services.html")["Det som er vanskelig, og hva som gjøres"]
    assert services == ("Det er 1 t 40 min med bil til sykehus. "
                        "Det er få lærlingplasser i havbruk. Dette gjøres: Havbruksselskapene tar inn seks nye lærlinger i året. "
                        "Skal være gjort innen 2027.")
    community = sections(full, "community.html")["Det som er vanskelig, og hva som gjøres"]
    assert community.endswith("Dette gjøres: Frivilligsentralen starter en vennetjeneste for nye innbyggere. Skal være gjort innen 2027.")
    facts = sections(full, "facts.html")["Det som er vanskelig"]
    assert facts.startswith("Det er langt til nærmeste kino. " + NB.t("facts.weaknesses_elsewhere"))
    assert "Leiemarkedet" not in facts and "sykehus" not in facts
    more = [e for e in find(parse(full / "facts.html"), "ul") if e.attrs.get("class") == "rf-more"]
    assert [a.attrs["href"] for li in more[0].children for a in li.children] == ["work.html", "housing.html", "services.html", "community.html"]
    en = sections(full / "en", "housing.html")["What is hard, and what is done about it"]
    assert en == ("Leiemarkedet er lite og prisene ligger nær Trondheims. "
                  "What is done: Kommunen bygger tolv utleieboliger på Sistranda. To be done by 2028.")
    assert "Leiemarkedet" not in article(full, "work.html")


def test_only_coming_events_show_soonest_first(full):
    assert table_rows(full, "new-here.html", "Kommende arrangementer for nye innbyggere") == [
        ["Velkomstmøte for nye innbyggere", "15. januar 2027", "Rådhuset på Sistranda"],
        ["Tilflytterdag", "11. september 2027", "Frøya kultur- og kompetansesenter"]]
    assert "Sommertreff" not in article(full, "new-here.html")


def test_migration_is_a_chart_with_a_table_and_a_source(full):
    rows = table_rows(full, "facts.html", "Befolkningsendring per år")
    assert rows == [["2022", "298", "174", "301", "61"], ["2023", "312", "188", "295", "70"], ["2024", "1\u00a0305", "201", "322", "66"]]
    heading = sections(full, "facts.html")["Flytting"]
    assert heading.endswith("Kilde: SSB tabell 06913, per 1. januar 2025.")
    charts = [e for e in parse(full / "facts.html") if e.tag == "svg" and e.attrs.get("aria-labelledby") == "rf-migration-title rf-migration-desc"]
    assert len(charts) == 1 and charts[0].attrs["role"] == "img"
    assert "Netto flytting: +997." in _text(find(parse(full / "facts.html"), "desc", id="rf-migration-desc")[0])
    en = table_rows(full / "en", "facts.html", "Population change per year")
    assert en[-1] == ["2024", "1,305", "201", "322", "66"]
    about = {row[0]: row for row in table_rows(full, "about.html", "Hvor tallene kommer fra, og hvor gamle de er")}
    assert about["Flytting"] == ["Flytting", "SSB tabell 06913", "1. januar 2025"]


# no contact, upper secondary far away -------------------------------------------------------


def test_far_upper_secondary_means_moving_away_from_home(far):
    nb = sections(far, "services.html")["Videregående skole"]
    assert nb.endswith("Nærmeste videregående skole er Guri Kunna videregående skole, 1\u00a0t 15\u00a0min unna én vei. "
                       "En 16-åring må flytte hjemmefra for å gå på videregående skole.")
    assert table_rows(far, "services.html", "Videregående skoler og reisetid") == [
        ["Guri Kunna videregående skole", "1\u00a0t 15\u00a0min", "Naturbruk"], ["Thora Storm videregående skole", "2\u00a0t 30\u00a0min", "–"]]
    assert sections(far / "en", "services.html")["Upper secondary school"].endswith(
        "A 16-year-old must move away from home to attend upper secondary school.")


def test_no_promise_of_help_from_a_contact_that_is_not_there(far):
    services = article(far, "services.html")
    assert NB.t("services.health_help") not in services
    assert EN.t("services.health_help") not in article(far / "en", "services.html")
    start_loan = sections(far, "housing.html")["Startlån"]
    assert start_loan == NB.t("housing.start_loan_yes"), "no 'ask the newcomer contact' without one"
    new_here = sections(far, "new-here.html")
    assert new_here["For nye innbyggere"].endswith(NB.t("new_here.includes_intro_no_contact") + " Hjelp med fastlege og barnehagesøknad Kontakt med lag og foreninger")
    assert NB.t("new_here.includes_intro") not in new_here["For nye innbyggere"]
    assert NB.t("about.a11y_no_contact") in article(far, "about.html")


# the pieces on their own ----------------------------------------------------------------------


def _froya_profile():
    return check_paths([str(REPO / "municipalities" / "5014-froya")], SITE_DAY)[0].profile.model_copy(deep=True)


def test_weaknesses_go_to_the_page_of_their_topic():
    profile = _froya_profile()
    topics = [None, "work", "transport", "housing", "services", "education", "community", "other"]
    profile.weaknesses = [profile.weaknesses[0].model_copy(update={"text": f"w-{topic}", "topic": topic}) for topic in topics]
    pages = {page: [w.text for w in items] for page, items in site_data.weaknesses_by_page(profile).items()}
    assert pages == {"work": ["w-work", "w-transport"], "housing": ["w-housing"], "services": ["w-services", "w-education"],
                     "community": ["w-community"], "facts": ["w-None", "w-other"]}


def test_coming_events_start_today():
    profile = _froya_profile()
    event = profile.welcome.events[0]
    profile.welcome.events = [event.model_copy(update={"title": name, "date": day}) for name, day in
                              (("later", dt.date(2027, 1, 1)), ("today", SITE_DAY), ("yesterday", SITE_DAY - dt.timedelta(days=1)))]
    assert [e.title for e in site_data.coming_events(profile, SITE_DAY)] == ["today", "later"]


@pytest.mark.parametrize(("schools", "reach", "nearest"), [
    ([], "far", None),
    ([("A", 61)], "far", "A"),
    ([("A", 60)], "near", "A"),
    ([("A", 90), ("B", 45)], "near", "B"),
    ([("A", 90), ("B", None)], "unknown", "A"),
    ([("B", None)], "unknown", None),
])
def test_upper_secondary_reach(schools, reach, nearest):
    profile = _froya_profile()
    template = profile.education.upper_secondary[0]
    profile.education.upper_secondary = [template.model_copy(update={"name": name, "minutes": minutes}) for name, minutes in schools]
    result = site_data.upper_secondary(profile)
    assert (result.reach, result.nearest.name if result.nearest else None) == (reach, nearest)


def _render(profile, lang: str, tmp_path: Path) -> dict[str, str]:
    renderer = SiteRenderer(ChartRenderer(tmp_path))
    return {p.name: p.markdown for p in renderer.render(profile, {}, lang, SITE_DAY, palette.colours_for("5014"), "../rules.html")}


def test_promises_of_help_need_the_data_that_back_them(tmp_path):
    profile = _froya_profile()
    profile.welcome.includes = []
    profile.community.newcomer_programme = None
    profile.jobs.partner_help.offered = False
    pages = _render(profile, "nn", tmp_path)
    assert NN.t("services.health_help") not in pages["services"], "a contact, but nothing says what newcomers get"
    assert NN.t("work.partner_no") + " " + NN.t("work.partner_ask") in pages["work"]
    profile.contact = None
    profile.jobs.vacancies = []
    pages = _render(profile, "nn", tmp_path)
    assert NN.t("work.partner_ask") not in pages["work"] and NN.t("work.partner_no") in pages["work"]
    assert NN.t("work.none_more_no_contact") in pages["work"] and NN.t("work.none_more") not in pages["work"]
    assert NN.t("new_here.step_contact") not in pages["new_here"]
    assert NN.t("housing.start_loan_ask") not in pages["housing"]


def test_missing_newer_keys_give_honest_none_texts(tmp_path):
    profile = _froya_profile()
    profile.housing.price_level = None
    profile.housing.first_home = []
    profile.services.health = None
    profile.education.norwegian_training = None
    profile.jobs.qualifications = []
    profile.welcome.events = []
    profile.welcome.mentor = None
    for lang, cat in (("nb", NB), ("nn", NN), ("en", EN)):
        pages = _render(profile, lang, tmp_path)
        assert cat.t("housing.price_none") in pages["housing"] and cat.t("housing.first_home_none") in pages["housing"]
        assert cat.t("services.gp_none") in pages["services"] and cat.t("services.norwegian_none") in pages["services"]
        assert cat.t("work.qualifications_none") in pages["work"]
        assert cat.t("new_here.events_none") in pages["new_here"] and "## " + cat.t("new_here.mentor_heading") not in pages["new_here"]


def test_new_here_has_a_path_for_staying_after_the_first_year(site):
    assert sections(site / "froya", "new-here.html")["Etter det første året"] == (
        "Vil du kjøpe egen bolig, kan du søke kommunen om startlån. "
        "Få utdanningen din godkjent og bruk den: Sykepleier: Kommunen dekker kurset i norsk helsevesen for nyansatte sykepleiere. "
        "Bli med i lag og foreninger: Frivilligsentralen, Språkkafé torsdager, Frøya idrettslag. "
        "Kommunestyremøtene er åpne for alle, og sakspapirene ligger på kommunens nettsted.")
