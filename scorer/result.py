"""The scoring result: plain data that converts to exactly the JSON record (schema/result.schema.json)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model.explain import Reason
from .cues.lexicon import CUE_TYPES

# Numbers in the record are not rounded: JSON keeps every bit of a float, so a script can check
# that baseline + article terms + the sum of sentence contributions equals the logit.
SCHEMA_VERSION = "3"


@dataclass(frozen=True)
class SourceRecord:
    """Who a cue cites: ``text == document[start:end]``, the whole phrase naming them."""

    text: str
    start: int
    end: int
    kind: str  # named, anonymous or vague (training_data/GUIDELINES.md)
    role: str | None  # the title or function given ("foreign ministry spokesman"), else None
    entity: int | None = None  # index of the source in the record's ``sources``

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "role": self.role,
            "entity": self.entity,
        }


@dataclass(frozen=True)
class EntityRecord:
    """One distinct source of an article, with every sentence that rests on it."""

    name: str  # its fullest mention, exactly ``document[start:end]``
    start: int
    end: int
    kind: str
    role: str | None
    sentences: tuple[int, ...]  # indices of the sentences it supports
    quoted: bool  # whether any of them quotes it directly
    first: int  # offset of its first mention

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "role": self.role,
            "sentences": list(self.sentences),
            "quoted": self.quoted,
            "first": self.first,
        }


@dataclass(frozen=True)
class CueRecord:
    type: str
    rule: str
    text: str
    start: int
    end: int
    source: SourceRecord | None = None  # for attribution and anonymous_source cues

    def to_dict(self) -> dict:
        return {
            "type": self.type,
            "rule": self.rule,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "source": self.source.to_dict() if self.source is not None else None,
        }


@dataclass(frozen=True)
class SentenceRecord:
    index: int
    text: str
    start: int
    end: int
    paragraph: int
    cues: tuple[CueRecord, ...]
    contribution: float | None
    unsourced_claim: bool = False  # states a specific fact with no source in reach (sources/claims.py)

    def to_dict(self) -> dict:
        return {
            "index": self.index,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "paragraph": self.paragraph,
            "cues": [cue.to_dict() for cue in self.cues],
            "contribution": self.contribution,
            "unsourced_claim": self.unsourced_claim,
        }


@dataclass(frozen=True)
class Result:
    path: str | None
    model: str | None
    score: float | None = None
    label: str | None = None
    logit: float | None = None
    baseline: float | None = None
    article_terms: dict[str, float] = field(default_factory=dict)
    features: dict[str, float] = field(default_factory=dict)
    reasons: tuple[Reason, ...] = ()
    sentences: tuple[SentenceRecord, ...] = ()
    sources: tuple[EntityRecord, ...] = ()
    words: int = 0
    error: str | None = None
    # Where the text came from: "text" (a file, standard input, the API) or "html" (a page, whose
    # extracted text is what every offset indexes; `scorer extract PAGE` prints it).
    input: str = "text"
    title: str | None = None  # an HTML page's title
    language: str | None = None  # ISO 639-1 code of the detected language ("en")
    furniture: dict | None = None  # an HTML page's stripped furniture: {blocks, words, rule_blocks}
    links: tuple[dict, ...] = ()  # outbound links in an HTML article's body: {url, text}

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def counts(self) -> dict[str, int]:
        """Number of cues of each type in the document."""
        counts = dict.fromkeys(CUE_TYPES, 0)
        for sentence in self.sentences:
            for cue in sentence.cues:
                counts[cue.type] = counts.get(cue.type, 0) + 1
        return counts

    def to_dict(self) -> dict:
        return {
            "schema": SCHEMA_VERSION,
            "path": self.path,
            "model": self.model,
            "score": self.score,
            "label": self.label,
            "logit": self.logit,
            "baseline": self.baseline,
            "article_terms": dict(self.article_terms),
            "words": self.words,
            "counts": self.counts,
            "features": dict(self.features),
            "reasons": [reason.to_dict() for reason in self.reasons],
            "sentences": [sentence.to_dict() for sentence in self.sentences],
            "sources": [source.to_dict() for source in self.sources],
            "input": self.input,
            "title": self.title,
            "language": self.language,
            "furniture": dict(self.furniture) if self.furniture is not None else None,
            "links": [dict(link) for link in self.links],
            "error": self.error,
        }
