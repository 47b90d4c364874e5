"""The Health page's parts: the summary (KPIs, what needs attention, the report), the charts, one pair's story and
the logging forms."""
