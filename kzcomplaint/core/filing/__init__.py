"""After filing: what falls due next across the user's cases (filings, answers and the chain follow here)."""
