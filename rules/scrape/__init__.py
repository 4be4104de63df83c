"""Family scrape."""
