"""Render a result record (the JSON dict) for people: score, reasons, sentences with cues highlighted.

Works on the record rather than on the Result object so that what people read is built from exactly
what scripts receive.
"""

from __future__ import annotations

import textwrap

# Short tags and ANSI colours per cue type.
TAGS = {
    "attribution": ("SOURCE", "32"),  # green
    "anonymous_source": ("ANON", "31"),  # red
    "speculative_modal": ("MODAL", "35"),  # magenta
    "hedge": ("HEDGE", "33"),  # yellow
    "boilerplate": ("FURNITURE", "90"),  # grey
    "verification": ("CHECKED", "36"),  # cyan
    "certainty": ("CERTAIN", "91"),  # bright red
    "sensational": ("SENSATIONAL", "95"),  # bright magenta
    "specificity": ("DETAIL", "34"),  # blue
    "tone": ("TONE", "93"),  # bright yellow
}
BAND_COLOURS = {"poorly_sourced": "31", "mixed": "33", "well_sourced": "32"}
BAND_NAMES = {"poorly_sourced": "poorly sourced", "mixed": "mixed sourcing", "well_sourced": "well sourced"}
DEFAULT_TOP = 10
_WIDTH = 100


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def highlight(sentence: dict, colour: bool) -> str:
    """The sentence text with each cue marked: coloured on a terminal, [TAG text] when plain."""
    text, start = sentence["text"], sentence["start"]
    pieces, position = [], 0
    for cue in sentence["cues"]:
        begin, end = cue["start"] - start, cue["end"] - start
        if begin < position:
            continue
        pieces.append(text[position:begin])
        tag, code = TAGS.get(cue["type"], (cue["type"].upper(), "1"))
        if colour:
            pieces.append(_paint(text[begin:end], f"1;{code}", True))
        else:
            pieces.append(f"[{tag} {text[begin:end]}]")
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def render_text(record: dict, colour: bool = False, top: int | None = DEFAULT_TOP) -> str:
    """The people-facing report of one record. ``top`` None shows every sentence."""
    path = record.get("path") or "<text>"
    if record.get("error"):
        return _paint(f"{path}: error: {record['error']}", "31", colour) + "\n"
    lines = [_paint(path, "1", colour)]
    band = record["label"]
    lines.append(
        f"  Score {record['score']:.1f} / 100  "
        + _paint(BAND_NAMES.get(band, band), f"1;{BAND_COLOURS.get(band, '0')}", colour)
        + f"   ({record['words']} words, {len(record['sentences'])} sentences, model {record['model']})"
    )
    if record.get("input") == "html":
        furniture = record.get("furniture") or {}
        lines.append(
            f"  From an HTML page{': ' + repr(record['title']) if record.get('title') else ''}; "
            f"{furniture.get('blocks', 0)} blocks of page furniture stripped ({furniture.get('words', 0)} words), "
            f"{furniture.get('rule_blocks', 0)} counted as furniture; {len(record.get('links') or [])} links in the body"
        )
    counts = ", ".join(f"{count} {TAGS[t][0].lower()}" for t, count in record["counts"].items() if count)
    lines.append(f"  Cues: {counts or 'none'}")
    if record["reasons"]:
        lines.append("  What weighed most:")
        for reason in record["reasons"]:
            sign = "+" if reason["contribution"] > 0 else "-"
            lines.append(f"    {sign} {reason['text']} ({reason['contribution']:+.2f})")
    lines += who_is_cited(record, colour)
    lines += rests_on_no_one(record)
    lines.append(
        f"  How the score is made: baseline {record['baseline']:+.2f} (an article with no cues)"
        + "".join(f", {name} {value:+.2f}" for name, value in record["article_terms"].items())
        + f", sentences {sum(s['contribution'] for s in record['sentences']):+.2f}: logit {record['logit']:+.2f}"
    )
    sentences = record["sentences"]
    if top is None:
        shown = sentences
        lines.append("  Sentence by sentence (contribution to the logit):")
    else:
        moved = [s for s in sentences if s["contribution"]]
        shown = sorted(moved, key=lambda s: (-abs(s["contribution"]), s["index"]))[:top]
        lines.append(
            f"  The {len(shown)} sentences that moved the score most, largest first "
            f"(of {len(sentences)}; --all shows every one in order):"
        )
    for sentence in shown:
        contribution = sentence["contribution"]
        marker = _paint(f"{contribution:+.2f}", "32" if contribution > 0 else "31" if contribution < 0 else "0", colour)
        body = highlight(sentence, colour)
        if sentence.get("unsourced_claim"):
            body += "  " + _paint("<- rests on no one", "1;31", colour)
        if not colour:  # ANSI codes would throw the wrapping off, so only plain text is wrapped
            body = textwrap.fill(body, width=_WIDTH, subsequent_indent=" " * 14)
        lines.append(f"  {marker:>6}  #{sentence['index']:<3} {body}")
    lines.append(key_line(colour))
    return "\n".join(lines) + "\n"


def key_line(colour: bool) -> str:
    """The key to the cue marks: each tag in its own colour on a terminal, [TAG text] when plain."""
    if colour:
        return "  Key: " + "  ".join(_paint(TYPE_WORDS[cue_type], f"1;{code}", True) for cue_type, (_, code) in TAGS.items())
    return "  Key: " + ", ".join(f"[{tag} ...] {TYPE_WORDS[cue_type]}" for cue_type, (tag, _) in TAGS.items())


# What each cue type is, in the key.
TYPE_WORDS = {
    "attribution": "named source",
    "anonymous_source": "unnamed or vague source",
    "speculative_modal": "speculative modal",
    "hedge": "hedge",
    "boilerplate": "page furniture",
    "verification": "what was verified",
    "certainty": "unsupported certainty",
    "sensational": "sensational wording",
    "specificity": "figure or date",
    "tone": "exclamation, question, capitals",
}
KIND_COLOURS = {"named": "32", "anonymous": "33", "vague": "31"}
# How many characters of a source's name the table shows.
_NAME_WIDTH = 60


def who_is_cited(record: dict, colour: bool = False) -> list[str]:
    """The "Who is cited" table: each source once, with its kind, role and the sentences it supports."""
    sources = record.get("sources") or []
    if not sources:
        return ["  Who is cited: no one."]
    kinds = {kind: sum(1 for s in sources if s["kind"] == kind) for kind in KIND_COLOURS}
    summary = ", ".join(f"{n} {kind}" for kind, n in kinds.items() if n)
    lines = [f"  Who is cited ({len(sources)} sources: {summary}):"]
    for source in sources:
        name = source["name"] if len(source["name"]) <= _NAME_WIDTH else source["name"][: _NAME_WIDTH - 1] + "\u2026"
        role = f" [{source['role']}]" if source["role"] and source["role"] not in source["name"][:_NAME_WIDTH] else ""
        where = ", ".join(f"#{index}" for index in source["sentences"])
        quoted = ", quoted" if source["quoted"] else ""
        kind = _paint(f"{source['kind']:9}", KIND_COLOURS.get(source["kind"], "0"), colour)
        lines.append(f"    {kind} {name}{role}  ({where}{quoted})")
    return lines


def rests_on_no_one(record: dict) -> list[str]:
    """The sentences that state a specific fact with no source in reach, for a fact-checker."""
    flagged = [sentence["index"] for sentence in record.get("sentences", []) if sentence.get("unsourced_claim")]
    if not flagged:
        return []
    return [f"  Claims that rest on no one: {', '.join(f'#{index}' for index in flagged)}"]
