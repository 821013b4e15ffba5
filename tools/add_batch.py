"""Add a batch of written articles to a corpus, giving each its split by the corpus's fixed rule.

    python -m tools.add_batch /path/to/batch training_data

A batch folder holds ``reliable/`` and ``unreliable/`` article files, ``articles.csv``
(``id,label,genre,topic,hard_case``) and optionally ``sentences.jsonl`` (labelled sentences, without
``split``). Within each label and genre of the batch, articles ordered by the SHA-256 of their id take
the repeating pattern of 14 train, 3 dev and 3 test that the rest of the corpus follows
(training_data/DATASHEET.md), so articles already in the corpus keep their split. Sentences take
their article's split.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import shutil
import sys
from collections import defaultdict
from pathlib import Path

PATTERN = "TTDTTSTTTDTTSTTTDTTS"  # 14 train, 3 dev, 3 test in every 20
SPLIT_NAMES = {"T": "train", "D": "dev", "S": "test"}
FIELDS = ("id", "label", "split", "genre", "topic", "hard_case")


def assign_splits(rows: list[dict]) -> dict[str, str]:
    """id -> split, by the pattern within each (label, genre) group ordered by hash."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in rows:
        groups[(row["label"], row["genre"])].append(row["id"])
    splits = {}
    for ids in groups.values():
        for position, article_id in enumerate(sorted(ids, key=lambda i: hashlib.sha256(i.encode()).hexdigest())):
            splits[article_id] = SPLIT_NAMES[PATTERN[position % len(PATTERN)]]
    return splits


def add_batch(batch: Path, corpus: Path) -> int:
    with open(batch / "articles.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with open(corpus / "articles.csv", newline="", encoding="utf-8") as handle:
        known = {row["id"] for row in csv.DictReader(handle)}
    clashes = sorted(known & {row["id"] for row in rows})
    if clashes:
        raise SystemExit(f"add_batch: already in {corpus}: {', '.join(clashes[:5])}")
    for row in rows:
        source = batch / row["label"] / f"{row['id']}.txt"
        if not source.is_file():
            raise SystemExit(f"add_batch: {source} is missing")
    splits = assign_splits(rows)
    # Everything is checked before anything is written: a refused batch leaves the corpus as it was.
    sentences = batch / "sentences.jsonl"
    records = [json.loads(line) for line in sentences.read_text(encoding="utf-8").splitlines()] if sentences.is_file() else []
    strays = sorted({record["article"] for record in records} - set(splits))
    if strays:
        raise SystemExit(f"add_batch: sentences name {', '.join(strays[:5])}, which are not in the batch")
    for row in rows:
        shutil.copyfile(batch / row["label"] / f"{row['id']}.txt", corpus / row["label"] / f"{row['id']}.txt")
    with open(corpus / "articles.csv", "a", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for row in rows:
            writer.writerow([row["id"], row["label"], splits[row["id"]], row["genre"], row["topic"], row["hard_case"]])
    if records:
        with open(corpus / "sentences.jsonl", "a", encoding="utf-8") as out:
            for record in records:
                ordered = {"article": record["article"], "split": splits[record["article"]]}
                ordered.update((key, value) for key, value in record.items() if key not in ordered)
                out.write(json.dumps(ordered, ensure_ascii=False) + "\n")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("batch", type=Path)
    parser.add_argument("corpus", type=Path, nargs="?", default=Path("training_data"))
    args = parser.parse_args(argv)
    print(f"{add_batch(args.batch, args.corpus)} articles added to {args.corpus}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
