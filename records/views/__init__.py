"""Views of records, one module per door: starting a filing and its steps, "Hồ sơ của tôi", the lookup,
the back-office."""
