"""Reminders by email: what is due (due.py), the messages (messages.py), the mail server (smtp.py), and sending
each one exactly once, recorded in the `reminders` tab (send.py)."""
