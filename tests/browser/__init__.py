"""Browser tests: Debian's Chromium driven by Playwright over the built site (marker: browser)."""
