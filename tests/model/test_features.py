import math

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from scorer.model.features import FEATURE_NAMES, FEATURES, SENTENCES, WORDS, article_features
from scorer.train.transformer import CueFeatures


def test_article_features_are_computed_from_the_sentence_rows(analyzer, seed_text):
    rows = analyzer.analyse(seed_text).rows
    sentences, words = len(rows), sum(r.words for r in rows)
    vector = article_features(rows)
    for j, feature in enumerate(FEATURES):
        total = sum(row.values[j] for row in rows)
        if feature.denominator == SENTENCES:
            expected = total / sentences
        elif feature.denominator == WORDS:
            expected = total / (words / 100)
        else:
            expected = math.log1p(total)
        assert math.isclose(vector[j], expected)
    named = dict(zip(FEATURE_NAMES, vector))
    assert named["attribution.share"] == 0
    assert named["speculative_modal.per_100_words"] == pytest.approx(100 * 12 / words)
    assert named["sources.distinct"] == 0
    assert named["length.words"] == pytest.approx(math.log1p(words))


def test_transformer_follows_the_scikit_learn_contract(seed_text):
    transformer = CueFeatures()
    with pytest.raises(NotFittedError):
        transformer.transform([seed_text])
    fitted = clone(transformer).fit([seed_text])
    matrix = fitted.transform([seed_text, "Officials said it may rain."])
    assert matrix.shape == (2, len(FEATURE_NAMES))
    assert list(fitted.get_feature_names_out()) == list(FEATURE_NAMES)
    assert transformer.get_params() == {"lexicons": None}
    assert np.array_equal(fitted.fit_transform([seed_text]), fitted.transform([seed_text]))
