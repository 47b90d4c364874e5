"""The impact report PDF, read back by a real reader: one page whatever the number of cohorts (a page that
overflowed would break onto a second), whole percentages, "–" for a figure without data, the reference labelled."""

from __future__ import annotations

import pytest

from lib.documents.pdf.impact_report import impact_report_pdf
from lib.outcomes.report import impact
from lib.reading.loader import load
from lib.sources import sample_source
from tests.unit.documents.pdf.reading import read


@pytest.mark.parametrize("cohorts", [0, 1, 3, 6, 7, 20])
def test_one_page_for_any_number_of_cohorts(cohorts):
    data = load(sample_source())
    [figures] = impact(data).values()
    report = {f"Cohort {k + 1}": dict(figures, offer_rate=k / max(cohorts, 1)) for k in range(cohorts)}
    pages = read(impact_report_pdf(report, data, data.today()))
    assert len(pages) == 1
    if cohorts:
        assert f"Cohort {cohorts}" in pages[0] and "Mentees offered a job" in pages[0]


def test_whole_percentages_and_a_dash_without_data():
    data = load(sample_source())
    report = impact(data)
    report["Summer 2026"]["goal_completion_rate"] = 0.125
    report["Summer 2026"]["offer_rate_off_cadence"] = None
    [page] = read(impact_report_pdf(report, data, data.today()))
    assert "Goals completed 13 %" in page and "Offered, pairs off cadence –" in page
    assert "As of 24 Jul 2026" in page and "Dashed line: reference, NACE 2016 survey, 72.7 %" in page
