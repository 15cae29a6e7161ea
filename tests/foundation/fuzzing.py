"""Hypothesis strategies for throwing malformed input at the loader (tests and bench/fuzz.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import strategies as st

from rettfram.check import CheckedProfile, check_target
from rettfram.discover import Target

REFERENCE = (Path(__file__).resolve().parent.parent / "fixtures" / "example-profile.yaml").read_text("utf-8")
TODAY = dt.date(2026, 11, 21)

NASTY_VALUES = [
    "no", "yes", "off", "0301", "-1", "2026-02-30", "javascript:alert(1)", "[]", "{}", "~", ".nan", ".inf",
    "*a", "&a x", "!!python/object:os.system", "'unclosed", '"bad \\q"', "1e999", "9" * 40, "- item", "|", ">",
    "%TAG", "<<: *a", "\t", "??", "2026-13-01", "true", "null", "\u202e", "\ufeff", "øæå",
]

yaml_noise = st.text(alphabet=st.sampled_from(list(": -[]{}&*!|>'\"#\t\n,?%@`abcnoy0123456789")), max_size=400)


@st.composite
def mutated_reference(draw) -> str:
    lines = REFERENCE.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "value", "indent", "insert", "truncate", "tab"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "value" and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {draw(st.sampled_from(NASTY_VALUES))}"
        elif action == "indent":
            lines[i] = " " * draw(st.integers(0, 7)) + lines[i].lstrip()
        elif action == "insert":
            col = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:col] + draw(yaml_noise.filter(lambda s: len(s) < 12)) + lines[i][col:]
        elif action == "truncate":
            lines = lines[: i + 1]
            lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
        elif action == "tab":
            lines[i] = "\t" + lines[i]
        if not lines:
            lines = [""]
    return "\n".join(lines)


any_input = st.one_of(
    mutated_reference().map(lambda s: s.encode("utf-8")),
    yaml_noise.map(lambda s: s.encode("utf-8")),
    st.binary(max_size=300),
)


def check_bytes(tmp_dir: Path, content: bytes) -> CheckedProfile:
    folder = tmp_dir / "5014-froya"
    folder.mkdir(exist_ok=True)
    path = folder / "profile.yaml"
    path.write_bytes(content)
    return check_target(Target(path, folder), TODAY)


def assert_well_formed(checked: CheckedProfile) -> None:
    for f in checked.findings:
        assert f.line >= 1 and f.column >= 1, f
        assert f.path.endswith("profile.yaml"), f
        assert f.message.nb and f.message.en and f.suggestion.nb and f.suggestion.en, f
    if checked.profile is None:
        assert any(f.severity.value == "error" for f in checked.findings)
