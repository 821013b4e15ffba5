"""Every rule id a record can carry, with its cue type, what it catches and an example.

One registry, gathered from the three places rules live: the lexicon's phrase lists and line
patterns (data files), the source resolver's classifiers (scorer/sources/rules.py) and the few
rules the cue matcher decides in code. ``scorer rules`` prints it, the lexicon README's rule table is
generated from it (``make docs``), and a test checks that every id seen while scoring is in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .cues.details import DETAIL_RULES
from .cues.lexicon import IGNORE, Lexicon, load_lexicon
from .cues.matcher import CODE_RULES
from .cues.types import TYPE_DESCRIPTIONS
from .sources.entities import ENTITY_RULES
from .sources.rules import record_rule_ids

# How many of a phrase rule's phrases its description quotes.
_PHRASES_SHOWN = 4


@dataclass(frozen=True)
class RuleInfo:
    id: str
    type: str
    description: str
    example: str
    origin: str  # the file or module that defines it

    def to_dict(self) -> dict:
        return {"id": self.id, "type": self.type, "description": self.description, "example": self.example, "origin": self.origin}


def all_rules(lexicon: Lexicon | None = None) -> list[RuleInfo]:
    """Every rule id that can appear in a record, sorted by id."""
    lexicon = lexicon or load_lexicon()
    rules: dict[str, RuleInfo] = {}
    phrases_by_rule: dict[str, list[str]] = {}
    types: dict[str, str] = {}
    for phrase, rule in lexicon.phrases.items():
        if rule.type != IGNORE:
            phrases_by_rule.setdefault(rule.rule, []).append(phrase)
            types[rule.rule] = rule.type
    for rule_id, phrases in phrases_by_rule.items():
        cue_type = types[rule_id]
        shown = ", ".join(f'"{phrase}"' for phrase in phrases[:_PHRASES_SHOWN])
        more = f" and {len(phrases) - _PHRASES_SHOWN} more" if len(phrases) > _PHRASES_SHOWN else ""
        rules[rule_id] = RuleInfo(
            rule_id, cue_type, f"{TYPE_DESCRIPTIONS[cue_type]}: {shown}{more}", phrases[0], f"lexicons/phrases/{cue_type}.txt"
        )
    for rule_id, _ in lexicon.line_rules:
        rules[rule_id] = RuleInfo(
            rule_id,
            "boilerplate",
            "a whole short line of page furniture",
            lexicon.line_examples[rule_id],
            "lexicons/lines/boilerplate.txt",
        )
    for rule_id, description, example in CODE_RULES:
        rules[rule_id] = RuleInfo(rule_id, rule_id.split(".", 1)[0], description, example, "scorer/cues/matcher.py")
    for rule_id, cue_type, description, example in record_rule_ids():
        rules[rule_id] = RuleInfo(rule_id, cue_type, description, example, "scorer/sources/rules.py")
    for rule_id, description, example in DETAIL_RULES:
        rules[rule_id] = RuleInfo(rule_id, rule_id.split(".", 1)[0], description, example, "scorer/cues/details.py")
    for rule_id, description, example in ENTITY_RULES:
        rules[rule_id] = RuleInfo(rule_id, rule_id.split(".", 1)[0], description, example, "scorer/sources/entities.py")
    return sorted(rules.values(), key=lambda rule: rule.id)
