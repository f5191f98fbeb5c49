"""Reading ids from a query string. A link may be edited by hand or by an attacker: anything
that is not a plain id is no id (the parameter is ignored), never an exception."""

# The largest id a bigint primary key holds; a longer number would be an error in the database.
LARGEST_ID = 2**63 - 1


def parse_id(value) -> int | None:
    """'42' → 42; None for '', 'x', '1 OR 1=1', '-1', '²', '4.2' or a number past a bigint."""
    text = str(value or "")
    # isdecimal, not isdigit: '²' is a digit to Python but not a number int() reads.
    if not text.isascii() or not text.isdecimal():
        return None
    number = int(text)
    return number if 0 < number <= LARGEST_ID else None


def query_id(data, name: str) -> int | None:
    """The id `data` (a QueryDict) holds under `name`, or None."""
    return parse_id(data.get(name))
