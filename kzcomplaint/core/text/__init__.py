"""Text in three languages: translation of interface messages, legal dates, language detection.

Used by every other part of the core; uses nothing of it but ``core.files``."""
