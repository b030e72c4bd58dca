"""The transactional outbox: side effects written with the change that causes them, run exactly once.

A bottom-layer app: it imports no domain app. Other apps call
``outbox.services.enqueue`` (or ``enqueue_many``) inside the transaction of a
change, naming the Celery task that does the work, its keyword arguments and a
unique key. See ``services.py`` for the whole story (relay, sweep, claims,
leases) and the README's "Outbox" paragraph.
"""
