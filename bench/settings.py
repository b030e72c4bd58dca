"""Settings for benchmark servers and processes: the portal plus the reference views to compare against."""

import os

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# The load generator posts as fast as it can; throttling would measure the throttle.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}  # noqa: F405

if os.environ.get("BENCH_SMOKE", "").lower() not in ("", "0", "false", "no"):
    # Smoke runs only check that each benchmark still works: seeding the demo registry's 65 people with
    # PBKDF2 would take most of their time. No benchmark measures a password check.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
