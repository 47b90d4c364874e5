"""The Guides page through AppTest: reading a guide, tailoring it, the downloads offered and the kickoff sheets.

AppTest cannot read a download's bytes: tests/unit/documents/pdf/ and tests/unit/guides/test_html.py test what they hold.
"""

from __future__ import annotations

from lib.guides.library import load_guides
from tests.app.test_pages import assert_no_exception, open_location, write_folder

GUIDES = "pages/guides.py"


def downloads(at) -> list[str]:
    return [d.proto.label for d in at.get("download_button")]


def submit(at, label: str):
    found = [b for b in at.button if b.label == label]
    assert found, [b.label for b in at.button]
    return found[0].click().run()


def markdown(at) -> str:
    return "\n".join(m.value for m in at.main.markdown)


def test_the_guides_page_reads_the_first_guide_tailored_from_the_settings(app):
    app.switch_page(GUIDES).run()
    assert_no_exception(app)
    assert [t.value for t in app.title] == ["Guides"]
    assert [t.label for t in app.tabs] == ["Read and download", "Kickoff sheets"]
    first = load_guides()[0]
    assert app.selectbox(key="guide_choice").value == first.slug
    assert app.header[0].value.replace("\\", "") == first.title
    assert "Northwind Labs" in markdown(app)  # {organisation} from the settings tab
    assert "{" not in markdown(app).replace("\\{", "")
    assert app.text_input(key="tailor_organisation").value == "Northwind Labs"
    assert app.text_input(key="tailor_program").value == "Summer Internship 2026"
    assert str(app.date_input(key="tailor_start").value) == "2026-06-01"
    assert app.selectbox(key="tailor_cadence").value == "biweekly"
    assert downloads(app) == ["Guide (PDF)", "Guide (HTML, to print)", "Program pack (PDF)",
                              "Kickoff sheets, 2 new pairs (PDF)", "Kickoff sheet for this pair (PDF)"]
    app.toggle(key="kickoff_every").set_value(True).run()  # the pairs running since June, on request
    assert "Kickoff sheets, all 16 pairs (PDF)" in downloads(app)
    assert app.code, "message templates are shown as code to copy"


def test_tailoring_applies_to_the_reading_view_escaped_and_survives_a_page_switch(app):
    app.switch_page(GUIDES).run()
    app.text_input(key="tailor_organisation").input("Acme <b>Corp</b> [x](http://evil)")
    app.selectbox(key="tailor_cadence").set_value("monthly")
    submit(app, "Apply")
    assert_no_exception(app)
    assert [t.value for t in app.toast] == ["The guides and downloads now use these details."]
    text = markdown(app)
    assert r"Acme \<b\>Corp\</b\> \[x\]\(http\://evil\)" in text  # every special character made literal
    assert "<b>" not in text and "](http" not in text
    app.switch_page("pages/overview.py").run()
    app.switch_page(GUIDES).run()
    assert app.text_input(key="tailor_organisation").value == "Acme <b>Corp</b> [x](http://evil)"
    assert "Acme" in markdown(app)
    submit(app, "Back to the settings tab's values")
    assert_no_exception(app)
    assert app.text_input(key="tailor_organisation").value == "Northwind Labs"
    assert "Acme" not in markdown(app)


def test_tailoring_saved_as_the_programs_settings_is_written_and_read_back_everywhere(app):
    app.switch_page(GUIDES).run()
    app.text_input(key="tailor_program").input("Autumn Cohort 2026")
    app.text_input(key="tailor_contact").input("Ana Ruiz <ana.ruiz@northwind.example>")
    submit(app, "Save as the program's settings")
    assert_no_exception(app)
    [saved] = [s.value for s in app.success]
    assert saved.replace("\\", "") == "Saved the program's details to the settings tab (program_name, contact)."
    app.switch_page("pages/overview.py").run()
    assert [t.value for t in app.title] == ["Autumn Cohort 2026"]  # the settings tab now says so
    app.switch_page(GUIDES).run()
    assert app.text_input(key="tailor_program").value == "Autumn Cohort 2026"
    submit(app, "Save as the program's settings")
    assert [s.value.replace("\\", "") for s in app.success] == ["The settings tab already holds these details."]


def test_choosing_another_guide(app):
    app.switch_page(GUIDES).run()
    app.selectbox(key="guide_choice").set_value("finding-a-mentor").run()
    assert_no_exception(app)
    assert app.header[0].value == "Finding a mentor"
    assert "## " in markdown(app)


def test_kickoff_sheets_explain_the_empty_state(app, tmp_path):
    open_location(app, write_folder(tmp_path / "program"))  # mentors and mentees, no pairings
    app.switch_page(GUIDES).run()
    assert_no_exception(app)
    assert app.tabs[1].label == "Kickoff sheets"
    infos = [i.value for i in app.tabs[1].info]
    assert len(infos) == 1 and "No proposed or active pairings yet" in infos[0]
    assert "Kickoff sheet for this pair (PDF)" not in downloads(app)
    assert "Guide (PDF)" in downloads(app)


def test_the_pairings_hand_off_and_the_health_page_offer_the_pdfs(app):
    app.switch_page("pages/pairings.py").run()
    assert_no_exception(app)
    assert {"Kickoff sheets, 2 pairs (PDF)", "Kickoff sheet for this pair (PDF)"} <= set(downloads(app))
    app.switch_page("pages/health.py").run()
    assert_no_exception(app)
    assert {"Health report (CSV)", "Health report (PDF)"} <= set(downloads(app))


def test_an_edited_guide_is_read_again_and_a_broken_one_is_named(app, tmp_path, monkeypatch):
    """The guides are parsed once per version of their files: an edit made while the dashboard runs shows on the
    next rerun, and a file broken meanwhile is an error naming it, never a stale guide or a traceback."""
    import os
    import shutil

    from lib.guides import library

    folder = tmp_path / "guides"
    shutil.copytree(library.GUIDES_DIR, folder)
    monkeypatch.setattr(library, "GUIDES_DIR", folder)
    app.switch_page(GUIDES).run()
    first = load_guides(folder)[0]
    path = folder / f"{first.slug}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"title: {first.title}", "title: Our own one-on-one guide", 1), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))  # a later file time, surely
    app.run()
    assert_no_exception(app)
    assert app.header[0].value.replace("\\", "") == "Our own one-on-one guide"
    path.write_text(text.replace("\n## ", "\n#### ", 1), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 2 * 10**9))
    app.run()
    assert_no_exception(app)
    errors = [e.value.replace("\\", "") for e in app.error]
    assert errors and errors[0].startswith(f"A guide file needs fixing: {first.slug}.md line ")
