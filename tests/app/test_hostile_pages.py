"""Every page on every hostile corpus case (tests/corpus/hostile): a refused file is one message on screen, a
loaded one renders every page and a suggestion, and nothing shows a traceback."""

from __future__ import annotations

import shutil

import pytest

from tests.app.test_pages import assert_no_exception, open_location
from tests.unit.reading.test_loader_hostile import HOSTILE, REFUSED

PAGES = ["pages/overview.py", "pages/roster.py", "pages/pairings.py", "pages/health.py", "pages/guides.py"]


@pytest.mark.parametrize("case", sorted(p.name for p in HOSTILE.iterdir()))
def test_every_page_renders_or_says_why_on_hostile_input(app, tmp_path, case):
    copy = tmp_path / case
    (shutil.copytree if (HOSTILE / case).is_dir() else shutil.copy)(HOSTILE / case, copy)
    open_location(app, copy)
    assert_no_exception(app)
    shown = " ".join(e.value for e in [*app.main.error, *app.sidebar.error]).replace("\\", "")
    if case in REFUSED:
        assert REFUSED[case] in shown
        return
    assert "could not" not in shown.lower(), shown
    assert any(str(copy) in c.value.replace("\\", "") for c in app.sidebar.caption)  # the case, not the sample
    for page in PAGES:
        app.switch_page(page).run()
        assert_no_exception(app)
        if page == "pages/pairings.py":
            app.button(key="FormSubmitter:pairing_options-Suggest pairs").click().run()
            assert_no_exception(app)
