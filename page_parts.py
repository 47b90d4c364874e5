"""Column settings the pages share, so every table reads the same way."""

from __future__ import annotations

import streamlit as st


def people_columns() -> dict:
    return {
        "name": st.column_config.TextColumn("Name"),
        "email": st.column_config.LinkColumn("Email", display_text=r"mailto:(.*)"),
        "team": st.column_config.TextColumn("Team"),
        "goals": st.column_config.TextColumn("Goals"),
        "preferred_type": st.column_config.TextColumn("Prefers"),
        "row": st.column_config.NumberColumn("Row", help="Row in your spreadsheet", format="%d"),
        "manager_email": st.column_config.LinkColumn("Manager", display_text=r"mailto:(.*)"),
        "skills": st.column_config.TextColumn("Skills"),
        "interests": st.column_config.TextColumn("Interests"),
        "languages": st.column_config.TextColumn("Languages"),
        "cohort": st.column_config.TextColumn("Cohort"),
        "avoid": st.column_config.TextColumn("Avoid"),
        "seniority": st.column_config.NumberColumn("Years", format="%g"),
        "capacity": st.column_config.NumberColumn("Capacity"),
        "active": st.column_config.CheckboxColumn("Active"),
        "timezone": st.column_config.TextColumn("Time zone"),
        "mentorship_types": st.column_config.TextColumn("Offers"),
        "preferred_mentors": st.column_config.TextColumn("Preferred mentors"),
    }


def mail_links(frame, columns=("email",)):
    """Emails as mailto: links, shown as the address (pair with `people_columns`)."""
    out = frame.copy()
    for column in columns:
        if column in out:
            out[column] = out[column].map(lambda e: f"mailto:{e}" if e else e)
    return out
