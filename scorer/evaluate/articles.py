"""Metrics of a model on a labelled article corpus, and of the cue detector on labelled sentences."""

from __future__ import annotations

import os
from typing import Callable

from ..api import Analyzer, Scorer
from .corpus import UNCERTAIN, LabelledArticle, LabelledSentence, load_articles, load_by_prefix, load_sentences
from ..cues.lexicon import CUE_TYPES
from .metrics import binary_report, count, roc_auc, roc_auc_interval

# A sentence counts as uncertain when the detector finds one of these cue types in it.
UNCERTAINTY_TYPES = frozenset({"anonymous_source", "hedge", "speculative_modal"})


def evaluate(
    data: str | os.PathLike,
    model: str | os.PathLike | None = None,
    reliable: str | None = None,
    split: str | None = None,
    lexicons: str | os.PathLike | None = None,
    progress: Callable[[int, int], None] | None = None,
    detail: bool = False,
    prefixes: tuple[tuple[str, ...], tuple[str, ...]] | None = None,
) -> dict:
    """Score every article of a labelled corpus and report how well scores separate the labels.

    ``split`` keeps only articles of that split (a corpus with articles.csv, like training_data/).
    ``detail`` adds a bootstrap interval of the ROC-AUC (``roc_auc_interval``) and how well each
    feature separates the labels on its own (see :func:`feature_separation`). ``prefixes`` (reliable,
    unreliable) labels the files of one folder by the start of their names instead (PolNeAR's
    publishers: ``nyt_...`` against ``breitbart_...``).
    """
    scorer = Scorer(model, lexicons)
    articles = load_by_prefix(data, *prefixes) if prefixes else load_articles(data, reliable)
    if split is not None:
        articles = [article for article in articles if article.split == split]
    return evaluate_articles(scorer, articles, progress, detail) | {"data": str(data), "split": split}


def evaluate_articles(
    scorer: Scorer,
    articles: list[LabelledArticle],
    progress: Callable[[int, int], None] | None = None,
    detail: bool = False,
) -> dict:
    labels, probabilities, features, errors = [], [], [], []
    for index, article in enumerate(articles):
        if article.path is not None:
            result = scorer.score_file(article.path)
        else:
            result = scorer.score_text(article.text or "", article.id)
        if result.ok:
            labels.append(article.reliable)
            # The unrounded probability: the score's one decimal would tie near 0 and 100.
            probabilities.append(scorer.model.probability(result.logit))
            features.append(result.features)
        else:
            errors.append(result.error)
        if progress:
            progress(index + 1, len(articles))
    if not labels:
        raise ValueError("no article could be scored")
    report = binary_report(labels, probabilities)
    if detail:
        report["roc_auc_interval"] = roc_auc_interval(labels, probabilities)
        report["feature_separation"] = _separation(labels, features)
    return report | {"model": scorer.model_id, "errors": errors}


def feature_separation(
    data: str | os.PathLike, reliable: str | None = None, model: str | os.PathLike | None = None
) -> list[dict]:
    """Each article feature on its own: the ROC-AUC of its value for telling reliable from unreliable.

    Above 0.5, reliable articles have more of it; below, less. Most separating first. This shows
    which signals carry over to a corpus and which run the other way there.
    """
    return evaluate(data, model, reliable, detail=True)["feature_separation"]


def _separation(labels: list[bool], features: list[dict[str, float]]) -> list[dict]:
    rows = [{"feature": name, "roc_auc": roc_auc(labels, [values[name] for values in features])} for name in features[0]]
    return sorted(rows, key=lambda row: -abs((row["roc_auc"] or 0.5) - 0.5))


def evaluate_sentences(
    data: str | os.PathLike,
    lexicons: str | os.PathLike | None = None,
    split: str | None = None,
    uncertainty_types: frozenset[str] = UNCERTAINTY_TYPES,
) -> dict:
    """Precision, recall and F1 of the cue detector on labelled sentences.

    Binary files (``label`` 1 = uncertain, like wiki-weasel) are scored on "uncertain" (the sentence
    carries an anonymous_source, hedge or speculative_modal cue); files with cue types are scored per type.
    """
    sentences = load_sentences(data)
    if split is not None:
        sentences = [sentence for sentence in sentences if sentence.split == split]
    analyzer = Analyzer(lexicons)
    found = [detected_types(analyzer, sentence, uncertainty_types) for sentence in sentences]
    binary = all(sentence.types <= {UNCERTAIN} for sentence in sentences)
    types = [UNCERTAIN] if binary else [t for t in CUE_TYPES if any(t in s.types for s in sentences)]
    if not binary:
        types.append(UNCERTAIN)
    report = {"data": str(data), "split": split, "sentences": len(sentences), "types": {}}
    for cue_type in types:
        if cue_type == UNCERTAIN and not binary:
            gold = [bool(sentence.types & uncertainty_types) for sentence in sentences]
        else:
            gold = [cue_type in sentence.types for sentence in sentences]
        predicted = [cue_type in types_found for types_found in found]
        report["types"][cue_type] = count(gold, predicted).to_dict() | {"support": sum(gold)}
    return report


def uncertainty_rules(data: str | os.PathLike, lexicons: str | os.PathLike | None = None) -> list[dict]:
    """For each uncertainty rule: in how many sentences it fires, and the share of those labelled uncertain.

    On a binary file (wiki-weasel) this shows which of our rules the annotators agreed with.
    Most frequent rules first.
    """
    analyzer = Analyzer(lexicons)
    fired: dict[str, list[bool]] = {}
    for sentence in load_sentences(data):
        gold = UNCERTAIN in sentence.types
        for rule in {cue.rule for cue in analyzer.analyse(sentence.text).cues if cue.type in UNCERTAINTY_TYPES}:
            fired.setdefault(rule, []).append(gold)
    rows = [{"rule": rule, "sentences": len(golds), "labelled_uncertain": sum(golds) / len(golds)} for rule, golds in fired.items()]
    return sorted(rows, key=lambda row: (-row["sentences"], row["rule"]))


def detected_types(
    analyzer: Analyzer, sentence: LabelledSentence, uncertainty_types: frozenset[str] = UNCERTAINTY_TYPES
) -> frozenset[str]:
    """Cue types the detector finds in one sentence, plus "uncertain" when any uncertainty type is found."""
    types = {cue.type for cue in analyzer.analyse(sentence.text).cues}
    if types & uncertainty_types:
        types.add(UNCERTAIN)
    return frozenset(types)
