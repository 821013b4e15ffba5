"""Who is cited: the source of every verb of saying or believing (resolver.py, rules.py)."""

from .resolver import SourceResolver
from .rules import CLASSIFIERS, Source

__all__ = ["CLASSIFIERS", "Source", "SourceResolver"]
