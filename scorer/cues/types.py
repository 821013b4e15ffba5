"""The cue types, in the order their features appear, with what each means to a reader."""

from __future__ import annotations

# The first five are the product's specification; the next three separate careful from careless
# writing (training_data/GUIDELINES.md); the last two mark what real news carries across outlets:
# checkable detail, and the tone of a page that raises its voice.
TYPE_DESCRIPTIONS = {
    "attribution": "a named, checkable source",
    "anonymous_source": "an anonymous or vague source",
    "speculative_modal": "a speculative may / might / could / would",
    "hedge": "a hedge (reportedly, likely, suggests ...)",
    "boilerplate": "page furniture (ads, share and comment widgets, repeated headlines)",
    "verification": "a statement of what was or could not be verified",
    "certainty": "unsupported certainty (everyone knows, make no mistake ...)",
    "sensational": "sensational or clickbait wording",
    "specificity": "a specific, checkable detail: a figure or a date",
    "tone": "an exclamation, a question or a word in capitals",
}
CUE_TYPES = tuple(TYPE_DESCRIPTIONS)
