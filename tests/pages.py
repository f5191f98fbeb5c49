"""Reading a page's form as a browser would send it, for tests that submit what a person sees."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    """The fields of the page's POST forms, each as the list of (name, value) pairs a browser
    sends when the form is submitted unchanged (file inputs and buttons left out)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []  # [{"action": str, "fields": [(name, value)]}]
        self._form = None
        self._select = None  # (name, [options], chosen)
        self._option = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("method", "").lower() == "post":
            self._form = {"action": a.get("action") or "", "fields": []}
            self.forms.append(self._form)
        # (A field with form= belongs to another form, or to none: a picker's search box.)
        if self._form is None or "disabled" in a or "form" in a:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self._form["fields"].append((name, a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = {"name": name, "multiple": "multiple" in a, "options": [], "chosen": []}
        elif tag == "option" and self._select is not None:
            self._option = {"value": a.get("value"), "text": ""}
            self._select["options"].append(self._option)
            if "selected" in a:
                self._select["chosen"].append(self._option)
        elif tag == "textarea" and name:
            self._textarea = (name, [])

    def handle_data(self, data):
        if self._option is not None:
            self._option["text"] += data
        if self._textarea is not None:
            self._textarea[1].append(data)

    def handle_endtag(self, tag):
        if tag == "option":
            self._option = None
        elif tag == "select" and self._select is not None:
            select, self._select = self._select, None
            chosen = select["chosen"] or ([] if select["multiple"] else select["options"][:1])
            for option in chosen:
                value = option["value"] if option["value"] is not None else option["text"]
                self._form["fields"].append((select["name"], value.strip()))
        elif tag == "textarea" and self._textarea is not None:
            name, parts = self._textarea
            self._textarea = None
            # A browser drops the one line break that follows <textarea>.
            self._form["fields"].append((name, "".join(parts).removeprefix("\n")))
        elif tag == "form":
            self._form = None


def post_forms(html: str) -> list[dict]:
    """[{"action": ..., "fields": [(name, value), ...]}] of every POST form of `html`."""
    reader = _FormReader()
    reader.feed(html)
    return reader.forms


def as_post_data(fields) -> dict:
    """(name, value) pairs as the test client's data: {name: [values]}."""
    data = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data
