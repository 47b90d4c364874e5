"""What a lead downloads: spreadsheet exports, the starter workbook, the hand-off, and PDFs."""
