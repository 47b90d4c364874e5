"""Small wording helpers for messages people read."""


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """'1 problem', '3 problems'."""
    return f"{count} {noun if count == 1 else plural_form or noun + 's'}"


_MARKDOWN_SPECIALS = set("\\`*_{}[]<>()#+-.!|~$:")


def markdown_text(text: str) -> str:
    """User text made literal inside Markdown (titles, captions, messages): no links, images or formatting."""
    return "".join("\\" + c if c in _MARKDOWN_SPECIALS else c for c in str(text))
