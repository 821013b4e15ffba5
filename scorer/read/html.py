"""HTML -> the article's text, its title, the page furniture around it, and its outbound links.

trafilatura finds the main text of a page (it is the best-kept open extractor, and a rewrite here
would be a worse one); reader comments are left out. What it leaves out is *counted*: every
visible block of the page (a paragraph, a list item, a menu entry, a cookie banner) whose text is
not in the article. Those blocks go through the same furniture line rules as plain text
(``lexicons/lines/boilerplate.txt``: "Advertisement", "Share this article", "0 Comments"), so a
content farm's page furniture counts against it as the seed's plain-text furniture lines do, while a
news site's menu of sections does not (model/features.py).

The text scored, and indexed by every offset in the record, is the title, a blank line, and the
article's paragraphs separated by blank lines: :func:`extract_html` returns it, and ``scorer
extract PAGE`` prints it.

trafilatura is the ``html`` extra: ``pip install 'scorer[html]'``. Without it, an HTML input gives
an error record that says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import InputError

INSTALL_HINT = "pip install 'scorer[html]'"
# Elements whose text a reader never sees as page content.
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "iframe"})
# Elements that make a block of text of their own.
_BLOCKS = frozenset(
    {
        "p", "li", "div", "section", "article", "aside", "header", "footer", "nav", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "td", "th", "dt", "dd", "figcaption", "blockquote", "button", "label", "summary", "details",
        "ul", "ol", "table", "tr", "figure", "main", "body", "pre",
    }
)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Link:
    url: str
    text: str  # the words that carry the link

    def to_dict(self) -> dict:
        return {"url": self.url, "text": self.text}


@dataclass(frozen=True)
class Furniture:
    blocks: int  # visible blocks of the page that are not the article
    words: int
    texts: tuple[str, ...] = ()  # each block's text, for the furniture line rules to judge

    def to_dict(self) -> dict:
        return {"blocks": self.blocks, "words": self.words}


@dataclass(frozen=True)
class Page:
    text: str  # what is scored: the title, then the article's paragraphs
    title: str | None
    furniture: Furniture
    links: tuple[Link, ...] = field(default_factory=tuple)


def extract_html(html: str, name: str, url: str | None = None) -> Page:
    """The article in an HTML page (see the module docstring). :class:`InputError` when trafilatura
    is missing or finds no article."""
    try:
        import trafilatura
        from lxml import etree
        from lxml import html as lxml_html
    except ImportError:
        raise InputError(f"{name}: HTML needs trafilatura, which this installation lacks: {INSTALL_HINT}") from None
    xml = trafilatura.extract(
        html, url=url, output_format="xml", include_comments=False, include_links=True, with_metadata=True
    )
    if not xml:
        raise InputError(f"{name}: no article found in this HTML page")
    document = etree.fromstring(xml.encode("utf-8"))
    title = _clean(document.get("title") or "") or None
    paragraphs, links = [], []
    for element in document.iter("p", "head", "item", "quote", "cell"):
        if element.getparent() is not None and element.getparent().tag in ("item", "quote", "cell") and element.tag == "p":
            continue  # its text is read with its parent's
        text = _clean("".join(element.itertext()))
        if text:
            paragraphs.append(text)
        for reference in element.iter("ref"):
            target = reference.get("target") or ""
            if target.startswith(("http://", "https://")):
                links.append(Link(target, _clean("".join(reference.itertext()))))
    if title and paragraphs and _clean(paragraphs[0]) == title:
        title = None  # the article opens with its own headline
    text = "\n\n".join(([title] if title else []) + paragraphs)
    page = lxml_html.fromstring(html)
    return Page(text, title, _furniture(page, text), tuple(links))


def _furniture(page, article: str) -> Furniture:
    """The page's visible blocks whose text the article does not hold."""
    held = _clean(article).lower()
    texts: list[str] = []
    for element in page.iter():
        if not isinstance(element.tag, str) or element.tag not in _BLOCKS:
            continue
        if any(isinstance(child.tag, str) and child.tag in _BLOCKS for child in element):
            # Only the innermost blocks: text directly in a block that holds other blocks is counted
            # on its own, as the text before and between them.
            own = [element.text or ""] + [child.tail or "" for child in element]
            text = _clean(" ".join(own))
        else:
            text = _clean(element.text_content())
        if not text or _hidden(element) or text.lower() in held:
            continue
        texts.append(text)
    return Furniture(len(texts), sum(len(text.split()) for text in texts), tuple(texts))


def _hidden(element) -> bool:
    while element is not None:
        if isinstance(element.tag, str) and element.tag in _INVISIBLE:
            return True
        element = element.getparent()
    return False


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
