"""Showing a statement inside its article's text, with the span highlighted (safely escaped)."""

from django.utils.html import format_html
from django.utils.safestring import SafeString

CONTEXT_CHARS = 400


def highlighted_excerpt(
    text: str, start: int, end: int, *, context: int = CONTEXT_CHARS
) -> SafeString:
    """The text around [start, end) as HTML, the span in <mark>; every part is escaped."""
    if not 0 <= start < end <= len(text):
        return format_html("<em>The span {}–{} lies outside the article's text.</em>", start, end)
    before_start = max(0, start - context)
    after_end = min(len(text), end + context)
    return format_html(
        '<div class="evidence">{}{}<mark>{}</mark>{}{}</div>',
        "… " if before_start > 0 else "",
        text[before_start:start],
        text[start:end],
        text[end:after_end],
        " …" if after_end < len(text) else "",
    )
