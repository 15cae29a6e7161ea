"""Word documents made for real by pandoc (the same pandoc the import reads them with)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

# A 1×1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.fixture
def make_docx(tmp_path):
    """``make_docx(markdown) -> Path``: a .docx written by pandoc from pandoc Markdown (with
    ``pic.png`` beside it for pictures)."""
    import pypandoc

    def make(markdown: str, name: str = "page.docx") -> Path:
        source = tmp_path / "docx-source"
        source.mkdir(exist_ok=True)
        (source / "pic.png").write_bytes(PNG)
        (source / "page.md").write_text(markdown, encoding="utf-8")
        out = tmp_path / name
        pypandoc.convert_file(str(source / "page.md"), "docx", outputfile=str(out), cworkdir=str(source))
        return out

    return make
