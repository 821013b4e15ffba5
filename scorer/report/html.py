"""Render result records as one self-contained HTML page, for people who would rather look than read.

Built from the records (the JSON dicts) exactly as text.py is, so the page shows what scripts get.
One file: inline CSS, no script, no external style, font or image, so it opens offline and can be
mailed. Each article gets a section: score and band, the reasons, "Who is cited", the article with
every cue highlighted by type (a legend names them), each sentence's contribution, and the list of
sentences that moved the score, largest first. Several articles get an index table of links.
"""

from __future__ import annotations

from html import escape

from .text import BAND_NAMES, TAGS, TYPE_WORDS

# Background colours per cue type: light enough to read dark text on, distinct from each other.
CUE_COLOURS = {
    "attribution": "#c8ecc8",
    "anonymous_source": "#f7c6c6",
    "speculative_modal": "#e6cdf2",
    "hedge": "#fbe9a6",
    "boilerplate": "#dddddd",
    "verification": "#c4eaf0",
    "certainty": "#f5a9a9",
    "sensational": "#f6c1e6",
    "specificity": "#cad9f7",
    "tone": "#fff1b8",
}
BAND_COLOURS = {"poorly_sourced": "#b3261e", "mixed": "#946200", "well_sourced": "#1e6b2e"}
# How many sentences the "what moved the score" list shows.
MOVED = 10

STYLE = """
body{font:16px/1.5 Georgia,serif;color:#1d1d1d;background:#fafaf7;margin:0}
main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem 4rem}
h1{font:600 1.6rem system-ui,sans-serif} h2{font:600 1.3rem system-ui,sans-serif;margin-top:2.5rem}
h3{font:600 1.05rem system-ui,sans-serif;margin:1.5rem 0 .4rem}
table{border-collapse:collapse;font:14px system-ui,sans-serif;margin:.3rem 0}
td,th{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:left;vertical-align:top}
th{background:#eee} td.num{text-align:right;font-variant-numeric:tabular-nums}
section.article{border-top:3px solid #333;margin-top:2rem}
.score{font:700 2.4rem system-ui,sans-serif} .band{font:600 1.1rem system-ui,sans-serif;margin-left:.6rem}
.meta{color:#555;font:14px system-ui,sans-serif} .error{color:#b3261e;font-weight:600}
.cue{border-radius:3px;padding:0 .1rem} .cue sup{font:600 9px system-ui,sans-serif;color:#444;margin-left:1px}
.s{border-bottom:2px solid transparent} .s.up{border-bottom-color:#6fbf73} .s.down{border-bottom-color:#e57373}
.eff{font:600 11px system-ui,sans-serif;color:#555;margin:0 .2rem} .claim{outline:2px dashed #b3261e}
.legend span{display:inline-block;margin:.15rem .4rem .15rem 0;font:13px system-ui,sans-serif}
ul.reasons li.up::marker{content:"+ "} ul.reasons li.down::marker{content:"\\2212  "}
.bar{display:inline-block;height:.7rem;vertical-align:middle} .bar.up{background:#6fbf73} .bar.down{background:#e57373}
"""


def render_html(records: list[dict], title: str = "scorer report") -> str:
    """The whole page for ``records`` (one or many)."""
    return (
        page_head(title)
        + index_table(records)
        + "".join(article_section(record, number) for number, record in enumerate(records, 1))
        + page_foot()
    )


def page_head(title: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body><main>"
        f"<h1>{escape(title)}</h1>"
        '<p class="meta">Sourcing transparency and epistemic care, not truth: the score reads how an '
        "article says who said what and how sure it is.</p>" + legend()
    )


def page_foot() -> str:
    return "</main></body></html>\n"


def legend() -> str:
    spans = "".join(
        f'<span><span class="cue" style="background:{CUE_COLOURS[kind]}">{escape(TAGS[kind][0])}</span> '
        f"{escape(TYPE_WORDS[kind])}</span>"
        for kind in TAGS
    )
    return (
        f'<div class="legend" id="legend"><strong>Legend</strong><br>{spans}<br>'
        '<span><span class="s up">underlined green</span> raises the score</span>'
        '<span><span class="s down">underlined red</span> lowers it</span>'
        '<span><span class="claim">dashed box</span> a checkable claim that rests on no one</span></div>'
    )


def index_table(records: list[dict]) -> str:
    """Links to every article with its score; only when there is more than one."""
    if len(records) < 2:
        return ""
    rows = "".join(
        f'<tr><td class="num">{number}</td><td><a href="#article-{number}">{escape(_name(record))}</a></td>'
        + (
            f'<td class="num">—</td><td class="error">{escape(record["error"])}</td>'
            if record.get("error")
            else f'<td class="num">{record["score"]:.1f}</td><td>{escape(BAND_NAMES.get(record["label"], record["label"]))}</td>'
        )
        + "</tr>"
        for number, record in enumerate(records, 1)
    )
    return (
        '<h2 id="index">Articles</h2><table class="index"><thead><tr><th>#</th><th>article</th><th>score</th>'
        f"<th>band</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def article_section(record: dict, number: int = 1) -> str:
    head = f'<section class="article" id="article-{number}"><h2>{escape(_name(record))}</h2>'
    if record.get("error"):
        return head + f'<p class="error">{escape(record["error"])}</p></section>'
    band = record["label"]
    parts = [
        head,
        f'<p><span class="score">{record["score"]:.1f}</span><span class="meta"> / 100</span>'
        f'<span class="band" style="color:{BAND_COLOURS.get(band, "#333")}">{escape(BAND_NAMES.get(band, band))}</span></p>',
        f'<p class="meta">{record["words"]} words, {len(record["sentences"])} sentences, model {escape(str(record["model"]))}'
        + (f", from an HTML page: {_furniture_words(record)}" if record.get("input") == "html" else "")
        + "</p>",
        reasons_list(record),
        who_is_cited(record),
        how_the_score_is_made(record),
        moved_list(record, number),
        article_text(record, number),
        links_list(record),
        "</section>",
    ]
    return "".join(parts)


def reasons_list(record: dict) -> str:
    if not record["reasons"]:
        return "<h3>What weighed most</h3><p>Nothing: the article has none of the features the model weighs.</p>"
    items = "".join(
        f'<li class="{"up" if reason["contribution"] > 0 else "down"}">{escape(reason["text"])} '
        f'<span class="meta">({reason["contribution"]:+.2f})</span></li>'
        for reason in record["reasons"]
    )
    return f'<h3>What weighed most</h3><ul class="reasons">{items}</ul>'


def who_is_cited(record: dict) -> str:
    sources = record.get("sources") or []
    if not sources:
        return '<h3>Who is cited</h3><p class="who">No one.</p>'
    rows = "".join(
        f"<tr><td>{escape(source['kind'])}</td><td>{escape(source['name'])}</td>"
        f"<td>{escape(source['role'] or '')}</td>"
        f"<td>{', '.join(f'#{index}' for index in source['sentences'])}</td>"
        f"<td>{'yes' if source['quoted'] else ''}</td></tr>"
        for source in sources
    )
    return (
        '<h3>Who is cited</h3><table class="who"><thead><tr><th>kind</th><th>source</th><th>role</th>'
        f"<th>sentences</th><th>quoted</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def how_the_score_is_made(record: dict) -> str:
    sentences = sum(sentence["contribution"] for sentence in record["sentences"])
    terms = "".join(f", {escape(name)} {value:+.2f}" for name, value in record["article_terms"].items())
    return (
        f'<p class="meta how">How the score is made: baseline {record["baseline"]:+.2f} (an article with no cues)'
        f"{terms}, sentences {sentences:+.2f}: logit {record['logit']:+.2f}.</p>"
    )


def moved_list(record: dict, number: int) -> str:
    """The sentences that moved the score, largest effect first, each linked to its place."""
    moved = sorted(
        (s for s in record["sentences"] if s["contribution"]), key=lambda s: (-abs(s["contribution"]), s["index"])
    )[:MOVED]
    if not moved:
        return (
            "<h3>What moved the score</h3><p>No sentence: the score comes from the baseline and the article terms.</p>"
        )
    largest = abs(moved[0]["contribution"]) or 1.0
    rows = "".join(
        f'<tr><td class="num">{sentence["contribution"]:+.2f}</td>'
        f'<td><span class="bar {"up" if sentence["contribution"] > 0 else "down"}" '
        f'style="width:{max(2, round(60 * abs(sentence["contribution"]) / largest))}px"></span></td>'
        f'<td><a href="#{_sentence_id(number, sentence)}">#{sentence["index"]}</a></td>'
        f"<td>{escape(_short(sentence['text']))}</td></tr>"
        for sentence in moved
    )
    return (
        f'<h3>What moved the score</h3><table class="moved"><thead><tr><th>effect</th><th></th><th>sentence</th>'
        f"<th>text</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def article_text(record: dict, number: int) -> str:
    """The article, paragraph by paragraph, every cue highlighted and every sentence's effect shown."""
    paragraphs: list[list[str]] = []
    last = None
    for sentence in record["sentences"]:
        if sentence["paragraph"] != last:
            paragraphs.append([])
            last = sentence["paragraph"]
        paragraphs[-1].append(sentence_html(number, sentence))
    body = "".join(f"<p>{' '.join(sentences)}</p>" for sentences in paragraphs)
    return f'<h3>The article, with its cues</h3><div class="text" id="text-{number}">{body}</div>'


def sentence_html(number: int, sentence: dict) -> str:
    contribution = sentence["contribution"]
    classes = ["s"] + (["up"] if contribution > 0 else ["down"] if contribution < 0 else [])
    if sentence.get("unsourced_claim"):
        classes.append("claim")
    effect = f'<span class="eff">{contribution:+.2f}</span>' if contribution else ""
    return (
        f'<span class="{" ".join(classes)}" id="{_sentence_id(number, sentence)}" '
        f'data-contribution="{contribution:.6f}" title="sentence #{sentence["index"]}: {contribution:+.2f}">'
        f"{highlighted(sentence)}</span>{effect}"
    )


def highlighted(sentence: dict) -> str:
    """The sentence's text with its cues marked. A cue inside another (a hedge within a source's
    phrase) is nested in it; one that only overlaps another's end is left unmarked there, and is
    still listed in the record."""
    text, offset = sentence["text"], sentence["start"]
    cues = sorted(sentence["cues"], key=lambda cue: (cue["start"], -cue["end"]))
    pieces: list[str] = []
    open_ends: list[int] = []
    position = 0
    for cue in cues:
        begin, end = cue["start"] - offset, cue["end"] - offset
        while open_ends and open_ends[-1] <= begin:
            pieces.append(escape(text[position : open_ends[-1]]) + "</mark>")
            position = open_ends.pop()
        if begin < position or (open_ends and end > open_ends[-1]):
            continue  # overlaps a cue already open without lying inside it
        pieces.append(escape(text[position:begin]))
        tag = TAGS.get(cue["type"], (cue["type"].upper(), ""))[0]
        who = cue.get("source") or {}
        tip = f"{TYPE_WORDS.get(cue['type'], cue['type'])}" + (f" ({who['kind']}: {who['text']})" if who else "")
        pieces.append(
            f'<mark class="cue {escape(cue["type"])}" data-type="{escape(cue["type"])}" title="{escape(tip)}" '
            f'style="background:{CUE_COLOURS.get(cue["type"], "#eee")}"><sup>{escape(tag)}</sup>'
        )
        position = begin
        open_ends.append(end)
    while open_ends:
        pieces.append(escape(text[position : open_ends[-1]]) + "</mark>")
        position = open_ends.pop()
    pieces.append(escape(text[position:]))
    return "".join(pieces)


def links_list(record: dict) -> str:
    links = record.get("links") or []
    if not links:
        return ""
    items = "".join(
        f'<li><a href="{escape(link["url"])}" rel="nofollow noreferrer">{escape(link["text"] or link["url"])}</a> '
        f'<span class="meta">{escape(link["url"])}</span></li>'
        for link in links
    )
    return f'<h3>Links in the article body</h3><ul class="links">{items}</ul>'


def _furniture_words(record: dict) -> str:
    furniture = record.get("furniture") or {}
    return (
        f"{furniture.get('blocks', 0)} blocks of page furniture ({furniture.get('words', 0)} words) stripped, "
        f"{furniture.get('rule_blocks', 0)} of them counted as furniture"
    )


def _name(record: dict) -> str:
    return record.get("title") or record.get("path") or "text"


def _sentence_id(number: int, sentence: dict) -> str:
    return f"a{number}s{sentence['index']}"


def _short(text: str, width: int = 140) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
