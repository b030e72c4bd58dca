"""Demo data for a local demonstration: the catalogue, the population registry, accounts and online services.

Kept out of the domain apps: it creates its rows through their models and services, and no domain app imports
it. ``python manage.py seed_demo`` loads it; tests build what they need with the factories under ``tests/``.
"""

# Loaded in this order: accounts need the catalogue's units and agencies, online services its procedures,
# the demo desks the online services (their staff sit where the demo citizens' filings go); who manages them and
# their activation codes (to set up TOTP) come last, once every officer exists.
SEEDERS = [
    "demo.catalogue",
    "demo.accounts",
    "demo.online_services",
    "demo.results",
    "demo.desks",
    "demo.process_steps",
    "demo.staff_admin",
    "demo.appointments",
]
