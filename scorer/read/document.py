"""Bytes -> a :class:`Document`: the text to score, and what its page held around it.

Plain text is decoded (decode.py); HTML (by its name, its content type or what it opens with) goes
through the extractor (html.py). Binary formats are refused by content, whatever the name
(formats.py). Every failure is an :class:`~scorer.errors.InputError` with one line naming the input.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .decode import decode_bytes, normalise_line_ends, read_bytes
from .files import display_path
from .formats import looks_like_html, refuse_binary_formats
from .html import Furniture, Link, extract_html


@dataclass(frozen=True)
class Document:
    text: str  # what is scored; every offset in the record indexes it
    name: str  # as records show it: a path, a URL, "-"
    kind: str = "text"  # "text" or "html"
    title: str | None = None
    furniture: Furniture | None = None  # what an HTML page held around the article
    links: tuple[Link, ...] = ()  # outbound links in an HTML article's body


def load_bytes(data: bytes, name: str, url: str | None = None, content_type: str | None = None) -> Document:
    """The document in ``data``; ``url`` and ``content_type`` when it was fetched."""
    refuse_binary_formats(data, name)
    if (content_type and "html" in content_type.lower()) or looks_like_html(data, url or name):
        page = extract_html(decode_bytes(data, name), name, url)
        return Document(normalise_line_ends(page.text), name, "html", page.title, page.furniture, page.links)
    return Document(decode_bytes(data, name), name)


def load_file(path: str | os.PathLike) -> Document:
    """The document in one file."""
    name = display_path(str(path))
    return load_bytes(read_bytes(path), name)


def page_furniture_blocks(document: Document, matcher) -> int:
    """How many of a page's furniture blocks the furniture line rules recognise ("Advertisement",
    "Share this article", "0 Comments"): those count against the article as the same lines do in
    plain text. A site's menu of sections is furniture too, but says nothing about the article."""
    if document.furniture is None:
        return 0
    return sum(1 for text in document.furniture.texts if matcher.furniture_rule(text) is not None)


def furniture_record(document: Document, recognised: int) -> dict | None:
    """The record's ``furniture``: what the page held around the article (``recognised``: the
    blocks the furniture rules know), or None for plain text."""
    if document.furniture is None:
        return None
    return {**document.furniture.to_dict(), "rule_blocks": recognised}
