"""What other apps may react to, sent only after the change is committed.

Notifications, documents and payments connect receivers in their
``AppConfig.ready``; records never imports them. A rolled-back transition
sends nothing.
"""

from django.dispatch import Signal

# kwargs: record, event (the RecordEvent), action
record_transitioned = Signal()
