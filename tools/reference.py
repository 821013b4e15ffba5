"""Reference points for the sentence-level uncertainty task, so our detector's F1 can be read in context.

- a plain word list: a sentence is uncertain when it contains one of a handful of common hedge and
  weasel words (the kind of baseline the issue quotes at about 0.54);
- a supervised model: TF-IDF unigrams and bigrams with logistic regression, trained *on the
  evaluation sentences themselves* with 5-fold cross-validation. It sees the labels our detector
  never sees, so it is an optimistic reference, not a competitor;
- an upper reference: the same with word 1-3-grams and character 2-5-grams, whose decision
  threshold is then chosen, in hindsight, to maximise F1 on its own cross-validated predictions.
  No detector that is not trained on these sentences should be expected to beat it;
- our own rules, re-weighted: one indicator per rule id of our detector, logistic regression
  trained on these sentences (cross-validated), threshold picked in hindsight: what our rules
  could reach, out of sample, if these annotators decided how much each one counts.
"""

from __future__ import annotations

import re

from scorer.evaluate.corpus import UNCERTAIN, load_sentences
from scorer.evaluate.metrics import count

# A plain word list of the kind the issue describes; deliberately not our lexicons.
PLAIN_WORDS = frozenset(
    "may might could possibly probably perhaps likely unlikely apparently reportedly allegedly "
    "some many several various believed suggest suggests suggested seems seem appears".split()
)
_WORD = re.compile(r"[a-z]+")


def plain_word_list(path) -> dict:
    sentences = load_sentences(path)
    gold = [UNCERTAIN in s.types for s in sentences]
    predicted = [bool(PLAIN_WORDS & set(_WORD.findall(s.text.lower()))) for s in sentences]
    return count(gold, predicted).to_dict()


def supervised_cross_validated(path) -> dict:
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    texts, gold = _texts_and_labels(path)
    matrix = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit_transform(texts)
    classifier = LogisticRegression(C=3, max_iter=3000, class_weight="balanced")
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    predicted = cross_val_predict(classifier, matrix, np.array(gold, dtype=int), cv=folds)
    return count(gold, [bool(p) for p in predicted]).to_dict()


def supervised_upper_bound(path) -> dict:
    """Word and character n-grams, cross-validated, with the F1-best threshold picked in hindsight."""
    import numpy as np
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    texts, gold = _texts_and_labels(path)
    words = TfidfVectorizer(ngram_range=(1, 3), min_df=2, sublinear_tf=True).fit_transform(texts)
    characters = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True).fit_transform(texts)
    matrix = hstack([words, characters]).tocsr()
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    classifier = LogisticRegression(C=1, max_iter=5000)
    probability = cross_val_predict(classifier, matrix, np.array(gold, dtype=int), cv=folds, method="predict_proba")[:, 1]
    return _best_threshold(gold, probability)


def rules_reweighted_upper_bound(path, lexicons=None) -> dict:
    """Our detector's rule ids as features, weighted by a model trained on these very sentences."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    from scorer.api import Analyzer

    texts, gold = _texts_and_labels(path)
    analyzer = Analyzer(lexicons)
    rules = [dict.fromkeys((cue.rule for cue in analyzer.analyse(text).cues), 1) for text in texts]
    matrix = DictVectorizer().fit_transform(rules)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    classifier = LogisticRegression(C=1, max_iter=5000)
    probability = cross_val_predict(classifier, matrix, np.array(gold, dtype=int), cv=folds, method="predict_proba")[:, 1]
    return _best_threshold(gold, probability)


def _best_threshold(gold: list[bool], probability) -> dict:
    import numpy as np

    reports = [
        count(gold, list(probability >= threshold)).to_dict() | {"threshold": round(float(threshold), 2)}
        for threshold in np.round(np.arange(0.10, 0.70, 0.02), 2)  # exact thresholds, as reported
    ]
    return max(reports, key=lambda report: report["f1"])


def _texts_and_labels(path) -> tuple[list[str], list[bool]]:
    sentences = load_sentences(path)
    return [s.text for s in sentences], [UNCERTAIN in s.types for s in sentences]
