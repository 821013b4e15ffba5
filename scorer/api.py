"""The library API: a reusable :class:`Scorer`, and ``score_text`` / ``score_file`` shortcuts.

A :class:`Scorer` loads its lexicons and model once; scoring a document is then a pure function of
the text. Nothing here imports numpy or scikit-learn.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .cues.matcher import Cue, CueMatcher
from .errors import InputError
from .model.explain import explain, reasons
from .model.features import FEATURE_NAMES, SentenceFeatures, sentence_features
from .cues.lexicon import Lexicon, load_lexicon
from .model.linear import band, load_model
from .result import CueRecord, EntityRecord, Result, SentenceRecord, SourceRecord
from .sources.claims import unsourced_claims
from .sources.entities import Entity, resolve_sources
from .read.decode import normalise_line_ends
from .read.document import Document, furniture_record, load_bytes, load_file, page_furniture_blocks
from .read.files import display_path
from .read.language import detect_language, refuse_other_languages
from .read.url import TIMEOUT_SECONDS, fetch
from .read.segment import Segment, segment

# How many reasons a result carries (the report shows three to five).
REASONS = 5


@dataclass(frozen=True)
class Analysis:
    """What the cue detector found in one text, before any model is applied."""

    text: str
    segments: list[Segment]
    cues: list[Cue]
    rows: list[SentenceFeatures]
    sources: list[Entity] = field(default_factory=list)  # the article's sources, by first mention
    cue_sources: dict[int, int] = field(default_factory=dict)  # position in ``cues`` -> index in ``sources``
    unsourced: list[bool] = field(default_factory=list)  # per segment: an unsourced claim (sources/claims.py)


class Analyzer:
    """Text -> sentences, cues and feature rows, with no model (what training and evaluation need)."""

    def __init__(self, lexicons: str | os.PathLike | None = None, lexicon: Lexicon | None = None):
        self.lexicon = lexicon or load_lexicon(lexicons)
        self.matcher = CueMatcher(self.lexicon)

    def analyse(self, text: str) -> Analysis:
        """Sentences, cues and feature rows of ``text``, whose line ends are first made ``\\n``
        (as when a file is read), so that offsets mean the same for text and for files."""
        text = normalise_line_ends(text)
        segments = segment(text, self.lexicon.abbreviations)
        found = resolve_sources(text, segments, self.matcher.find(text, segments), self.matcher.source_words)
        unsourced = unsourced_claims(text, segments, found.cues, self.lexicon.time_words)
        rows = sentence_features(text, segments, found.cues)
        return Analysis(text, segments, found.cues, rows, found.entities, found.cue_entities, unsourced)


class Scorer(Analyzer):
    """Scores articles with one model. Build once, call many times."""

    def __init__(
        self,
        model: str | os.PathLike | None = None,
        lexicons: str | os.PathLike | None = None,
        any_language: bool = False,
    ):
        super().__init__(lexicons)
        self.model, self.metadata = load_model(model, self.lexicon.digest)
        # The lexicons and the model are English: other languages get an error record, unless asked.
        self.any_language = any_language

    @property
    def model_id(self) -> str:
        return self.model.model_id

    def score_text(self, text: str, path: str | None = None) -> Result:
        """Score an article given as text. An article with no words, or not in English (unless
        ``any_language``), gets an error record."""
        return self.score_document(Document(text, path))

    def score_document(self, document: Document) -> Result:
        """Score a loaded :class:`~scorer.read.document.Document` (plain text or an extracted page)."""
        path = document.name
        try:
            language = detect_language(document.text)
            if not self.any_language:
                refuse_other_languages(document.text, path or "text", language)
        except InputError as error:
            return Result(path=path, model=self.model_id, error=str(error))
        recognised = page_furniture_blocks(document, self.matcher)
        result = self._score(document.text, path, recognised)
        if not result.ok:
            return result
        return replace(
            result,
            input=document.kind,
            title=document.title,
            language=language.code,
            furniture=furniture_record(document, recognised),
            links=tuple(link.to_dict() for link in document.links),
        )

    def _score(self, text: str, path: str | None, page_furniture: int) -> Result:
        analysis = self.analyse(text)
        text = analysis.text
        if not analysis.segments:
            return Result(path=path, model=self.model_id, error=f"{path or 'text'}: no text to score (empty document)")
        explanation = explain(self.model, analysis.rows, page_furniture)
        if not math.isfinite(explanation.logit):
            # Loading refuses absurd numbers (model/linear.py); this is the last guard, so that no
            # record ever carries a NaN, which is not JSON.
            return Result(path=path, model=self.model_id, error=f"{path or 'text'}: the model gives no finite score")
        by_sentence: list[list[CueRecord]] = [[] for _ in analysis.segments]
        for position, cue in enumerate(analysis.cues):
            source = _source_record(text, cue.who, analysis.cue_sources.get(position))
            by_sentence[cue.sentence].append(CueRecord(cue.type, cue.rule, text[cue.start : cue.end], cue.start, cue.end, source))
        sentences = tuple(
            SentenceRecord(
                index=index,
                text=text[item.start : item.end],
                start=item.start,
                end=item.end,
                paragraph=item.paragraph,
                cues=tuple(by_sentence[index]),
                contribution=contribution,
                unsourced_claim=analysis.unsourced[index],
            )
            for index, (item, contribution) in enumerate(zip(analysis.segments, explanation.sentence_contributions))
        )
        score = self.model.score(explanation.logit)
        return Result(
            path=path,
            model=self.model_id,
            score=score,
            label=band(score),
            logit=explanation.logit,
            baseline=explanation.baseline,
            article_terms=dict(explanation.article_terms),
            features=dict(zip(FEATURE_NAMES, explanation.features)),
            reasons=tuple(reasons(self.model, explanation, REASONS)),
            sentences=sentences,
            sources=tuple(_entity_record(text, entity) for entity in analysis.sources),
            words=sum(row.words for row in analysis.rows),
        )

    def score_bytes(self, data: bytes, path: str | None = None, content_type: str | None = None) -> Result:
        """Score raw bytes: plain text, or HTML (by ``content_type``, the name, or what the bytes
        open with). Binary formats and undecodable input give an error record."""
        try:
            document = load_bytes(data, path or "<bytes>", content_type=content_type)
        except InputError as error:
            return Result(path=path, model=self.model_id, error=str(error))
        return self.score_document(replace(document, name=path))

    def score_file(self, path: str | os.PathLike) -> Result:
        """Read and score a file (plain text or HTML); a file that cannot be read gives an error record."""
        name = display_path(str(path))
        try:
            document = load_file(Path(path))
        except InputError as error:
            return Result(path=name, model=self.model_id, error=str(error))
        return self.score_document(document)

    def score_url(self, url: str, timeout: float = TIMEOUT_SECONDS) -> Result:
        """Fetch and score the page at ``url``; the record's path is the URL as given. A fetch that
        fails (no answer, an HTTP error, too large) gives an error record."""
        try:
            fetched = fetch(url, timeout)
            document = load_bytes(fetched.data, url, url=fetched.url, content_type=fetched.content_type)
        except InputError as error:
            return Result(path=url, model=self.model_id, error=str(error))
        return self.score_document(document)


@lru_cache(maxsize=1)
def default_scorer() -> Scorer:
    """The scorer with the default lexicons and model, loaded on first use."""
    return Scorer()


def score_text(text: str) -> Result:
    """Score an article's text with the default model."""
    return default_scorer().score_text(text)


def score_file(path: str | os.PathLike) -> Result:
    """Score a file with the default model; unreadable files give a result whose ``error`` is set."""
    return default_scorer().score_file(path)


def _source_record(text: str, who, entity: int | None) -> SourceRecord | None:
    if who is None:
        return None
    return SourceRecord(text[who.start : who.end], who.start, who.end, who.kind, who.role, entity)


def _entity_record(text: str, entity: Entity) -> EntityRecord:
    return EntityRecord(
        name=text[entity.start : entity.end],
        start=entity.start,
        end=entity.end,
        kind=entity.kind,
        role=entity.role,
        sentences=tuple(entity.sentences),
        quoted=entity.quoted,
        first=entity.first,
    )
