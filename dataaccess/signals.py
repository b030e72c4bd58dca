"""What other apps hear from dataaccess.

``access_reported(sender, report, url)``: a citizen reported an access to their data they do not recognise. Sent
inside the transaction that stores the report; notifications answers the citizen that it was received. ``url`` is
the page of the citizen's access list.
"""

from django.dispatch import Signal

access_reported = Signal()
