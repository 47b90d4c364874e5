"""The Health page's Reminders tab: what is due today, previewed message by message, and one button that sends
it through the mail server, once (lib/reminders/, the same path as `python -m lib remind`)."""

from __future__ import annotations

import os
from datetime import datetime

import pandas as pd
import streamlit as st

from lib.contract.dates import format_date
from lib.errors import MailError
from lib.reading.dataset import Dataset
from lib.reminders.due import Reminder
from lib.reminders.messages import plain_body
from lib.reminders.run import cannot_record, deliver, due_on, guides_for_sending
from lib.reminders.send import TAB, stuck_rows, to_send
from lib.reminders.smtp import ENV_PREFIX, smtp_settings
from lib.text import markdown_text, plural
from ui import notices, state
from ui.widgets import pick

KIND_WORDS = {"due": "Meeting reminder", "nudge": "Nudge", "digest": "Weekly digest"}


def reminders_tab(data: Dataset, health: pd.DataFrame) -> None:
    st.caption("Meeting reminders go from the working day before each meeting a pair has logged nothing for until "
               "it starts; a nudge goes to each pair to watch or at risk once per cadence period; the weekly digest "
               "goes to the program contact. Press Send once a working day, or run `python -m lib remind SOURCE "
               "--send` daily.")
    on, now = data.today(), datetime.now().astimezone()
    # worked out once an hour for the list (a meeting that started within the hour may still show); Send works it
    # out again at the moment it is pressed, so it never reminds of a meeting that has started
    planned = state.derived("reminders due", data, lambda: due_on(data, on, health, now), on, f"{now:%Y-%m-%d %H}")
    limit = data.settings.max_reminders_per_run
    recorded = data.tables.get(TAB)
    todo, already, held_back = to_send(planned.reminders, recorded, limit)
    said = [f"{plural(len(todo), 'reminder')} due on {format_date(on)}."]
    if already:
        said.append(f"{already} already sent in this period: they do not go again.")
    if held_back:
        said.append(f"{held_back} more past this run's limit of {limit} (max_reminders_per_run): the next run sends "
                    "them.")
    st.markdown(markdown_text(" ".join(said)))
    for line in [*planned.notes, *stuck_rows(recorded)]:
        st.caption(markdown_text(line))
    if todo:
        _preview(todo)
    _send(data, health, todo)


def _preview(todo: list[Reminder]) -> None:
    rows = [{"kind": KIND_WORDS[r.kind], "to": ", ".join(name for name, _ in r.to), "subject": r.subject,
             "left out": ", ".join(r.left_out)} for r in todo]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch",
                 column_config={"kind": "Kind", "to": "To", "subject": "Subject",
                                "left out": st.column_config.TextColumn("Opted out", help="They asked for no "
                                                                        "reminders (the reminders roster column)")})
    options = {f"{r.kind}|{r.pairing_id}|{r.period}": r for r in todo}
    chosen = pick("Preview a message", options, lambda r: f"{KIND_WORDS[r.kind]}: {r.subject}", "reminder_preview")
    if chosen is not None:
        to = ", ".join(f"{name} <{email}>" for name, email in chosen.to)
        attached = "\nAttached: the pair's meeting series (.ics)" if chosen.kind == "due" else ""
        st.code(f"To: {to}\nSubject: {chosen.subject}{attached}\n\n{plain_body(chosen)}", language=None,
                wrap_lines=True)


def _send(data: Dataset, health: pd.DataFrame, todo: list[Reminder]) -> None:
    if refusal := cannot_record(state.current_source()):
        st.info(markdown_text(refusal), icon=":material/info:")
        return
    try:
        settings = smtp_settings(state.secret("smtp"), os.environ)
    except MailError as exc:
        st.error(markdown_text(str(exc)), icon=":material/error:")
        return
    if settings is None:
        st.info(markdown_text(f"No mail server is set, so reminders can only be previewed: add [smtp] to "
                              f".streamlit/secrets.toml or set {ENV_PREFIX}HOST (the README's Reminders section "
                              "walks through it)."), icon=":material/info:")
        return
    st.caption(markdown_text(f"Sends through {settings.words()}."))
    guides, note = guides_for_sending(state.guides)  # a broken guide file: the calendars go without the agenda
    if note:
        st.caption(markdown_text(note))
    if not st.button(f"Send {plural(len(todo), 'reminder')}", type="primary", icon=":material/send:",
                     disabled=not todo, key="send_reminders"):
        return
    limit = data.settings.max_reminders_per_run
    with st.spinner("Sending…"):
        planned = due_on(data, data.today(), health, datetime.now().astimezone())  # as of this moment
        notices.save(lambda: deliver(data, planned, state.writer(data), settings, guides),
                     lambda report: " ".join([*report.sentences(limit), *([note] if note else [])]))
