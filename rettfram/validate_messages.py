"""What validate says, per pydantic error type and per cross-field rule, in bokmål, nynorsk and English.

Keys are pydantic's stable error ``type`` codes (and our own custom ones from ``model.py``);
nothing here reads pydantic's English message text.
"""

from __future__ import annotations

from rettfram.messages import Message
from rettfram.text import Text

M = Message
T = Text

DATE_FIX = T(
    "Skriv datoen som ÅÅÅÅ-MM-DD, f.eks. 2026-11-01, og sjekk at dagen finnes i måneden.",
    "Write the date as YYYY-MM-DD, e.g. 2026-11-01, and check that the day exists in that month.",
    "Skriv datoen som ÅÅÅÅ-MM-DD, t.d. 2026-11-01, og sjekk at dagen finst i månaden.",
)
INT_FIX = T(
    "Skriv et helt tall uten mellomrom, f.eks. 12500.",
    "Write a whole number without spaces, e.g. 12500.",
    "Skriv eit heilt tal utan mellomrom, t.d. 12500.",
)

LANGUAGE_KEY_HINT = T(
    "Nøklene er språkkoder etter ISO 639, med små bokstaver: nb, nn, en, pl, uk, lt, se …",
    "The keys are ISO 639 language codes, in lower case: nb, nn, en, pl, uk, lt, se …",
    "Nøklane er språkkodar etter ISO 639, med små bokstavar: nb, nn, en, pl, uk, lt, se …",
)

BY_TYPE: dict[str, Message] = {
    "missing": M(
        T("«{field}» mangler.", "'{field}' is missing.", "«{field}» manglar."),
        T("Legg til «{key}:» her. {hint}", "Add '{key}:' here. {hint}", "Legg til «{key}:» her. {hint}"),
    ),
    "extra_forbidden": M(
        T("Ukjent nøkkel «{key}».", "Unknown key '{key}'.", "Ukjend nøkkel «{key}»."),
        T(
            "{guess}Gyldige nøkler her: {allowed}.",
            "{guess}Valid keys here: {allowed}.",
            "{guess}Gyldige nøklar her: {allowed}.",
        ),
    ),
    "string_type": M(
        T(
            "«{field}» skal være tekst, men fikk {received}.",
            "'{field}' must be text, but got {received}.",
            "«{field}» skal vere tekst, men fekk {received}.",
        ),
        T(
            'Sett verdien i anførselstegn: {key}: "{raw}"',
            'Put the value in quotes: {key}: "{raw}"',
            'Set verdien i hermeteikn: {key}: "{raw}"',
        ),
    ),
    "string_too_short": M(
        T("«{field}» er tom.", "'{field}' is empty.", "«{field}» er tom."),
        T(
            "Skriv inn en verdi, eller fjern linjen.",
            "Fill in a value, or remove the line.",
            "Skriv inn ein verdi, eller fjern linja.",
        ),
    ),
    "string_too_long": M(
        T(
            "«{field}» er lengre enn {max_length} tegn.",
            "'{field}' is longer than {max_length} characters.",
            "«{field}» er lengre enn {max_length} teikn.",
        ),
        T(
            "Flytt lange tekster til copy/-mappen.",
            "Move long texts into the copy/ folder.",
            "Flytt lange tekstar til copy/-mappa.",
        ),
    ),
    "string_pattern_mismatch": M(
        T(
            "«{raw}» har feil form for «{field}».",
            "'{raw}' has the wrong form for '{field}'.",
            "«{raw}» har feil form for «{field}».",
        ),
        T("{hint}", "{hint}", "{hint}"),
    ),
    "int_type": M(
        T(
            "«{field}» skal være et heltall, men fikk {received}.",
            "'{field}' must be a whole number, but got {received}.",
            "«{field}» skal vere eit heiltal, men fekk {received}.",
        ),
        INT_FIX,
    ),
    "float_type": M(
        T(
            "«{field}» skal være et tall, men fikk {received}.",
            "'{field}' must be a number, but got {received}.",
            "«{field}» skal vere eit tal, men fekk {received}.",
        ),
        T(
            "Skriv tallet med punktum som desimaltegn, f.eks. 0.92.",
            "Write the number with a decimal point, e.g. 0.92.",
            "Skriv talet med punktum som desimalteikn, t.d. 0.92.",
        ),
    ),
    "finite_number": M(
        T(
            "«{field}» skal være et vanlig tall.",
            "'{field}' must be an ordinary number.",
            "«{field}» skal vere eit vanleg tal.",
        ),
        T(
            "Skriv et tall, ikke .inf eller .nan.",
            "Write a number, not .inf or .nan.",
            "Skriv eit tal, ikkje .inf eller .nan.",
        ),
    ),
    "bool_type": M(
        T(
            "«{field}» skal være true eller false, men fikk {received}.",
            "'{field}' must be true or false, but got {received}.",
            "«{field}» skal vere true eller false, men fekk {received}.",
        ),
        T("Skriv true (ja) eller false (nei).", "Write true or false.", "Skriv true (ja) eller false (nei)."),
    ),
    "date_type": M(
        T(
            "«{raw}» er ikke en gyldig dato for «{field}».",
            "'{raw}' is not a valid date for '{field}'.",
            "«{raw}» er ikkje ein gyldig dato for «{field}».",
        ),
        DATE_FIX,
    ),
    "greater_than_equal": M(
        T(
            "«{field}» kan ikke være mindre enn {ge}, men er {raw}.",
            "'{field}' cannot be less than {ge}, but is {raw}.",
            "«{field}» kan ikkje vere mindre enn {ge}, men er {raw}.",
        ),
        T("Skriv {ge} eller mer.", "Write {ge} or more.", "Skriv {ge} eller meir."),
    ),
    "less_than_equal": M(
        T(
            "«{field}» kan ikke være større enn {le}, men er {raw}.",
            "'{field}' cannot be greater than {le}, but is {raw}.",
            "«{field}» kan ikkje vere større enn {le}, men er {raw}.",
        ),
        T("Skriv {le} eller mindre. {hint}", "Write {le} or less. {hint}", "Skriv {le} eller mindre. {hint}"),
    ),
    "literal_error": M(
        T(
            "«{raw}» er ikke en gyldig verdi for «{field}».",
            "'{raw}' is not a valid value for '{field}'.",
            "«{raw}» er ikkje ein gyldig verdi for «{field}».",
        ),
        T("{guess}Velg en av: {allowed}.", "{guess}Choose one of: {allowed}.", "{guess}Vel ein av: {allowed}."),
    ),
    "list_type": M(
        T(
            "«{field}» skal være en liste, men fikk {received}.",
            "'{field}' must be a list, but got {received}.",
            "«{field}» skal vere ei liste, men fekk {received}.",
        ),
        T(
            "Skriv hvert element på egen linje med «- » foran, eller [] for en tom liste.",
            "Write each item on its own line starting with '- ', or [] for an empty list.",
            "Skriv kvart element på eiga linje med «- » framfor, eller [] for ei tom liste.",
        ),
    ),
    "dict_type": M(
        T(
            "«{field}» skal ha nøkler og verdier under seg, men fikk {received}.",
            "'{field}' must hold keys and values, but got {received}.",
            "«{field}» skal ha nøklar og verdiar under seg, men fekk {received}.",
        ),
        T(
            "Skriv nøklene på egne linjer med to mellomroms innrykk under «{key}:». {hint}",
            "Write the keys on their own lines, indented two spaces under '{key}:'. {hint}",
            "Skriv nøklane på eigne linjer med to mellomroms innrykk under «{key}:». {hint}",
        ),
    ),
    "url_scheme": M(
        T(
            "Lenken «{raw}» bruker «{scheme}:», som ikke er tillatt.",
            "The link '{raw}' uses '{scheme}:', which is not allowed.",
            "Lenkja «{raw}» brukar «{scheme}:», som ikkje er tillate.",
        ),
        T(
            "Bruk en adresse som begynner med https:// (eller mailto: og tel:).",
            "Use an address starting with https:// (or mailto: and tel:).",
            "Bruk ei adresse som byrjar med https:// (eller mailto: og tel:).",
        ),
    ),
    "url_host": M(
        T("Lenken «{raw}» mangler et domene.", "The link '{raw}' has no host.", "Lenkja «{raw}» manglar eit domene."),
        T(
            "Skriv hele adressen, f.eks. https://www.kommune.no/side.",
            "Write the full address, e.g. https://www.kommune.no/page.",
            "Skriv heile adressa, t.d. https://www.kommune.no/side.",
        ),
    ),
    "url_space": M(
        T(
            "Lenken «{raw}» inneholder mellomrom.",
            "The link '{raw}' contains a space.",
            "Lenkja «{raw}» inneheld mellomrom.",
        ),
        T(
            "Fjern mellomrommet, eller skriv det som %20.",
            "Remove the space, or write it as %20.",
            "Fjern mellomrommet, eller skriv det som %20.",
        ),
    ),
    "email": M(
        T(
            "«{raw}» er ikke en e-postadresse.",
            "'{raw}' is not an e-mail address.",
            "«{raw}» er ikkje ei e-postadresse.",
        ),
        T(
            "Skriv adressen som navn@domene.no.",
            "Write the address as name@domain.no.",
            "Skriv adressa som namn@domene.no.",
        ),
    ),
    "local_text_type": M(
        T(
            "«{field}» skal være tekst, eller tekst per språk, men fikk {received}.",
            "'{field}' must be text, or text per language, but got {received}.",
            "«{field}» skal vere tekst, eller tekst per språk, men fekk {received}.",
        ),
        T(
            'Skriv teksten i anførselstegn: {key}: "…", eller én tekst per språk: {key}: {{nb: "…", en: "…"}}',
            'Write the text in quotes: {key}: "…", or one text per language: {key}: {{nb: "…", en: "…"}}',
            'Skriv teksten i hermeteikn: {key}: "…", eller éin tekst per språk: {key}: {{nn: "…", en: "…"}}',
        ),
    ),
    "local_text_empty": M(
        T("«{field}» har ingen tekst.", "'{field}' has no text.", "«{field}» har ingen tekst."),
        T(
            'Skriv minst teksten på kommunens språk: {key}: {{nb: "…"}}, eller fjern linjen.',
            'Write at least the text in the municipality\'s language: {key}: {{nb: "…"}}, or remove the line.',
            'Skriv minst teksten på målforma til kommunen: {key}: {{nn: "…"}}, eller fjern linja.',
        ),
    ),
    "fallback": M(
        T(
            "Ugyldig verdi for «{field}» ({detail}).",
            "Invalid value for '{field}' ({detail}).",
            "Ugyldig verdi for «{field}» ({detail}).",
        ),
        T("{hint}", "{hint}", "{hint}"),
    ),
}

# pydantic error types that mean the same thing to a reader
ALIASES = {
    "int_parsing": "int_type",
    "int_from_float": "int_type",
    "float_parsing": "float_type",
    "bool_parsing": "bool_type",
    "date_parsing": "date_type",
    "date_from_datetime_parsing": "date_type",
    "date_from_datetime_inexact": "date_type",
    "enum": "literal_error",
    "model_type": "dict_type",
    "model_attributes_type": "dict_type",
    "greater_than": "greater_than_equal",
    "union_tag_not_found": "local_text_type",  # only translatable texts are tagged unions (local_text.py)
    "too_short": "local_text_empty",  # only a text per language has a minimum length among mappings
    "less_than": "less_than_equal",
}

NUMBER_UNQUOTED = M(
    T(
        "Kommunenummeret må stå i anførselstegn.",
        "The municipality number must be in quotes.",
        "Kommunenummeret må stå i hermeteikn.",
    ),
    T(
        'Skriv number: "{padded}". Uten anførselstegn blir {raw} lest som tallet {value}, og nullen foran forsvinner.',
        'Write number: "{padded}". Without quotes {raw} is read as the number {value}, and a leading zero is lost.',
        'Skriv number: "{padded}". Utan hermeteikn vert {raw} lese som talet {value}, og nullen framfor forsvinn.',
    ),
)

CROSS: dict[str, Message] = {
    "unknown_number": M(
        T(
            "Kommunenummeret «{number}» finnes ikke i kommuneregisteret (2025).",
            "The municipality number '{number}' is not in the register (2025).",
            "Kommunenummeret «{number}» finst ikkje i kommuneregisteret (2025).",
        ),
        T(
            "{guess}Se data/register/municipalities-2025.json.",
            "{guess}See data/register/municipalities-2025.json.",
            "{guess}Sjå data/register/municipalities-2025.json.",
        ),
    ),
    "folder_mismatch": M(
        T(
            "Mappen heter «{folder}», men kommunenummeret er «{number}».",
            "The folder is named '{folder}', but the municipality number is '{number}'.",
            "Mappa heiter «{folder}», men kommunenummeret er «{number}».",
        ),
        T(
            "Gi mappen navnet «{expected}», eller rett kommunenummeret.",
            "Rename the folder to '{expected}', or correct the number.",
            "Gje mappa namnet «{expected}», eller rett kommunenummeret.",
        ),
    ),
    "future_date": M(
        T(
            "«{field}» er {value}, som er etter i dag ({today}).",
            "'{field}' is {value}, which is after today ({today}).",
            "«{field}» er {value}, som er etter i dag ({today}).",
        ),
        T(
            "En dato for når noe ble sjekket kan ikke ligge fram i tid; skriv datoen du sjekket.",
            "A date of checking cannot lie in the future; write the date you checked.",
            "Ein dato for når noko vart sjekka kan ikkje liggje fram i tid; skriv datoen du sjekka.",
        ),
    ),
    "series_after_as_of": M(
        T(
            "Folketallet for {year} er etter «as_of» ({as_of}).",
            "The population for {year} is after 'as_of' ({as_of}).",
            "Folketalet for {year} er etter «as_of» ({as_of}).",
        ),
        T(
            "Rett året, eller oppdater «as_of» til datoen det siste tallet gjelder.",
            "Correct the year, or update 'as_of' to the date of the latest figure.",
            "Rett året, eller oppdater «as_of» til datoen det siste talet gjeld.",
        ),
    ),
    "own_language_missing": M(
        T(
            "«{field}» har tekst på {given}, men ikke på kommunens språk ({own}).",
            "'{field}' has text in {given}, but not in the municipality's language ({own}).",
            "«{field}» har tekst på {given}, men ikkje på målforma til kommunen ({own}).",
        ),
        T(
            'Legg til {own}: "…": sider på språk uten egen tekst viser teksten på {own}.',
            'Add {own}: "…": pages in a language without its own text show the {own} text.',
            'Legg til {own}: "…": sider på språk utan eigen tekst viser teksten på {own}.',
        ),
    ),
    "name_mismatch": M(
        T(
            "Registeret kaller kommune {number} «{expected}», profilen «{received}».",
            "The register calls municipality {number} '{expected}', the profile '{received}'.",
            "Registeret kallar kommune {number} «{expected}», profilen «{received}».",
        ),
        T(
            "Sjekk at nummeret er riktig; bruk registerets navn om det er samme kommune.",
            "Check the number; use the register's name if it is the same municipality.",
            "Sjekk at nummeret er rett; bruk namnet i registeret om det er same kommune.",
        ),
    ),
    "county_mismatch": M(
        T(
            "Registeret plasserer kommune {number} i {expected}, profilen i «{received}».",
            "The register places municipality {number} in {expected}, the profile in '{received}'.",
            "Registeret plasserer kommune {number} i {expected}, profilen i «{received}».",
        ),
        T("Skriv county: {expected}.", "Write county: {expected}.", "Skriv county: {expected}."),
    ),
}
