"""The `infitah` console command: `infitah demo`, `infitah serve`, and every Django management command."""

import os
import sys

# Hyphenated spellings used in the docs, mapped to Django's command names.
ALIASES = {"import-collectivities": "import_collectivities"}


def main(argv=None):
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infitah.settings")
    if len(argv) > 1:
        argv[1] = ALIASES.get(argv[1], argv[1])
        if argv[1] == "demo":
            # The demo serves plain HTTP on the loopback: secure-only cookies would make login impossible.
            os.environ.setdefault("INFITAH_HTTPS", "false")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
