"""The spreadsheet contract: tabs and columns, the row models, cell values, dates, settings, problems."""
