"""Finding what a Content-Security-Policy without 'unsafe-inline' would block in a page's HTML."""

from html.parser import HTMLParser

# Data blocks are not executed, so script-src does not apply to them.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json", "importmap"}


class _InlineFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        line = self.getpos()[0]
        if tag == "script" and not attributes.get("src") and attributes.get("type") not in DATA_SCRIPT_TYPES:
            self.found.append(f"line {line}: inline <script>")
        if tag == "style":
            self.found.append(f"line {line}: <style> block")
        for name, value in attrs:
            if name == "style":
                self.found.append(f'line {line}: style="{value}" on <{tag}>')
            elif name.startswith("on"):
                self.found.append(f"line {line}: {name}= on <{tag}>")
            elif name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"line {line}: javascript: URL on <{tag}>")


def inline_code(html: str) -> list[str]:
    """Each inline script, style block, style attribute, event handler attribute and javascript: URL of ``html``."""
    finder = _InlineFinder()
    finder.feed(html)
    return finder.found
