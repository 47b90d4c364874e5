"""The guides: their Markdown format, loading and tailoring them, and the print-ready HTML page."""
