"""The portal's first content, read from the JSON files in `data/en/` (see `data/README.md`).

Every fact comes from the seed article on myofascial pain and autoimmune disease; the words
are our own, in plain language (US grade 8 or below). `pages.json` holds the home page, the
topic hub and the article, whose body is in Wagtail's raw StreamField form; `conditions.json`
holds the conditions, in the order they are created; `explained_terms.json` the medical
terms the content explains, which the reading grade ignores.

Conditions are named by slug because their primary keys differ from one database to the
next. In the files a reference is written `{"$condition": "<slug>"}`; here it becomes a
`ConditionRef`, which the loader turns into a key once the conditions exist.
"""

import json
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data" / "en"
CONDITION_KEY = "$condition"


@dataclass(frozen=True)
class ConditionRef:
    slug: str


def _decode(obj):
    """Each JSON object as a dict, except a condition reference, which becomes a ConditionRef."""
    if CONDITION_KEY not in obj:
        return obj
    if len(obj) != 1 or not isinstance(obj[CONDITION_KEY], str):
        raise ValueError(f'A condition reference is {{"{CONDITION_KEY}": "<slug>"}}, not {obj!r}')
    return ConditionRef(obj[CONDITION_KEY])


def read(name):
    with (DATA_DIR / name).open(encoding="utf-8") as file:
        return json.load(file, object_hook=_decode)


_PAGES = read("pages.json")
HOME = _PAGES["home"]
HUB = _PAGES["hub"]
ARTICLE = _PAGES["article"]
CONDITIONS = read("conditions.json")
EXPLAINED_TERMS = read("explained_terms.json")
