"""Clean-up of what people type or paste: full-width characters, stray spaces."""

import unicodedata


def normalize_code(value: str) -> str:
    """Full-width to half-width (NFKC), spaces removed, upper case: '９１ ０２ｘ' -> '9102X'."""
    return "".join(unicodedata.normalize("NFKC", value or "").split()).upper()


def normalize_text(value: str) -> str:
    """Trim and fold runs of white space (including the full-width space) to one space."""
    return " ".join(unicodedata.normalize("NFKC", value or "").split())
