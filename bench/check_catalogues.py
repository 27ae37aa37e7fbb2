"""Lint: the Arabic and French catalogues must be complete (no English on an Arabic or French page).

Uses GNU msgfmt: --check-format catches placeholders that differ between msgid and msgstr, --statistics
counts untranslated and fuzzy entries. Tamazight and English are allowed to be partial.
"""

import subprocess
import sys
from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "src" / "infitah" / "locale"
COMPLETE_LANGUAGES = ["ar", "fr"]


def statistics(language):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check-format", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, result.stderr.strip()


def main():
    failed = False
    for language in COMPLETE_LANGUAGES:
        code, report = statistics(language)
        incomplete = "untranslated" in report or "fuzzy" in report
        print(f"{language}: {report}")
        if code != 0 or incomplete:
            failed = True
    if failed:
        print("The Arabic and French catalogues must be complete: run `make messages` and translate.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
