"""Tandem's domain: the spreadsheet contract, data sources, validation and the engines. No Streamlit here."""
