"""The kiosk's colours and sizes as rules a test can check: contrast pairs and touch targets. No Qt."""
