"""Faithful explanations: what the report says made the score is exactly what made the score, and
it points at what is on the page (model/explain.py)."""

import math

import pytest

from scorer.evaluate.corpus import load_articles
from scorer.model.explain import explain

from ..conftest import TRAINING_DATA


@pytest.fixture(scope="module")
def test_split_results(scorer):
    articles = [a for a in load_articles(TRAINING_DATA) if a.split == "test"]
    assert len(articles) >= 150
    return [scorer.score_file(a.path).to_dict() for a in articles]


def test_baseline_article_terms_and_sentences_add_up_to_the_logit(test_split_results):
    for record in test_split_results:
        total = record["baseline"] + sum(record["article_terms"].values()) + sum(s["contribution"] for s in record["sentences"])
        assert math.isclose(total, record["logit"], abs_tol=1e-6), record["path"]


def test_a_sentence_with_no_cue_contributes_exactly_nothing(test_split_results):
    cueless = [s for record in test_split_results for s in record["sentences"] if not s["cues"]]
    assert cueless  # the test split has plenty
    assert all(s["contribution"] == 0 for s in cueless)


def test_no_reason_credits_what_the_article_lacks(test_split_results):
    for record in test_split_results:
        for reason in record["reasons"]:
            assert reason["value"] != 0, (record["path"], reason["text"])


def test_the_baseline_is_an_article_with_no_cues_and_no_text(scorer):
    explanation = explain(scorer.model, scorer.analyse("").rows)
    assert math.isclose(explanation.logit, explanation.baseline, abs_tol=1e-12)


def test_feature_contributions_add_up_to_the_same_logit(scorer, seed_text):
    explanation = explain(scorer.model, scorer.analyse(seed_text).rows)
    assert math.isclose(explanation.baseline + sum(explanation.feature_contributions), explanation.logit, abs_tol=1e-9)
    assert math.isclose(explanation.logit, scorer.model.logit(list(explanation.features)), abs_tol=1e-9)


def test_score_is_a_monotone_function_of_the_logit(scorer, test_split_results):
    pairs = sorted((r["logit"], r["score"]) for r in test_split_results)
    assert all(a[1] <= b[1] for a, b in zip(pairs, pairs[1:]))
    grid = [scorer.model.score(x / 10) for x in range(-200, 201)]
    assert grid == sorted(grid)


def test_reasons_are_the_largest_feature_contributions(scorer, seed_text):
    result = scorer.score_text(seed_text)
    explanation = explain(scorer.model, scorer.analyse(seed_text).rows)
    largest = sorted(explanation.feature_contributions, key=abs, reverse=True)[: len(result.reasons)]
    assert [r.contribution for r in result.reasons] == largest
    assert 3 <= len(result.reasons) <= 5
