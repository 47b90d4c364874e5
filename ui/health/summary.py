"""The Health page's summary: what the statuses are judged on, the KPIs, what needs attention most urgent first, and
the report to download."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.contract.dates import format_date
from lib.documents.exports import dated_name
from lib.health.model import report, summary
from lib.reading.dataset import Dataset
from lib.text import markdown_text
from lib.vocabulary import AT_RISK, HEALTHY
from ui.health.fit import rematch_offer
from ui.health.pairs import label, stored_pairing
from ui.widgets import PDF, csv_download


def caption(data: Dataset) -> None:
    pinned = " (date pinned by the `as_of` setting)" if data.settings.as_of else ""
    st.caption(markdown_text(f"Every pairing active on {format_date(data.today())}") + pinned + ". Status is the worse "
               "of the score and the warning signs; thresholds come from the settings tab of your spreadsheet.")


def kpis(health: pd.DataFrame, data: Dataset) -> None:
    k = summary(health, data)
    cells = [*st.columns(3), *st.columns(3)]  # two rows: every label and comparison shows at 1280 px
    cells[0].metric("Active pairs", k["active_pairs"])
    cells[1].metric("Healthy", f"{k['healthy_share']:.0%}", help=f"{k['watch']} to watch, {k['at_risk']} at risk")
    cells[2].metric("At risk", k["at_risk"])
    cells[3].metric("Check-ins (month)", k["checkins_this_month"],
                    delta=f"{k['checkins_this_month'] - k['checkins_last_month']:+d} against {k['periods'][1]}",
                    help=f"Check-ins {k['periods'][0]} against {k['periods'][1]}: the same days of each month")
    ratings = " / ".join("–" if v is None else f"{v:.1f}" for v in (k["mentor_rating"], k["mentee_rating"]))
    cells[4].metric("Ratings", ratings, help="Mentors / mentees: the average of each side's latest rating (1-5)")
    cells[5].metric("First meetings pending", k["first_meetings_pending"])


def attention_list(health: pd.DataFrame, data: Dataset) -> None:
    """Pairs at risk or to watch, most urgent first, each with its reasons, a message to send, and for a pair that
    does not fit, its rematch."""
    needing = health[health["status"] != HEALTHY]
    if needing.empty:
        st.success("Every active pair is healthy.", icon=":material/check_circle:")
        return
    for _, row in needing.iterrows():
        icon = ":material/error:" if row["status"] == AT_RISK else ":material/visibility:"
        with st.expander(markdown_text(f"{row['status']}: {label(row)} (score {row['score']})"), icon=icon,
                         expanded=row["status"] == AT_RISK):
            st.text("\n".join(f"• {r}" for r in row["reasons"]))
            st.code(row["next_step"], language=None, wrap_lines=True)
            rematch_offer(data, row, stored_pairing(data, row), "attention")


def report_download(health: pd.DataFrame, data: Dataset) -> None:
    from lib.documents.pdf.health_report import (
        health_report_pdf,  # fpdf2 loads once a page offers a PDF
    )

    csv_column, pdf_column = st.columns(2)
    csv_download("Health report (CSV)", report(health), "health-report", data.today(), where=csv_column)
    pdf_column.download_button("Health report (PDF)", lambda: health_report_pdf(report(health), data),
                               dated_name("health-report", data.today(), "pdf"), mime=PDF,
                               on_click="ignore", icon=":material/picture_as_pdf:")  # built on click: a PDF takes time
