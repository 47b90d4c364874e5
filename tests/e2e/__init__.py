"""Browser tests (a package so test_pages.py does not clash with tests/app/test_pages.py)."""
