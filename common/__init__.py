"""Small helpers every app of the portal may use: nothing here imports a domain app.

- ``net``: the client's address (audit trails, the same one the rate limits see);
- ``files``: serving private files (attachments, results, issued documents);
- ``tasks``: the retry policy every Celery task of the portal starts from;
- ``registry``: registries of pluggable parts (payment providers, notification
  channels, SMS backends, signers, prefill sources), with demo plugins behind
  ``ENABLE_DEMO_PLUGINS``.
"""
