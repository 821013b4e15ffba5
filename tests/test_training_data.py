"""The labelled corpus we wrote: size, variety, splits, sentence labels; and the model trained on it."""

import csv
import json
from collections import Counter

import pytest

from scorer.evaluate.corpus import corpus_digest, load_articles
from scorer.cues.lexicon import load_lexicon
from scorer.model.linear import DEFAULT_MODEL_DIR, METADATA_FILE

from .conftest import TRAINING_DATA

GENRES_NEEDED = {
    "wire", "local_news", "science_health", "business_filings", "investigative",
    "content_farm", "rumour_gossip", "conspiracy_propaganda", "clickbait", "aggregator",
}


@pytest.fixture(scope="module")
def rows():
    with open(TRAINING_DATA / "articles.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_corpus_size_balance_and_lengths(rows):
    articles = load_articles(TRAINING_DATA)
    assert len(articles) >= 400 and len(articles) == len(rows)
    labels = Counter(a.label for a in articles)
    assert labels["reliable"] >= 150 and labels["unreliable"] >= 150
    for article in articles:
        words = len(article.read().split())
        assert 120 <= words <= 900, (article.id, words)


def test_corpus_variety_and_hard_cases(rows):
    assert len({r["topic"] for r in rows}) >= 12
    assert GENRES_NEEDED <= {r["genre"] for r in rows}
    assert sum(1 for r in rows if r["hard_case"]) >= len(rows) / 4
    by_label = Counter((r["label"], bool(r["hard_case"])) for r in rows)
    assert by_label[("reliable", True)] > 0 and by_label[("unreliable", True)] > 0


def test_every_article_has_a_fixed_split_with_both_labels(rows):
    ids_on_disk = {a.id for a in load_articles(TRAINING_DATA)}
    assert {r["id"] for r in rows} == ids_on_disk
    for split in ("train", "dev", "test"):
        assert {r["label"] for r in rows if r["split"] == split} == {"reliable", "unreliable"}


def test_sentence_labels_are_many_valid_and_taken_from_their_articles():
    from scorer.cues.lexicon import CUE_TYPES

    texts = {a.id: a.read() for a in load_articles(TRAINING_DATA)}
    lines = (TRAINING_DATA / "sentences.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 1500
    for line in lines:
        record = json.loads(line)
        assert record["text"] in texts[record["article"]]
        for cue in record["cues"]:
            assert cue["type"] in CUE_TYPES and cue["text"] in record["text"]


def test_committed_model_was_trained_on_the_current_data_and_lexicons():
    metadata = json.loads((DEFAULT_MODEL_DIR / METADATA_FILE).read_text())
    assert metadata["training_data"]["sha256"] == corpus_digest(TRAINING_DATA), "training_data changed: run make train"
    assert metadata["lexicons"]["sha256"] == load_lexicon().digest, "lexicons changed: run make train"
    assert metadata["metrics"]["test"]["roc_auc"] >= 0.95
