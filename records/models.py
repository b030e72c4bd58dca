"""A citizen's record (hồ sơ) and its workflow (issue: filing, back-office)."""
