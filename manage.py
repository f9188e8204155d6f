#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if sys.argv[1:2] == ["extract"] and "--load-gold-entities" in sys.argv:
        # Needs no database: skip Django's start-up (sources/file_extraction.py says why).
        from sources import file_extraction

        if file_extraction.is_standalone(sys.argv):
            sys.exit(file_extraction.main(sys.argv[2:]))
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
