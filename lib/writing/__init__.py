"""Writing back what the lead decides: the one writer, roster edits, the pairing lifecycle, log entries, forgetting."""
