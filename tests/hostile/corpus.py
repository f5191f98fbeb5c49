"""The hostile-input corpus: what a careless paste, a probe or an attacker types into the
portal's forms, public pages, imports and query strings, by the kind of field it goes into.

Each input says whether it must be refused wherever it goes (`refused`), or may be taken as
text or a value, in which case it must be stored as typed and shown escaped. Some rules
depend on the field and are decided where the input is sent: over-long text is refused where
the field has a maximum length, white space alone where the field is required.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Hostile:
    value: str
    why: str
    refused: bool = False


def _all(kind, *entries):
    return tuple(Hostile(value, f"{kind}: {why}", refused) for value, why, refused in entries)


LONG = "长" * 10_000
WHITESPACE_ONLY = ("   ", "\u3000\u3000", "\t\n\r\n")

TEXT = _all(
    "text",
    # SQL, as a probe sends it
    ("'; DROP TABLE unions_union; --", "SQL: a statement after a quote", False),
    ("' OR '1'='1", "SQL: a tautology", False),
    ('" OR ""="', "SQL: with double quotes", False),
    ("1; SELECT pg_sleep(5)--", "SQL: a delay", False),
    ("admin'--", "SQL: a comment", False),
    ("%' AND 1=0 UNION SELECT username, password FROM accounts_user --", "SQL: union", False),
    # markup and script
    ("<script>alert(1)</script>", "script element", False),
    ('"><img src=x onerror=alert(1)>', "attribute break-out", False),
    ("javascript:alert(document.cookie)", "javascript: URL", False),
    ("<svg/onload=alert(1)>", "svg handler", False),
    ("</textarea><script>alert(1)</script>", "textarea break-out", False),
    ("<!--", "an open comment", False),
    ("&lt;b&gt;已转义&lt;/b&gt;", "entities typed as text", False),
    ("<a href='//evil.example'>点此</a>", "a link", False),
    # template syntax and format strings
    ("{{7*7}}", "Django/Jinja expression", False),
    ("{% debug %}", "Django template tag", False),
    ("${7*7}", "shell/JS template", False),
    ("%(name)s", "%-format with a key", False),
    ("%s%s%s%n", "%-format", False),
    ("{0}{1.__class__}", "str.format", False),
    # Excel formulas (formula injection in the exports)
    ('=HYPERLINK("http://evil.example","点我")', "Excel formula", False),
    ("=cmd|' /C calc'!A0", "DDE formula", False),
    ("@SUM(1+1)", "formula with @", False),
    # length and white space
    (LONG, "10,000 characters", False),
    ("\u3000\u3000", "full-width spaces only", False),
    # control and invisible characters
    ("名字\x00后缀", "NUL inside", True),
    ("\x00", "NUL alone", True),
    ("响铃\x07转义\x1b[31m红", "bell and an ANSI escape", False),
    ("换行\r\nSet-Cookie: x=1", "header injection", False),
    ("零宽\u200b空格\u200d连接", "zero-width characters", False),
    ("\u202egnp.exe", "right-to-left override", False),
    ("\ufeff字节序", "byte-order mark", False),
    ("\ud7ff\ue000\uffff", "edge code points", False),
    # Unicode: emoji, confusables, other scripts
    ("工会😀👨‍👩‍👧‍👦", "emoji and a ZWJ sequence", False),
    ("аdmin", "Cyrillic a (confusable)", False),
    ("大連市輕紡工會", "traditional characters", False),
    ("Ａｄｍｉｎ１２３", "full-width letters", False),
    ("ﷺ𒐫", "very wide glyphs", False),
    ("مرحبا", "Arabic, right to left", False),
    # words that code might take for something else
    ("None", "the word None", False),
    ("null", "the word null", False),
    ("../../etc/passwd", "a path", False),
    ("\\\\server\\share", "backslashes", False),
)

DATES = _all(
    "date",
    ("2026-02-30", "no such day", True),
    ("2025-02-29", "not a leap year", True),
    ("0000-00-00", "all zeros", True),
    ("2026-13-01", "month 13", True),
    ("2026-00-10", "month 0", True),
    ("9999-12-31", "the last day there is", False),
    ("0001-01-01", "the first day there is", False),
    ("1900-01-01", "long before the plan", False),
    ("2010-12-31", "before 2011", False),
    ("2099-01-01", "far in the future", False),
    ("１９９０－０５－０３", "full-width digits", False),
    ("2026/01/05", "slashes", False),
    ("05/01/2026", "day first", False),
    ("2026-1-5", "no leading zeros", False),
    ("昨天", "a word", True),
    ("'; DROP TABLE unions_member; --", "SQL", True),
    ("99999-01-01", "a five-digit year", True),
    ("2026-01-05T00:00:00", "a timestamp", False),
    ("\x00", "NUL", True),
    ("-2026-01-05", "a sign", True),
)

NUMBERS = _all(
    "number",
    ("-1", "negative", True),
    ("-0", "negative zero", False),
    ("NaN", "not a number", True),
    ("nan", "not a number, lower case", True),
    ("Infinity", "infinity", True),
    ("-Infinity", "minus infinity", True),
    ("1e309", "overflows a float", True),
    ("99999999999999999999999", "past any integer column", True),
    ("2147483648", "past a 32-bit integer (PostgreSQL's integer)", False),
    ("1e5", "exponent", False),
    ("1.5", "a fraction", False),
    ("１２", "full-width digits", False),
    ("٣", "Arabic-Indic digit", False),
    ("0x10", "hexadecimal", True),
    ("1_000", "underscore", False),
    ("1,000", "thousands separator", False),
    ("12元", "with a unit", True),
    ("' OR 1=1 --", "SQL", True),
    ("\x00", "NUL", True),
    ("½", "a vulgar fraction", True),
)

CHOICES = _all(
    "choice",
    ("999999999", "an id that does not exist", True),
    ("-1", "a negative id", True),
    ("0", "id zero", True),
    ("1 OR 1=1", "SQL", True),
    ("x", "not an id", True),
    ("9" * 40, "past any integer", True),
    ("\x00", "NUL", True),
)

# 210203199005031237 is a valid number (Dalian, Xigang; born 3 May 1990).
ID_NUMBERS = _all(
    "ID number",
    ("210203199005031231", "a wrong check digit", True),
    ("21020319900503123", "17 characters", True),
    ("2102031990050312371", "19 characters", True),
    ("210203209905031239", "born in the future (check digit right)", True),
    ("210203180005031237", "born before 1900 (check digit right)", True),
    ("210203199002301238", "born on 30 February (check digit right)", True),
    ("21020319900503123Y", "a letter other than X", True),
    ("٢١٠٢٠٣١٩٩٠٠٥٠٣١٠٠X", "Arabic-Indic digits of a valid number", True),
    ("' OR 1=1 --", "SQL", True),
    ("<script>alert(1)</script>", "markup", True),
    ("\x00", "NUL", True),
    ("２１０２０３１９９００５０３１２３７", "full-width digits of a valid number", False),
    ("21020319900503100x", "a small x", False),
    (" 2102 0319 9005 0312 37 ", "spaces inside", False),
)

# 统一社会信用代码 (the enterprise's unified social credit code)
CODES = _all(
    "credit code",
    ("91210202", "8 characters", True),
    ("9121020200000000OI", "letters a code never uses", True),
    ("91210202ABCDEFGH12", "letters in the division", True),
    ("' OR 1=1 --", "SQL", True),
    ("<script>", "markup", True),
    ("\x00", "NUL", True),
)

PHONES = _all(
    "phone",
    ("1380013800", "10 digits", True),
    ("23800138000", "not a mobile prefix", True),
    ("13٨٠٠١٣٨٠٠٠", "Arabic-Indic digits after 13", True),
    ("13800138000\n", "a trailing line break", False),
    ("<script>", "markup", True),
)


# What every form gets where the whole corpus would take too long: the sharpest of each kind.
CORE = {
    "text": (
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "{{7*7}}",
        "%(name)s",
        "=cmd|' /C calc'!A0",
        "响铃\x07转义\x1b[31m红",
    ),
    "date": ("1900-01-01", "2010-12-31", "2099-01-01"),
    "number": ("-0", "1.5", "2147483648"),
}
# Dates at the ends of the calendar, each sent alone into each date field: date arithmetic
# (a deadline 90 days on, an age) overflows there.
CALENDAR_ENDS = ("9999-12-31", "0001-01-01")
