"""Evaluation reports as text: every number shown is the report's own, to three decimals."""

import json
import re

import pytest

from scorer.evaluate.articles import evaluate, evaluate_sentences
from scorer.evaluate.render import render_articles, render_sentences

ARTICLES = {
    ("reliable", "r1"): "The ministry said in a statement that the bridge would reopen on Monday. Chen told reporters the repairs were done.",
    ("reliable", "r2"): "Police said two people were arrested. The council confirmed the closure, according to a notice published on Friday.",
    ("reliable", "r3"): "Dr. Amal Haddad, who leads the clinic, said the count was checked twice. The figures could not be independently verified.",
    ("unreliable", "u1"): "Reports have emerged that the bridge may collapse. Some say officials could be hiding the truth!",
    ("unreliable", "u2"): "Insiders claim the dam might fail. It is believed the mayor knew, sources said.",
    ("unreliable", "u3"): "",  # no text: not scored
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    for (label, name), text in ARTICLES.items():
        (root / label).mkdir(exist_ok=True)
        (root / label / f"{name}.txt").write_text(text, encoding="utf-8")
    (root / "articles.csv").write_text(
        "id,label,split\nr1,reliable,test\nr2,reliable,test\nr3,reliable,train\nu1,unreliable,test\nu2,unreliable,test\nu3,unreliable,test\n",
        encoding="utf-8",
    )
    return root


@pytest.fixture(scope="module")
def report(corpus):
    return evaluate(corpus)


def value_of(text: str, name: str) -> str:
    return re.search(rf"^  {name}\s+(\S+)", text, re.M).group(1)


def test_articles_header_counts_and_model(report, corpus):
    text = render_articles(report)
    lines = text.splitlines()
    assert lines[0] == f"Articles: 5 (3 reliable, 2 unreliable) from {corpus}"
    assert lines[1] == f"Model: {report['model']}; reliable when score >= 50"


@pytest.mark.parametrize("name, key", [("accuracy", "accuracy"), ("precision", "precision"), ("recall", "recall"),
                                       ("F1", "f1"), ("ROC-AUC", "roc_auc"), ("Brier", "brier")])
def test_every_metric_shown_is_the_reports(report, name, key):
    assert value_of(render_articles(report), name) == f"{report[key]:.3f}"


def test_confusion_matrix_rows_are_the_reports(report):
    text = render_articles(report)
    for actual in ("reliable", "unreliable"):
        row = re.search(rf"^  {actual}\s+(\d+)\s+(\d+)$", text, re.M)
        counts = report["confusion"][actual]
        assert (int(row.group(1)), int(row.group(2))) == (counts["predicted_reliable"], counts["predicted_unreliable"])
    assert sum(sum(row.values()) for row in report["confusion"].values()) == report["documents"] == 5


def test_calibration_shows_the_filled_bins_only(report):
    text = render_articles(report)
    shown = re.findall(r"^  (\d\.\d-\d\.\d)\s+(\d+)\s+(\d\.\d{3})\s+(\d\.\d{3})$", text, re.M)
    expected = [(b["bin"], str(b["count"]), f"{b['mean_predicted']:.3f}", f"{b['observed']:.3f}") for b in report["calibration"] if b["count"]]
    assert shown == expected and sum(int(row[1]) for row in shown) == 5


def test_articles_that_could_not_be_scored_are_listed(report):
    assert len(report["errors"]) == 1 and "u3" in report["errors"][0]
    assert f"Not scored (1): {report['errors'][0]}" in render_articles(report)


def test_split_is_named_when_the_report_has_one(corpus):
    report = evaluate(corpus, split="test")
    assert report["documents"] == 4
    assert render_articles(report).splitlines()[0] == f"Articles: 4 (2 reliable, 2 unreliable) from {corpus}, split test"


def test_a_metric_that_cannot_be_computed_is_shown_as_n_a(report):
    one_class = dict(report, roc_auc=None, errors=[])
    text = render_articles(one_class)
    assert value_of(text, "ROC-AUC") == "n/a" and "Not scored" not in text


@pytest.fixture(scope="module")
def sentences_report(tmp_path_factory):
    path = tmp_path_factory.mktemp("sentences") / "sentences.jsonl"
    records = [
        {"text": "Chen told reporters the repairs were done.", "types": ["attribution"], "split": "test"},
        {"text": "Officials said the bridge may close.", "types": ["anonymous_source", "speculative_modal"], "split": "test"},
        {"text": "The vote could be delayed.", "types": ["speculative_modal"], "split": "test"},
        {"text": "The river rose on Monday.", "types": [], "split": "test"},
        {"text": "Prices reportedly fell.", "types": ["hedge"], "split": "train"},
    ]
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path, evaluate_sentences(path, split="test")


def test_sentence_report_shows_each_types_numbers(sentences_report):
    path, report = sentences_report
    text = render_sentences(report)
    lines = text.splitlines()
    assert lines[0] == f"Sentences: 4 from {path}, split test"
    assert lines[1].split() == ["type", "precision", "recall", "F1", "support"]
    rows = {line.split()[0]: line.split()[1:] for line in lines[2:]}
    assert list(rows) == list(report["types"])
    assert {"attribution", "anonymous_source", "speculative_modal", "uncertain"} <= set(rows)
    for cue_type, values in report["types"].items():
        assert rows[cue_type] == [f"{values['precision']:.3f}", f"{values['recall']:.3f}", f"{values['f1']:.3f}", str(values["support"])]


def test_sentence_report_support_counts_the_gold_labels(sentences_report):
    _, report = sentences_report
    assert report["types"]["speculative_modal"]["support"] == 2
    assert report["types"]["attribution"]["support"] == 1
    assert report["types"]["uncertain"]["support"] == 2  # anonymous_source or speculative_modal
