"""Evaluation gates: fail when a measured quality drops below its pinned floor.

    python -m tools.gates --shared ../shared/data            # check (CI runs this)
    python -m tools.gates --shared ../shared/data --update   # raise floors to today's numbers

The floors and the digests of the evaluation data live in docs/evaluation-gates.json. A floor is
today's measurement minus a small tolerance (larger where one document moves a metric more); --update never lowers a floor unless --allow-lower is
given, so a regression cannot be waved through by re-pinning. If the evaluation data changed (its
digest differs), the gate says so rather than comparing numbers measured on different data.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from .evaluation_page import build

GATES_FILE = Path(__file__).resolve().parent.parent / "docs" / "evaluation-gates.json"
TOLERANCE = 0.01
# Metrics on few documents move by more than TOLERANCE when a single document changes side: the
# floor sits about two documents' worth below today's value (test split: 90 articles; Horne: 101).
TOLERANCES = {"test.accuracy": 0.025, "horne.roc_auc": 0.02, "horne.graded": 0.03}
# The public data set behind each metric prefix (metrics of our own data have none).
DATASETS = {
    "horne": "horne2017-buzzfeed",
    "weasel": "wiki-weasel",
    "polnear": "polnear-train",
    "publishers": "polnear-train",
}


def measure(shared: Path) -> dict[str, float]:
    _, numbers = build(shared)
    measured = {
        "test.roc_auc": numbers["test"]["roc_auc"],
        "test.accuracy": numbers["test"]["accuracy"],
        "sentences_test.uncertain.f1": numbers["sentences_test"]["uncertain"]["f1"],
    }
    if "horne" in numbers:
        measured["horne.roc_auc"] = numbers["horne"]["roc_auc"]
        # Floors rise only, so the share of graded (not saturated) scores stands for saturation.
        measured["horne.graded"] = 1 - numbers["horne"]["saturated"]
    if "publishers" in numbers:
        measured["publishers.roc_auc"] = numbers["publishers"]["roc_auc"]
        measured["publishers.graded"] = 1 - numbers["publishers"]["saturated"]
    if "weasel" in numbers:
        measured["weasel.f1"] = numbers["weasel"]["f1"]
    if "polnear" in numbers:
        measured["polnear.coverage"] = numbers["polnear"]["coverage"]
        measured["polnear.supported"] = 1 - numbers["polnear"]["unsupported"]
    if "polnear_sources" in numbers:
        measured["polnear.source_exact_f1"] = numbers["polnear_sources"]["exact"]["f1"]
        measured["polnear.source_overlap_f1"] = numbers["polnear_sources"]["overlap"]["f1"]
    measured["sources.kind_agreement"] = numbers["source_labels"]["kinds"]["agreement"]
    measured["sources.claim_precision"] = numbers["source_labels"]["unsourced_claims"]["precision"]
    return measured


def data_digest(folder: Path) -> str | None:
    if not folder.exists():
        return None
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--update", action="store_true", help="raise the floors to today's numbers")
    parser.add_argument("--allow-lower", action="store_true", help="with --update, lower the floors that today's numbers fail")
    parser.add_argument(
        "--allow-missing", action="store_true", help="skip the floors of data sets that are not there, instead of failing"
    )
    args = parser.parse_args(argv)
    missing = sorted({folder for folder in DATASETS.values() if not (args.shared / folder).exists()})
    if missing and not args.allow_missing:
        print(
            f"gates: {', '.join(missing)} not found under {args.shared}: their floors cannot be checked "
            "(--allow-missing skips them)",
            file=sys.stderr,
        )
        return 1
    gates = json.loads(GATES_FILE.read_text()) if GATES_FILE.exists() else {"floors": {}, "data": {}}
    digests = {folder: data_digest(args.shared / folder) for folder in DATASETS.values()}
    measured = measure(args.shared)
    failures = []
    for name, value in sorted(measured.items()):
        floor = gates["floors"].get(name)
        folder = DATASETS.get(name.split(".")[0])
        pinned = gates["data"].get(folder) if folder else None
        changed = pinned is not None and pinned != digests.get(folder)
        status = "ok"
        if floor is None:
            status = "no floor"
        elif changed:
            status = "data changed: floor not comparable"
            failures.append(f"{name}: evaluation data differs from the pinned digest")
        elif value < floor:
            status = "BELOW FLOOR"
            failures.append(f"{name} = {value:.4f} < floor {floor:.4f}")
        print(f"{name:32} {value:.4f}  floor {'-' if floor is None else f'{floor:.4f}'}  {status}")
    if args.update:
        for name, value in measured.items():
            new_floor = round(value - TOLERANCES.get(name, TOLERANCE), 4)
            old = gates["floors"].get(name)
            if old is not None and new_floor < old:
                # --allow-lower lowers only the floors today's numbers fail; the others stay put.
                if not (args.allow_lower and value < old):
                    if value < old:
                        print(f"refusing to lower {name} from {old} to {new_floor} (use --allow-lower)", file=sys.stderr)
                    continue
            gates["floors"][name] = new_floor
        # Data sets not here keep the digest pinned before, so a later change to them is still caught.
        gates["data"] = {**gates["data"], **{name: digest for name, digest in digests.items() if digest}}
        GATES_FILE.write_text(json.dumps(gates, indent=2, sort_keys=True) + "\n")
        print(f"floors written to {GATES_FILE}")
        return 0
    if failures:
        print("gates failed: " + "; ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
