"""Write the rule table of scorer/cues/lexicons/README.md from the rule registry (`scorer rules`).

    python -m tools.lexicon_readme            # rewrite the table
    python -m tools.lexicon_readme --check    # exit 1 if the README does not agree (a test runs this)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scorer.rules import all_rules

README = Path(__file__).resolve().parent.parent / "scorer" / "cues" / "lexicons" / "README.md"
START, END = "<!-- rules:start (python -m tools.lexicon_readme) -->", "<!-- rules:end -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table() -> str:
    lines = [START, "", "| rule id | type | what it catches | example | defined in |", "| --- | --- | --- | --- | --- |"]
    for rule in all_rules():
        lines.append(
            f"| `{rule.id}` | {rule.type} | {_cell(rule.description)} | {_cell(rule.example)} | `{rule.origin}` |"
        )
    return "\n".join([*lines, "", END])


def render(current: str) -> str:
    """The README with its rule table replaced (or appended, the first time)."""
    if START in current and END in current:
        before, rest = current.split(START, 1)
        after = rest.split(END, 1)[1]
        return before + table() + after
    return current.rstrip() + "\n\n## Rules\n\nEvery rule id a record can carry (`scorer rules` prints the same).\n\n" + table() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that the README agrees")
    args = parser.parse_args(argv)
    current = README.read_text(encoding="utf-8")
    wanted = render(current)
    if args.check:
        if wanted != current:
            print(f"{README} does not list the rules `scorer rules` lists: run python -m tools.lexicon_readme", file=sys.stderr)
            return 1
        return 0
    README.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
