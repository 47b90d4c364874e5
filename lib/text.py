"""Small wording helpers for messages people read."""


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """'1 problem', '3 problems'."""
    return f"{count} {noun if count == 1 else plural_form or noun + 's'}"


def is_plural(subjects: list[str]) -> bool:
    """Whether a subject of these phrases takes a plural verb: several, or one whose head noun (its last word) is a
    plural ('shared interests gives' reads wrong; 'goal coverage gives' right)."""
    if len(subjects) != 1:
        return True
    last = subjects[0].split()[-1].lower() if subjects[0].split() else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


_MARKDOWN_SPECIALS = set("\\`*_{}[]<>()#+-.!|~$:")


def markdown_text(text: str) -> str:
    """User text made literal inside Markdown (titles, captions, messages): no links, images or formatting."""
    return "".join("\\" + c if c in _MARKDOWN_SPECIALS else c for c in str(text))
