"""Nothing can be gamed by length: an article repeated k times scores within 5 points of itself."""

import pytest

from scorer.evaluate.corpus import load_articles

from ..conftest import TRAINING_DATA

# The bound: an article repeated scores within this many points of the original.
MAX_DRIFT = 5.0


@pytest.mark.parametrize("times", [3, 10, 50])
def test_every_test_split_article_repeated_scores_the_same(scorer, times):
    drifts = []
    for article in (a for a in load_articles(TRAINING_DATA) if a.split == "test"):
        text = article.read()
        once = scorer.score_text(text).score
        repeated = scorer.score_text("\n\n".join([text] * times)).score
        drifts.append((abs(repeated - once), article.id))
    worst = max(drifts)
    assert worst[0] <= MAX_DRIFT, worst
