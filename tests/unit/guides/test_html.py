"""The print-ready HTML of a tailored guide: self-contained, escaped, with checkboxes and writing lines."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest

from lib.guides.html import guide_html
from lib.guides.library import Checklist, Tailoring, load_guide, load_guides
from tests.unit.guides.test_library import TYPE_GUIDE, write

HOSTILE = Tailoring(organisation='<script>alert("org")</script>', program_name="Summer & <b>Co</b>",
                    contact="<img src=x onerror=alert(1)>", program_start=date(2026, 6, 1),
                    program_end=date(2026, 8, 21), cadence="weekly")


class Tags(HTMLParser):
    """Every start tag with its attributes, to check what markup the file really holds."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


@pytest.fixture
def guide(tmp_path):
    return load_guide(write(tmp_path, "pair.md", TYPE_GUIDE))


def test_tailored_values_are_escaped_never_markup(guide):
    html = guide_html(guide, HOSTILE, date(2026, 7, 24))
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;org&quot;)&lt;/script&gt;" in html
    assert "Summer &amp; &lt;b&gt;Co&lt;/b&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert {tag for tag, _ in tags(html)} <= {"html", "head", "meta", "title", "style", "body", "header", "div", "h1",
                                              "p", "dl", "dt", "dd", "main", "h2", "h3", "ul", "ol", "li", "strong",
                                              "em", "label", "input", "span", "figure", "figcaption", "pre",
                                              "footer"}


def test_the_file_is_self_contained_and_print_ready(guide):
    html = guide_html(guide, HOSTILE)
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert "@page" in html and "break-after: avoid" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)  # nothing fetched from elsewhere
    assert not any(key.startswith("on") for _, attrs in tags(html) for key in attrs)  # no event handlers


def test_the_structure_checkboxes_writing_lines_and_templates(guide):
    html = guide_html(guide, Tailoring(organisation="Northwind Labs", contact="Priya"), date(2026, 7, 24))
    found = tags(html)
    items = sum(len(b.items) for b in guide.blocks if isinstance(b, Checklist))
    assert sum(1 for tag, attrs in found if tag == "input" and attrs.get("type") == "checkbox") == items == 4
    assert html.count('<p class="fill-in">') == 3 and '<span class="label">Goal 1:</span>' in html
    assert "<h1>Pair mentorship</h1>" in html and "<h2>Who it suits</h2>" in html
    assert "<h3>Meeting 1: Get to know each other</h3>" in html
    assert "<strong>Priya</strong>" in html and "<em>anything</em>" in html
    assert '<pre>Hi Priya,\nwe have not met for a while.\n\nThanks!</pre>' in html
    assert "<dt>Organisation</dt><dd>Northwind Labs</dd>" in html and "<dt>Issued</dt><dd>24 Jul 2026</dd>" in html
    assert "<dt>Program</dt>" not in html  # a blank value is left out of the header


def test_every_real_guide_exports():
    for guide in load_guides():
        html = guide_html(guide, HOSTILE)
        assert f"<h1>{guide.title}</h1>" in html and "<script" not in html
