"""How names are compared: the folding shared by the database keys and the extraction engine."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"})


def fold_name(name: str) -> str:
    """A lookup key for a name: case, accents, apostrophes, dashes and spacing don't matter.

    "Zelenskyy", "ZELENSKYY" and "Zelenskyy " fold alike; "Sánchez" folds to "sanchez";
    a leading "the" is dropped so "the Kremlin" and "Kremlin" meet.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = without_accents.translate(_APOSTROPHES).translate(_DASHES).casefold()
    text = _SPACES.sub(" ", text).strip(" .,;:")
    if text.startswith("the "):
        text = text[4:]
    return text
