"""Run actions at the same moment from several threads, as people clicking together would."""

import threading

from django.db import connection


def in_parallel(actions):
    """Run each action in its own thread, all released at once; each thread closes its connection.

    Returns the exceptions raised, so a test can say which ones it expects."""
    barrier = threading.Barrier(len(actions))
    errors = []

    def run(action):
        try:
            barrier.wait()
            action()
        except Exception as error:  # noqa: BLE001 - returned to the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors
