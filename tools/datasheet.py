"""Counts of a labelled corpus, as Markdown tables: what training_data/DATASHEET.md quotes.

    python -m tools.datasheet training_data
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

from scorer.evaluate.corpus import SPLITS, load_articles


def _table(title: str, counter: Counter, columns: list[str]) -> list[str]:
    keys = sorted({key for key, _ in counter})
    lines = [f"| {title} | " + " | ".join(columns) + " | total |", "| --- | " + " | ".join("---" for _ in columns) + " | --- |"]
    for key in keys:
        values = [counter[(key, column)] for column in columns]
        lines.append(f"| {key or '(none)'} | " + " | ".join(str(v) for v in values) + f" | {sum(values)} |")
    return lines + [""]


def render(root: Path) -> str:
    articles = load_articles(root)
    labels = sorted({a.label for a in articles})
    rows = {a.id: a for a in articles}
    with open(root / "articles.csv", newline="", encoding="utf-8") as handle:
        meta = {row["id"]: row for row in csv.DictReader(handle)}
    words = {a.id: len(a.read().split()) for a in articles}
    out = [f"{len(articles)} articles, {sum(words.values())} words.", ""]
    out += _table("split", Counter((a.split, a.label) for a in articles), labels)
    out += _table("genre", Counter((meta[i]["genre"], rows[i].label) for i in rows), labels)
    out += _table("topic", Counter((meta[i]["topic"], rows[i].label) for i in rows), labels)
    out += _table("hard case", Counter((meta[i]["hard_case"], rows[i].label) for i in rows), labels)
    out += ["| words | " + " | ".join(labels) + " |", "| --- | " + " | ".join("---" for _ in labels) + " |"]
    for name, pick in (("min", min), ("median", lambda v: sorted(v)[len(v) // 2]), ("max", max)):
        out.append(f"| {name} | " + " | ".join(str(pick([words[a.id] for a in articles if a.label == label])) for label in labels) + " |")
    out.append("")
    sentences = [json.loads(line) for line in (root / "sentences.jsonl").read_text(encoding="utf-8").splitlines()]
    cue_counts = Counter()
    for record in sentences:
        for cue_type in {cue["type"] for cue in record["cues"]}:
            cue_counts[(cue_type, record["split"])] += 1
        if not record["cues"]:
            cue_counts[("(no cue)", record["split"])] += 1
    out.append(f"{len(sentences)} labelled sentences; sentences carrying each cue type, by split:")
    out.append("")
    out += _table("cue type", cue_counts, list(SPLITS))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, nargs="?", default=Path("training_data"))
    print(render(parser.parse_args(argv).root))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
