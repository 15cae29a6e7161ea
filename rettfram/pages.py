"""The pages every site has, in nav order: their names, files, and the copy page each takes.

Plain data, so a command can list the copy pages (``import-docx``) without loading the renderer.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    name: str  # nav and catalogue key, template name
    filename: str
    copy: str | None  # copy/<lang>/<copy>.md


PAGES = (
    PageSpec("home", "index.md", "home"),
    PageSpec("work", "work.md", "work"),
    PageSpec("housing", "housing.md", "housing"),
    PageSpec("services", "services.md", "services"),
    PageSpec("community", "community.md", "community"),
    PageSpec("new_here", "new-here.md", "new-here"),
    PageSpec("facts", "facts.md", None),
    PageSpec("about", "about.md", None),
    PageSpec("accessibility", "accessibility.md", None),
)
