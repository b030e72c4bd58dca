from common.net import client_ip  # noqa: F401  (temporary re-export until records/ imports common.net)
