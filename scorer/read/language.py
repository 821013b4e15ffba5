"""Which language a document is in: the scorer's lexicons and model are English only.

Two steps, so that English text, nearly all of what is scored, costs almost nothing:

1. the share of the opening words that are common English function words (``data/english_words.txt``):
   news in English runs at 35-50%, other languages with a Latin script below 10%;
2. only when that share is low, py3langid (a maintained language identifier, with its model in the
   package, no download) names the language.

A text too short to judge (fewer than ``MIN_WORDS`` words) is taken as English rather than refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import InputError

# How much of a document is read to judge its language.
SAMPLE_CHARS = 3000
# Fewer words than this cannot be judged: a headline, a caption.
MIN_WORDS = 12
# At least this share of English function words is English (see the module docstring for why).
ENGLISH_SHARE = 0.2
_WORD = re.compile(r"[^\W\d_]{2,}")  # words of two letters or more: "A0B0" is not a sentence


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, as py3langid gives it ("en", "de")
    name: str

    @property
    def english(self) -> bool:
        return self.code == "en"


ENGLISH = Language("en", "English")


def detect_language(text: str) -> Language:
    """The language of ``text`` (see the module docstring)."""
    words = _WORD.findall(text[:SAMPLE_CHARS].lower())
    if len(words) < MIN_WORDS:
        return ENGLISH
    common = _english_words()
    if sum(1 for word in words if word in common) >= ENGLISH_SHARE * len(words):
        return ENGLISH
    code = _identify(text[:SAMPLE_CHARS])
    return Language(code, _names().get(code, code))


def refuse_other_languages(text: str, name: str, language: Language | None = None) -> Language:
    """The text's language (``language`` if already detected); :class:`InputError` naming it when
    it is not English."""
    language = language or detect_language(text)
    if not language.english:
        raise InputError(
            f"{name}: not English (detected {language.code}, {language.name}): the scorer reads English only "
            "(--any-language scores it anyway)"
        )
    return language


def _identify(text: str) -> str:
    try:
        import py3langid
    except ImportError:  # pragma: no cover - a dependency of the package
        raise InputError("language identification needs py3langid: pip install py3langid") from None
    code, _ = py3langid.classify(text)
    return code


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    lines = (resources.files("scorer.read") / "data" / "english_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    table = (resources.files("scorer.read") / "data" / "language_names.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t", 1) for line in table.splitlines() if line)
