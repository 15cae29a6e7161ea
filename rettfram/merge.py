"""``merge``: the outputs of several ``build --shard K/N`` runs put together into one output
with one portal, so a CI matrix can build the country in parallel (README, "The whole country").

Each shard is an output folder a build made (it has the marker and ``.rettfram-portal.json``).
Its sites are linked (or copied) into a stage; the theme's files in ``assets/`` must be the
same in every shard (the same Rettfram); the portal and the rules reference are written anew
for all the sites; and the stage replaces the output folder in one step (``rettfram.publish``),
as a build does. Only regular files are taken from a shard; anything else is refused.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rettfram import mkdocs_site, portal, publish
from rettfram.discover import display_path
from rettfram.errors import UserError
from rettfram.render import rules_reference
from rettfram.text import Text

RULES_DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


class MergeError(UserError):
    """The shards cannot be merged; ``message`` says why and what to do."""


@dataclass(frozen=True)
class MergeResult:
    out: Path
    sites: int
    shards: int


def merge(out: Path, shards: list[Path]) -> MergeResult:
    entries: dict[str, tuple[portal.PortalEntry, Path]] = {}
    for shard in shards:
        for entry in _entries(shard):
            if entry.slug in entries:
                raise MergeError(
                    Text(
                        f"{entry.slug}/ finnes i både «{display_path(entries[entry.slug][1])}» og "
                        f"«{display_path(shard)}»; bygg hver kommune i bare én del.",
                        f"{entry.slug}/ is in both '{display_path(entries[entry.slug][1])}' and "
                        f"'{display_path(shard)}'; build each municipality in one shard only.",
                        f"{entry.slug}/ finst i både «{display_path(entries[entry.slug][1])}» og "
                        f"«{display_path(shard)}»; bygg kvar kommune i berre éin del.",
                    )
                )
            entries[entry.slug] = (entry, shard)
    try:
        publish.check_out(out, shards)
    except publish.OutRefused as refused:
        raise MergeError(refused.message) from None
    with publish.staged(out) as stage:
        for slug, (_entry, shard) in sorted(entries.items()):
            _take(shard / slug, stage / slug, shard)
        for shard in shards:
            _take(shard / mkdocs_site.SHARED, stage / mkdocs_site.SHARED, shard, same_or_new=True)
        portal.write_portal(stage, [entry for entry, _shard in entries.values()], rules_reference(RULES_DOC))
    return MergeResult(out, len(entries), len(shards))


def _entries(shard: Path) -> list[portal.PortalEntry]:
    if shard.is_symlink() or not (shard / publish.MARKER).is_file():
        raise MergeError(
            Text(
                f"«{display_path(shard)}» er ikke en mappe som «build» har laget; oppgi utdatamappene fra «build "
                f"--shard».",
                f"'{display_path(shard)}' is not a folder made by 'build'; give the output folders of 'build --shard'.",
                f"«{display_path(shard)}» er ikkje ei mappe som «build» har laga; oppgi utdatamappene frå «build "
                f"--shard».",
            )
        )
    try:
        return portal.read_entries(shard)
    except ValueError as exc:
        raise MergeError(
            Text(
                f"Kan ikke lese portalens data i «{display_path(shard)}» ({exc}); bygg delen på nytt.",
                f"Cannot read the portal's data in '{display_path(shard)}' ({exc}); build that shard again.",
                f"Kan ikkje lese dataa til portalen i «{display_path(shard)}» ({exc}); bygg delen på nytt.",
            )
        ) from None


def _take(source: Path, target: Path, shard: Path, same_or_new: bool = False) -> None:
    """Every regular file under ``source`` into ``target`` (a hard link, or a copy). With
    ``same_or_new``, a file already there must have the same bytes (the theme's files)."""
    if not source.exists():
        return
    for folder, dirs, files in os.walk(source):
        dirs.sort()
        for name in sorted([*files, *(d for d in dirs if Path(folder, d).is_symlink())]):
            path = Path(folder) / name
            if path.is_symlink() or not path.is_file():
                raise MergeError(_foreign(path))
            destination = target / path.relative_to(source)
            if destination.exists():
                if same_or_new and destination.read_bytes() == path.read_bytes():
                    continue
                raise MergeError(
                    Text(
                        f"«{display_path(path)}» skiller seg fra samme fil i en annen del; bygg alle delene med samme "
                        f"Rettfram.",
                        f"'{display_path(path)}' differs from the same file in another shard; build every shard with "
                        f"the same Rettfram.",
                        f"«{display_path(path)}» skil seg frå same fil i ein annan del; bygg alle delane med same "
                        f"Rettfram.",
                    )
                )
            destination.parent.mkdir(parents=True, exist_ok=True)
            publish.link_or_copy(path, destination)


def _foreign(path: Path) -> Text:
    return Text(
        f"«{display_path(path)}» er ikke en vanlig fil (en lenke?); en build lager aldri slike. Bygg delen på nytt.",
        f"'{display_path(path)}' is not a regular file (a link?); a build never makes one. Build that shard again.",
        f"«{display_path(path)}» er ikkje ei vanleg fil (ei lenkje?); eit bygg lagar aldri slike. Bygg delen på nytt.",
    )
