"""Every code ``draaiboek check`` can print, with its meaning in one line.

The guide's code table (content_packs/README.md) and the broken-pack examples (tests/packs/broken) are tested
against this list, and this list against the code literals in core's sources, so none can drift.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    # Reading a file
    "YAML001": "the file is not valid YAML (a tab, a ':' '?' or '#' in unquoted text, wrong indentation)",
    "YAML003": "anchors and aliases (&name / *name) are not supported",
    "YAML004": "a key is not a plain word (merge keys '<<' are not supported)",
    "YAML005": "a key appears twice in one mapping",
    "YAML006": "a tag (!!python/..., !!str) is not allowed",
    "YAML007": "the file is larger than the limit (1 MB)",
    "YAML008": "values are nested too deeply (more than 100 levels), or the file is too deep or large to read",
    "YAML009": "a date, number or true/false value that cannot be (2024-02-30, 4,000 digits, !!bool maybe)",
    "ENC001": "the file is UTF-16 or binary, not UTF-8 text",
    "ENC002": "the file is not valid UTF-8 (often Latin-1 or Windows-1252)",
    "FILE001": "the file cannot be read (permissions, a folder named .yaml)",
    "FILE002": "a YAML file is a link to a place outside the pack",
    "FILE003": "the pack has more YAML files than the limit (500)",
    "FILE004": "a hand-out's `file` points outside the pack",
    "FILE005": "a hand-out's `file` does not exist in the pack",
    "FILE006": "the pack's YAML files together are larger than the limit (4 MB)",
    # The pack's files
    "PACK001": "no pack.yaml in the folder, or no installed pack with that id",
    "PACK002": "pack.yaml is not a mapping of fields (id, title, ...)",
    "PACK003": "a further file is not a mapping with keys such as 'trainings:'",
    "PACK004": "a further file has a top-level key other than the five lists",
    "PACK005": "a top-level list ('trainings:', ...) is not a list",
    "PACK006": "the pack is too large or too deeply nested to load at all",
    # Fields
    "FIELD001": "unknown or missing field, wrong type, value not allowed",
    "TEXT001": "text holds control characters (often pasted from Word)",
    "TEXT002": "text holds raw HTML; use Markdown",
    "TEXT003": "a link uses a scheme other than http, https or mailto",
    # Ids and references
    "ID001": "an id is used twice in the pack",
    "ID002": "an id has spaces, accents or other characters ids may not have",
    "ID003": "an id is used twice within its parent (statements, layers, questions...)",
    "REF001": "a reference names an id that does not exist",
    "REF002": "a reference names a pack that is not installed",
    "REF003": "a reference names an element of the wrong kind",
    "REF004": "a reference that must stay in this pack names another pack",
    "REF005": "a `basis` names a source not listed in pack.yaml",
    "REF006": "work formats use each other in a circle through `techniques`",
    "REF007": "an agenda item names a variant its work format does not have, or a variant without a work format",
    "REVEAL001": "a reveal has both `at` and `after`",
    "REVEAL002": "a reveal names an agenda item its session does not have",
    "REVEAL003": "a reveal names an audience the layer is not for",
    "CASE001": "(warning) a case is used before any of its layers is revealed to participants",
    # Timing
    "TIME001": "the agenda does not fit the session's stated duration (breaks included)",
    "TIME002": "an item's steps add up to other minutes than the item states",
    "TIME003": "an agenda item has no minutes and no timed steps",
    "TIME004": "(warning) a session states no duration",
    "TIME005": "(warning) a session has no agenda",
    "TIME006": "an agenda item takes 0 minutes",
    "TIME007": "a session states a duration of 0 minutes",
    # Coverage
    "COVER001": "(warning) a learning outcome no agenda item works on",
    "COVER002": "(warning) a learning outcome no meter statement measures",
    # Instruments
    "METER001": "a statement names a domain the meter does not have",
    "METER002": "(warning) a domain has no statements",
    "METER003": "a meter has no measurement moments",
    "METER004": "(warning) the analysis asks for more strengths and challenges than there are statements",
    "METER005": "a statement has a role not listed in the meter's `roles`",
    "METER006": ("a measurement moment names an agenda item its session does not have, or 'at'/'before' without "
                 "a session"),
    "SCALE001": "a scale point has no label",
    "SCALE002": "a scale has fewer than two points",
    "SCALE003": "two scale points have the same value",
    "QUEST001": "a scale question in a questionnaire without a scale",
    "QUEST002": "a choice question without options",
    # Language for participants (B1)
    "LANG001": "(warning) an acronym in a participant text with no glossary entry and not written out there",
    "LANG002": "(warning) a meter statement or scale question that joins two things with 'en' or 'of'",
    "LANG003": "(warning) a sentence of more than 20 words in a participant text",
    "LANG004": "(warning) a participant text of 40+ words below B1 on Flesch-Douma (score under 60)",
}
