"""Small wording helpers for messages people read."""


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """'1 problem', '3 problems'."""
    return f"{count} {noun if count == 1 else plural_form or noun + 's'}"
