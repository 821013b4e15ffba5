"""`make evaluate`: measure everything we claim and write docs/EVALUATION.md.

    python -m scorer.evaluation_docs --shared ../shared/data --output docs/EVALUATION.md

Measures the committed model on our own test split, zero-shot on the Horne & Adali articles, the
cue detector on the wiki-weasel sentences, on PolNeAR's attribution annotations and on our own
sentence labels. Public data is read from the folder given; a missing data set is reported as
skipped, not silently dropped.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from .attribution_eval import evaluate_polnear
from .evaluation import evaluate, evaluate_sentences
from .training import DEFAULT_DATA

COMMAND = "make evaluate SHARED={shared}"


def _f(value) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _article_section(title: str, report: dict, command: str) -> list[str]:
    lines = [
        f"### {title}",
        "",
        f"Command: `{command}`",
        "",
        f"{report['documents']} articles ({report['reliable']} reliable, {report['unreliable']} unreliable), "
        f"model `{report['model']}`, reliable when score >= 50.",
        "",
        "| accuracy | precision | recall | F1 | ROC-AUC | Brier |",
        "| --- | --- | --- | --- | --- | --- |",
        f"| {_f(report['accuracy'])} | {_f(report['precision'])} | {_f(report['recall'])} | {_f(report['f1'])} "
        f"| {_f(report['roc_auc'])} | {_f(report['brier'])} |",
        "",
        "Confusion matrix (rows actual, columns predicted):",
        "",
        "| | predicted reliable | predicted unreliable |",
        "| --- | --- | --- |",
    ]
    for actual in ("reliable", "unreliable"):
        row = report["confusion"][actual]
        lines.append(f"| {actual} | {row['predicted_reliable']} | {row['predicted_unreliable']} |")
    lines += ["", "Calibration (score bin, articles, mean predicted probability, observed share reliable):", ""]
    lines += ["| bin | articles | mean predicted | observed |", "| --- | --- | --- | --- |"]
    for bin_ in report["calibration"]:
        if bin_["count"]:
            lines.append(f"| {bin_['bin']} | {bin_['count']} | {_f(bin_['mean_predicted'])} | {_f(bin_['observed'])} |")
    return lines + [""]


def _sentence_table(report: dict) -> list[str]:
    lines = ["| type | precision | recall | F1 | support |", "| --- | --- | --- | --- | --- |"]
    for cue_type, values in report["types"].items():
        lines.append(
            f"| {cue_type} | {_f(values['precision'])} | {_f(values['recall'])} | {_f(values['f1'])} | {values['support']} |"
        )
    return lines + [""]


def build(shared: Path) -> tuple[str, dict]:
    """Run every measurement; return the Markdown page and the numbers."""
    numbers: dict = {}
    command = COMMAND.format(shared=shared)
    out = [
        "# Evaluation",
        "",
        "Every figure on this page was printed by one command, which rewrites this page:",
        "",
        f"    {command}",
        "",
        f"(`python -m scorer.evaluation_docs --shared {shared} --output docs/EVALUATION.md`). "
        "The score rates sourcing transparency and epistemic care, not truth.",
        "",
        "## Articles",
        "",
    ]
    test = evaluate(DEFAULT_DATA, split="test")
    numbers["test"] = test
    out += _article_section("Our test split (never used for tuning)", test, "scorer evaluate training_data --split test")
    horne = shared / "horne2017-buzzfeed"
    if horne.is_dir():
        report = evaluate(horne, reliable="real")
        numbers["horne"] = report
        out += _article_section(
            "Zero-shot on Horne & Adali 2017 (BuzzFeed political news; real = reliable, fake = unreliable; never trained on)",
            report,
            f"scorer evaluate {horne} --reliable real",
        )
    else:
        out += [f"Horne & Adali: skipped, {horne} not found.", ""]

    out += ["## Sentences", ""]
    weasel = shared / "wiki-weasel" / "train.csv"
    if weasel.is_file():
        report = evaluate_sentences(weasel)
        numbers["weasel"] = report["types"]["uncertain"]
        out += [
            "### Uncertainty on wiki-weasel (CoNLL-2010 Wikipedia sentences)",
            "",
            f"Command: `scorer evaluate --sentences {weasel}`",
            "",
            "A sentence counts as uncertain when the detector finds an `anonymous_source`, `hedge` or "
            "`speculative_modal` cue in it.",
            "",
            *_sentence_table(report),
        ]
    else:
        out += [f"wiki-weasel: skipped, {weasel} not found.", ""]
    polnear = shared / "polnear-train"
    if polnear.is_dir():
        report = evaluate_polnear(polnear)
        numbers["polnear"] = report
        out += [
            "### Attribution on PolNeAR (hand-annotated Source / Cue / Content relations)",
            "",
            f"Command: `python -m scorer.evaluation_docs --shared {shared}` (function `scorer.attribution_eval.evaluate_polnear`)",
            "",
            f"{report['articles']} articles. Of the {report['sentences_with_speech_attribution']} sentences holding an "
            "annotated attribution whose cue is a verb of saying or reporting, "
            f"**{100 * report['coverage']:.1f}%** get an `attribution` or `anonymous_source` cue. Of the "
            f"{report['sentences_with_detected_source_cue']} sentences with such a cue, "
            f"**{100 * report['unsupported']:.1f}%** hold no annotated attribution at all.",
            "",
        ]
    else:
        out += [f"PolNeAR: skipped, {polnear} not found.", ""]
    ours = DEFAULT_DATA / "sentences.jsonl"
    for split in ("test", None):
        report = evaluate_sentences(ours, split=split)
        numbers[f"sentences_{split or 'all'}"] = report["types"]
        label = f"the {split} split" if split else "all splits"
        out += [
            f"### Per cue type on our own hand-labelled sentences ({label}, {report['sentences']} sentences)",
            "",
            f"Command: `scorer evaluate --sentences training_data/sentences.jsonl{' --split ' + split if split else ''}`",
            "",
            *_sentence_table(report),
        ]
    out += [f"_Written {datetime.date.today().isoformat()}._", ""]
    return "\n".join(out), numbers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"), help="folder of the public data sets")
    parser.add_argument("--output", type=Path, help="write the Markdown page here")
    args = parser.parse_args(argv)
    page, _ = build(args.shared)
    print(page)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(page, encoding="utf-8")
        print(f"written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
