"""Settings for benchmark servers: the portal plus a bare one-insert view to compare against."""

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# The load generator posts as fast as it can; throttling would measure the throttle.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}  # noqa: F405
