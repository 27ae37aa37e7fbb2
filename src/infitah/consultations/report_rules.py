"""Permission rules of the consultation report (kept apart from rules.py: the report has its own owner)."""
