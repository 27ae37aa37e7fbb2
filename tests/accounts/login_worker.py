"""One app process for the login throttle's two-process test: `python login_worker.py ADDRESS EMAIL PASSWORD...`
makes one login attempt per password, from ADDRESS, and prints what the person saw each time: signed-in,
wrong-password or too-many-attempts.

It runs Django from the environment (DATABASE_URL, REDIS_URL, SECRET_KEY), as `infitah serve` would.
"""

import json
import os
import sys


def main(address, email, *passwords):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infitah.settings")
    import django

    django.setup()
    from django.test import Client

    seen = []
    for password in passwords:
        client = Client(REMOTE_ADDR=address)
        response = client.post("/en/accounts/login/", {"login": email, "password": password})
        text = response.content.decode()
        if response.status_code == 302 and "_auth_user_id" in client.session:
            seen.append("signed-in")
        elif "Too many failed login attempts" in text:
            seen.append("too-many-attempts")
        elif "The email address and/or password you specified are not correct" in text:
            seen.append("wrong-password")
        else:
            seen.append(f"unexpected {response.status_code}")
    print(json.dumps(seen))


if __name__ == "__main__":
    main(*sys.argv[1:])
