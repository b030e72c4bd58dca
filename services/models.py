"""Online public services built on procedures (issue: online services and filing)."""
