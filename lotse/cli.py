"""The `lotse` console command: Django's management commands, from the repo root.

`lotse score-pairs` and `lotse score_pairs` name the same command: hyphens are
what people type, underscores are what Python modules can be called.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lotse.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    argv[0] = "lotse"
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
