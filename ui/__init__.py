"""Every Streamlit helper besides app.py and the page scripts: the state adapter, the gates, the sidebar, notices,
shared widgets, and one module (or small package) per page's parts. lib/ never imports from here."""
