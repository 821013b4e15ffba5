"""`make evaluate`: measure everything we claim and write docs/EVALUATION.md.

    python -m tools.evaluation_page --shared ../shared/data --output docs/EVALUATION.md

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

from scorer.evaluate.polnear import evaluate_polnear, evaluate_source_spans
from scorer.evaluate.sources import evaluate_source_labels
from scorer.evaluate.articles import evaluate, evaluate_sentences, uncertainty_rules
from .reference import PLAIN_WORDS, plain_word_list, rules_reweighted_upper_bound, supervised_cross_validated, supervised_upper_bound
from scorer.train.trainer import DEFAULT_DATA

COMMAND = "make evaluate SHARED={shared}"


def _f(value) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _interval_line(report: dict) -> list[str]:
    interval = report.get("roc_auc_interval")
    if not interval:
        return []
    return [
        f"ROC-AUC 95% bootstrap interval: {_f(interval[0])} to {_f(interval[1])} "
        f"(1,000 resamples of each class, `scorer.metrics.roc_auc_interval`).",
        "",
    ]


# How many features the separation table lists.
_SEPARATION_SHOWN = 8


def _explained_table(explanation: str, command: str, header: tuple[str, ...], rows: list[tuple]) -> list[str]:
    """A paragraph, the command that prints the table's numbers, and the table."""
    lines = [explanation, "", f"Command: `{command}`", "", "| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines + [""]


def _separation_section(command: str, separation: list[dict]) -> list[str]:
    return _explained_table(
        "Which features tell the two apart here, each on its own (ROC-AUC of the feature's value; above 0.5, "
        "the reliable articles have more of it). Where a feature runs the other way than in our corpus, "
        "the model's weight for it works against it here.",
        f"{command} --detail --format json",
        ("feature", "ROC-AUC on its own"),
        [(f"`{row['feature']}`", _f(row["roc_auc"])) for row in separation[:_SEPARATION_SHOWN]],
    )


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
        *_interval_line(report),
        f"Expected calibration error {_f(report['expected_calibration_error'])}; "
        f"**{100 * report['saturated']:.0f}%** of the articles score below 5 or above 95.",
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


# The uncertainty types without speculative modals, for the wiki-weasel reference row.
WITHOUT_MODALS = frozenset({"anonymous_source", "hedge"})
# How many of the most frequent rules the wiki-weasel section lists.
_WEASEL_RULES_SHOWN = 12


def _weasel_rules_section(weasel: Path, ours: float, upper: float, reweighted: float) -> list[str]:
    return _explained_table(
        "Why the issue's floor of 0.65 is not met: the upper reference, a model trained on these very "
        f"sentences with its threshold picked in hindsight, reaches {_f(upper)}, against {_f(ours)} for our "
        "detector, which never sees them. Letting these labels decide, out of sample, how much each of our "
        f"rules counts reaches {_f(reweighted)}: re-weighting our rules for these annotators does not get near "
        "the floor either. The annotators marked Wikipedia weasel wording, not hedging "
        "in general: the table below shows, for our most frequent rules, the share of the sentences "
        "they fire in that the annotators labelled uncertain. Speculative \"may\" is the clearest case: "
        "the issue requires it to be a cue, and these annotators mostly did not count it.",
        f"python -c \"from scorer.evaluate.articles import uncertainty_rules; print(uncertainty_rules('{weasel}'))\"",
        ("rule", "sentences it fires in", "share labelled uncertain"),
        [
            (f"`{row['rule']}`", row["sentences"], _f(row["labelled_uncertain"]))
            for row in uncertainty_rules(weasel)[:_WEASEL_RULES_SHOWN]
        ],
    )


def build(shared: Path, extra: Path | None = None, reliable: str | None = None) -> tuple[str, dict]:
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
        f"(`python -m tools.evaluation_page --shared {shared} --output docs/EVALUATION.md`). "
        "The score rates sourcing transparency and epistemic care, not truth.",
        "",
    ]
    intro, out = out, ["## Articles", ""]
    test = evaluate(DEFAULT_DATA, split="test", detail=True)
    numbers["test"] = test
    out += _article_section("Our test split (never used for tuning)", test, "scorer evaluate training_data --split test")
    horne = shared / "horne2017-buzzfeed"
    if horne.is_dir():
        report = evaluate(horne, reliable="real", detail=True)
        numbers["horne"] = report
        out += _article_section(
            "Zero-shot on Horne & Adali 2017 (BuzzFeed political news; real = reliable, fake = unreliable; never trained on)",
            report,
            f"scorer evaluate {horne} --reliable real",
        )
        out += _separation_section(f"scorer evaluate {horne} --reliable real", report["feature_separation"])
    else:
        out += [f"Horne & Adali: skipped, {horne} not found.", ""]

    publishers = shared / "polnear-train" / "text"
    if publishers.is_dir():
        report = evaluate(publishers, detail=True, prefixes=PUBLISHERS)
        numbers["publishers"] = report
        reliable_names, unreliable_names = (",".join(group) for group in PUBLISHERS)
        command = f"scorer evaluate {publishers} --reliable-prefix {reliable_names} --unreliable-prefix {unreliable_names}"
        out += _article_section(
            "Zero-shot on PolNeAR's publishers (2016 election coverage: "
            f"{', '.join(PUBLISHERS[0])} above {', '.join(PUBLISHERS[1])}; never trained on)",
            report,
            command,
        )
        out += _separation_section(command, report["feature_separation"])
    else:
        out += [f"PolNeAR publishers: skipped, {publishers} not found.", ""]

    if extra is not None:
        report = evaluate(extra, reliable=reliable, detail=True)
        numbers["extra"] = report
        flag = f" --reliable {reliable}" if reliable else ""
        out += _article_section(f"{extra} (given with DATA=)", report, f"scorer evaluate {extra}{flag}")
    out += ["## Sentences", ""]
    weasel = shared / "wiki-weasel" / "train.csv"
    if weasel.is_file():
        report = evaluate_sentences(weasel)
        numbers["weasel"] = report["types"]["uncertain"]
        plain, supervised = plain_word_list(weasel), supervised_cross_validated(weasel)
        upper, reweighted = supervised_upper_bound(weasel), rules_reweighted_upper_bound(weasel)
        no_modals = evaluate_sentences(weasel, uncertainty_types=WITHOUT_MODALS)["types"]["uncertain"]
        out += [
            "### Uncertainty on wiki-weasel (CoNLL-2010 Wikipedia sentences)",
            "",
            f"Command: `scorer evaluate --sentences {weasel}`",
            "",
            "A sentence counts as uncertain when the detector finds an `anonymous_source`, `hedge` or "
            "`speculative_modal` cue in it.",
            "",
            *_sentence_table(report),
            "For reference (`tools/reference.py`, run by the same command as this page):",
            "",
            "| | precision | recall | F1 |",
            "| --- | --- | --- | --- |",
            f"| our cue detector (no training on these sentences) | {_f(numbers['weasel']['precision'])} | "
            f"{_f(numbers['weasel']['recall'])} | {_f(numbers['weasel']['f1'])} |",
            f"| a plain word list of {len(PLAIN_WORDS)} hedge and weasel words | {_f(plain['precision'])} | "
            f"{_f(plain['recall'])} | {_f(plain['f1'])} |",
            "| TF-IDF + logistic regression trained on these very sentences, 5-fold cross-validated | "
            f"{_f(supervised['precision'])} | {_f(supervised['recall'])} | {_f(supervised['f1'])} |",
            "| the same with word 1-3-grams and character 2-5-grams, threshold picked in hindsight for the best F1 "
            f"(at {upper['threshold']:.2f}): an upper reference | "
            f"{_f(upper['precision'])} | {_f(upper['recall'])} | {_f(upper['f1'])} |",
            "| our own rules, each weighted by logistic regression trained on these sentences (cross-validated), "
            f"threshold picked in hindsight (at {reweighted['threshold']:.2f}): our rules re-weighted for these labels | "
            f"{_f(reweighted['precision'])} | {_f(reweighted['recall'])} | {_f(reweighted['f1'])} |",
            "| our cue detector, counting only `anonymous_source` and `hedge` as uncertain (no modals) | "
            f"{_f(no_modals['precision'])} | {_f(no_modals['recall'])} | {_f(no_modals['f1'])} |",
            "",
            *_weasel_rules_section(weasel, numbers["weasel"]["f1"], upper["f1"], reweighted["f1"]),
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
            f"Command: `python -m tools.evaluation_page --shared {shared}` (function `scorer.evaluate.polnear.evaluate_polnear`)",
            "",
            f"{report['articles']} articles. Of the {report['sentences_with_speech_attribution']} sentences holding an "
            "annotated attribution whose cue is a verb of saying or reporting (a fixed list, `scorer/evaluate/reporting_verbs.txt`), "
            f"**{100 * report['coverage']:.1f}%** get an `attribution` or `anonymous_source` cue. Of the "
            f"{report['sentences_with_detected_source_cue']} sentences with such a cue, "
            f"**{100 * report['unsupported']:.1f}%** hold no annotated attribution at all.",
            "",
            *_source_span_section(polnear, numbers),
        ]
    else:
        out += [f"PolNeAR: skipped, {polnear} not found.", ""]
    out += _source_label_section(numbers)
    ours = DEFAULT_DATA / "sentences.jsonl"
    out += [
        "The lexicons were revised after reading the detector's errors on our own sentences, in every "
        "split, so the two tables below are in-sample for the lexicons (the model's test split is still "
        "unseen by the model). The public data sets above are the out-of-sample checks.",
        "",
    ]
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
    return "\n".join(intro + _summary(numbers) + out), numbers


# Source-span figures of two other systems, as the issue that asked for ours reports them: BBC
# R&D's Citron, trained in-domain on PARC 3.0 (its own test set), and a short spaCy dependency
# finder on PolNeAR articles kept aside from this project. They are quoted, not re-run here.
ANCHORS = (
    ("BBC R&D Citron (trained on PARC 3.0; its PARC test set)", 0.853, 0.820),
    ("spaCy dependency finder (PolNeAR articles kept aside)", 0.863, 0.737),
)


def _source_span_section(polnear: Path, numbers: dict) -> list[str]:
    report = evaluate_source_spans(polnear)
    numbers["polnear_sources"] = report
    exact, overlap = report["exact"], report["overlap"]
    lines = [
        "#### Source spans",
        "",
        f"Command: `python -c \"from scorer.evaluate.polnear import evaluate_source_spans; print(evaluate_source_spans('{polnear}'))\"`",
        "",
        f"Over the {report['gold_relations']} annotated relations whose cue is a verb of saying or reporting, and the "
        f"{report['predicted']} source cues whose verb or phrase is one, computed as Citron's evaluation computes them: "
        "exact, a source whose first and last tokens are the annotated ones, on a cue that overlaps the annotated cue "
        "(punctuation counts as a token, so an annotated trailing comma is a miss); overlap, tokens shared over tokens "
        "predicted and tokens annotated.",
        "",
        "| | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        f"| this scorer | {_f(exact['precision'])} | {_f(exact['recall'])} | **{_f(exact['f1'])}** | "
        f"{_f(overlap['precision'])} | {_f(overlap['recall'])} | **{_f(overlap['f1'])}** |",
    ]
    lines += [f"| {name} (quoted) | | | {exact_f1:.3f} | | | {overlap_f1:.3f} |" for name, overlap_f1, exact_f1 in ANCHORS]
    return lines + [""]


def _source_label_section(numbers: dict) -> list[str]:
    report = evaluate_source_labels(DEFAULT_DATA)
    numbers["source_labels"] = report
    kinds, sources, claims = report["kinds"], report["sources"], report["unsourced_claims"]
    lines = [
        "### Sources and unsourced claims on our own labelled sentences, read in their articles",
        "",
        "Command: `python -c \"from scorer.evaluate.sources import evaluate_source_labels; "
        "print(evaluate_source_labels('training_data'))\"`",
        "",
        f"{report['sentences']} labelled sentences ({sources['labelled']} labelled sources). A labelled source is found "
        f"when a detected source phrase overlaps it: recall {_f(sources['recall'])}, precision {_f(sources['precision'])}. "
        f"On the sources found, the kinds agree for **{_f(kinds['agreement'])}** of them.",
        "",
        "| kind | labelled (found) | recall | detected | precision |",
        "| --- | --- | --- | --- | --- |",
    ]
    for kind, values in kinds["per_kind"].items():
        lines.append(
            f"| {kind} | {values['labelled']} | {_f(values['recall'])} | {values['detected']} | {_f(values['precision'])} |"
        )
    lines += ["", "Confusion (rows labelled, columns detected):", "", "| | named | anonymous | vague |", "| --- | --- | --- | --- |"]
    for gold, row in kinds["confusion"].items():
        lines.append(f"| {gold} | {row['named']} | {row['anonymous']} | {row['vague']} |")
    lines += [
        "",
        f"Unsourced claims (`unsourced_claim`, {claims['support']} labelled): precision **{_f(claims['precision'])}**, "
        f"recall {_f(claims['recall'])}, F1 {_f(claims['f1'])}. The flag is meant to be precise rather than complete: "
        "a sentence it marks should be worth a fact-checker's look.",
        "",
    ]
    return lines


# PolNeAR's publishers as the issue groups them: mainstream desks above two partisan sites (Huffington
# Post is left out of both groups).
PUBLISHERS = (("nyt", "wash-post", "usa-today", "politico"), ("breitbart", "west-journal"))

# Targets set by the issues, for the summary table: (what, where in the numbers, target, higher is better).
TARGETS = (
    ("Test split ROC-AUC (our own articles)", ("test", "roc_auc"), 0.88, True),
    ("Horne & Adali zero-shot ROC-AUC", ("horne", "roc_auc"), 0.80, True),
    ("PolNeAR publishers zero-shot ROC-AUC", ("publishers", "roc_auc"), 0.80, True),
    ("Horne & Adali: share scoring below 5 or above 95", ("horne", "saturated"), 0.20, False),
    ("PolNeAR publishers: share scoring below 5 or above 95", ("publishers", "saturated"), 0.20, False),
    ("PolNeAR source spans, exact F1", ("polnear_sources", "exact", "f1"), 0.74, True),
    ("PolNeAR source spans, overlap F1", ("polnear_sources", "overlap", "f1"), 0.87, True),
    ("PolNeAR speech-attribution sentences with a source cue", ("polnear", "coverage"), 0.82, True),
    ("PolNeAR source cues in sentences with no annotated attribution", ("polnear", "unsupported"), 0.061, False),
    ("wiki-weasel uncertain F1", ("weasel", "f1"), 0.65, True),
)


def _lookup(numbers: dict, path: tuple[str, ...]):
    value = numbers
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def _summary(numbers: dict) -> list[str]:
    lines = ["## Summary", "", "| measure | value | target set by the issues | met |", "| --- | --- | --- | --- |"]
    for name, path, target, higher in TARGETS:
        value = _lookup(numbers, path)
        if value is None:
            continue
        met = value >= target if higher else value <= target
        bound = f">= {target:.2f}" if higher else f"<= {target:.3g}"
        lines.append(f"| {name} | {_f(value)} | {bound} | {'yes' if met else '**no**'} |")
    return lines + [""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"), help="folder of the public data sets")
    parser.add_argument("--output", type=Path, help="write the Markdown page here")
    parser.add_argument("--data", type=Path, help="also evaluate this folder (one subfolder per label)")
    parser.add_argument("--reliable", help="with --data: the name of the reliable subfolder")
    args = parser.parse_args(argv)
    page, _ = build(args.shared, args.data, args.reliable)
    print(page)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(page, encoding="utf-8")
        print(f"written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
