"""Plain words in everything a person reads: every page (after a suggestion in each mode, a rematch and the
health views), the introductions and nudges, the kickoff sheets and guide PDFs, and the command line's output.
The engine's vocabulary never reaches a lead or an intern."""

from __future__ import annotations

import io
import re
import subprocess
import sys

import pandas as pd
import pytest
from pypdf import PdfReader

from lib.documents.handoff import handoff_pairs, introduction
from lib.health.model import assess
from lib.reading.loader import load
from lib.sources import sample_source
from tests.app.test_pages import assert_no_exception
from tests.app.test_pairings_page import suggest

ENGINE_WORDS = re.compile(r"\b(solvers?|linear assignment|upper bound|relaxation|repair step|matri(x|ces)|cells?)\b",
                          re.IGNORECASE)
PAGES = ["pages/overview.py", "pages/roster.py", "pages/pairings.py", "pages/health.py", "pages/guides.py",
         "pages/setup.py"]


def shown_text(at) -> list[str]:
    """What the page shows a person: messages, labels, help, options and table contents."""
    said = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "code", "info", "warning",
                 "success", "error", "exception"):
        said += [str(e.value) for e in getattr(at, kind)]
    said += [f"{m.label} {m.value} {m.help or ''}" for m in at.metric]
    for kind in ("button", "checkbox", "toggle", "radio", "selectbox", "text_input", "date_input", "slider",
                 "text_area", "number_input", "multiselect"):
        for widget in getattr(at, kind):
            said.append(f"{getattr(widget, 'label', '')} {getattr(widget, 'help', '') or ''}")
            said += [str(o) for o in getattr(widget, "options", []) or []]
    said += [t.label for t in at.tabs] + [e.label for e in at.expander]
    for frame in at.dataframe:
        value = frame.value
        if isinstance(value, pd.DataFrame):
            said += [" ".join(map(str, value.columns))]
            said += [" ".join(str(v) for v in row) for row in value.itertuples(index=False)]
    return said


def engine_words(texts: list[str]) -> list[str]:
    return [t for t in texts if ENGINE_WORDS.search(t)]


def test_the_detector_finds_engine_words():
    assert engine_words(["Peer pairs come from the assignment solver with a repair step", "the score matrix",
                         "only the cells you change"]) == ["Peer pairs come from the assignment solver with a "
                                                           "repair step", "the score matrix",
                                                           "only the cells you change"]
    assert engine_words(["Cellist wanted", "Solve it together"]) == []


@pytest.mark.parametrize("page", PAGES)
def test_no_page_speaks_the_engines_words(app, page):
    app.switch_page(page).run()
    assert_no_exception(app)
    assert engine_words(shown_text(app)) == []


@pytest.mark.parametrize("kind", ["one-on-one", "group", "peer"])
def test_a_suggestion_in_every_mode_is_told_in_plain_words(app, kind):
    app.switch_page("pages/pairings.py").run()
    app.radio(key="pair_type").set_value(kind).run()
    suggest(app)
    said = shown_text(app)
    assert any("Why this pair" in t or "reason" in t for t in said)
    assert engine_words(said) == []
    notes = [str(c.value) for c in app.caption]
    assert not [t for t in notes if "@" in t and ("odd one out" in t or "trio" in t)]  # names, not emails


def test_introductions_nudges_and_printed_sheets_are_in_plain_words():
    data = load(sample_source())
    pairs = handoff_pairs(data)
    said = [text for p in pairs for text in introduction(p, data)]
    assert not [t for t in said if re.search(r"\d h overlap", t)]
    said += assess(data)["next_step"].tolist()
    from lib.documents.pdf.guide_documents import guide_pdf
    from lib.documents.pdf.kickoff import kickoff_pdf
    from lib.guides.library import Tailoring, load_guides

    guides = load_guides()
    tailoring = Tailoring.from_settings(data.settings)
    printed = [kickoff_pdf(data, pairs, guides)] + [guide_pdf(g, tailoring, data.today()) for g in guides]
    said += [page.extract_text() for pdf in printed for page in PdfReader(io.BytesIO(pdf)).pages]
    assert engine_words(said) == []


@pytest.mark.parametrize("kind", ["one-on-one", "group", "peer"])
def test_the_command_line_says_it_in_plain_words_too(kind):
    result = subprocess.run([sys.executable, "-m", "lib", "pair", "sample", "--type", kind], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    assert engine_words((result.stdout + result.stderr).splitlines()) == []
