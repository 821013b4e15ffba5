"""Errors the scorer reports to people as one line, without a traceback."""


class ScorerError(Exception):
    """Base class: the message is a complete, one-line explanation for the user."""


class InputError(ScorerError):
    """A document could not be read or decoded (binary, unreadable, missing)."""


class LexiconError(ScorerError):
    """A lexicon file is malformed: blank list, duplicate entry, bad pattern."""


class ModelError(ScorerError):
    """A model is missing, corrupted, or does not match the code and lexicons."""


class UsageError(ScorerError):
    """The command line asks for something that cannot work (exit code 2, before anything runs)."""
