"""Run the same thing from several threads at the same instant, as concurrent requests would."""

import threading

from django.db import connection


def all_at_once(function, arguments: list[tuple]) -> tuple[list, list[Exception]]:
    """Call ``function(*args)`` for each tuple of ``arguments`` in its own thread, released together.

    Returns (results, errors); each thread closes its own database connection.
    """
    barrier = threading.Barrier(len(arguments))
    results, errors = [], []

    def run(*args):
        try:
            barrier.wait()
            results.append(function(*args))
        except Exception as error:  # noqa: BLE001 - returned to the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=args) for args in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors
