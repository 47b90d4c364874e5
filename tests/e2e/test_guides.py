"""The Guides page in Chromium: tailor the organisation, download a guide (PDF and HTML), the pack and the kickoff
sheets, and read each PDF back with pypdf: a valid file, the expected pages, the tailored organisation, the pairs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from playwright.sync_api import expect

from lib.documents.handoff import handoff_pairs
from lib.documents.pdf import guide_pdf
from lib.guides.library import Tailoring, find_guide, load_guides
from lib.reading.loader import load
from lib.sources import sample_source
from tests.e2e.actions import button, choose, download, open_folder, success_text, tab
from tests.unit.documents.pdf.reading import read, words

ORGANISATION = "Contoso Łódź <b>&</b> Partners"
AS_OF = date(2026, 7, 24)


def test_tailor_a_guide_then_download_it_and_the_kickoff_sheets(app, tmp_path):
    app.open()
    app.go_to("Guides")
    expect(app.page.locator("h1")).to_have_text("Guides")
    app.page.get_by_text("Tailor to your program").click()
    organisation = app.page.get_by_label("Organisation", exact=True)
    organisation.fill(ORGANISATION)
    organisation.press("Tab")  # leaves the field, as a person does, so the form holds the value before Apply
    button(app, "Apply").click()
    app.wait_rendered()
    main = app.page.locator('[data-testid="stMainBlockContainer"]')
    expect(main).to_contain_text(f"At {ORGANISATION} this is")  # the reading view, literally, not as markup
    expect(main.locator("b")).to_have_count(0)

    data = load(sample_source())
    tailoring = replace(Tailoring.from_settings(data.settings), organisation=ORGANISATION)
    guide = find_guide(load_guides(), "one-on-one")
    name, payload = download(app, "Guide (PDF)", tmp_path)
    assert name == "tandem-guide-one-on-one-2026-07-24.pdf"
    pages = read(payload)
    assert len(pages) == len(read(guide_pdf(guide, tailoring, AS_OF))) >= 3
    assert ORGANISATION in pages[0] and "One-on-one mentorship" in pages[0]
    assert "The first three meetings" in " ".join(pages)

    name, payload = download(app, "Guide (HTML, to print)", tmp_path)
    assert name == "tandem-guide-one-on-one-2026-07-24.html"
    html = payload.decode("utf-8")
    assert "Contoso Łódź &lt;b&gt;&amp;&lt;/b&gt; Partners" in html and "<b>" not in html

    name, payload = download(app, "Program pack (PDF)", tmp_path)
    assert name == "tandem-program-pack-2026-07-24.pdf"
    pages = read(payload)
    assert ORGANISATION in pages[0] and "Contents" in pages[1] and len(pages) > len(load_guides()) + 2

    tab(app, "Kickoff sheets").click()
    pairs = handoff_pairs(data)
    name, payload = download(app, "Kickoff sheets, 2 new pairs (PDF)", tmp_path)  # new pairs by default
    new = read(payload)
    assert len(new) == 2 and "Olena Kovalenko and Yusuf Demir" in " ".join(new)  # P-016, proposed
    app.page.get_by_text(f"All pairs ({len(pairs)})").click()  # and the pairs running since June, on request
    app.wait_rendered()
    name, payload = download(app, f"Kickoff sheets, all {len(pairs)} pairs (PDF)", tmp_path)
    assert name == "tandem-kickoff-sheets-2026-07-24.pdf"
    pages = read(payload)
    assert len(pages) == len(pairs) == 16
    for page, pair in zip(pages, pairs):
        assert all(word in page for word in words(f"{pair.first_name} {pair.mentee_name}"))
        assert ORGANISATION.upper() in page  # the kicker names the tailored organisation

    choose(app, "One pair", "Priya Raman + Diego Hernández")
    name, payload = download(app, "Kickoff sheet for this pair (PDF)", tmp_path)
    assert name == "tandem-kickoff-diego.hernandez-2026-07-24.pdf"
    pages = read(payload)
    assert len(pages) == 1 and "Priya Raman and Diego Hernández" in pages[0]


def test_the_pairings_hand_off_and_the_health_page_download_their_pdfs(app, tmp_path):
    app.open()
    app.go_to("Pairings")
    tab(app, "Hand-off").click()
    name, payload = download(app, "Kickoff sheets, 2 pairs (PDF)", tmp_path)
    assert name == "tandem-kickoff-sheets-2026-07-24.pdf" and len(read(payload)) == 2
    choose(app, "Pair", "Aiko Tanaka + Sofia Rossi")
    name, payload = download(app, "Kickoff sheet for this pair (PDF)", tmp_path)
    pages = read(payload)
    assert name == "tandem-kickoff-sofia.rossi-2026-07-24.pdf"
    assert len(pages) == 1 and "Aiko Tanaka and Sofia Rossi" in pages[0]

    app.go_to("Health")
    name, payload = download(app, "Health report (PDF)", tmp_path)
    pages = read(payload)
    assert name == "tandem-health-report-2026-07-24.pdf"
    assert "Relationship health" in pages[0] and "14 pairs; 8 healthy, 3 watch, 3 at risk" in pages[0]


def test_tailoring_saved_as_the_programs_settings_lands_in_the_settings_file(app, sample_copy):
    open_folder(app, sample_copy)
    app.go_to("Guides")
    app.page.get_by_text("Tailor to your program").click()
    name = app.page.get_by_label("Program name")
    name.fill("Autumn Cohort 2026")
    name.press("Tab")
    button(app, "Save as the program's settings").click()
    app.wait_rendered()
    success_text(app, "Saved the program's details to the settings tab (program_name).")
    rows = dict(line.split(",", 1) for line in (sample_copy / "settings.csv").read_text(encoding="utf-8").splitlines())
    assert rows["program_name"] == "Autumn Cohort 2026"
    app.go_to("Overview")
    expect(app.page.locator("h1")).to_have_text("Autumn Cohort 2026")
