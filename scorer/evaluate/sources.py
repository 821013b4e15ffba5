"""Sources and unsourced claims measured on our own labelled sentences, read in their articles.

``training_data/sentences.jsonl`` gives, for each labelled sentence, the sources it cites (the phrase,
its kind and role) and whether it is an unsourced claim (training_data/GUIDELINES.md). Sources
depend on context (a pronoun's kind is its referent's; a claim may rest on the sentence before), so
each sentence is found in its article and the whole article is analysed, as the scorer reads it.

- **Sources**: a labelled source is found when a detected source phrase in that sentence overlaps it;
  precision counts the detected phrases that overlap a labelled one. Kinds are compared on the pairs
  found: a confusion table, and per kind, how many of the labelled sources of that kind were found
  with that kind (recall) and how many detected with that kind were labelled so (precision).
- **Unsourced claims**: precision and recall of the sentence flag.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from ..api import Analysis, Analyzer
from ..read.decode import read_document
from ..sources.spans import KINDS
from .corpus import load_articles
from .metrics import count


def evaluate_source_labels(
    corpus: str | os.PathLike, split: str | None = None, lexicons: str | os.PathLike | None = None
) -> dict:
    """Source detection, kind agreement and unsourced-claim flags on ``corpus/sentences.jsonl``."""
    root = Path(corpus)
    paths = {article.id: article.path for article in load_articles(root)}
    analyzer = Analyzer(lexicons)
    analyses: dict[str, Analysis | None] = {}
    gold_total = gold_found = predicted_total = predicted_matched = 0
    confusion: Counter = Counter()
    claims_gold: list[bool] = []
    claims_predicted: list[bool] = []
    sentences = skipped = 0
    for line in (root / "sentences.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if "sources" not in record or (split is not None and record.get("split") != split):
            continue
        article = record["article"]
        if article not in analyses:
            path = paths.get(article)
            analyses[article] = analyzer.analyse(read_document(path)) if path is not None else None
        analysis = analyses[article]
        located = _locate(analysis, record["text"]) if analysis is not None else None
        if located is None:
            skipped += 1
            continue
        sentences += 1
        start, end, index = located
        detected = [
            (cue.who.start, cue.who.end, cue.who.kind)
            for cue in analysis.cues
            if cue.who is not None and start <= cue.start < end and not cue.rule.endswith(".continued_quote")
        ]
        labelled = []
        for source in record["sources"]:
            at = analysis.text.find(source["text"], start, end)
            if at >= 0:
                labelled.append((at, at + len(source["text"]), source["kind"]))
        gold_total += len(labelled)
        predicted_total += len(detected)
        for gold_start, gold_end, gold_kind in labelled:
            match = next((d for d in detected if d[0] < gold_end and gold_start < d[1]), None)
            if match is not None:
                gold_found += 1
                confusion[(gold_kind, match[2])] += 1
        predicted_matched += sum(1 for d in detected if any(d[0] < g[1] and g[0] < d[1] for g in labelled))
        if "unsourced_claim" in record:
            claims_gold.append(bool(record["unsourced_claim"]))
            claims_predicted.append(analysis.unsourced[index])
    return {
        "data": str(root),
        "split": split,
        "sentences": sentences,
        "not_found_in_article": skipped,
        "sources": {
            "labelled": gold_total,
            "detected": predicted_total,
            "recall": gold_found / gold_total if gold_total else None,
            "precision": predicted_matched / predicted_total if predicted_total else None,
        },
        "kinds": _kind_agreement(confusion),
        "unsourced_claims": count(claims_gold, claims_predicted).to_dict() | {"support": sum(claims_gold)},
    }


def _locate(analysis: Analysis, sentence: str) -> tuple[int, int, int] | None:
    """(start, end, segment index) of a labelled sentence's first occurrence in its article."""
    at = analysis.text.find(sentence)
    if at < 0:
        return None
    index = max((i for i, segment in enumerate(analysis.segments) if segment.start <= at), default=0)
    return at, at + len(sentence), index


def _kind_agreement(confusion: Counter) -> dict:
    """Per kind, recall and precision over the pairs found; and the confusion table."""
    kinds = {}
    for kind in KINDS:
        labelled = sum(n for (gold, _), n in confusion.items() if gold == kind)
        detected = sum(n for (_, found), n in confusion.items() if found == kind)
        agreed = confusion[(kind, kind)]
        kinds[kind] = {
            "labelled": labelled,
            "detected": detected,
            "recall": agreed / labelled if labelled else None,
            "precision": agreed / detected if detected else None,
        }
    total = sum(confusion.values())
    return {
        "agreement": sum(confusion[(k, k)] for k in KINDS) / total if total else None,
        "per_kind": kinds,
        "confusion": {gold: {found: confusion[(gold, found)] for found in KINDS} for gold in KINDS},
    }
